// XLSForm (sheets of text) -> SurveyJS definition. Every row becomes the SurveyJS element with the
// same behaviour (xlsform/types.ts), every expression is translated (xlsform/xpath.ts), and what
// cannot be converted exactly is refused with its sheet, row, column and reason. The result is an
// ordinary definition: publishing lints, freezes and diffs it like a JSON file.
import { readHeader, type Header } from './columns';
import { buildChoices, type ChoiceList } from './choices';
import { readSettings } from './settings';
import type { Sheet, SheetRow, Workbook, WorkbookMessage } from './sheets';
import { WorkbookError } from './sheets';
import { parseType, questionElement, SURVEY_COLUMNS, type RowType } from './types';
import { parseXPath, toCondition, toExpression, XPathError, type XPathContext } from './xpath';

export interface ConvertOptions {
  /** CSV files beside the form, by file name (select_one_from_file). */
  files?: ReadonlyMap<string, string>;
  /** Where the form is published: a form_id or version on the settings sheet that differs is a warning. */
  target?: { questionnaireId: string; version?: string };
}

export interface Converted {
  definition: Record<string, unknown>;
  warnings: WorkbookMessage[];
  /** The settings sheet's form_id and version, as written. */
  formId?: string;
  version?: string;
}

type Json = Record<string, unknown>;

/** One row of the survey sheet, read. */
export interface Row {
  sheetRow: SheetRow;
  type: RowType;
  name: string;
  /** Cell text of a language-free column. */
  cell(column: string): string;
  /** Texts of a translatable column by language ('' for the language-free column). */
  texts(column: string): Map<string, string>;
  /** Where a column of this row is, for messages. */
  at(column: string): { sheet: string; row: number; column: string | null };
}

export interface Context {
  errors: WorkbookMessage[];
  warnings: WorkbookMessage[];
  lists: Map<string, ChoiceList>;
  /** Every question by name, with its type and enclosing repeats (for references). */
  questions: Map<string, { type: string; repeats: string[] }>;
  /** The localizable text of a translatable column: `{ default, fr, ... }` or a plain string. */
  localized(texts: Map<string, string>): unknown;
  /** An XPath cell translated, or undefined after an error is recorded. */
  xpath(row: Row, column: string, kind: 'condition' | 'expression', repeats: string[], extra?: Partial<XPathContext>): string | undefined;
}

function findSheet(book: Workbook, name: string): Sheet | undefined {
  return book.find((s) => s.name.trim().toLowerCase() === name);
}

/** Converts a workbook; throws WorkbookError with every error found (and the warnings). */
export function convertXlsForm(book: Workbook, options: ConvertOptions = {}): Converted {
  const errors: WorkbookMessage[] = [];
  const warnings: WorkbookMessage[] = [];
  let survey = findSheet(book, 'survey');
  if (!survey && book.length === 1 && book[0]!.rows.length) {
    survey = book[0]!;
    warnings.push({
      sheet: survey.name,
      row: null,
      column: null,
      message: `no sheet is named 'survey': sheet '${survey.name}' is read as the survey`,
    });
  }
  if (!survey) throw new WorkbookError([{ sheet: '(workbook)', row: null, column: null, message: "the workbook has no 'survey' sheet" }]);
  const known = new Set(['survey', 'choices', 'settings', survey.name.toLowerCase()]);
  for (const s of book) {
    const n = s.name.trim().toLowerCase();
    if (known.has(n)) continue;
    if (n === 'external_choices' && s.rows.length > 1)
      errors.push({
        sheet: s.name,
        row: null,
        column: null,
        message: 'select_one_external is not supported: use select_one with choice_filter',
      });
    else if (s.rows.length)
      warnings.push({
        sheet: s.name,
        row: null,
        column: null,
        message: /^set+ings?$|^stet+ings$/.test(n)
          ? `sheet '${s.name}' is not read: did you mean 'settings'?`
          : `sheet '${s.name}' is not read`,
      });
  }
  const settings = readSettings(findSheet(book, 'settings'), errors, warnings);
  const lists = buildChoices(findSheet(book, 'choices'), settings, options.files, errors, warnings);
  const [headerRow, ...body] = survey.rows;
  if (!headerRow) throw new WorkbookError([{ sheet: survey.name, row: null, column: null, message: 'the survey sheet is empty' }]);
  const header = readHeader(survey.name, headerRow, SURVEY_COLUMNS, errors, warnings);
  if (!header.get('type'))
    errors.push({ sheet: survey.name, row: headerRow.row, column: null, message: "the survey sheet has no 'type' column" });
  if (!header.get('name'))
    errors.push({ sheet: survey.name, row: headerRow.row, column: null, message: "the survey sheet has no 'name' column" });
  if (errors.length) throw new WorkbookError(errors, warnings);
  for (const c of header.columns) if (c.lang !== null) settings.languagesSeen.add(c.lang);
  const languages = settings.languages();
  const rows = body.map((r) => readRow(survey!.name, header, r, errors)).filter((r): r is Row => r !== null);
  const ctx: Context = {
    errors,
    warnings,
    lists,
    questions: new Map(),
    localized: (texts) => localize(texts, languages),
    xpath: (row, column, kind, repeats, extra) => {
      const text = row.cell(column).trim();
      if (!text) return undefined;
      try {
        const tree = parseXPath(text);
        const x: XPathContext = {
          self: row.name || null,
          repeats,
          questions: ctx.questions,
          choiceLabels: (q) => {
            const type = ctx.questions.get(q);
            const list = type ? rows.find((r) => r.name === q)?.type.list : undefined;
            return list ? lists.get(list)?.labels : undefined;
          },
          ...extra,
        };
        return kind === 'condition' ? toCondition(tree, x) : toExpression(tree, x);
      } catch (e) {
        if (!(e instanceof XPathError)) throw e;
        errors.push({ ...row.at(column), message: `${column} ${JSON.stringify(text)}: ${e.message}` });
        return undefined;
      }
    },
  };
  const pages = buildTree(rows, ctx);
  if (errors.length) throw new WorkbookError(unique(errors), unique(warnings));
  const definition: Json = settings.fromPeriplus
    ? { languages: languages.codes, ...settings.surveyProperties(ctx.localized), pages }
    : {
        ...(settings.title ? { title: ctx.localized(new Map([['', settings.title]])) } : {}),
        languages: languages.codes,
        ...settings.surveyProperties(ctx.localized),
        showQuestionNumbers: 'off',
        clearInvisibleValues: 'onHidden',
        pages,
      };
  const target = options.target;
  const at = { sheet: 'settings', row: 2, column: null };
  if (target && settings.formId && settings.formId !== target.questionnaireId)
    warnings.push({
      ...at,
      message: `form_id '${settings.formId}' is not the questionnaire '${target.questionnaireId}' it is published as`,
    });
  if (target?.version && settings.version && settings.version !== target.version)
    warnings.push({ ...at, message: `version '${settings.version}' is not the version '${target.version}' it is published as` });
  return {
    definition,
    warnings: unique(warnings),
    ...(settings.formId ? { formId: settings.formId } : {}),
    ...(settings.version ? { version: settings.version } : {}),
  };
}

/** The `surveyjs` cell of a row written by Periplus (xlsform/to-xlsform.ts): the element's base. */
export function surveyjsBase(row: Row, ctx: Context): Json | null {
  const text = row.cell('surveyjs');
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Json;
  } catch {}
  ctx.errors.push({ ...row.at('surveyjs'), message: 'surveyjs must be a JSON object' });
  return null;
}

/** One message per place and text (a choice_filter is translated once per choice). */
function unique(messages: WorkbookMessage[]): WorkbookMessage[] {
  const seen = new Set<string>();
  return messages.filter((m) => {
    const key = `${m.sheet}\u0000${m.row}\u0000${m.column}\u0000${m.message}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}

function readRow(sheet: string, header: Header, r: SheetRow, errors: WorkbookMessage[]): Row | null {
  const cell = (column: string) => {
    const c = header.get(column);
    return c ? (r.cells[c.index] ?? '').trim() : '';
  };
  const typeText = cell('type');
  const at = (column: string) => ({
    sheet,
    row: r.row,
    column: header.get(column)?.letter ?? header.translations(column)[0]?.letter ?? null,
  });
  if (!typeText) {
    // A row without a type: pyxform skips it when it is empty, refuses it otherwise.
    if (r.cells.some((c, i) => c.trim() && header.columns.some((h) => h.index === i)))
      errors.push({ ...at('type'), message: 'the row has no type' });
    return null;
  }
  const type = parseType(typeText);
  if ('error' in type) {
    errors.push({ ...at('type'), message: type.error });
    return null;
  }
  return {
    sheetRow: r,
    type,
    name: cell('name'),
    cell,
    texts: (column) => {
      const out = new Map<string, string>();
      for (const c of header.translations(column)) {
        const v = (r.cells[c.index] ?? '').trim();
        if (v) out.set(c.lang ?? '', v);
      }
      return out;
    },
    at,
  };
}

interface Languages {
  /** The codes, the default language first. */
  codes: string[];
  /** The code the language-free columns are in. */
  fallback: string;
}

/** `${name}` in a label or hint shows the answer: SurveyJS writes it `{name}`. */
const piped = (text: string) => text.replace(/\$\{\s*([A-Za-z_][\w.-]*)\s*\}/g, '{$1}');

function localize(raw: Map<string, string>, languages: Languages): unknown {
  if (raw.size === 0) return undefined;
  const texts = new Map([...raw].map(([k, v]) => [k, piped(v)]));
  const out: Record<string, string> = {};
  const plain = texts.get('');
  const main = texts.get(languages.codes[0]!) ?? (languages.fallback === languages.codes[0] ? plain : undefined);
  if (main !== undefined) out.default = main;
  for (const code of languages.codes.slice(1)) {
    const t = texts.get(code) ?? (languages.fallback === code ? plain : undefined);
    if (t !== undefined) out[code] = t;
  }
  if (out.default === undefined) out.default = plain ?? [...texts.values()][0]!;
  return Object.keys(out).length === 1 ? out.default : out;
}

/** Groups and repeats -> pages, panels and dynamic panels. */
function buildTree(rows: Row[], ctx: Context): Json[] {
  // First pass: every question's type and enclosing repeats, so references resolve in any order.
  const before = ctx.errors.length;
  const stack: Array<{ row: Row; kind: 'group' | 'repeat' }> = [];
  for (const row of rows) {
    const t = row.type;
    if (t.kind === 'end') {
      const open = stack.pop();
      if (!open || open.kind !== t.container) {
        ctx.errors.push({
          ...row.at('type'),
          message: `'end ${t.container}' closes ${open ? `'begin ${open.kind}' of row ${open.row.sheetRow.row}` : 'nothing'}`,
        });
        if (open) stack.push(open);
      }
      continue;
    }
    if (!row.name) {
      ctx.errors.push({ ...row.at('name'), message: `a ${t.xlsform} row needs a name` });
      continue;
    }
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(row.name))
      ctx.errors.push({
        ...row.at('name'),
        message: `'${row.name}' is not a valid name (letters, digits, _ . -; not starting with a digit)`,
      });
    if (ctx.questions.has(row.name)) ctx.errors.push({ ...row.at('name'), message: `the name '${row.name}' is used twice` });
    const repeats = stack.filter((s) => s.kind === 'repeat').map((s) => s.row.name);
    const repeat = t.kind === 'begin' && t.container === 'repeat';
    const count = repeat ? row.cell('repeat_count') : '';
    const countRef = count.match(/^\$\{\s*([^}\s]+)\s*\}$/)?.[1];
    ctx.questions.set(row.name, {
      type: repeat ? 'begin repeat' : t.xlsform,
      repeats,
      ...(/^\d+$/.test(count) ? { count } : countRef ? { count: `{${countRef}}` } : {}),
    });
    if (t.kind === 'begin') stack.push({ row, kind: t.container });
  }
  for (const open of stack) ctx.errors.push({ ...open.row.at('type'), message: `'begin ${open.kind}' is never closed` });
  // Errors of the form's structure stop here; errors of single rows do not hide the others.
  if (ctx.errors.length > before) return [];
  // Second pass: the elements.
  let i = 0;
  // `relevant` conditions of the enclosing groups: a calculation reads as empty where ODK would not
  // compute it (types.ts), as the question of a hidden group is cleared.
  const walk = (repeats: string[], until: 'group' | 'repeat' | null, conditions: string[]): Json[] => {
    const out: Json[] = [];
    while (i < rows.length) {
      const row = rows[i++]!;
      const t = row.type;
      if (t.kind === 'end') return out;
      if (t.kind === 'begin') {
        const inner = t.container === 'repeat' ? [...repeats, row.name] : repeats;
        const own = ctx.xpath(row, 'relevant', 'condition', repeats);
        const elements = walk(inner, t.container, own ? [...conditions, own] : conditions);
        out.push(containerElement(row, t.container, elements, repeats, ctx));
        continue;
      }
      const el = questionElement(row, repeats, ctx, conditions);
      if (el) out.push(el);
    }
    if (until) throw new Error('unbalanced groups passed the first pass');
    return out;
  };
  const top = walk([], null, []);
  // Top-level groups become pages; questions between them are gathered into pages of their own.
  const pages: Json[] = [];
  let loose: Json[] = [];
  const flush = () => {
    if (loose.length) pages.push({ name: `page${pages.length + 1}`, elements: loose });
    loose = [];
  };
  for (const el of top) {
    if (el.type === 'panel') {
      flush();
      const { type: _t, ...page } = el;
      pages.push(page);
    } else loose.push(el);
  }
  flush();
  return pages;
}

function containerElement(row: Row, kind: 'group' | 'repeat', elements: Json[], repeats: string[], ctx: Context): Json {
  const base = surveyjsBase(row, ctx);
  if (base) {
    const title = ctx.localized(row.texts('label'));
    const el: Json = { type: kind === 'repeat' ? 'paneldynamic' : 'panel', ...base, name: row.name };
    if (title !== undefined) el.title = title;
    el[kind === 'repeat' ? 'templateElements' : 'elements'] = elements;
    return el;
  }
  const common: Json = { name: row.name };
  const title = ctx.localized(row.texts('label'));
  if (title !== undefined) common.title = title;
  const visibleIf = ctx.xpath(row, 'relevant', 'condition', repeats);
  if (visibleIf) common.visibleIf = visibleIf;
  if (/^(yes|true|true\(\))$/i.test(row.cell('read_only'))) common.readOnly = true;
  for (const column of ['constraint', 'calculation', 'default', 'choice_filter', 'required'])
    if (row.cell(column)) ctx.errors.push({ ...row.at(column), message: `${column} has no meaning on a ${kind}` });
  if (kind === 'group') {
    const appearance = row.cell('appearance');
    if (appearance && appearance !== 'field-list')
      ctx.warnings.push({
        ...row.at('appearance'),
        message: `appearance '${appearance}' of a group has no SurveyJS equivalent: the group shows its questions one under the other`,
      });
    return { type: 'panel', ...common, elements };
  }
  const panel: Json = { type: 'paneldynamic', ...common, templateElements: elements, panelCount: 1, minPanelCount: 0 };
  const count = row.cell('repeat_count');
  if (count) {
    if (/^\d+$/.test(count))
      Object.assign(panel, { panelCount: Number(count), minPanelCount: Number(count), maxPanelCount: Number(count) });
    else {
      const ref = count.match(/^\$\{\s*([^}\s]+)\s*\}$/)?.[1];
      const q = ref ? ctx.questions.get(ref) : undefined;
      if (!ref || !q || q.repeats.length)
        ctx.errors.push({
          ...row.at('repeat_count'),
          message: 'repeat_count must be a number or ${question} of a question outside repeats',
        });
      else Object.assign(panel, { panelCount: 0, bindings: { panelCount: ref }, allowAddPanel: false, allowRemovePanel: false });
    }
  }
  return panel;
}
