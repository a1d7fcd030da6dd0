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

function classesOf(t: SdcTable, keyVars: readonly number[]): Map<number | string, number[]> {
  const classes = new Map<number | string, number[]>();
  const keyOf = keyer(t, keyVars);
  for (let i = 0; i < t.n; i++) {
    const key = keyOf(i);
    const c = classes.get(key);
    if (c) c.push(i);
    else classes.set(key, [i]);
  }
  return classes;
}

function distinct(t: SdcTable, v: number, members: number[]): number {
  const seen = new Set<number>();
  for (const i of members) if (t.codes[v]![i] !== SUPPRESSED) seen.add(t.codes[v]![i]!);
  return seen.size;
}

/** Measures l per sensitive variable and, when `l` > 1, blanks the variable in classes below it. */
export function enforceDiversity(t: SdcTable, keyVars: readonly number[], sensitive: readonly number[], l: number): DiversityResult {
  const classes = [...classesOf(t, keyVars).values()];
  const minL: DiversityResult['minL'] = {};
  const suppressed: DiversityResult['suppressed'] = {};
  for (const v of sensitive) {
    const name = t.vars[v]!;
    let before = Infinity;
    suppressed[name] = 0;
    for (const members of classes) {
      const d = distinct(t, v, members);
      before = Math.min(before, d);
      if (l > 1 && d < l)
        for (const i of members) {
          if (t.codes[v]![i] !== SUPPRESSED) suppressed[name]!++;
          t.codes[v]![i] = SUPPRESSED;
        }
    }
    let after = Infinity;
    for (const members of classes) {
      const d = distinct(t, v, members);
      // A class whose values are all blanked discloses nothing about this variable.
      if (d > 0) after = Math.min(after, d);
    }
    minL[name] = { before: before === Infinity ? 0 : before, after: after === Infinity ? 0 : after };
  }
  return { minL, suppressed };
}
