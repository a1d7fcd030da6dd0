// What the enumerator app shows when an interview stops: the referral prompt and card, or the
// child-protection referral for a stop for age.
import { h, replace } from './dom';
import { t } from './i18n';
import type { StoredDefinition } from './store';

/** A questionnaire's text in a language: a plain string, or SurveyJS's { default, fr, ar, ... }. */
function localized(value: unknown, lang: string): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const texts = value as Record<string, unknown>;
    const text = texts[lang] ?? texts.default;
    return typeof text === 'string' ? text : '';
  }
  return '';
}

/** Phone numbers and the like: digits with spaces, dashes, dots or brackets, maybe a leading +. */
const NUMBER = /\+?\d[\d\s().-]{4,}\d/g;

/**
 * A card's text with each phone number isolated left to right: inside Arabic or Pashto text the
 * bidirectional algorithm would otherwise reorder its groups ("+216 71 000 000" read as
 * "000 000 71 216+").
 */
export function withNumbersLeftToRight(text: string): Array<string | HTMLElement> {
  const parts: Array<string | HTMLElement> = [];
  let at = 0;
  for (const m of text.matchAll(NUMBER)) {
    parts.push(text.slice(at, m.index), h('bdi', { dir: 'ltr' }, m[0]));
    at = m.index + m[0].length;
  }
  parts.push(text.slice(at));
  return parts.filter((p) => p !== '');
}

/** A stop for being under age shows the child-protection referral instead of the site's card. */
export const showsChildReferral = (reason: string | null) => reason === 'under-age';

/**
 * Every stop (the end, a screening stop, a withdrawal) shows the referral prompt, with the
 * questionnaire's referral card in the interview's language; a stop for being under age shows the
 * child-protection referral instead.
 */
export function showStop(
  app: HTMLElement,
  def: StoredDefinition,
  locale: string,
  reason: string | null,
  saved: string,
  onDone: () => void,
): void {
  const child = showsChildReferral(reason);
  const card = localized(def.json[child ? 'childReferral' : 'referral'], locale === '' ? 'en' : locale);
  replace(
    app,
    h('h1', {}, t(reason === 'withdrawn' ? 'stoppedWithdrawn' : reason ? 'stoppedScreening' : 'stoppedEnd')),
    h('p', { role: 'status' }, saved),
    h(
      'section',
      { class: 'card referral', id: 'referral' },
      h('h2', {}, t(child ? 'childReferralTitle' : 'referralTitle')),
      h('p', {}, t(child ? 'childReferralPrompt' : 'referralPrompt')),
      card && h('p', { class: 'referral-card', lang: locale || 'en' }, ...withNumbersLeftToRight(card)),
    ),
    h('button', { type: 'button', class: 'primary', id: 'stop-done', onclick: onDone }, t('done')),
  );
}
