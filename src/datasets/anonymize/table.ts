// The quasi-identifier table the disclosure-control steps work on: one typed array of category
// codes per variable (16-bit while a variable has fewer than 32,767 categories), so a million
// records cost two megabytes a variable. SUPPRESSED marks a cell blanked
// by disclosure control, which is never confused with a questionnaire's own missing values
// (those are ordinary categories here, as they are informative).

export const SUPPRESSED = -1;

export type Codes = Int16Array | Int32Array;

export interface SdcTable {
  n: number;
  /** Variable names, in column order. */
  vars: string[];
  /** codes[v][i]: the category of record i in variable v, or SUPPRESSED. */
  codes: Codes[];
  /** labels[v][code]: the category's value as text. */
  labels: string[][];
}

/**
 * Builds a table one record at a time, in typed arrays sized for `expected` records (growing by
 * doubling past that), handed over without a copy.
 */
export function tableBuilder(vars: string[], expected = 1024): { push(row: ReadonlyArray<string>): void; build(): SdcTable } {
  const dicts = vars.map(() => new Map<string, number>());
  let columns: Codes[] = vars.map(() => new Int16Array(Math.max(16, expected)));
  let n = 0;
  return {
    push(row) {
      if (n === columns[0]!.length)
        columns = columns.map((c) => {
          const bigger = c instanceof Int16Array ? new Int16Array(c.length * 2) : new Int32Array(c.length * 2);
          bigger.set(c);
          return bigger;
        });
      for (let v = 0; v < vars.length; v++) {
        const value = row[v] ?? '';
        let code = dicts[v]!.get(value);
        if (code === undefined) {
          code = dicts[v]!.size;
          dicts[v]!.set(value, code);
          // Past 16 bits of categories, this variable moves to 32-bit codes.
          if (code === 32767 && columns[v] instanceof Int16Array) columns[v] = Int32Array.from(columns[v]!);
        }
        columns[v]![n] = code;
      }
      n++;
    },
    build: () => ({ n, vars, codes: columns.map((c) => (c.length === n ? c : c.subarray(0, n))), labels: dicts.map((d) => [...d.keys()]) }),
  };
}

/** Builds a table from rows of text values (a CSV, or flattened responses). */
export function tableFromRows(vars: string[], rows: Iterable<ReadonlyArray<string>>): SdcTable {
  const b = tableBuilder(vars);
  for (const row of rows) b.push(row);
  return b.build();
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

/**
 * A key function over `vars`: a single number (mixed radix, suppressed as one more category) when
 * the combinations fit in 2^53, else the string key. Numbers keep a million-record pass light.
 */
export function keyer(t: SdcTable, vars: readonly number[]): (i: number) => number | string {
  let radix = 1;
  const mult: number[] = [];
  for (const v of vars) {
    mult.push(radix);
    radix *= t.labels[v]!.length + 1;
  }
  if (!Number.isSafeInteger(radix)) return (i) => keyOf(t, vars, i);
  const cols = vars.map((v) => t.codes[v]!);
  return (i) => {
    let k = 0;
    for (let j = 0; j < cols.length; j++) k += (cols[j]![i]! + 1) * mult[j]!;
    return k;
  };
}
