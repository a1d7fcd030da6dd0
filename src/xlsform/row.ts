// One row of the survey sheet as the converter reads it, and what converting a row needs of the
// rest of the form (choice lists, every question, the language table, the XPath translator).
import type { ChoiceList } from './choices';
import type { SheetRow, WorkbookMessage } from './sheets';
import type { RowType } from './types';
import type { XPathContext } from './xpath';

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
