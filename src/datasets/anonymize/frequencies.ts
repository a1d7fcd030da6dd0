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
 *
 * Keys are compared pattern by pattern, not pair by pair: keys that leave the same variables blank
 * are tallied by their values on the other variables, and a key looks its own values up in each
 * tally. Pair by pair took 94 s on 200,000 nearly unique records (191,000 complete keys, 6,500
 * partly suppressed ones in 231 patterns); this is (complete keys) x (patterns) lookups.
 */
export function wildcardFrequencies(t: SdcTable, vars: readonly number[]): Int32Array {
  interface Group {
    /** A row with this key. */
    row: number;
    count: number;
    /** The variables the key leaves blank. */
    blank: number[];
    f: number;
  }
  const keyOf = keyer(t, vars);
  const groups = new Map<number | string, Group>();
  for (let i = 0; i < t.n; i++) {
    const k = keyOf(i);
    const g = groups.get(k);
    if (g) g.count += weightOf(t, i);
    else groups.set(k, { row: i, count: weightOf(t, i), blank: vars.filter((v) => t.codes[v]![i] === SUPPRESSED), f: 0 });
  }
  const complete: Group[] = [];
  const partial = new Map<string, { blank: number[]; groups: Group[] }>();
  let full = 0;
  for (const g of groups.values()) {
    if (g.blank.length === 0) complete.push(g);
    else if (g.blank.length === vars.length) full += g.count;
    else {
      const pattern = g.blank.join(',');
      const p = partial.get(pattern);
      if (p) p.groups.push(g);
      else partial.set(pattern, { blank: g.blank, groups: [g] });
    }
  }
  /** The key of a row's values on the variables outside `blank`. */
  const outside = (blank: readonly number[]) =>
    keyer(
      t,
      vars.filter((v) => !blank.includes(v)),
    );
  /** Records of `groups` by the key `kept` gives their values. */
  const tally = (groups: Group[], kept: (row: number) => number | string) => {
    const counts = new Map<number | string, number>();
    for (const g of groups) {
      const k = kept(g.row);
      counts.set(k, (counts.get(k) ?? 0) + g.count);
    }
    return counts;
  };
  const records = recordCount(t);
  const patterns = [...partial.values()];
  for (const g of complete) g.f = g.count;
  // A complete key and a key of a blank pattern match when they agree outside the pattern: one
  // pass over the complete keys per pattern counts both sides, keeping only the values the
  // pattern's keys have (a few), not every complete key's.
  for (const p of patterns) {
    const kept = outside(p.blank);
    const fromPartial = tally(p.groups, kept);
    const fromComplete = new Map<number | string, number>();
    for (const g of complete) {
      const k = kept(g.row);
      const c = fromPartial.get(k);
      if (c === undefined) continue;
      g.f += c;
      fromComplete.set(k, (fromComplete.get(k) ?? 0) + g.count);
    }
    // A partly suppressed key counts every compatible key, the fully suppressed ones included.
    for (const g of p.groups) g.f = full + (fromComplete.get(kept(g.row)) ?? 0);
  }
  // Two partly suppressed keys match when they agree outside both patterns (a key matches itself).
  for (const p of patterns)
    for (const o of patterns) {
      const kept = outside([...p.blank, ...o.blank]);
      const counts = tally(o.groups, kept);
      for (const g of p.groups) g.f += counts.get(kept(g.row)) ?? 0;
    }
  const fk = new Int32Array(t.n);
  for (let i = 0; i < t.n; i++) {
    const g = groups.get(keyOf(i))!;
    fk[i] = g.blank.length === vars.length ? records : g.f;
  }
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
