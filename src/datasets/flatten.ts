// One response into rows: a row of the main table and rows of each repeat table, cells as text.
// Three kinds of empty are kept apart: no answer (""), not asked because skip logic hid the
// question (".n"), and blanked by disclosure control (".s", written by the anonymizer).
import { isDateInput, isDateValue } from '../questionnaires/date-inputs';
import type { Layout, Variable } from './variables';

export const NOT_ASKED = '.n';
export const SUPPRESSED_CELL = '.s';

type Json = Record<string, unknown>;

export interface FlatResponse {
  /** Cells of the main table, in layout order (main variables only). */
  main: string[];
  /** Per repeat table: rows of [parent row suffix, own row suffix, cells...]. */
  repeats: Map<string, Array<{ parent: string; key: string; cells: string[] }>>;
}

function dig(container: unknown, path: readonly string[]): unknown {
  let v = container;
  for (const k of path) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Json)[k];
  }
  return v;
}

function choiceText(v: Variable, value: unknown, labels: boolean): string {
  const code = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  if (!labels) return code;
  return v.choices.find((c) => c.value === code)?.label ?? code;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Whether a value lies in its variable's closed domain: a declared choice (each one, for a list),
 * a finite number, a well-formed date of the question's input type. Anonymized profiles write
 * anything else as withheld: an "other" typed into a choice, a name typed into a month field
 * stored before months were validated.
 */
const codesOf = new WeakMap<Variable, Set<string>>();

function inDomain(v: Variable, value: unknown): boolean {
  let codes = codesOf.get(v);
  if (!codes) codesOf.set(v, (codes = new Set(v.choices.map((c) => c.value))));
  const known = codes;
  const isCode = (x: unknown) =>
    (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') &&
    known.has(typeof x === 'boolean' ? (x ? '1' : '0') : String(x));
  switch (v.type) {
    case 'choice':
    case 'boolean':
      return isCode(value);
    case 'choices':
      return Array.isArray(value) && value.every(isCode);
    case 'number':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && NUMBER.test(value));
    case 'date':
      return typeof value === 'string' && isDateInput(v.format) && isDateValue(v.format, value);
    case 'text':
      return false;
  }
}

/**
 * The text of one cell. Arrays of choices are space-separated codes, or "; "-separated labels.
 * `closed`: a value outside the variable's domain is written as withheld (.s).
 */
export function cellText(v: Variable, container: unknown, hidden: boolean, labels: boolean, closed = false): string {
  // One 0/1 column per declared choice: an undeclared value has no column to leak into.
  if (v.read.kind === 'flag') {
    const list = dig(container, v.read.path);
    if (list === undefined || list === null) return hidden ? NOT_ASKED : '';
    return Array.isArray(list) && list.map(String).includes(v.read.choice) ? '1' : '0';
  }
  const value = dig(container, v.read.path);
  if (value === undefined || value === null || value === '') return hidden ? NOT_ASKED : '';
  if (closed && !inDomain(v, value)) return SUPPRESSED_CELL;
  if (Array.isArray(value)) return value.map((x) => choiceText(v, x, labels)).join(labels ? '; ' : ' ');
  if (typeof value === 'object') return JSON.stringify(value);
  if (v.type === 'choice' || v.type === 'boolean') return choiceText(v, value, labels);
  return String(value);
}

/** The text of a main-table cell, skip logic applied (`hidden`: the response's hidden paths). */
export function mainCellText(v: Variable, data: Json, hidden: ReadonlySet<string>, labels: boolean, closed = false): string {
  return cellText(v, data, hidden.size > 0 && (hidden.has(v.hiddenPath) || hidden.has(v.question)), labels, closed);
}

/** Variables grouped by table, computed once per layout (flattening runs once per response). */
const grouped = new WeakMap<Layout, Map<string, Variable[]>>();
function byTableOf(layout: Layout): Map<string, Variable[]> {
  let byTable = grouped.get(layout);
  if (!byTable) {
    byTable = new Map();
    for (const v of layout.variables) byTable.set(v.table, [...(byTable.get(v.table) ?? []), v]);
    grouped.set(layout, byTable);
  }
  return byTable;
}

/** Main row and repeat rows of one response's answers; `onlyMain` skips the repeat tables. */
export function flattenResponse(
  layout: Layout,
  data: Json,
  hiddenPaths: readonly string[],
  labels: boolean,
  onlyMain = false,
  closed = false,
): FlatResponse {
  const hidden = new Set(hiddenPaths);
  // Repeat rows: hidden paths are row-prefixed (`kids[0].school`).
  const isHidden = (v: Variable, prefix: string) => hidden.has(prefix + v.hiddenPath);
  const byTable = byTableOf(layout);
  const main = (byTable.get('') ?? []).map((v) => mainCellText(v, data, hidden, labels, closed));
  if (onlyMain) return { main, repeats: new Map() };
  const repeats = new Map<string, Array<{ parent: string; key: string; cells: string[] }>>();
  // Rows of each table as (container object, key suffix, hidden-path prefix), parents before children.
  const rowsOf = new Map<string, Array<{ row: unknown; key: string; prefix: string }>>([['', [{ row: data, key: '', prefix: '' }]]]);
  for (const t of layout.repeats) {
    const out: Array<{ row: unknown; key: string; prefix: string }> = [];
    const lines: Array<{ parent: string; key: string; cells: string[] }> = [];
    for (const parent of rowsOf.get(t.parent) ?? []) {
      const list = dig(parent.row, t.path);
      if (!Array.isArray(list)) continue;
      list.forEach((row, i) => {
        const key = `${parent.key}/${t.path.join('/')}[${i + 1}]`;
        const prefix = `${parent.prefix}${t.path.join('.')}[${i}].`;
        out.push({ row, key, prefix });
        lines.push({
          parent: parent.key,
          key,
          cells: (byTable.get(t.name) ?? []).map((v) => cellText(v, row, isHidden(v, prefix), labels, closed)),
        });
      });
    }
    rowsOf.set(t.name, out);
    repeats.set(t.name, lines);
  }
  return { main, repeats };
}
