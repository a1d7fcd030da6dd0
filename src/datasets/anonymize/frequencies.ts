// How many records share each record's key: strictly (a suppressed cell is a category of its own,
// what an attacker who sees the file can rely on) and as sdcMicro's freqCalc counts it (a
// suppressed cell matches anything, alpha = 1, fully suppressed keys not padding complete ones).
import { keyer, recordCount, SUPPRESSED, weightOf, type SdcTable } from './table';

/** fk per row (records in its class), suppressed cells as their own category. */
export function strictFrequencies(t: SdcTable, vars: readonly number[]): Int32Array {
  const counts = new Map<number | string, number>();
  const keyOf = keyer(t, vars);
  // Keys are computed twice rather than kept: a million keys would cost more than the recount.
  for (let i = 0; i < t.n; i++) {
    const k = keyOf(i);
    counts.set(k, (counts.get(k) ?? 0) + weightOf(t, i));
  }
  const fk = new Int32Array(t.n);
  for (let i = 0; i < t.n; i++) fk[i] = counts.get(keyOf(i))!;
  return fk;
}

/**
 * fk per record as sdcMicro's freqCalc (alpha = 1): two keys are compatible when every variable is
 * equal or suppressed in one of them. A complete key adds the partly suppressed compatible keys; a
 * partly suppressed key adds every compatible key; a fully suppressed key counts all records.
 */
export function wildcardFrequencies(t: SdcTable, vars: readonly number[]): Int32Array {
  const groups = new Map<number | string, { codes: number[]; count: number; nas: number }>();
  const keyOf = keyer(t, vars);
  for (let i = 0; i < t.n; i++) {
    const k = keyOf(i);
    const g = groups.get(k);
    if (g) g.count += weightOf(t, i);
    else {
      const codes = vars.map((v) => t.codes[v]![i]!);
      groups.set(k, { codes, count: weightOf(t, i), nas: codes.filter((c) => c === SUPPRESSED).length });
    }
  }
  const all = [...groups.values()];
  const partial = all.filter((g) => g.nas > 0 && g.nas < vars.length);
  const compatible = (a: number[], b: number[]) => a.every((x, j) => x === b[j] || x === SUPPRESSED || b[j] === SUPPRESSED);
  const total = new Map<number | string, number>();
  const records = recordCount(t);
  for (const [k, g] of groups) {
    let f = g.count;
    if (g.nas === vars.length) f = records;
    else if (g.nas === 0) for (const p of partial) f += compatible(g.codes, p.codes) ? p.count : 0;
    else for (const o of all) if (o !== g && compatible(g.codes, o.codes)) f += o.count;
    total.set(k, f);
  }
  const fk = new Int32Array(t.n);
  for (let i = 0; i < t.n; i++) fk[i] = total.get(keyOf(i))!;
  return fk;
}

/** Records whose fk is below k. */
export function violators(t: SdcTable, fk: Int32Array, k: number): number {
  let n = 0;
  for (let i = 0; i < t.n; i++) if (fk[i]! < k) n += weightOf(t, i);
  return n;
}

/** Distinct keys among the records. */
export function distinctKeys(t: SdcTable, vars: readonly number[]): number {
  const seen = new Set<number | string>();
  const keyOf = keyer(t, vars);
  for (let i = 0; i < t.n; i++) seen.add(keyOf(i));
  return seen.size;
}
