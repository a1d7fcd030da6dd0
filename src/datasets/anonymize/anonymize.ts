// Statistical disclosure control of one table, sdcMicro-style, failing closed: measure, blank cells
// to strict k-anonymity within strata, enforce l-diversity, measure again, and say whether the
// result meets every threshold. The report is what sdcMicro prints, and a little more.
import { enforceDiversity } from './diversity';
import { distinctKeys, strictFrequencies, violators, wildcardFrequencies } from './frequencies';
import { defaultOrder, suppressToK } from './suppress';
import { categoriesInUse, cloneTable, recordCount, weightOf, type SdcTable } from './table';

export interface SdcPolicy {
  quasiIdentifiers: string[];
  /** Variables k is applied within (country); never blanked. */
  strata: string[];
  sensitive: string[];
  k: number;
  /** Minimum distinct sensitive values per class; 1 turns the check off. */
  l: number;
  /** Largest allowed 1/fk of any record. */
  maxIndividualRisk: number;
  /** Largest allowed mean of 1/fk (HDX treats more than 0.03 as needing treatment). */
  maxGlobalRisk: number;
  /** Quasi-identifiers from least to most important (blanked first to last); default: most categories first. */
  importance?: string[];
  /**
   * Attacker scenarios: the variables each kind of attacker knows (a subset of the
   * quasi-identifiers, within the strata), measured one by one after treatment; `unpublished`
   * names what the scenario knows that the release does not carry.
   */
  scenarios?: Array<{ name: string; variables: string[]; unpublished?: string[] }>;
}

export interface ScenarioMeasures {
  name: string;
  variables: string[];
  unpublished: string[];
  /** Records in classes smaller than k on what this attacker knows (strictly counted). */
  violators: number;
  keys: number;
  expectedReidentifications: number;
  globalRisk: number;
  maxIndividualRisk: number;
  passed: boolean;
}

interface Measures {
  records: number;
  keys: number;
  violators: { strict: Record<'2' | '3' | '5', number>; wildcard: Record<'2' | '3' | '5', number> };
  categories: Record<string, number>;
  expectedReidentifications: number;
  globalRisk: number;
  maxIndividualRisk: number;
  recordsAboveRiskThreshold: number;
}

export interface SdcReport {
  parameters: SdcPolicy & { importance: string[] };
  before: Measures;
  after: Measures;
  suppressions: Record<string, { count: number; percent: number }>;
  fullySuppressedRecords: number;
  minL: Record<string, { before: number; after: number }>;
  /** Per attacker scenario, after treatment. */
  scenarios: ScenarioMeasures[];
  /** Why the result may not be published; empty when it passes every threshold. */
  failures: string[];
  passed: boolean;
}

function measure(t: SdcTable, key: number[], qis: number[], maxRisk: number): Measures {
  const strict = strictFrequencies(t, key);
  const wild = wildcardFrequencies(t, key);
  let er = 0;
  let max = 0;
  let above = 0;
  for (let i = 0; i < t.n; i++) {
    const f = strict[i]!;
    const w = weightOf(t, i);
    er += w / f;
    max = Math.max(max, 1 / f);
    if (1 / f > maxRisk) above += w;
  }
  const records = recordCount(t);
  return {
    records,
    keys: distinctKeys(t, key),
    violators: {
      strict: { 2: violators(t, strict, 2), 3: violators(t, strict, 3), 5: violators(t, strict, 5) },
      wildcard: { 2: violators(t, wild, 2), 3: violators(t, wild, 3), 5: violators(t, wild, 5) },
    },
    categories: Object.fromEntries(qis.map((v) => [t.vars[v]!, categoriesInUse(t, v)])),
    expectedReidentifications: Math.round(er * 100) / 100,
    globalRisk: records ? er / records : 0,
    maxIndividualRisk: max,
    recordsAboveRiskThreshold: above,
  };
}

/** Anonymizes a copy of `input` (or `input` itself with `inPlace`, sparing a copy of every code). */
export function anonymizeTable(input: SdcTable, policy: SdcPolicy, opts: { inPlace?: boolean } = {}): { table: SdcTable; report: SdcReport } {
  const index = (name: string) => {
    const i = input.vars.indexOf(name);
    if (i < 0) throw new Error(`variable '${name}' is not in the table`);
    return i;
  };
  const qis = policy.quasiIdentifiers.map(index);
  const strata = policy.strata.map(index);
  const key = [...strata, ...qis];
  const t = opts.inPlace ? input : cloneTable(input);
  const before = measure(t, key, qis, policy.maxIndividualRisk);
  const order = policy.importance ? policy.importance.map(index) : defaultOrder(t, qis);
  const s = qis.length ? suppressToK(t, qis, strata, policy.k, order) : { perVariable: {}, fullySuppressed: 0, remainingViolators: 0 };
  const d = enforceDiversity(t, key, policy.sensitive, policy.l);
  const after = measure(t, key, qis, policy.maxIndividualRisk);

  const failures: string[] = [];
  const strictAfter = strictFrequencies(t, key);
  const below = violators(t, strictAfter, policy.k);
  if (below > 0)
    failures.push(`${below} records remain in classes smaller than k=${policy.k} (strata too small to reach k)`);
  for (const [name, { after: l }] of Object.entries(d.minL))
    if (policy.l > 1 && l > 0 && l < policy.l) failures.push(`sensitive variable '${name}' has classes with only ${l} distinct values (l=${policy.l} required)`);
  if (after.maxIndividualRisk > policy.maxIndividualRisk)
    failures.push(`${after.recordsAboveRiskThreshold} records have an individual risk above ${policy.maxIndividualRisk} (highest ${after.maxIndividualRisk.toFixed(3)})`);
  if (after.globalRisk > policy.maxGlobalRisk)
    failures.push(`global risk ${(after.globalRisk * 100).toFixed(2)}% exceeds ${(policy.maxGlobalRisk * 100).toFixed(2)}% on ${policy.quasiIdentifiers.join(', ')}`);

  const scenarios = (policy.scenarios ?? []).map((sc): ScenarioMeasures => {
    const vars = [...strata, ...sc.variables.map(index)];
    const fk = strictFrequencies(t, vars);
    const m = measure(t, vars, [], policy.maxIndividualRisk);
    const v = violators(t, fk, policy.k);
    const passed = v === 0 && m.globalRisk <= policy.maxGlobalRisk && m.maxIndividualRisk <= policy.maxIndividualRisk;
    if (!passed) failures.push(`scenario '${sc.name}' (${sc.variables.join(', ')}): ${v} records in classes below k=${policy.k}, global risk ${(m.globalRisk * 100).toFixed(2)}%`);
    return { name: sc.name, variables: sc.variables, unpublished: sc.unpublished ?? [], violators: v, keys: m.keys, expectedReidentifications: m.expectedReidentifications, globalRisk: m.globalRisk, maxIndividualRisk: m.maxIndividualRisk, passed };
  });
  const suppressions = Object.fromEntries(
    [...Object.entries(s.perVariable), ...Object.entries(d.suppressed)].map(([name, count]) => [name, { count, percent: after.records ? Math.round((count / after.records) * 10000) / 100 : 0 }]),
  );
  return {
    table: t,
    report: {
      parameters: { ...policy, importance: order.map((v) => t.vars[v]!) },
      before,
      after,
      suppressions,
      fullySuppressedRecords: s.fullySuppressed,
      minL: d.minL,
      scenarios,
      failures,
      passed: failures.length === 0,
    },
  };
}

/**
 * Runs anonymizeTable on a table the caller hands over (it may be changed or copied). The Node
 * server runs it in a worker thread, so the seconds it takes on a large export do not stop the
 * server answering submissions; elsewhere (Workers, the CLI, tests) it runs in place.
 */
export type Anonymizer = (table: SdcTable, policy: SdcPolicy) => Promise<{ table: SdcTable; report: SdcReport }>;

export const inlineAnonymizer: Anonymizer = async (table, policy) => anonymizeTable(table, policy, { inPlace: true });
