// Local suppression to strict k-anonymity. sdcMicro's localSuppression blanks one cell per pass
// and counts blanks as wildcards, so its output can still hold records that are unique to anyone
// reading the file. Here a blank is a category of its own: violating records are moved, together,
// into classes of at least k that share the same blanked variables, trying the cheapest blank
// patterns first (fewest cells, least important variables), within each stratum.
import { strictFrequencies } from './frequencies';
import { categoriesInUse, keyer, keyOf, splitRow, SUPPRESSED, weightOf, type SdcTable } from './table';

export interface SuppressionResult {
  /** Cells blanked per quasi-identifier, by name. */
  perVariable: Record<string, number>;
  cells: number;
  /** Records that had to lose every quasi-identifier. */
  fullySuppressed: number;
  /** Records still below k (only when a stratum holds fewer than k records at all). */
  remainingViolators: number;
  /** Order in which variables were blanked first (least important first). */
  order: string[];
}

/** sdcMicro's default importance: the variable with the most categories is blanked first. */
export function defaultOrder(t: SdcTable, qis: readonly number[]): number[] {
  return [...qis].sort((a, b) => categoriesInUse(t, b) - categoriesInUse(t, a));
}

/** Past this many quasi-identifiers, blank patterns of at most three variables are tried (not 2^n). */
const EXHAUSTIVE = 10;

/**
 * Non-empty, non-full subsets of the ordered variables: fewest variables first, then least
 * important. With many variables only subsets of up to three are tried; what they cannot place
 * loses every quasi-identifier.
 */
function patterns(order: readonly number[]): number[][] {
  const out: Array<{ vars: number[]; cost: number }> = [];
  if (order.length > EXHAUSTIVE) {
    const n = order.length;
    const add = (js: number[]) => out.push({ vars: js.map((j) => order[j]!), cost: js.length * 1000 + js.reduce((a, b) => a + b, 0) });
    for (let a = 0; a < n; a++) {
      add([a]);
      for (let b = a + 1; b < n; b++) {
        add([a, b]);
        for (let c = b + 1; c < n; c++) add([a, b, c]);
      }
    }
    return out.sort((x, y) => x.cost - y.cost).map((p) => p.vars);
  }
  for (let mask = 1; mask < (1 << order.length) - 1; mask++) {
    const vars = order.filter((_, j) => mask & (1 << j));
    out.push({ vars, cost: vars.length * 1000 + order.reduce((s, _, j) => s + (mask & (1 << j) ? j : 0), 0) });
  }
  return out.sort((a, b) => a.cost - b.cost).map((p) => p.vars);
}

/**
 * Blanks cells of `t` in place until every record shares its (strata + quasi-identifier) key,
 * blanks included, with at least k - 1 others. `order` lists the quasi-identifiers, the one to
 * blank first at the start.
 */
export function suppressToK(
  t: SdcTable,
  qis: readonly number[],
  strata: readonly number[],
  k: number,
  order = defaultOrder(t, qis),
): SuppressionResult {
  const all = [...strata, ...qis];
  const fk = strictFrequencies(t, all);
  // Rows of the input; rows split off later are always blanked in a pattern, never donors.
  const inputRows = t.n;
  let pending: number[] = [];
  for (let i = 0; i < inputRows; i++) if (fk[i]! < k) pending.push(i);
  const perVariable: Record<string, number> = Object.fromEntries(qis.map((v) => [t.vars[v]!, 0]));
  const blank = (i: number, vars: readonly number[]) => {
    for (const v of vars) {
      if (t.codes[v]![i] !== SUPPRESSED) perVariable[t.vars[v]!]! += weightOf(t, i);
      t.codes[v]![i] = SUPPRESSED;
    }
  };
  /** Blanks `m` records of row i: the whole row, or a part split off a grouped table's row. */
  const blankPart = (i: number, m: number, vars: readonly number[]) => blank(m === weightOf(t, i) ? i : splitRow(t, i, m), vars);
  const weightOfRows = (rows: readonly number[]) => rows.reduce((s, i) => s + weightOf(t, i), 0);

  // Records of classes of at least k, by key: they may lend a few members to a group that is
  // short by little, when that costs fewer cells than moving the whole group to a bigger pattern.
  const classSize = new Map<number | string, number>();
  const fullKey = keyer(t, all);
  for (let i = 0; i < inputRows; i++) if (fk[i]! >= k) classSize.set(fullKey(i), fk[i]!);

  for (const pattern of patterns(order)) {
    if (pending.length === 0) break;
    const kept = all.filter((v) => !pattern.includes(v));
    const keptKey = keyer(t, kept);
    const groups = new Map<number | string, number[]>();
    for (const i of pending) {
      const key = keptKey(i);
      const g = groups.get(key);
      if (g) g.push(i);
      else groups.set(key, [i]);
    }
    const next: number[] = [];
    const short = new Map<number | string, { members: number[]; size: number }>();
    for (const [key, members] of groups) {
      const size = weightOfRows(members);
      if (size >= k) for (const i of members) blank(i, pattern);
      // A donor costs as many cells as the pattern; lending pays when the group is short by little.
      // Kept to patterns of up to three variables: each lending round scans every row.
      else if (pattern.length <= 3 && (k - size) * pattern.length <= size) short.set(key, { members, size });
      else next.push(...members);
    }
    if (short.size) lend(short, keptKey, pattern, next);
    pending = next;
  }

  /** Each short group either gets donors (members of large classes, same kept values) or waits. */
  function lend(
    short: Map<number | string, { members: number[]; size: number }>,
    keptKey: (i: number) => number | string,
    pattern: number[],
    next: number[],
  ): void {
    const donorsFor = new Map<number | string, number[]>();
    const cols = pattern.map((v) => t.codes[v]!);
    for (let i = 0; i < inputRows; i++) {
      if (fk[i]! < k || cols.some((c) => c[i] === SUPPRESSED)) continue;
      const key = keptKey(i);
      if (!short.has(key)) continue;
      const list = donorsFor.get(key);
      if (list) list.push(i);
      else donorsFor.set(key, [i]);
    }
    for (const [key, { members, size }] of short) {
      const need = k - size;
      const chosen: Array<[row: number, records: number]> = [];
      let got = 0;
      for (const d of donorsFor.get(key) ?? []) {
        if (got === need) break;
        const own = fullKey(d);
        const spare = Math.min(weightOf(t, d), classSize.get(own)! - k, need - got);
        if (spare > 0) {
          classSize.set(own, classSize.get(own)! - spare);
          chosen.push([d, spare]);
          got += spare;
        }
      }
      if (got === need) {
        for (const i of members) blank(i, pattern);
        for (const [d, m] of chosen) blankPart(d, m, pattern);
      } else {
        for (const [d, m] of chosen) classSize.set(fullKey(d), classSize.get(fullKey(d))! + m);
        next.push(...members);
      }
    }
  }

  // What is left loses every quasi-identifier; a stratum's all-blank class that is still too small
  // takes donors from the largest classes of that stratum (which stay at k or more).
  let fullySuppressed = 0;
  const byStratum = new Map<string, number[]>();
  for (const i of pending) {
    blank(i, qis);
    fullySuppressed += weightOf(t, i);
    const s = keyOf(t, strata, i);
    const members = byStratum.get(s);
    if (members) members.push(i);
    else byStratum.set(s, [i]);
  }
  let remainingViolators = 0;
  if (byStratum.size) {
    const now = strictFrequencies(t, all);
    for (const [stratum, members] of byStratum) {
      let size = now[members[0]!]!;
      if (size >= k) continue;
      const classes = new Map<string, number[]>();
      const rows = t.n;
      for (let i = 0; i < rows; i++) {
        if (keyOf(t, strata, i) !== stratum || qis.every((v) => t.codes[v]![i] === SUPPRESSED)) continue;
        const key = keyOf(t, all, i);
        const members = classes.get(key);
        if (members) members.push(i);
        else classes.set(key, [i]);
      }
      const bySize = [...classes.values()]
        .map((donors) => ({ donors, records: weightOfRows(donors) }))
        .sort((a, b) => b.records - a.records);
      for (const c of bySize) {
        // Records are taken from the last rows first, as many as the class can spare above k.
        while (size < k && c.records > k && c.donors.length) {
          const d = c.donors.at(-1)!;
          const m = Math.min(weightOf(t, d), c.records - k, k - size);
          if (m === weightOf(t, d)) c.donors.pop();
          blankPart(d, m, qis);
          fullySuppressed += m;
          c.records -= m;
          size += m;
        }
        if (size >= k) break;
      }
      if (size < k) remainingViolators += size;
    }
  }
  const cells = Object.values(perVariable).reduce((a, b) => a + b, 0);
  return { perVariable, cells, fullySuppressed, remainingViolators, order: order.map((v) => t.vars[v]!) };
}
