// XLSForm (sheets of text) -> SurveyJS definition. Every row becomes the SurveyJS element with the
// same behaviour (xlsform/types.ts), every expression is translated (xlsform/xpath.ts), and what
// cannot be converted exactly is refused with its sheet, row, column and reason. The result is an
// ordinary definition: publishing lints, freezes and diffs it like a JSON file.
import { readHeader, type Header } from './columns';
import { buildChoices } from './choices';
import { readSettings } from './settings';
import type { Sheet, SheetRow, Workbook, WorkbookMessage } from './sheets';
import { WorkbookError } from './sheets';
import type { Context, Row } from './row';
import { buildTree } from './tree';
import { parseType, SURVEY_COLUMNS } from './types';
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
