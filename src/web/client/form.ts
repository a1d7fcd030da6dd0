// One survey-js-ui form: our custom properties registered, every questionnaire language given the
// right direction, numbers read in any digits, and a language switch.
import type { SurveyModel } from 'survey-core';
import { registerCustomProperties } from '../../questionnaires/custom-properties';
import { directionOf } from '../../questionnaires/translations';
import { parseNumber } from './digits';
import { ENDONYMS } from './language-switch';
import { setLanguage } from './i18n';
import { Survey } from './survey-global';
import { escapeAnswersInHtml } from '../../questionnaires/html-answers';

declare const SurveyTheme: Record<string, unknown>;

// Renderer strings survey-core does not ship for these languages: the buttons and the messages
// people must understand (machine drafts, like the questionnaires' own).
const RENDERER_STRINGS: Record<string, Record<string, string>> = {
  ps: {
    pagePrevText: 'شاته',
    pageNextText: 'بل',
    completeText: 'بشپړ',
    requiredError: 'مهرباني وکړئ پوښتنې ته ځواب ورکړئ.',
    otherItemText: 'نور (تشریح کړئ)',
    noneItemText: 'هېڅ',
    selectAllItemText: 'ټول وټاکئ',
    placeholder: 'وټاکئ...',
    numericError: 'ارزښت باید شمېره وي.',
  },
  ti: {
    pagePrevText: 'ንድሕሪት',
    pageNextText: 'ቀጺሉ',
    completeText: 'ዛዝም',
    requiredError: 'በጃኹም ነዚ ሕቶ መልሱ።',
    otherItemText: 'ካልእ (ግለጹ)',
    noneItemText: 'ሓንቲ እኳ',
    placeholder: 'ምረጹ...',
    numericError: 'ቁጽሪ ክኸውን ኣለዎ።',
  },
  am: {
    pagePrevText: 'ወደ ኋላ',
    pageNextText: 'ቀጣይ',
    completeText: 'ጨርስ',
    requiredError: 'እባክዎ ጥያቄውን ይመልሱ።',
    otherItemText: 'ሌላ (ይግለጹ)',
    noneItemText: 'ምንም',
    placeholder: 'ይምረጡ...',
    numericError: 'ቁጥር መሆን አለበት።',
  },
  so: {
    pagePrevText: 'Hore',
    pageNextText: 'Xiga',
    completeText: 'Dhammee',
    requiredError: "Fadlan ka jawaab su'aasha.",
    otherItemText: 'Kale (sheeg)',
    noneItemText: 'Midna',
    placeholder: 'Dooro...',
    numericError: 'Waa inuu noqdaa tiro.',
  },
};

let prepared = false;

/**
 * survey-core knows only ar, he and fa as right to left: every other language a questionnaire
 * uses is registered here with its direction (Pashto, Urdu, Sorani, Dari...), so the form's root
 * gets dir="rtl" for each of them; and languages without renderer strings get ours over English.
 */
export function prepareRenderer(languages: readonly string[] = []): void {
  if (!prepared) {
    prepared = true;
    registerCustomProperties();
    Survey.settings.parseNumber = parseNumber;
  }
  const loc = Survey.surveyLocalization;
  for (const lang of languages) {
    if (lang === 'en') continue;
    const known = loc.locales[lang];
    const rtl = directionOf(lang) === 'rtl';
    if (!known || (loc.localeDirections[lang] ?? 'ltr') !== (rtl ? 'rtl' : 'ltr')) {
      Survey.setupLocale({
        localeCode: lang,
        strings: { ...loc.locales.en, ...(known ?? {}), ...(RENDERER_STRINGS[lang] ?? {}) },
        nativeName: ENDONYMS[lang] ?? lang,
        englishName: lang,
        rtl,
      });
    }
  }
}

// SurveyJS's default light theme with colours that pass WCAG AA contrast (axe): its green primary
// (2.5:1 on white, the navigation buttons' text), its light grey descriptions (2.8:1) and its red
// error text are too pale for phones read outdoors; a darker teal, grey and red keep the look.
const READABLE_COLOURS = {
  '--sjs-primary-backcolor': 'rgba(11, 107, 88, 1)',
  '--sjs-primary-backcolor-light': 'rgba(11, 107, 88, 0.1)',
  '--sjs-primary-backcolor-dark': 'rgba(8, 81, 66, 1)',
  '--sjs-general-forecolor-light': 'rgba(0, 0, 0, 0.64)',
  '--sjs-general-dim-forecolor-light': 'rgba(0, 0, 0, 0.64)',
  // Error messages: SurveyJS's red on its pink is 4.0:1.
  '--sjs-special-red': 'rgba(176, 0, 32, 1)',
  '--sjs-special-red-light': 'rgba(176, 0, 32, 0.1)',
};
// Built when a form is: SurveyTheme is the themes script's global, loaded only on pages with a form
// (a page that imports this module without one must not fail on it).
function readableTheme() {
  const light = SurveyTheme.DefaultLight as unknown as { cssVariables: Record<string, string> };
  return { ...light, cssVariables: { ...light.cssVariables, ...READABLE_COLOURS } };
}

export function createForm(json: Record<string, unknown>, lang: string): SurveyModel {
  prepareRenderer(formLanguages(json));
  const model = new Survey.Model(json);
  escapeAnswersInHtml(model);
  model.locale = lang === 'en' ? '' : lang;
  model.applyTheme(readableTheme() as never);
  // XLSForm's start and today when the form opens (a resumed interview's saved answers replace
  // them), its end when it is completed, stamped before any other completion handler (the
  // submission, the enumerator app's outbox) reads the answers.
  stampOpened(model);
  model.onCompleting.add((sender) => stampMetadata(sender, ['end']));
  // Number inputs take any digits: rendered as text with a numeric keyboard, parsed by parseNumber.
  model.onAfterRenderQuestion.add((_, o) => {
    const q = o.question as unknown as { getType(): string; inputType?: string };
    if (q.getType() === 'text' && q.inputType === 'number') {
      for (const input of Array.from(o.htmlElement.querySelectorAll<HTMLInputElement>('input[type="number"]'))) {
        input.type = 'text';
        input.inputMode = 'decimal';
        // The renderer no longer commits a number input turned into text when it is left (only at
        // completion): commit it here, so the interview saved at every answer holds it too.
        // Set through the question's owner (the survey, or the dynamic panel's item): setting
        // question.value here reaches the question but not the survey's data.
        input.addEventListener('change', () => {
          const text = input.value.trim();
          const n = parseNumber(text, Number(text));
          const question = o.question as unknown as {
            getValueName(): string;
            data?: { setValue(name: string, value: unknown): void; getValue(name: string): unknown };
          };
          const name = question.getValueName();
          const value = text === '' ? undefined : Number.isNaN(n) ? null : n;
          if (value !== null && question.data && question.data.getValue(name) !== value) question.data.setValue(name, value);
        });
      }
    }
  });
  return model;
}

/** Sets XLSForm's metadata questions (xlsform/types.ts) of these kinds to now. */
function stampMetadata(model: SurveyModel, which: readonly string[]): void {
  const now = new Date().toISOString();
  for (const q of model.getAllQuestions(false, false, true)) {
    const metadata = (q as unknown as { metadata?: string }).metadata;
    if (metadata && which.includes(metadata)) q.value = metadata === 'today' ? now.slice(0, 10) : now;
  }
}

/** XLSForm's start and today: when an interview opens (call again when a form is reused for a new one). */
export const stampOpened = (model: SurveyModel) => stampMetadata(model, ['start', 'today']);

export function formLanguages(json: Record<string, unknown>): string[] {
  return Array.isArray(json.languages) && json.languages.length ? (json.languages as string[]) : ['en'];
}

/** Applies a language to form and page: strings, lang, dir. */
export function applyLanguage(model: SurveyModel, lang: string): void {
  model.locale = lang === 'en' ? '' : lang;
  setLanguage(lang);
}

/** survey-js-ui's renderer entry (it also adds Model.prototype.render). */
export function render(model: SurveyModel, el: HTMLElement): void {
  (model as unknown as { render(el: HTMLElement): void }).render(el);
}
