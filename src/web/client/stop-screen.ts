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
      card && h('p', { class: 'referral-card', lang: locale || 'en' }, card),
    ),
    h('button', { type: 'button', class: 'primary', id: 'stop-done', onclick: onDone }, t('done')),
  );
}
