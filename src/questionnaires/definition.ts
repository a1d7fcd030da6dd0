// Reading questionnaire metadata out of a SurveyJS definition, and naming what changed between
// two definitions of the same version (the message when a frozen file was edited).
import { canonicalJson } from './canonical';
import type { Model } from './model';

type Json = Record<string, unknown>;

/** Questionnaire and version ids: safe in URLs and file names. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface DefinitionMeta {
  title: string;
  family: string;
  languages: string[];
  questionCount: number;
}

function defaultText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as Json;
    const text = v.default ?? v.en ?? Object.values(v)[0];
    return typeof text === 'string' ? text : undefined;
  }
  return undefined;
}

/** Title, family, languages and question count of a definition; the id stands in for a missing title. */
export function readMeta(json: Json, model: Model, questionnaireId: string): DefinitionMeta {
  const declared = Array.isArray(json.languages) ? json.languages.map(String) : [];
  const used = model.getUsedLocales().filter((l) => l !== 'en' || declared.includes('en'));
  const languages = declared.length ? declared : ['en', ...used.filter((l) => l !== 'en')];
  return {
    title: defaultText(json.title) ?? questionnaireId,
    family: typeof json.family === 'string' ? json.family : 'other',
    languages,
    questionCount: model.getAllQuestions(false, false, true).length,
  };
}

const CHILD_KEYS = ['pages', 'elements', 'questions', 'templateElements', 'detailElements'];

/** An element's own properties, without its children (so a changed question does not flag its page). */
function ownJson(obj: Json): string {
  return canonicalJson(Object.fromEntries(Object.entries(obj).filter(([k]) => !CHILD_KEYS.includes(k))));
}

/** Canonical JSON of every named element, at any depth, keyed by name. */
function elementsByName(node: unknown, out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(node)) node.forEach((n) => elementsByName(n, out));
  else if (node && typeof node === 'object') {
    const obj = node as Json;
    if (typeof obj.name === 'string') out.set(obj.name, ownJson(obj));
    for (const value of Object.values(obj)) if (typeof value === 'object') elementsByName(value, out);
  }
  return out;
}

/** Names of the questions (or panels, pages) that differ; `(survey settings)` for the rest. */
export function changedElements(before: Json, after: Json): string[] {
  const a = elementsByName(before);
  const b = elementsByName(after);
  const changed = [...new Set([...a.keys(), ...b.keys()])].filter((name) => a.get(name) !== b.get(name));
  if (ownJson(before) !== ownJson(after)) changed.push('(survey settings)');
  return changed;
}
