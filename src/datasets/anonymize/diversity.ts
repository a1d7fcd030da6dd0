// l-diversity of sensitive variables within each class of the final key (blanks as categories,
// as current sdcMicro groups them). A class where a sensitive variable shows fewer than l
// distinct values discloses it to anyone who can place a person in that class; its values of
// that variable are blanked.
import { keyer, SUPPRESSED, type SdcTable } from './table';

export interface DiversityResult {
  /** Per sensitive variable: the smallest distinct count over classes, before and after treatment. */
  minL: Record<string, { before: number; after: number }>;
  /** Cells of sensitive variables blanked to reach l. */
  suppressed: Record<string, number>;
}

/** Distinct values of variable v per class (suppressed cells not counted). */
function distinctPerClass(t: SdcTable, keyOf: (i: number) => number | string, v: number): Map<number | string, Set<number>> {
  const seen = new Map<number | string, Set<number>>();
  for (let i = 0; i < t.n; i++) {
    const key = keyOf(i);
    let s = seen.get(key);
    if (!s) seen.set(key, (s = new Set()));
    if (t.codes[v]![i] !== SUPPRESSED) s.add(t.codes[v]![i]!);
  }
  return seen;
}

/** Measures l per sensitive variable and, when `l` > 1, blanks the variable in classes below it. */
export function enforceDiversity(t: SdcTable, keyVars: readonly number[], sensitive: readonly number[], l: number): DiversityResult {
  const keyOf = keyer(t, keyVars);
  const minL: DiversityResult['minL'] = {};
  const suppressed: DiversityResult['suppressed'] = {};
  const smallest = (m: Map<number | string, Set<number>>, skipEmpty: boolean) => {
    let min = Infinity;
    for (const s of m.values()) if (!skipEmpty || s.size > 0) min = Math.min(min, s.size);
    return min === Infinity ? 0 : min;
  };
  for (const v of sensitive) {
    const name = t.vars[v]!;
    const before = distinctPerClass(t, keyOf, v);
    suppressed[name] = 0;
    if (l > 1)
      for (let i = 0; i < t.n; i++)
        if (before.get(keyOf(i))!.size < l && t.codes[v]![i] !== SUPPRESSED) {
          t.codes[v]![i] = SUPPRESSED;
          suppressed[name]!++;
        }
    // A class whose values are all blanked discloses nothing about this variable.
    minL[name] = { before: smallest(before, false), after: smallest(distinctPerClass(t, keyOf, v), true) };
  }
  return { minL, suppressed };
}
