// The language switch of every page: the languages by the names their speakers know them by. No
// form renderer here: the workspace pages use it without loading survey-core.
import { h } from './dom';
import { t } from './i18n';

/** Names people know their language by, for the switch. */
export const ENDONYMS: Record<string, string> = {
  en: 'English',
  fr: 'Français',
  ar: 'العربية',
  fa: 'فارسی / دری',
  prs: 'دری',
  ps: 'پښتو',
  ur: 'اردو',
  ckb: 'کوردیی ناوەندی',
  ti: 'ትግርኛ',
  am: 'አማርኛ',
  so: 'Soomaali',
  es: 'Español',
  it: 'Italiano',
  de: 'Deutsch',
};

/** A labelled select that switches the form's language (and the page's direction with it). */
export function languageSwitch(languages: readonly string[], current: string, onChange: (lang: string) => void): HTMLElement {
  const select = h(
    'select',
    { id: 'language', name: 'language', onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
    ...languages.map((l) => h('option', { value: l, lang: l, ...(l === current ? { selected: true } : {}) }, ENDONYMS[l] ?? l)),
  );
  return h('label', { class: 'language' }, h('span', {}, t('language')), select);
}
