// Answers placed into HTML by a questionnaire ({name} in an html element, {panel.x} in one inside
// a dynamic panel, completedHtml) are text, never markup. survey-core substitutes the placeholders
// of HTML as it does those of titles, without escaping, so an answer such as
// `<img src=x onerror=...>` or `<b style=...>` would render as markup in the form and the print
// view. Every value substituted into HTML is escaped (braces included, so an answer cannot bring
// a placeholder of its own); titles and other texts, rendered as text, keep their values as typed.
import { Serializer, type SurveyModel } from 'survey-core';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '{': '&#123;',
  '}': '&#125;',
};

export const escapeHtml = (text: string) => text.replace(/[&<>"'{}]/g, (c) => ENTITIES[c]!);

let patched = false;

/**
 * html elements process their placeholders with their own container's values (a dynamic panel's
 * {panel.x} never reaches the survey's events): each placeholder is substituted alone, by
 * survey-core, and the result escaped. Applied once, to the html question class.
 */
function escapeInHtmlElements(): void {
  if (patched) return;
  patched = true;
  const proto = Object.getPrototypeOf(Serializer.createClass('html')) as { getProcessedText(text: string): string };
  const substitute = proto.getProcessedText;
  proto.getProcessedText = function (this: unknown, text: string) {
    if (typeof text !== 'string' || !text.includes('{')) return substitute.call(this, text);
    return text.replace(/\{[^{}]+\}/g, (placeholder) => {
      const value = substitute.call(this, placeholder);
      return value === placeholder ? placeholder : escapeHtml(value);
    });
  };
}

/** Escapes every value survey-core substitutes into HTML on this model (html elements, completed and loading pages). */
export function escapeAnswersInHtml(model: SurveyModel): void {
  escapeInHtmlElements();
  const processHtml = model.processHtml.bind(model);
  let building = 0;
  // survey-core's one entry for the survey's own HTML (completedHtml, loadingHtml, ...): while it
  // runs, the substitutions it asks for are HTML.
  model.processHtml = (html: string, reason?: string) => {
    building++;
    try {
      return processHtml(html, reason as string);
    } finally {
      building--;
    }
  };
  model.onProcessDynamicText.add((_, o) => {
    if (building > 0 && o.value !== undefined && o.value !== null) o.value = escapeHtml(String(o.value));
  });
}
