// Global recoding before local suppression, as ARX does it: each quasi-identifier has a hierarchy
// of ever broader categories (month -> quarter -> half-year -> year; bands merged pairwise;
// country -> subregion -> region; rare categories -> "other"), the top level withholding the
// variable. A greedy search raises, one level at a time, the variable whose step removes the
// most records from classes below k (across every attacker scenario) for the least information,
// until the records left below k are few enough for local suppression.
import { classesOf, classSizes, type Ids } from './classes';
import {
  type Codes,
  sameWidth,
  categoriesInUse,
  recordCount,
  emptyLabels,
  showsValue,
  SUPPRESSED,
  valuesAt,
  weightOf,
  type SdcTable,
  type SensitiveColumn,
} from './table';

/** How a variable generalizes: plain data, so a policy can cross to the worker thread. */
export type HierarchySpec =
  /** `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Qn` values. */
  | { kind: 'date' }
  /** Numbers or bands (`18-24`, `<18`, `35+`) in numeric order: merged pairwise per level. */
  | { kind: 'ordered' }
  /** Explicit maps, one per level above the values (country -> subregion -> region). */
  | { kind: 'map'; levels: Array<Record<string, string>>; names?: string[] }
  /** Rare categories (fewer than k records) merged into "other". */
  | { kind: 'categorical' };

/** The cell a value takes at the top level: the variable is withheld. */
const WITHHELD = '.s';
const WITHHELD_STEP = 'withheld';
/** Questionnaire codes for no answer and not asked stay what they are at every level. */
const kept = (value: string) => value === '' || value.startsWith('.');

interface Levels {
  /** Per level (0 = as published before recoding), per code of the variable: the code at that level. */
  maps: Int32Array[];
  /** Per level: the labels of the codes. */
  labels: string[][];
  /** Per level: what it does, for the report. */
  describe: string[];
}

const quarter = (v: string) => {
  const m = /^(\d{4})-(\d{2})/.exec(v);
  if (m) return `${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}`;
  return /^\d{4}-Q[1-4]$/.test(v) ? v : null;
};
const half = (v: string) => {
  const q = quarter(v);
  if (q) return `${q.slice(0, 4)}-H${Number(q.slice(-1)) <= 2 ? 1 : 2}`;
  return /^\d{4}-H[12]$/.test(v) ? v : null;
};
const year = (v: string) => (/^\d{4}/.test(v) ? v.slice(0, 4) : null);

/** Whether the labels are numbers or bands (`18-24`, `<18`, `55+`): an order global recoding can merge along. */
export function isOrdered(labels: readonly string[]): boolean {
  const real = labels.filter((l) => !kept(l));
  return real.length >= 3 && real.filter((l) => range(l)).length >= real.length * 0.8;
}

/** The numeric range a label stands for: [low, high] (high Infinity for `35+`). */
function range(label: string): [number, number] | null {
  let m = /^<(-?\d+(?:\.\d+)?)$/.exec(label);
  if (m) return [-Infinity, Number(m[1]) - 1];
  m = /^(-?\d+(?:\.\d+)?)\+$/.exec(label);
  if (m) return [Number(m[1]), Infinity];
  m = /^(-?\d+(?:\.\d+)?)-(-?\d+(?:\.\d+)?)$/.exec(label);
  if (m) return [Number(m[1]), Number(m[2])];
  m = /^(-?\d+(?:\.\d+)?)$/.exec(label);
  if (m) return [Number(m[1]), Number(m[1])];
  return null;
}

function rangeLabel([low, high]: [number, number]): string {
  if (low === -Infinity) return `<${high + 1}`;
  if (high === Infinity) return `${low}+`;
  return low === high ? String(low) : `${low}-${high}`;
}

/** Builds level maps from a label function per level (null: keep the label). */
function fromFunctions(labels: string[], steps: Array<{ describe: string; map: (label: string) => string | null }>): Levels {
  const out: Levels = { maps: [Int32Array.from(labels, (_, c) => c)], labels: [labels], describe: ['as collected'] };
  let current = labels;
  let currentMap = out.maps[0]!;
  for (const step of steps) {
    const index = new Map<string, number>();
    const next: string[] = [];
    const remap = current.map((label) => {
      const to = kept(label) ? label : (step.map(label) ?? label);
      let c = index.get(to);
      if (c === undefined) index.set(to, (c = next.push(to) - 1));
      return c;
    });
    // A level that merges nothing (values already as broad) is no step at all.
    if (next.length === current.length) continue;
    currentMap = Int32Array.from(currentMap, (c) => remap[c]!);
    out.maps.push(currentMap);
    out.labels.push(next);
    out.describe.push(step.describe);
    current = next;
  }
  return out;
}

/** Bands of an ordered variable merged pairwise per level, in the order of their values. */
function orderedSteps(labels: string[]): Array<{ describe: string; map: (label: string) => string | null }> {
  const ranges = [...new Set(labels.filter((l) => !kept(l) && range(l)))]
    .map((l) => ({ label: l, r: range(l)! }))
    .sort((a, b) => a.r[0] - b.r[0]);
  const steps: Array<{ describe: string; map: (label: string) => string | null }> = [];
  let groups = ranges.map((x) => [x]);
  while (groups.length > 2) {
    const merged: typeof groups = [];
    for (let i = 0; i < groups.length; i += 2) merged.push([...groups[i]!, ...(groups[i + 1] ?? [])]);
    groups = merged;
    const mapping = new Map<string, string>();
    for (const g of groups) {
      const label = rangeLabel([Math.min(...g.map((x) => x.r[0])), Math.max(...g.map((x) => x.r[1]))]);
      for (const x of g) mapping.set(x.label, label);
    }
    steps.push({ describe: `${groups.length} bands`, map: (l) => mapping.get(l) ?? lookupRange(mapping, l) });
  }
  return steps;
}

/** A label already generalized (a wider band from an earlier release) maps to the band containing it. */
function lookupRange(mapping: Map<string, string>, label: string): string | null {
  const r = range(label);
  if (!r) return null;
  for (const to of new Set(mapping.values())) {
    const t = range(to)!;
    if (r[0] >= t[0] && r[1] <= t[1]) return to;
  }
  return null;
}

/** Records per code of variable v. */
function countsOf(t: SdcTable, v: number): Map<number, number> {
  const counts = new Map<number, number>();
  const codes = t.codes[v]!;
  for (let i = 0; i < t.n; i++) if (codes[i] !== SUPPRESSED) counts.set(codes[i]!, (counts.get(codes[i]!) ?? 0) + weightOf(t, i));
  return counts;
}

/** The levels of one variable of the table. */
export function levelsOf(t: SdcTable, v: number, spec: HierarchySpec, k: number): Levels {
  const labels = t.labels[v]!;
  const withhold = { describe: WITHHELD_STEP, map: () => WITHHELD };
  switch (spec.kind) {
    case 'date':
      return fromFunctions(labels, [
        { describe: 'quarter', map: quarter },
        { describe: 'half-year', map: half },
        { describe: 'year', map: year },
        withhold,
      ]);
    case 'ordered':
      return fromFunctions(labels, [...orderedSteps(labels), withhold]);
    case 'map': {
      // First the rare values (under 2% of records) climb to the next level, the common ones stay:
      // the main nationalities of a route keep their name. A label a level does not list stays
      // (refused, other, or a value an earlier release already broadened).
      const counts = countsOf(t, v);
      const rare = new Set(labels.filter((_, c) => (counts.get(c) ?? 0) < 0.02 * recordCount(t)));
      const first = spec.levels[0]!;
      const partial = {
        describe: `values of under 2% of records as ${spec.names?.[0] ?? 'level 1'}`,
        map: (l: string) => (rare.has(l) ? (first[l] ?? l) : l),
      };
      return fromFunctions(labels, [
        partial,
        ...spec.levels.map((m, i) => ({ describe: spec.names?.[i] ?? `level ${i + 1}`, map: (l: string) => m[l] ?? l })),
        withhold,
      ]);
    }
    case 'categorical': {
      const counts = countsOf(t, v);
      const rare = new Set(labels.filter((_, c) => (counts.get(c) ?? 0) < k));
      return fromFunctions(labels, [
        { describe: `categories of fewer than ${k} records merged into 'other'`, map: (l) => (rare.has(l) ? 'other' : l) },
        withhold,
      ]);
    }
  }
}

export interface RecodingResult {
  /** Per variable: the level chosen, of how many, and what it does. */
  levels: Record<
    string,
    { level: number; of: number; describe: string; categoriesBefore: number; categoriesAfter: number; recordsChanged: number }
  >;
  /** Records below k summed over the scenarios, before and after recoding. */
  violatorsBefore: number;
  violatorsAfter: number;
}

/**
 * Searches, greedily, the levels that bring the records below k (summed over `scenarios`, each a
 * list of variable indexes, counted within `strata`) to at most `budget` and every scenario's
 * global risk within `maxGlobalRisk`, and recodes the table in place at those levels. A variable
 * without a hierarchy stays as it is; one in `keep` is never withheld whole.
 */
export function recodeToK(
  t: SdcTable,
  hierarchies: Map<number, HierarchySpec>,
  scenarios: number[][],
  strata: number[],
  k: number,
  budget: number,
  maxGlobalRisk = 1,
  keep: ReadonlySet<number> = new Set(),
  diversity: { l: number; columns: SensitiveColumn[] } = { l: 1, columns: [] },
): RecodingResult {
  const vars = [...hierarchies.keys()];
  const levels = new Map(vars.map((v) => [v, levelsOf(t, v, hierarchies.get(v)!, k)]));
  // A variable researchers must keep is recoded, never withheld: its withholding level is out of reach.
  const highest = (v: number) => {
    const l = levels.get(v)!;
    return l.maps.length - 1 - (keep.has(v) && l.describe.at(-1) === WITHHELD_STEP ? 1 : 0);
  };
  const chosen = new Map(vars.map((v) => [v, 0]));
  // The table is only rewritten at the end. Each variable's codes at its chosen level, as one array (suppressed stays -1): rebuilt when
  // the level changes, so a candidate step costs one array and a pass over the rows.
  // Of the width of the variable's own codes: a level has no more categories than the codes.
  // Level 0 (every level map starts with the codes as they are) and a variable without levels are
  // the table's own codes, read only until the search ends: a copy of each key variable's codes
  // was 24 MB of a million records' search.
  const codesAt = (v: number, level: number): Codes => {
    const codes = t.codes[v]!;
    const map = levels.get(v)?.maps[level];
    if (!map || level === 0) return codes;
    const out = sameWidth(codes, t.n);
    for (let i = 0; i < t.n; i++) {
      const c = codes[i]!;
      out[i] = c === SUPPRESSED ? c : map[c]!;
    }
    return out;
  };
  const categories = (v: number, level: number) => levels.get(v)?.labels[level]?.length ?? t.labels[v]!.length;
  const current = new Map<number, Codes>();
  for (const v of new Set([...strata, ...scenarios.flat()])) current.set(v, codesAt(v, chosen.get(v) ?? 0));
  /** Sensitive variables whose l-diversity the search also weighs: none until recoding for k is done. */
  let watched: SensitiveColumn[] = [];
  // What a scenario's classes leave to fix: records below k, and expected re-identifications
  // (the sum of 1/fk) above what the global-risk limit allows.
  const allowed = maxGlobalRisk * recordCount(t);
  // The classes and their sizes of each evaluation, in two arrays kept for the search (a pair of
  // fresh ones per candidate left hundreds of megabytes for the collector at a million records).
  const ids = new Int32Array(t.n);
  const sizesOf = new Int32Array(t.n);
  const shortfall = (scenario: number[], candidate?: { v: number; codes: Codes; level: number }, watch = watched) => {
    const all = [...strata, ...scenario];
    const arrays = all.map((v) => (candidate?.v === v ? candidate.codes : current.get(v)!));
    const sizes = all.map((v) => (candidate?.v === v ? categories(v, candidate.level) : categories(v, chosen.get(v) ?? 0)) + 1);
    const classes = classesOf(t.n, arrays, sizes, undefined, ids);
    const fk = classSizes(classes, t.n, t.weights, sizesOf);
    let below = 0;
    let expected = 0;
    for (let i = 0; i < t.n; i++) {
      const f = fk[classes.ids[i]!]!;
      const w = weightOf(t, i);
      if (f < k) below += w;
      expected += w / f;
    }
    // A scenario that knows a sensitive variable learns nothing from its classes' diversity.
    const unknown = watch.filter((s) => !scenario.includes(t.vars.indexOf(s.name)));
    return { below, excess: Math.max(0, expected - allowed), undiverse: unknown.map((s) => undiverse(s, classes)) };
  };
  // Records of a sensitive variable in classes with fewer than l distinct values of it, which
  // l-diversity would blank: those that show a value (an empty cell is a category, never blanked;
  // see emptyLabels). A row of a split group ("at least one value") adds no value: the count errs
  // towards more recoding. Each class keeps up to l of its values.
  const undiverse = (s: SensitiveColumn, { ids, count }: Ids) => {
    const empty = emptyLabels(s);
    const l = diversity.l;
    const seen = new Int32Array(count * l);
    const distinct = new Int32Array(count);
    for (let i = 0; i < t.n; i++) {
      const values = valuesAt(s, i);
      if (!values?.length) continue;
      const id = ids[i]!;
      for (const c of values) {
        const have = distinct[id]!;
        if (have >= l) break;
        let known = false;
        for (let j = 0; j < have; j++) if (seen[id * l + j] === c) known = true;
        if (!known) {
          seen[id * l + have] = c;
          distinct[id] = have + 1;
        }
      }
    }
    let short = 0;
    for (let i = 0; i < t.n; i++) if (distinct[ids[i]!]! < l && showsValue(s, i, empty)) short += weightOf(t, i);
    return short;
  };
  const cost = (x: { below: number; excess: number; undiverse: number[] }) => x.below + x.excess + x.undiverse.reduce((a, b) => a + b, 0);
  const perScenario = scenarios.map((s) => shortfall(s));
  const total = () => perScenario.reduce((a, x) => a + cost(x), 0);
  const belowNow = () => perScenario.reduce((a, x) => a + x.below, 0);
  const done = () => belowNow() <= budget && perScenario.every((x) => x.excess === 0 && x.undiverse.every((n) => n <= budget));
  const violatorsBefore = belowNow();
  // Information lost at a level: the share of the variable's categories merged away (log scale).
  const loss = (v: number, level: number) => {
    const l = levels.get(v)!;
    // Withholding a variable costs more than any recoding of it: the last resort.
    if (l.describe[level] === WITHHELD_STEP) return 4;
    const before = Math.max(2, l.labels[0]!.length);
    return 1 - Math.log(Math.max(1, l.labels[level]!.length)) / Math.log(before);
  };
  // Recoding for k first; then, if l-diversity would blank more than the budget of a sensitive
  // variable in some scenario's classes (finer classes, as more records allow, hold fewer distinct
  // values), the search goes on weighing those variables too: merging classes never lowers their
  // diversity. (A million realistic interviews recoded for k alone left 55% of 'intercepted' to
  // blank.) Only the variables short are weighed: each costs a pass per candidate.
  search();
  if (diversity.l > 1) {
    watched = diversity.columns.filter((c) => scenarios.some((sc) => (shortfall(sc, undefined, [c]).undiverse[0] ?? 0) > budget));
    if (watched.length) {
      scenarios.forEach((sc, j) => (perScenario[j] = shortfall(sc)));
      search();
    }
  }
  function search(): void {
    while (!done()) {
      let best: { v: number; gain: number; after: Array<{ below: number; excess: number; undiverse: number[] }> } | undefined;
      for (const v of vars) {
        const level = chosen.get(v)!;
        if (level + 1 > highest(v)) continue;
        const candidate = { v, codes: codesAt(v, level + 1), level: level + 1 };
        const after = scenarios.map((s, j) => (s.includes(v) ? shortfall(s, candidate) : perScenario[j]!));
        const removed = total() - after.reduce((a, x) => a + cost(x), 0);
        if (removed <= 0) continue;
        const gain = removed / (loss(v, level + 1) - loss(v, level) + 1e-3);
        if (!best || gain > best.gain) best = { v, gain, after };
      }
      if (!best) break;
      chosen.set(best.v, chosen.get(best.v)! + 1);
      current.set(best.v, codesAt(best.v, chosen.get(best.v)!));
      best.after.forEach((n, j) => (perScenario[j] = n));
    }
  }
  const result: RecodingResult = { levels: {}, violatorsBefore, violatorsAfter: belowNow() };
  for (const v of vars) {
    const l = levels.get(v)!;
    const level = chosen.get(v)!;
    const before = categoriesInUse(t, v);
    let changed = 0;
    if (level > 0) {
      const map = l.maps[level]!;
      const codes = t.codes[v]!;
      const labels0 = l.labels[0]!;
      const labelsL = l.labels[level]!;
      for (let i = 0; i < t.n; i++)
        if (codes[i] !== SUPPRESSED && labelsL[map[codes[i]!]!] !== labels0[codes[i]!]) changed += weightOf(t, i);
      for (let i = 0; i < t.n; i++) if (codes[i] !== SUPPRESSED) codes[i] = map[codes[i]!]!;
      t.labels[v] = labelsL;
    }
    result.levels[t.vars[v]!] = {
      level,
      of: l.maps.length - 1,
      describe: l.describe[level]!,
      categoriesBefore: before,
      categoriesAfter: categoriesInUse(t, v),
      recordsChanged: changed,
    };
  }
  return result;
}
