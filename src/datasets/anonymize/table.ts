// The quasi-identifier table the disclosure-control steps work on: one Int32Array of category
// codes per variable, so a million records cost a few megabytes. SUPPRESSED marks a cell blanked
// by disclosure control, which is never confused with a questionnaire's own missing values
// (those are ordinary categories here, as they are informative).

export const SUPPRESSED = -1;

export interface SdcTable {
  n: number;
  /** Variable names, in column order. */
  vars: string[];
  /** codes[v][i]: the category of record i in variable v, or SUPPRESSED. */
  codes: Int32Array[];
  /** labels[v][code]: the category's value as text. */
  labels: string[][];
}

/** Builds a table from rows of text values (a CSV, or flattened responses). */
export function tableFromRows(vars: string[], rows: Iterable<ReadonlyArray<string>>): SdcTable {
  const dicts = vars.map(() => new Map<string, number>());
  const columns: number[][] = vars.map(() => []);
  let n = 0;
  for (const row of rows) {
    vars.forEach((_, v) => {
      const value = row[v] ?? '';
      let code = dicts[v]!.get(value);
      if (code === undefined) {
        code = dicts[v]!.size;
        dicts[v]!.set(value, code);
      }
      columns[v]!.push(code);
    });
    n++;
  }
  return { n, vars, codes: columns.map((c) => Int32Array.from(c)), labels: dicts.map((d) => [...d.keys()]) };
}

/** A deep copy whose codes can be changed without touching the original. */
export function cloneTable(t: SdcTable): SdcTable {
  return { ...t, codes: t.codes.map((c) => c.slice()), labels: t.labels.map((l) => [...l]) };
}

/** Categories in use per variable (suppressed cells not counted). */
export function categoriesInUse(t: SdcTable, v: number): number {
  const seen = new Set<number>();
  for (const c of t.codes[v]!) if (c !== SUPPRESSED) seen.add(c);
  return seen.size;
}

/** The key of record i over the variables `vars` (indexes), as a string usable in a Map. */
export function keyOf(t: SdcTable, vars: readonly number[], i: number): string {
  let k = '';
  for (const v of vars) k += t.codes[v]![i] + ',';
  return k;
}
