// A published SurveyJS definition -> XLSForm sheets, for translators and authors who work in
// Excel. Texts go where XLSForm puts them (label, hint, choice labels), one column per language;
// Periplus's properties in named columns and on the settings sheet; and whatever XLSForm has no
// column for (SurveyJS logic, validators, matrices) in the `surveyjs` column as JSON, which the
// converter takes as the element's base. So an unedited workbook converts back to the same
// definition (same canonical hash), and edited labels and translations come back as edited.
import { QUESTION_PROPERTIES } from './types';
import { SURVEY_PROPERTIES } from './settings';
import type { Sheet, Workbook } from './sheets';

type Json = Record<string, unknown>;

const TEXT_OF: Record<string, string> = { html: 'html' };
const CONTAINERS = new Set(['panel', 'paneldynamic']);
const SELECTS: Record<string, string> = {
  radiogroup: 'select_one',
  dropdown: 'select_one',
  checkbox: 'select_multiple',
  tagbox: 'select_multiple',
  ranking: 'rank',
};

/**
 * The XLSForm type shown for a SurveyJS element (for reading; the surveyjs column decides);
 * `listName` is its choice list's, for a select with choices.
 */
function xlsformType(el: Json, listName: string | undefined): string {
  const type = String(el.type);
  if (listName) return `${SELECTS[type]} ${listName}`;
  if (type === 'html') return 'note';
  if (type === 'expression') return 'calculate';
  if (type === 'boolean') return 'select_one boolean';
  if (type === 'comment') return 'text';
  if (type === 'text') {
    const input = String(el.inputType ?? 'text');
    return (
      ({ number: 'decimal', date: 'date', time: 'time', 'datetime-local': 'dateTime', range: 'range' } as Record<string, string>)[input] ??
      'text'
    );
  }
  return 'text';
}

/** Texts by language code: `{ default, fr }` or a plain string, with `default` in the first language. */
/**
 * Whether a text stays in the surveyjs JSON as well: `{ default: 'x' }` converts back to the plain
 * string 'x' (same meaning, another hash), so its written form travels with it.
 */
const keepsForm = (value: unknown) => !!value && typeof value === 'object' && Object.keys(value).length === 1;

function texts(value: unknown, languages: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(languages[0]!, value);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value as Record<string, string>)) out.set(k === 'default' ? languages[0]! : k, v);
  return out;
}

export function toXlsForm(definition: Json): Workbook {
  const languages = Array.isArray(definition.languages) && definition.languages.length ? (definition.languages as string[]) : ['en'];
  const header = [
    'type',
    'name',
    ...languages.map((l) => `label::${l}`),
    ...languages.map((l) => `hint::${l}`),
    ...QUESTION_PROPERTIES.text,
    ...QUESTION_PROPERTIES.boolean,
    ...QUESTION_PROPERTIES.json,
    'surveyjs',
  ];
  const col = new Map(header.map((h, i) => [h, i]));
  const surveyRows: string[][] = [header];
  const choiceHeader = ['list_name', 'name', ...languages.map((l) => `label::${l}`)];
  const choiceRows: string[][] = [choiceHeader];
  const row = () => new Array<string>(header.length).fill('');
  // A list is named after its question; the same name in two repeats (each panel's own
  // `nationality`) gets a numbered list of its own, so no list is written twice.
  const listNames = new Set<string>();
  const listNameOf = (name: string) => {
    let listName = name;
    for (let n = 2; listNames.has(listName); n++) listName = `${name}_${n}`;
    listNames.add(listName);
    return listName;
  };
  const putTexts = (r: string[], column: 'label' | 'hint', value: unknown) => {
    for (const [lang, t] of texts(value, languages)) {
      const i = col.get(`${column}::${lang}`);
      if (i !== undefined) r[i] = t;
    }
  };
  const element = (el: Json) => {
    const type = String(el.type);
    const r = row();
    const rest: Json = { ...el };
    r[1] = String(el.name ?? '');
    if (CONTAINERS.has(type) || el.type === undefined) {
      const kind = type === 'paneldynamic' ? 'repeat' : 'group';
      r[0] = `begin ${kind}`;
      putTexts(r, 'label', el.title);
      if (!keepsForm(el.title)) delete rest.title;
      const children = (type === 'paneldynamic' ? el.templateElements : el.elements) as Json[] | undefined;
      delete rest.elements;
      delete rest.templateElements;
      r[col.get('surveyjs')!] = JSON.stringify(rest);
      surveyRows.push(r);
      for (const child of children ?? []) element(child);
      surveyRows.push([`end ${kind}`, ...new Array<string>(header.length - 1).fill('')]);
      return;
    }
    const listName = SELECTS[type] && Array.isArray(el.choices) ? listNameOf(String(el.name)) : undefined;
    r[0] = xlsformType(el, listName);
    const textKey = TEXT_OF[type] ?? 'title';
    putTexts(r, 'label', el[textKey]);
    if (!keepsForm(el[textKey])) delete rest[textKey];
    putTexts(r, 'hint', el.description);
    if (!keepsForm(el.description)) delete rest.description;
    for (const p of [...QUESTION_PROPERTIES.text, ...QUESTION_PROPERTIES.boolean, ...QUESTION_PROPERTIES.json])
      if (el[p] !== undefined) {
        r[col.get(p)!] =
          typeof el[p] === 'string' ? (el[p] as string) : typeof el[p] === 'boolean' ? (el[p] ? 'yes' : 'no') : JSON.stringify(el[p]);
        delete rest[p];
      }
    if (listName) {
      rest.choices = (el.choices as unknown[]).map((c) => {
        const item = c && typeof c === 'object' ? ({ ...(c as Json) } as Json) : { value: c };
        const cr = [listName, String(item.value), ...languages.map(() => '')];
        for (const [lang, t] of texts(item.text, languages)) cr[2 + languages.indexOf(lang)] = t;
        choiceRows.push(cr);
        // An item written as its bare value stays one; its text travels in the choices sheet.
        if (!(c && typeof c === 'object')) return c;
        if (!keepsForm(item.text)) delete item.text;
        return item;
      });
    }
    r[col.get('surveyjs')!] = JSON.stringify(rest);
    surveyRows.push(r);
  };
  for (const page of (definition.pages as Json[] | undefined) ?? []) element({ ...page, elements: page.elements ?? [] });
  // Settings: title and language for reading, Periplus's survey properties in named columns, and
  // the rest of the survey (title included) as JSON.
  const settingsHeader = ['form_title', 'default_language'];
  const settingsRow = [texts(definition.title, languages).get(languages[0]!) ?? '', languages[0]!];
  const survey: Json = { ...definition };
  delete survey.pages;
  delete survey.languages;
  for (const p of [...SURVEY_PROPERTIES.text, ...SURVEY_PROPERTIES.json])
    if (definition[p] !== undefined) {
      settingsHeader.push(p);
      settingsRow.push(typeof definition[p] === 'string' ? (definition[p] as string) : JSON.stringify(definition[p]));
      delete survey[p];
    }
  settingsHeader.push('surveyjs');
  settingsRow.push(JSON.stringify(survey));
  const sheets: Sheet[] = [
    { name: 'survey', rows: surveyRows.map((cells, i) => ({ row: i + 1, cells })) },
    { name: 'choices', rows: choiceRows.map((cells, i) => ({ row: i + 1, cells })) },
    { name: 'settings', rows: [settingsHeader, settingsRow].map((cells, i) => ({ row: i + 1, cells })) },
  ];
  return sheets;
}
