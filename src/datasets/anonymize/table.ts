// The quasi-identifier table the disclosure-control steps work on: one typed array of category
// codes per variable (one byte a record while a variable has at most 127 categories), so a million
// records cost a megabyte a variable. SUPPRESSED marks a cell blanked
// by disclosure control, which is never confused with a questionnaire's own missing values
// (those are ordinary categories here, as they are informative).

import { bitArray, hasBit, setBit } from '../../shared/bits';
import { classesOf, type Ids } from './classes';
import { addToList, copyLists, deleteList, listArrays, listOf, setList, valueLists, type ValueLists } from './value-lists';

export const SUPPRESSED = -1;

export type Codes = Int8Array | Int16Array | Int32Array;

/**
 * `codes`, or a copy wide enough for `code`: one byte a code to 127 categories, two to 32,767,
 * four past that (negative codes mark suppressed and missing cells). A million nearly unique
 * records with 20 key and 22 sensitive variables took 180 MB at two and four bytes a code.
 */
export function widened(codes: Codes, code: number): Codes {
  if (codes instanceof Int8Array && code > 127) return code > 32767 ? Int32Array.from(codes) : Int16Array.from(codes);
  if (codes instanceof Int16Array && code > 32767) return Int32Array.from(codes);
  return codes;
}

/** An empty array of codes of the same width. */
export const sameWidth = (codes: Codes, n: number): Codes => new (codes.constructor as new (n: number) => Codes)(n);

export interface SdcTable {
  n: number;
  /** Variable names, in column order. */
  vars: string[];
  /** codes[v][i]: the category of record i in variable v, or SUPPRESSED. */
  codes: Codes[];
  /** labels[v][code]: the category's value as text. */
  labels: string[][];
  /**
   * Records per row, when a row stands for records that share their key (a grouped table: memory
   * grows with the distinct keys, not the records). Absent: one record a row. Arrays may be longer
   * than n (room for rows split off during suppression).
   */
  weights?: Int32Array;
  /** For a grouped table: the row each row was split from (itself for rows of the input). */
  origin?: Int32Array;
  /** For a grouped table: sensitive variables, whose values differ within a row. */
  sensitive?: SensitiveColumn[];
}

/** At most this many distinct values of a sensitive variable are kept per row (l is smaller). */
export const SENSITIVE_CAP = 32;

export interface SensitiveColumn {
  name: string;
  labels: string[];
  /**
   * Per row: the code of its records' one value, or NO_VALUE, SOME_VALUE (only part of a row's
   * records are known to be there, a split row: at least one value) or MANY_VALUES (see `many`).
   * Most rows of nearly unique records hold one value: four bytes a row, not an array.
   */
  one: Codes;
  /** Rows of several distinct values: their codes, sorted, at most SENSITIVE_CAP. */
  many: ValueLists;
  /**
   * One bit a row (shared/bits.ts), set when l-diversity blanked this variable for the
   * row's records: read with isBlanked, set with blank. (A byte a row was 25 MB of a million
   * records' table with 22 sensitive variables.)
   */
  blanked: Uint8Array;
}

/** Room for the blanked bits of `rows` rows. */
export const blankedBits = bitArray;

/** Whether l-diversity blanked this variable for row i's records. */
export const isBlanked = (s: SensitiveColumn, i: number): boolean => hasBit(s.blanked, i);

/** Marks the variable blanked for row i's records. */
export function blank(s: SensitiveColumn, i: number): void {
  setBit(s.blanked, i);
}

/**
 * Per label of a sensitive variable: 1 where it shows nothing (no answer, not asked, a question
 * the record's version did not have, withheld). Such a cell counts as a category for l-diversity
 * (a class of one value and many blanks does not disclose the value) but is never blanked: there
 * is nothing in it to hide.
 */
export function emptyLabels(s: SensitiveColumn): Uint8Array {
  return Uint8Array.from(s.labels, (label) => (label === '' || label.startsWith('.') ? 1 : 0));
}

/** Whether row i shows a value of the variable (`empty` from emptyLabels); a split row shows at least one. */
export function showsValue(s: SensitiveColumn, i: number, empty: Uint8Array): boolean {
  const c = s.one[i]!;
  return c >= 0 ? empty[c] === 0 : c !== NO_VALUE;
}

export const NO_VALUE = -1;
export const SOME_VALUE = -2;
export const MANY_VALUES = -3;

/** One array per code, shared and never changed: what valuesAt gives for a row of one value. */
const SINGLE: Int32Array[] = [];
const NO_VALUES = new Int32Array(0);

/**
 * Row i's distinct values (sorted codes; shared arrays and views, never to be changed, read
 * before the column changes), or null for "at least one".
 */
export function valuesAt(s: SensitiveColumn, i: number): Readonly<Int32Array> | null {
  const c = s.one[i]!;
  if (c >= 0) return (SINGLE[c] ??= Int32Array.of(c));
  if (c === NO_VALUE) return NO_VALUES;
  if (c === SOME_VALUE) return null;
  return listOf(s.many, i)!;
}

/** Sets row i's distinct values (sorted codes), or null for "at least one". */
export function setValuesAt(s: SensitiveColumn, i: number, values: ArrayLike<number> | null): void {
  if (values === null || values.length < 2) deleteList(s.many, i);
  if (values === null) s.one[i] = SOME_VALUE;
  else if (values.length === 0) s.one[i] = NO_VALUE;
  else if (values.length === 1) s.one[i] = values[0]!;
  else {
    s.one[i] = MANY_VALUES;
    setList(s.many, i, values);
  }
}

/** Records row i stands for. */
export const weightOf = (t: SdcTable, i: number): number => (t.weights ? t.weights[i]! : 1);

/** Records in the table. */
export function recordCount(t: SdcTable): number {
  if (!t.weights) return t.n;
  let s = 0;
  for (let i = 0; i < t.n; i++) s += t.weights[i]!;
  return s;
}

/** A longer copy of `a`: twice as long, but no longer than `limit` (unless `a` is that long already). */
function grow<A extends Codes | Uint8Array>(a: A, limit = Number.POSITIVE_INFINITY): A {
  const bigger = new (a.constructor as new (n: number) => A)(Math.max(a.length + 1, Math.min(a.length * 2, limit)));
  bigger.set(a);
  return bigger;
}

/**
 * Moves `m` of the records of row i (of a grouped table) into a new row with the same codes, and
 * returns its index, so that part of a class can be treated apart from the rest. Which records
 * go is not known here, so a sensitive variable with several values in the row becomes
 * "at least one value" in both parts: diversity is never overestimated.
 */
export function splitRow(t: SdcTable, i: number, m: number): number {
  if (!t.weights || !t.origin) throw new Error('only a grouped table splits rows');
  if (m <= 0 || m >= t.weights[i]!) throw new Error(`cannot split ${m} of ${t.weights[i]} records`);
  if (t.n === t.weights.length) {
    t.codes = t.codes.map(grow);
    t.weights = grow(t.weights);
    t.origin = grow(t.origin);
    for (const s of t.sensitive ?? []) {
      s.blanked = grow(s.blanked);
      s.one = grow(s.one);
    }
  }
  const j = t.n++;
  for (const c of t.codes) c[j] = c[i]!;
  t.weights[i]! -= m;
  t.weights[j] = m;
  t.origin[j] = t.origin[i]!;
  for (const s of t.sensitive ?? []) {
    if (s.one[i] === MANY_VALUES) setValuesAt(s, i, null);
    s.one[j] = s.one[i]!;
    if (isBlanked(s, i)) blank(s, j);
  }
  return j;
}

/**
 * The rows of a table being built, found by their codes: an open-addressing table of row numbers
 * whose keys are the rows themselves (`matches` compares a row's codes), so a row costs eight
 * bytes here, not a string key in a Map (~100 bytes: a million nearly unique records took
 * 100 MB of a release's first pass). Rows are added in order: 0, 1, 2...
 */
function rowIndex(matches: (r: number, codes: ReadonlyArray<number>) => boolean): {
  find(codes: ReadonlyArray<number>): number | undefined;
  add(r: number, codes: ReadonlyArray<number>): void;
} {
  let slots = new Int32Array(1024).fill(-1);
  let hashes = new Int32Array(1024);
  let size = 0;
  const hashOf = (codes: ReadonlyArray<number>) => {
    let h = 0x811c9dc5;
    for (let v = 0; v < codes.length; v++) h = Math.imul(h ^ codes[v]!, 0x01000193);
    h ^= h >>> 15;
    return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 12);
  };
  const place = (r: number, h: number) => {
    const mask = slots.length - 1;
    let s = h & mask;
    while (slots[s] !== -1) s = (s + 1) & mask;
    slots[s] = r;
  };
  return {
    find(codes) {
      const mask = slots.length - 1;
      const h = hashOf(codes);
      for (let s = h & mask; slots[s] !== -1; s = (s + 1) & mask) {
        const r = slots[s]!;
        if (hashes[r] === h && matches(r, codes)) return r;
      }
      return undefined;
    },
    add(r, codes) {
      if (r !== size) throw new Error(`rows are indexed in order: ${r} came after ${size}`);
      if (r >= hashes.length) hashes = grow(hashes);
      const h = (hashes[r] = hashOf(codes));
      // Kept under half full; doubled, every row is placed again by its kept hash.
      if (2 * ++size > slots.length) {
        slots = new Int32Array(slots.length * 2).fill(-1);
        for (let row = 0; row < size - 1; row++) place(row, hashes[row]!);
      }
      place(r, h);
    },
  };
}

/** Rows of room a grouped table of n rows is built with: an eighth more, for rows split off. */
const roomFor = (n: number) => n + Math.max(16, n >> 3);

/**
 * A grouped table built one record at a time: records with the same cells in `vars` share a row
 * with a weight, and the distinct values of each sensitive variable are kept per row. push()
 * returns the record's row (a second pass keeps it with the record: see recordPlacer).
 * `maxRecords`, when known, bounds the arrays' growth: a table of nearly unique records then
 * grows no longer than it will be built with, and is built without a copy (a million records'
 * table copied at the end of the first pass held it twice, 70 MB more, at that pass's peak).
 */
export function groupedTableBuilder(
  vars: string[],
  sensitive: string[] = [],
  maxRecords?: number,
): {
  push(key: ReadonlyArray<string>, sensitive?: ReadonlyArray<string>): number;
  /** The table, in the builder's own arrays where they have the room (the builder is then done). */
  build(): SdcTable;
} {
  const limit = maxRecords === undefined ? Number.POSITIVE_INFINITY : roomFor(maxRecords);
  const inner = tableBuilder(vars, 1024, limit);
  const rows = rowIndex(inner.matches);
  let weights = new Int32Array(1024);
  // Most rows hold one value of a sensitive variable (nearly unique records): its code, in a typed
  // array; a row gets an array of its own only when a second value comes. (One array a row: 20,000
  // realistic records with 22 sensitive variables made 440,000 arrays, 90 MB.)
  const sens: SensitiveColumn[] = sensitive.map((name) => ({
    name,
    labels: [],
    one: new Int8Array(1024),
    many: valueLists(),
    blanked: new Uint8Array(0),
  }));
  const sensDicts = sensitive.map(() => new Map<string, number>());
  const codes = new Array<number>(vars.length);
  const pair = [0, 0];
  return {
    push(cells, sensitiveCells = []) {
      for (let v = 0; v < vars.length; v++) codes[v] = inner.code(v, cells[v] ?? '', true)!;
      let r = rows.find(codes);
      if (r === undefined) {
        r = inner.pushCodes(codes);
        rows.add(r, codes);
        if (r === weights.length) weights = grow(weights, limit);
        for (const s of sens) {
          if (r === s.one.length) s.one = grow(s.one, limit);
          s.one[r] = NO_VALUE;
        }
      }
      weights[r]!++;
      sens.forEach((s, j) => {
        let c = sensDicts[j]!.get(sensitiveCells[j] ?? '');
        if (c === undefined) {
          sensDicts[j]!.set(sensitiveCells[j] ?? '', (c = s.labels.length));
          s.labels.push(sensitiveCells[j] ?? '');
          s.one = widened(s.one, c);
        }
        const one = s.one[r]!;
        if (one === NO_VALUE) s.one[r] = c;
        else if (one >= 0) {
          if (one !== c) {
            s.one[r] = MANY_VALUES;
            pair[0] = Math.min(one, c);
            pair[1] = Math.max(one, c);
            setList(s.many, r, pair);
          }
        } else addToList(s.many, r, c, SENSITIVE_CAP);
      });
      return r;
    },
    build() {
      const t = inner.build();
      // Room to split an eighth of the rows without copying (splitRow doubles the arrays past it):
      // room for as many again doubled every typed array of a table of nearly unique records.
      // An array with that room already is kept as it is, and every array gets as much room as the
      // longest: splitRow grows them all only when the weights are full (an origin shorter than
      // the weights lost the rows split past its end).
      const room = Math.max(roomFor(t.n), weights.length);
      const widen = <A extends Codes>(c: A): A => {
        if (c.length >= room) return c;
        const a = new (c.constructor as new (n: number) => A)(room);
        a.set(c.subarray(0, t.n));
        return a;
      };
      const origin = new Int32Array(room);
      for (let i = 0; i < t.n; i++) origin[i] = i;
      for (const s of sens) {
        s.blanked = blankedBits(room);
        s.one = widen(s.one);
      }
      return { ...t, codes: inner.columns().map(widen), weights: widen(weights), origin, sensitive: sens };
    },
  };
}

/**
 * After disclosure control of a grouped table: the row that takes a record of input row r. The
 * records of a row that was split go to its parts by their rank within the row (their order in
 * pass one: 0, 1, ...), the first ranks to the row itself, then to each part in the order it was
 * split off. So a second pass over the same records, in any order, places each where the same
 * ranks went before: a release is reproducible whatever order its rows are written in. Throws
 * when the records are not those the table was built from.
 */
export function recordPlacer(t: SdcTable, inputRows: number): { place(r: number, rank: number): number; finish(): void } {
  if (!t.weights || !t.origin) throw new Error('only a grouped table places records');
  // Rows split off, by the input row they came from, in order; a row never split is its own part
  // (an array a row was 60 MB of a million records' pass two).
  const splits = new Map<number, number[]>();
  for (let j = inputRows; j < t.n; j++) {
    const r = t.origin[j]!;
    const parts = splits.get(r);
    if (parts) parts.push(j);
    else splits.set(r, [r, j]);
  }
  const left = t.weights.slice(0, t.n);
  const drift = () => new Error('responses changed while the export was running; export again');
  return {
    place(r, rank) {
      if (r < 0 || r >= inputRows || rank < 0) throw drift();
      const parts = splits.get(r);
      if (!parts) {
        if (left[r] === 0 || rank >= t.weights![r]!) throw drift();
        left[r]!--;
        return r;
      }
      let before = 0;
      for (const j of parts) {
        const w = t.weights![j]!;
        if (rank < before + w) {
          if (left[j] === 0) throw drift();
          left[j]!--;
          return j;
        }
        before += w;
      }
      throw drift();
    },
    finish() {
      for (let j = 0; j < t.n; j++) if (left[j] !== 0) throw drift();
    },
  };
}

/**
 * Builds a table one record at a time, in typed arrays sized for `expected` records (growing by
 * doubling past that), handed over without a copy. `code` looks a value up in a variable's
 * dictionary (adding it when asked), so a caller can code a record before deciding to push it.
 */
export function tableBuilder(
  vars: string[],
  expected = 1024,
  limit = Number.POSITIVE_INFINITY,
): {
  push(row: ReadonlyArray<string>): void;
  code(v: number, value: string, add: boolean): number | undefined;
  /** Adds a record by its codes; returns its row. */
  pushCodes(codes: ReadonlyArray<number>): number;
  /** Whether row r has these codes. */
  matches(r: number, codes: ReadonlyArray<number>): boolean;
  /** The code arrays themselves, longer than the rows pushed. */
  columns(): Codes[];
  build(): SdcTable;
} {
  const dicts = vars.map(() => new Map<string, number>());
  let columns: Codes[] = vars.map(() => new Int8Array(Math.max(16, expected)));
  let n = 0;
  const code = (v: number, value: string, add: boolean) => {
    let c = dicts[v]!.get(value);
    if (c === undefined && add) dicts[v]!.set(value, (c = dicts[v]!.size));
    return c;
  };
  const pushCodes = (codes: ReadonlyArray<number>) => {
    if (n === columns[0]!.length) columns = columns.map((c) => grow(c, limit));
    for (let v = 0; v < vars.length; v++) {
      columns[v] = widened(columns[v]!, codes[v]!);
      columns[v]![n] = codes[v]!;
    }
    return n++;
  };
  return {
    code,
    pushCodes,
    columns: () => columns,
    matches(r, codes) {
      for (let v = 0; v < vars.length; v++) if (columns[v]![r] !== codes[v]) return false;
      return true;
    },
    push: (row) => {
      pushCodes(vars.map((_, v) => code(v, row[v] ?? '', true)!));
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
  return {
    ...t,
    codes: t.codes.map((c) => c.slice()),
    labels: t.labels.map((l) => [...l]),
    weights: t.weights?.slice(),
    origin: t.origin?.slice(),
    sensitive: t.sensitive?.map((s) => ({
      ...s,
      one: s.one.slice(),
      many: copyLists(s.many),
      blanked: s.blanked.slice(),
    })),
  };
}

/**
 * Categories in use per variable: suppressed cells, no answer ('') and the questionnaire's codes
 * (.n not asked, .s withheld) are not categories of the variable.
 */
export function categoriesInUse(t: SdcTable, v: number): number {
  const codes = t.codes[v]!;
  const labels = t.labels[v]!;
  const seen = new Uint8Array(labels.length);
  for (let i = 0; i < t.n; i++) if (codes[i] !== SUPPRESSED) seen[codes[i]!] = 1;
  let count = 0;
  labels.forEach((label, c) => {
    if (seen[c] && label !== '' && !label.startsWith('.')) count++;
  });
  return count;
}

/**
 * A key of codes (SUPPRESSED included) as a Map key: one character a code, a flat string of a few
 * dozen bytes. (Concatenated code by code, a key stayed a rope of one node per variable: 800 bytes
 * a key, 160 MB for 200,000 nearly unique records.) Codes past 55,000 categories spell the key in
 * digits instead, longer than any one-character-a-code key of as many codes.
 */
export function codesKey(codes: readonly number[]): string {
  for (const c of codes) if (c + 1 >= 0xd800) return codes.join(',');
  return String.fromCharCode(...codes.map((c) => c + 1));
}

/** Classes of the table's rows (or of `rows`) over the variables `vars` (indexes); ids `into` an array of the caller's (see classesOf). */
export function tableClasses(t: SdcTable, vars: readonly number[], rows?: ArrayLike<number>, into?: Int32Array): Ids {
  return classesOf(
    t.n,
    vars.map((v) => t.codes[v]!),
    vars.map((v) => t.labels[v]!.length + 1),
    rows,
    into,
  );
}

/**
 * A quick test of whether a row may have the values on `vars` of one of `rows`: its codes on the
 * two of `vars` with most categories, looked up in a typed array. A row it refuses matches none
 * of them; a row it passes must still be compared on every variable. Scans of every row for the
 * few that match a handful of keys (suppression's donors, sdcMicro's wildcard classes) pass
 * one row in hundreds to the full comparison.
 */
export function sieve(t: SdcTable, vars: readonly number[], rows: Iterable<number>): (i: number) => boolean {
  const [a, second] = [...vars].sort((x, y) => t.labels[y]!.length - t.labels[x]!.length);
  // The second variable only while the lookup array stays small (a few megabytes).
  const b = second !== undefined && (t.labels[a!]!.length + 1) * (t.labels[second]!.length + 1) <= 2 ** 22 ? second : undefined;
  const A = t.codes[a!]!;
  const width = b === undefined ? 1 : t.labels[b]!.length + 1;
  const B = b === undefined ? undefined : t.codes[b]!;
  const wanted = new Uint8Array((t.labels[a!]!.length + 1) * width);
  const at = (i: number) => (A[i]! + 1) * width + (B ? B[i]! + 1 : 0);
  for (const i of rows) wanted[at(i)] = 1;
  return (i) => wanted[at(i)] === 1;
}

/** The key of record i over the variables `vars` (indexes), as a string usable in a Map. */
export function keyOf(t: SdcTable, vars: readonly number[], i: number): string {
  return codesKey(vars.map((v) => t.codes[v]![i]!));
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
  // The columns are looked up on every call: splitRow may replace them with longer ones.
  return (i) => {
    let k = 0;
    for (let j = 0; j < vars.length; j++) k += (t.codes[vars[j]!]![i]! + 1) * mult[j]!;
    return k;
  };
}

/** The distinct buffers under a table's arrays: what moving it to another thread hands over. */
export function tableBuffers(t: SdcTable): ArrayBuffer[] {
  const arrays = [...t.codes, t.weights, t.origin, ...(t.sensitive ?? []).flatMap((s) => [s.one, s.blanked, ...listArrays(s.many)])];
  return [...new Set(arrays.filter((a) => a !== undefined).map((a) => a.buffer as ArrayBuffer))];
}
