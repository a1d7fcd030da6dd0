// l-diversity of sensitive variables within each class of the final key (blanks as categories,
// as current sdcMicro groups them). A class where a sensitive variable shows fewer than l
// distinct values discloses it to anyone who can place a person in that class; its values of
// that variable are blanked.
import { denseIds, type Ids, keyScratch } from './classes';
import {
  blank,
  blankedBits,
  isBlanked,
  NO_VALUE,
  noLists,
  SUPPRESSED,
  tableClasses,
  valuesAt,
  weightOf,
  type SdcTable,
  type SensitiveColumn,
} from './table';

export interface DiversityResult {
  /** Per sensitive variable: the smallest distinct count over classes, before and after treatment. */
  minL: Record<string, { before: number; after: number }>;
  /** Cells of sensitive variables blanked to reach l. */
  suppressed: Record<string, number>;
}

/**
 * A table's sensitive variable as distinct values per row: kept so by a grouped table, or made
 * from a column of the table (one value a row; blanking writes SUPPRESSED back into it).
 */
export function sensitiveColumn(t: SdcTable, name: string): { column: SensitiveColumn; writeBack(): void } {
  const own = t.sensitive?.find((s) => s.name === name);
  if (own) return { column: own, writeBack() {} };
  const v = t.vars.indexOf(name);
  if (v < 0) throw new Error(`variable '${name}' is not in the table`);
  const codes = t.codes[v]!;
  const column: SensitiveColumn = {
    name,
    labels: t.labels[v]!,
    one: Int32Array.from({ length: t.n }, (_, i) => (codes[i] === SUPPRESSED ? NO_VALUE : codes[i]!)),
    many: noLists(),
    blanked: blankedBits(t.n),
  };
  return {
    column,
    writeBack() {
      for (let i = 0; i < t.n; i++) if (isBlanked(column, i)) codes[i] = SUPPRESSED;
    },
  };
}

/**
 * Arrays kept from one measure of l-diversity to the next: two a pair, and two a class (fresh
 * ones per variable left a hundred megabytes for the collector at a million records). What
 * distinctPerClass returns is overwritten by its next call. Let go at the end of a
 * disclosure-control run (releaseDiversityScratch, beside classes.ts's releaseScratch).
 */
interface PairScratch {
  owner(n: number): Int32Array;
  ids(n: number): Int32Array;
  /** Zeroed. */
  perClass(n: number): Int32Array;
  /** Zeroed. */
  flags(n: number): Uint8Array;
}

let kept: PairScratch | undefined;

/** Lets go of the arrays kept between measures. */
export function releaseDiversityScratch(): void {
  kept = undefined;
}

function pairScratch(): PairScratch {
  let owner = new Int32Array(0);
  let ids = new Int32Array(0);
  let perClass = new Int32Array(0);
  let flags = new Uint8Array(0);
  return {
    owner: (n) => (owner.length >= n ? owner : (owner = new Int32Array(n))),
    ids: (n) => (ids.length >= n ? ids : (ids = new Int32Array(n))),
    perClass: (n) => (perClass.length >= n ? perClass.fill(0, 0, n) : (perClass = new Int32Array(n))).subarray(0, n),
    flags: (n) => (flags.length >= n ? flags.fill(0, 0, n) : (flags = new Uint8Array(n))).subarray(0, n),
  };
}

/**
 * Distinct values per class: known values (capped sets united), and whether a split row adds
 * "at least one". Distinct (class, value) pairs are counted as dense ids of class x value numbers:
 * a release measures this many times, on up to a million classes.
 */
function distinctPerClass(t: SdcTable, classes: Ids, s: SensitiveColumn, scratch: PairScratch): Int32Array {
  const out = scratch.perClass(classes.count);
  const someValue = scratch.flags(classes.count);
  const radix = s.labels.length + 1;
  if (!Number.isSafeInteger(classes.count * radix)) throw new Error(`sensitive variable '${s.name}' has too many values to measure`);
  let pairs = 0;
  for (let i = 0; i < t.n; i++) if (!isBlanked(s, i)) pairs += s.one[i]! >= 0 ? 1 : (valuesAt(s, i)?.length ?? 0);
  const keys = keyScratch(pairs);
  const owner = scratch.owner(pairs);
  let m = 0;
  for (let i = 0; i < t.n; i++) {
    if (isBlanked(s, i)) continue;
    const id = classes.ids[i]!;
    const one = s.one[i]!;
    // Most rows hold one value: read from the codes, not through valuesAt.
    if (one >= 0) {
      keys[m] = id * radix + one;
      owner[m++] = id;
      continue;
    }
    const values = valuesAt(s, i);
    if (values === null) someValue[id] = 1;
    else
      for (const c of values) {
        keys[m] = id * radix + c;
        owner[m++] = id;
      }
  }
  // Ids come in order of first appearance: a pair's first appearance is the next new id. (Classes
  // times values is often small enough to address directly.)
  const { ids } = denseIds(keys, m, classes.count * radix, scratch.ids(m));
  let seen = 0;
  for (let p = 0; p < m; p++)
    if (ids[p] === seen) {
      seen++;
      out[owner[p]!]!++;
    }
  for (let c = 0; c < classes.count; c++) if (someValue[c] && out[c] === 0) out[c] = 1;
  return out;
}

/** Measures l per sensitive variable and, when `l` > 1, blanks the variable in classes below it. */
export function enforceDiversity(t: SdcTable, keyVars: readonly number[], sensitive: readonly string[], l: number): DiversityResult {
  const classes = tableClasses(t, keyVars);
  const { ids } = classes;
  const scratch = (kept ??= pairScratch());
  const minL: DiversityResult['minL'] = {};
  const suppressed: DiversityResult['suppressed'] = {};
  const smallest = (m: Int32Array, skipEmpty: boolean) => {
    let min = Infinity;
    for (const size of m) if (!skipEmpty || size > 0) min = Math.min(min, size);
    return min === Infinity ? 0 : min;
  };
  for (const name of sensitive) {
    const { column: s, writeBack } = sensitiveColumn(t, name);
    const before = distinctPerClass(t, classes, s, scratch);
    suppressed[name] = 0;
    if (l > 1)
      for (let i = 0; i < t.n; i++)
        if (before[ids[i]!]! < l && !isBlanked(s, i) && valuesAt(s, i)?.length !== 0) {
          blank(s, i);
          suppressed[name]! += weightOf(t, i);
        }
    writeBack();
    // A class whose values are all blanked discloses nothing about this variable. (Read before
    // distinctPerClass runs again: it counts into the same array.)
    const least = smallest(before, false);
    const leastShown = smallest(before, true);
    minL[name] = {
      before: least,
      after: suppressed[name] ? smallest(distinctPerClass(t, classes, s, scratch), true) : leastShown,
    };
  }
  return { minL, suppressed };
}
