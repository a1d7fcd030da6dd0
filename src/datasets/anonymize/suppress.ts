// Local suppression to strict k-anonymity. sdcMicro's localSuppression blanks one cell per pass
// and counts blanks as wildcards, so its output can still hold records that are unique to anyone
// reading the file. Here a blank is a category of its own: violating records are moved, together,
// into classes of at least k that share the same blanked variables, trying the cheapest blank
// patterns first (fewest cells, least important variables), within each stratum.
import { classOrder, classSizes } from './classes';
import { strictFrequencies } from './frequencies';
import { categoriesInUse, keyer, keyOf, sieve, splitRow, SUPPRESSED, tableClasses, weightOf, type SdcTable } from './table';

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
  // Classes as counted before any blank: a row's class and how many records it can still lend.
  const full = tableClasses(t, all);
  const classSize = classSizes(full, t.n, t.weights);
  // Rows of the input; rows split off later are always blanked in a pattern, never donors.
  const inputRows = t.n;
  const fk = new Int32Array(inputRows);
  for (let i = 0; i < inputRows; i++) fk[i] = classSize[full.ids[i]!]!;
  let pending: number[] = [];
  for (let i = 0; i < inputRows; i++) if (fk[i]! < k) pending.push(i);
  const perVariable: Record<string, number> = Object.fromEntries(qis.map((v) => [t.vars[v]!, 0]));
  // A row blanked since the count has left its class for the class of its blanked key, if that
  // was one of the classes counted (one with blanks of an earlier round), else for none.
  const moved = new Uint8Array(inputRows);
  const fullKey = keyer(t, all);
  const blankedClasses = new Map<number | string, number>();
  for (let i = 0; i < inputRows; i++)
    if (fk[i]! >= k && all.some((v) => t.codes[v]![i] === SUPPRESSED)) blankedClasses.set(fullKey(i), full.ids[i]!);
  const classOf = (i: number) => (moved[i] ? blankedClasses.get(fullKey(i)) : full.ids[i]!);
  const blank = (i: number, vars: readonly number[]) => {
    if (i < inputRows) moved[i] = 1;
    for (const v of vars) {
      if (t.codes[v]![i] !== SUPPRESSED) perVariable[t.vars[v]!]! += weightOf(t, i);
      t.codes[v]![i] = SUPPRESSED;
    }
  };
  /** Blanks `m` records of row i: the whole row, or a part split off a grouped table's row. */
  const blankPart = (i: number, m: number, vars: readonly number[]) => blank(m === weightOf(t, i) ? i : splitRow(t, i, m), vars);
  const weightOfRows = (rows: ArrayLike<number>) => {
    let sum = 0;
    for (let j = 0; j < rows.length; j++) sum += weightOf(t, rows[j]!);
    return sum;
  };

  for (const pattern of patterns(order)) {
    if (pending.length === 0) break;
    const kept = all.filter((v) => !pattern.includes(v));
    // The pending rows grouped by their values outside the pattern, each group's rows together in
    // one array (an array per group was 40 MB of a 60 MB heap for 300,000 nearly unique records).
    const groups = tableClasses(t, kept, pending);
    const { count } = groups;
    const { order: rows, starts: start } = classOrder(groups, pending.length);
    // Indexes into pending, made rows.
    for (let j = 0; j < rows.length; j++) rows[j] = pending[rows[j]!]!;
    const next: number[] = [];
    const short: Array<{ members: Int32Array; size: number }> = [];
    for (let g = 0; g < count; g++) {
      let size = 0;
      for (let j = start[g]!; j < start[g + 1]!; j++) size += weightOf(t, rows[j]!);
      if (size >= k) for (let j = start[g]!; j < start[g + 1]!; j++) blank(rows[j]!, pattern);
      // A donor costs as many cells as the pattern; lending pays when the group is short by little.
      // Kept to patterns of up to three variables: each lending round scans every row.
      else if (pattern.length <= 3 && (k - size) * pattern.length <= size)
        short.push({ members: rows.subarray(start[g]!, start[g + 1]!), size });
      else for (let j = start[g]!; j < start[g + 1]!; j++) next.push(rows[j]!);
    }
    if (short.length) lend(short, kept, pattern, next);
    pending = next;
  }

  /** Each short group either gets donors (members of large classes, same kept values) or waits. */
  function lend(short: Array<{ members: Int32Array; size: number }>, kept: number[], pattern: number[], next: number[]): void {
    const keptKey = keyer(t, kept);
    const byKey = new Map<number | string, { members: Int32Array; size: number; donors: number[] }>();
    for (const g of short) byKey.set(keptKey(g.members[0]!), { ...g, donors: [] });
    // A row is first sieved on two kept variables, a lookup in a typed array: most rows go no
    // further than that.
    const mayMatch = sieve(
      t,
      kept,
      short.map((g) => g.members[0]!),
    );
    const cols = pattern.map((v) => t.codes[v]!);
    for (let i = 0; i < inputRows; i++) {
      if (!mayMatch(i) || fk[i]! < k || cols.some((c) => c[i] === SUPPRESSED)) continue;
      byKey.get(keptKey(i))?.donors.push(i);
    }
    for (const { members, size, donors } of byKey.values()) {
      const need = k - size;
      const chosen: Array<[row: number, records: number]> = [];
      let got = 0;
      for (const d of donors) {
        if (got === need) break;
        const own = classOf(d);
        if (own === undefined) continue;
        const spare = Math.min(weightOf(t, d), classSize[own]! - k, need - got);
        if (spare > 0) {
          classSize[own]! -= spare;
          chosen.push([d, spare]);
          got += spare;
        }
      }
      if (got === need) {
        for (const i of members) blank(i, pattern);
        for (const [d, m] of chosen) blankPart(d, m, pattern);
      } else {
        for (const [d, m] of chosen) classSize[classOf(d)!]! += m;
        for (const i of members) next.push(i);
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
