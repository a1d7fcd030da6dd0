// l-diversity of sensitive variables within each class of the final key (blanks as categories,
// as current sdcMicro groups them). A class where a sensitive variable shows fewer than l
// distinct values discloses it to anyone who can place a person in that class; its values of
// that variable are blanked.
import { keyer, NO_VALUE, SUPPRESSED, valuesAt, weightOf, type SdcTable, type SensitiveColumn } from './table';

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
    many: new Map(),
    blanked: new Uint8Array(t.n),
  };
  return {
    column,
    writeBack() {
      for (let i = 0; i < t.n; i++) if (column.blanked[i]) codes[i] = SUPPRESSED;
    },
  };
}

/**
 * Distinct values per class: known values (capped sets united), and whether a split row adds
 * "at least one". `keys` holds each row's class. Distinct (class, value) pairs are counted in one
 * set of numbers rather than a set per class: a release measures this many times.
 */
function distinctPerClass(t: SdcTable, keys: ReadonlyArray<number | string>, s: SensitiveColumn): Map<number | string, number> {
  const out = new Map<number | string, number>();
  const someValue = new Set<number | string>();
  const pairs = new Set<number | string>();
  const radix = s.labels.length + 1;
  const classIds = new Map<number | string, number>();
  for (let i = 0; i < t.n; i++) {
    const key = keys[i]!;
    let id = classIds.get(key);
    if (id === undefined) {
      classIds.set(key, (id = classIds.size));
      out.set(key, 0);
    }
    if (s.blanked[i]) continue;
    const values = valuesAt(s, i);
    if (values === null) {
      someValue.add(key);
      continue;
    }
    for (const c of values) {
      const pair = Number.isSafeInteger(id * radix) ? id * radix + c : `${id},${c}`;
      if (!pairs.has(pair)) {
        pairs.add(pair);
        out.set(key, out.get(key)! + 1);
      }
    }
  }
  for (const key of someValue) if (out.get(key) === 0) out.set(key, 1);
  return out;
}

/** Measures l per sensitive variable and, when `l` > 1, blanks the variable in classes below it. */
export function enforceDiversity(t: SdcTable, keyVars: readonly number[], sensitive: readonly string[], l: number): DiversityResult {
  const keyOf = keyer(t, keyVars);
  const keys = Array.from({ length: t.n }, (_, i) => keyOf(i));
  const minL: DiversityResult['minL'] = {};
  const suppressed: DiversityResult['suppressed'] = {};
  const smallest = (m: Map<number | string, number>, skipEmpty: boolean) => {
    let min = Infinity;
    for (const size of m.values()) if (!skipEmpty || size > 0) min = Math.min(min, size);
    return min === Infinity ? 0 : min;
  };
  for (const name of sensitive) {
    const { column: s, writeBack } = sensitiveColumn(t, name);
    const before = distinctPerClass(t, keys, s);
    suppressed[name] = 0;
    if (l > 1)
      for (let i = 0; i < t.n; i++)
        if (before.get(keys[i]!)! < l && !s.blanked[i] && valuesAt(s, i)?.length !== 0) {
          s.blanked[i] = 1;
          suppressed[name]! += weightOf(t, i);
        }
    writeBack();
    // A class whose values are all blanked discloses nothing about this variable.
    minL[name] = {
      before: smallest(before, false),
      after: suppressed[name] ? smallest(distinctPerClass(t, keys, s), true) : smallest(before, true),
    };
  }
  return { minL, suppressed };
}
