// Translations of a questionnaire, as coordinators see them: each language's declared status
// (translationStatus), how much of the text it covers, and its writing direction. A status is
// what translators declared; coverage is measured, so a partial machine draft cannot pass for a
// finished, field-tested translation.

import { derivedOf, slot, type VersionText } from './version-cache';

export const translationStatuses = [
  'source',
  'machine-draft',
  'draft',
  'needs-back-translation',
  'back-translated',
  'field-tested',
] as const;
export type TranslationStatus = (typeof translationStatuses)[number];

/** Languages written right to left (the base subtag decides; Adlam and N'Ko scripts too). */
const RTL = new Set(['ar', 'fa', 'prs', 'ps', 'ur', 'ckb', 'he', 'yi', 'sd', 'ug', 'dv', 'nqo', 'syr']);
export function directionOf(lang: string): 'rtl' | 'ltr' {
  const [base, script] = lang.toLowerCase().split('-');
  if (script === 'adlm' || script === 'nkoo' || script === 'arab') return 'rtl';
  return RTL.has(base!) ? 'rtl' : 'ltr';
}

export interface Translation {
  lang: string;
  status: TranslationStatus | 'undeclared';
  /** Share of the localizable texts that have this language (the source language: 1). */
  coverage: number;
  dir: 'rtl' | 'ltr';
}

/** Localizable texts: objects with a `default` string (title, description, choice text, html...). */
function localizable(node: unknown, out: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(node)) for (const n of node) localizable(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.default === 'string') out.push(o);
    else for (const v of Object.values(o)) localizable(v, out);
  }
  return out;
}

export function translationsOf(definition: Record<string, unknown>, languages: readonly string[]): Translation[] {
  const texts = localizable(definition);
  const declared = (
    definition.translationStatus && typeof definition.translationStatus === 'object' ? definition.translationStatus : {}
  ) as Record<string, unknown>;
  return languages.map((lang, i) => {
    const status = declared[lang];
    const coverage =
      i === 0 || texts.length === 0 ? 1 : texts.filter((t) => typeof t[lang] === 'string' && t[lang] !== '').length / texts.length;
    return {
      lang,
      status: (translationStatuses as readonly string[]).includes(status as string) ? (status as TranslationStatus) : 'undeclared',
      coverage: Math.round(coverage * 1000) / 1000,
      dir: directionOf(lang),
    };
  });
}

/** Problems with the declared statuses: unknown values, and "field-tested" on a partial translation. */
export function lintTranslations(definition: Record<string, unknown>, languages: readonly string[]): string[] {
  const declared = definition.translationStatus;
  if (declared === undefined) return [];
  if (!declared || typeof declared !== 'object' || Array.isArray(declared))
    return ['translationStatus must be an object of language -> status'];
  const problems: string[] = [];
  for (const [lang, status] of Object.entries(declared))
    if (!(translationStatuses as readonly string[]).includes(status as string))
      problems.push(`translationStatus of '${lang}' must be one of ${translationStatuses.join(', ')} (got ${JSON.stringify(status)})`);
  for (const t of translationsOf(definition, languages))
    if (t.status === 'field-tested' && t.coverage < 1)
      problems.push(
        `translationStatus of '${t.lang}' says field-tested, but only ${Math.round(t.coverage * 100)}% of the texts are translated`,
      );
  return problems;
}

const translations = slot<Translation[]>('translations');

/** A published version's translations, measured once (its languages come from its definition too). */
export function versionTranslations(v: VersionText & { languages: readonly string[] }): Translation[] {
  return derivedOf(v, translations, (definition) => translationsOf(definition, v.languages));
}

/**
 * A definition in some of its languages only (a device's interview languages): every text keeps
 * its source (`default`) and the wanted translations; the language list and the declared statuses
 * follow. The source language (the first) always stays: a missing translation falls back to it.
 */
export function inLanguages(definition: Record<string, unknown>, wanted: readonly string[]): Record<string, unknown> {
  const all = Array.isArray(definition.languages) ? (definition.languages as string[]) : [];
  const drop = new Set(all.filter((lang, i) => i > 0 && !wanted.includes(lang)));
  if (drop.size === 0) return definition;
  const trim = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(trim);
    if (!node || typeof node !== 'object') return node;
    const text = typeof (node as Record<string, unknown>).default === 'string';
    return Object.fromEntries(
      Object.entries(node)
        .filter(([k]) => !(text && drop.has(k)))
        .map(([k, v]) => [k, text ? v : trim(v)]),
    );
  };
  const out = trim(definition) as Record<string, unknown>;
  out.languages = all.filter((lang) => !drop.has(lang));
  const status = definition.translationStatus;
  if (status && typeof status === 'object' && !Array.isArray(status))
    out.translationStatus = Object.fromEntries(Object.entries(status).filter(([lang]) => !drop.has(lang)));
  return out;
}
