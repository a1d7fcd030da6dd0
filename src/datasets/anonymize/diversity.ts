// l-diversity of sensitive variables within each class of the final key (blanks as categories,
// as current sdcMicro groups them). A class where a sensitive variable shows fewer than l
// distinct values discloses it to anyone who can place a person in that class; its values of
// that variable are blanked.
import { keyer, SUPPRESSED, weightOf, type SdcTable, type SensitiveColumn } from './table';

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
    values: Array.from({ length: t.n }, (_, i) => (codes[i] === SUPPRESSED ? [] : [codes[i]!])),
    blanked: new Uint8Array(t.n),
  };
  return {
    column,
    writeBack() {
      for (let i = 0; i < t.n; i++) if (column.blanked[i]) codes[i] = SUPPRESSED;
    },
  };
}

/** Distinct values per class: known values (capped sets united), and whether a split row adds "at least one". */
function distinctPerClass(t: SdcTable, keyOf: (i: number) => number | string, s: SensitiveColumn): Map<number | string, number> {
  const known = new Map<number | string, Set<number>>();
  const someValue = new Set<number | string>();
  for (let i = 0; i < t.n; i++) {
    const key = keyOf(i);
    let set = known.get(key);
    if (!set) known.set(key, (set = new Set()));
    if (s.blanked[i]) continue;
    const values = s.values[i] ?? null;
    if (values === null) someValue.add(key);
    else for (const c of values) set.add(c);
  }
  const out = new Map<number | string, number>();
  for (const [key, set] of known) out.set(key, Math.max(set.size, someValue.has(key) ? 1 : 0));
  return out;
}

/** Measures l per sensitive variable and, when `l` > 1, blanks the variable in classes below it. */
export function enforceDiversity(t: SdcTable, keyVars: readonly number[], sensitive: readonly string[], l: number): DiversityResult {
  const keyOf = keyer(t, keyVars);
  const minL: DiversityResult['minL'] = {};
  const suppressed: DiversityResult['suppressed'] = {};
  const smallest = (m: Map<number | string, number>, skipEmpty: boolean) => {
    let min = Infinity;
    for (const size of m.values()) if (!skipEmpty || size > 0) min = Math.min(min, size);
    return min === Infinity ? 0 : min;
  };
  for (const name of sensitive) {
    const { column: s, writeBack } = sensitiveColumn(t, name);
    const before = distinctPerClass(t, keyOf, s);
    suppressed[name] = 0;
    if (l > 1)
      for (let i = 0; i < t.n; i++)
        if (before.get(keyOf(i))! < l && !s.blanked[i] && s.values[i]?.length !== 0) {
          s.blanked[i] = 1;
          suppressed[name]! += weightOf(t, i);
        }
    writeBack();
    // A class whose values are all blanked discloses nothing about this variable.
    minL[name] = { before: smallest(before, false), after: smallest(distinctPerClass(t, keyOf, s), true) };
  }
  return { minL, suppressed };
}
