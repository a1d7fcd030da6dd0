// l-diversity of sensitive variables within each class of the final key (blanks as categories,
// as current sdcMicro groups them). A class where a sensitive variable shows fewer than l
// distinct values discloses it to anyone who can place a person in that class; its values of
// that variable are blanked. A class that shows no value of it (every cell empty, not asked, or
// a question its records' version did not have) discloses nothing and has nothing to blank.
import { type ClassOrder, classOrder } from './classes';
import {
  blank,
  blankedBits,
  emptyLabels,
  isBlanked,
  NO_VALUE,
  SUPPRESSED,
  showsValue,
  tableClasses,
  valuesAt,
  weightOf,
  type SdcTable,
  type SensitiveColumn,
} from './table';
import { valueLists } from './value-lists';

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
    many: valueLists(),
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
 * Arrays kept from one measure of l-diversity to the next: the rows in class order, where each
 * class starts, a count per class and a stamp per value (fresh ones per variable left a hundred
 * megabytes for the collector at a million records). What distinctPerClass returns is
 * overwritten by its next call. Let go at the end of a disclosure-control run
 * (releaseDiversityScratch, beside classes.ts's releaseScratch).
 */
interface DiversityScratch {
  /** The arrays of classOrder. */
  byClass: Partial<ClassOrder>;
  /** Zeroed. */
  perClass(n: number): Int32Array;
  /** Filled with -1. */
  stamps(n: number): Int32Array;
}

let kept: DiversityScratch | undefined;

/** Lets go of the arrays kept between measures. */
export function releaseDiversityScratch(): void {
  kept = undefined;
}

function diversityScratch(): DiversityScratch {
  let perClass = new Int32Array(0);
  let stamps = new Int32Array(0);
  return {
    byClass: {},
    perClass: (n) => (perClass.length >= n ? perClass.fill(0, 0, n) : (perClass = new Int32Array(n))).subarray(0, n),
    stamps: (n) => (stamps.length >= n ? stamps : (stamps = new Int32Array(n))).fill(-1, 0, n).subarray(0, n),
  };
}

/**
 * Distinct values per class: known values (capped sets united), and whether a split row adds
 * "at least one"; 0 for a class that shows no value (only empty cells, see emptyLabels). The rows
 * are visited class by class (see classOrder), and a value is new to its class when the class last
 * seen with it is another: an integer a value. (Counted as dense ids of class x value pairs, the
 * pairs, their owners and their hash table took 75 MB of a second release at a million records.)
 */
function distinctPerClass(
  s: SensitiveColumn,
  empty: Uint8Array,
  count: number,
  { order, starts }: ClassOrder,
  scratch: DiversityScratch,
): Int32Array {
  const out = scratch.perClass(count);
  const lastClass = scratch.stamps(s.labels.length);
  for (let c = 0; c < count; c++) {
    let distinct = 0;
    let someValue = false;
    let shown = false;
    for (let k = starts[c]!, to = starts[c + 1]!; k < to; k++) {
      const i = order[k]!;
      if (isBlanked(s, i)) continue;
      shown ||= showsValue(s, i, empty);
      const one = s.one[i]!;
      // Most rows hold one value: read from the codes, not through valuesAt.
      if (one >= 0) {
        if (lastClass[one] !== c) {
          lastClass[one] = c;
          distinct++;
        }
        continue;
      }
      const values = valuesAt(s, i);
      if (values === null) someValue = true;
      else
        for (const v of values)
          if (lastClass[v] !== c) {
            lastClass[v] = c;
            distinct++;
          }
    }
    out[c] = !shown ? 0 : distinct === 0 && someValue ? 1 : distinct;
  }
  return out;
}

/** Measures l per sensitive variable and, when `l` > 1, blanks the variable in classes below it. */
export function enforceDiversity(t: SdcTable, keyVars: readonly number[], sensitive: readonly string[], l: number): DiversityResult {
  const classes = tableClasses(t, keyVars);
  const { ids } = classes;
  const scratch = (kept ??= diversityScratch());
  // Ordered once for every sensitive variable measured on these classes, into the kept arrays.
  const byClass = (scratch.byClass = classOrder(classes, t.n, scratch.byClass));
  const minL: DiversityResult['minL'] = {};
  const suppressed: DiversityResult['suppressed'] = {};
  const smallest = (m: Int32Array, skipEmpty: boolean) => {
    let min = Infinity;
    for (const size of m) if (!skipEmpty || size > 0) min = Math.min(min, size);
    return min === Infinity ? 0 : min;
  };
  for (const name of sensitive) {
    const { column: s, writeBack } = sensitiveColumn(t, name);
    const empty = emptyLabels(s);
    const before = distinctPerClass(s, empty, classes.count, byClass, scratch);
    suppressed[name] = 0;
    if (l > 1)
      for (let i = 0; i < t.n; i++)
        if (before[ids[i]!]! < l && !isBlanked(s, i) && showsValue(s, i, empty)) {
          blank(s, i);
          suppressed[name]! += weightOf(t, i);
        }
    writeBack();
    // A class whose values are all blanked discloses nothing about this variable. (Read before
    // distinctPerClass runs again: it counts into the same array.)
    const least = smallest(before, true);
    minL[name] = {
      before: least,
      after: suppressed[name] ? smallest(distinctPerClass(s, empty, classes.count, byClass, scratch), true) : least,
    };
  }
  return { minL, suppressed };
}
