// Statistical disclosure control of one table, sdcMicro-style, failing closed: measure, blank cells
// to strict k-anonymity within strata, enforce l-diversity, measure again, and say whether the
// result meets every threshold. The report is what sdcMicro prints, and a little more.
import { collectGarbage } from '../../shared/collect-garbage';
import { releaseScratch } from './classes';
import { enforceDiversity, releaseDiversityScratch, sensitiveColumn } from './diversity';
import { distinctKeys, strictFrequencies, violators, wildcardFrequencies } from './frequencies';
import { defaultOrder, suppressToK } from './suppress';
import { recodeToK, type HierarchySpec, type RecodingResult } from './generalize';
import { categoriesInUse, cloneTable, recordCount, weightOf, type SdcTable } from './table';
import { withholdShort } from './withhold';

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
  /** Generalization hierarchies of quasi-identifiers: recoded globally before any suppression. */
  hierarchies?: Record<string, HierarchySpec>;
  /** Share of records global recoding may leave to local suppression (default 5%). */
  suppressionBudget?: number;
  /** Variables researchers need: recoded if they must be, never withheld whole by recoding. */
  keep?: string[];
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
  /** The global recoding chosen, per variable (absent when no variable has a hierarchy). */
  recoding?: RecodingResult;
  /** Per variable: the share of records whose value was recoded, and of cells suppressed. */
  informationLoss: Record<string, { recodedPercent: number; suppressedPercent: number }>;
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

/** The implicit scenario when a questionnaire declares none: an attacker who knows every quasi-identifier. */
export const ALL_QUASI_IDENTIFIERS = 'quasi-identifiers';

/**
 * Anonymizes a copy of `input` (or `input` itself with `inPlace`, sparing a copy of every code).
 * The grouping's scratch arrays (tens of megabytes for a million rows) are kept for the run only.
 */
export function anonymizeTable(
  input: SdcTable,
  policy: SdcPolicy,
  opts: { inPlace?: boolean } = {},
): { table: SdcTable; report: SdcReport } {
  try {
    return treat(input, policy, opts);
  } finally {
    releaseScratch();
    releaseDiversityScratch();
  }
}

function treat(input: SdcTable, policy: SdcPolicy, opts: { inPlace?: boolean }): { table: SdcTable; report: SdcReport } {
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
  // Each scenario is a key of its own; without declared scenarios, one attacker knows them all.
  const declared = policy.scenarios ?? [];
  const scenarioList = declared.length ? declared : [{ name: ALL_QUASI_IDENTIFIERS, variables: policy.quasiIdentifiers, unpublished: [] }];
  const scenarioVars = scenarioList.map((sc) => sc.variables.map(index));
  // l-diversity protects a sensitive variable from an attacker who does not know it: a scenario
  // that knows it (a smuggler knows the sea crossings) is not measured on it.
  const sensitiveFor = scenarioList.map((sc) => policy.sensitive.filter((name) => !sc.variables.includes(name)));

  // Global recoding first, down to a budget of records left for local suppression.
  const hierarchies = new Map(
    Object.entries(policy.hierarchies ?? {})
      .filter(([name]) => t.vars.includes(name))
      .map(([name, spec]) => [index(name), spec] as const),
  );
  const budget = Math.floor(recordCount(t) * (policy.suppressionBudget ?? 0.05));
  const recoding = hierarchies.size
    ? recodeToK(
        t,
        hierarchies,
        scenarioVars,
        strata,
        policy.k,
        budget,
        policy.maxGlobalRisk,
        new Set((policy.keep ?? []).filter((n) => t.vars.includes(n)).map(index)),
        // The sensitive columns matter to the search only when l-diversity is asked for.
        { l: policy.l, columns: policy.l > 1 ? policy.sensitive.map((name) => sensitiveColumn(t, name).column) : [] },
      )
    : undefined;
  // Each step leaves arrays of a million rows to collect: collected between steps (and rounds),
  // not left to pile up in the thread until V8 counts them.
  collectGarbage();
  const order = policy.importance ? policy.importance.map(index) : defaultOrder(t, qis);

  // Then local suppression, scenario by scenario, until every one holds: a blank made for one
  // can leave a record rare for another that shares the variable, so the rounds repeat.
  const perVariable: Record<string, number> = Object.fromEntries(qis.map((v) => [t.vars[v]!, 0]));
  let fullySuppressed = 0;
  for (let round = 0; round < 8; round++) {
    let cells = 0;
    for (const vars of scenarioVars) {
      // suppressToK counts the classes itself and blanks nothing where none is short.
      if (!vars.length) continue;
      const r = suppressToK(
        t,
        vars,
        strata,
        policy.k,
        order.filter((v) => vars.includes(v)),
      );
      for (const [name, n] of Object.entries(r.perVariable)) perVariable[name] = (perVariable[name] ?? 0) + n;
      fullySuppressed += r.fullySuppressed;
      cells += r.cells;
      collectGarbage();
    }
    if (cells === 0) break;
  }

  // Records still short in some scenario lose every variable a scenario knows.
  if (scenarioVars.length > 1) fullySuppressed += withholdShort(t, scenarioVars, strata, policy.k, perVariable);

  // l-diversity within the classes of every scenario, again until no scenario blanks more.
  const blanked: Record<string, number> = {};
  const minBefore: Record<string, number> = {};
  for (let round = 0; round < 8; round++) {
    let more = 0;
    for (const [j, vars] of scenarioVars.entries()) {
      const d = enforceDiversity(t, [...strata, ...vars], sensitiveFor[j]!, policy.l);
      for (const [name, n] of Object.entries(d.suppressed)) {
        blanked[name] = (blanked[name] ?? 0) + n;
        more += n;
      }
      if (round === 0) for (const [name, m] of Object.entries(d.minL)) minBefore[name] = Math.min(minBefore[name] ?? Infinity, m.before);
      collectGarbage();
    }
    if (more === 0) break;
  }
  // The l each sensitive variable shows now, in the least diverse class of any scenario.
  const minL: Record<string, { before: number; after: number }> = {};
  for (const [j, vars] of scenarioVars.entries())
    for (const [name, m] of Object.entries(enforceDiversity(t, [...strata, ...vars], sensitiveFor[j]!, 1).minL)) {
      const was = minL[name]?.after;
      minL[name] = {
        before: minBefore[name] ?? m.before,
        after: was === undefined ? m.after : m.after === 0 ? was : was === 0 ? m.after : Math.min(was, m.after),
      };
    }
  const after = measure(t, key, qis, policy.maxIndividualRisk);

  const failures: string[] = [];
  const implicit = !declared.length;
  const scenarios = scenarioList.map((sc, j): ScenarioMeasures => {
    const vars = [...strata, ...scenarioVars[j]!];
    const m = measure(t, vars, [], policy.maxIndividualRisk);
    const v = violators(t, strictFrequencies(t, vars), policy.k);
    const where = implicit ? '' : ` for scenario '${sc.name}' (${sc.variables.join(', ')})`;
    if (v > 0) failures.push(`${v} records remain in classes smaller than k=${policy.k}${where} (strata too small to reach k)`);
    if (m.maxIndividualRisk > policy.maxIndividualRisk)
      failures.push(
        `${m.recordsAboveRiskThreshold} records have an individual risk above ${policy.maxIndividualRisk} (highest ${m.maxIndividualRisk.toFixed(3)})${where}`,
      );
    if (m.globalRisk > policy.maxGlobalRisk)
      failures.push(
        `global risk ${(m.globalRisk * 100).toFixed(2)}% exceeds ${(policy.maxGlobalRisk * 100).toFixed(2)}% on ${sc.variables.join(', ')}${where}`,
      );
    const passed = v === 0 && m.globalRisk <= policy.maxGlobalRisk && m.maxIndividualRisk <= policy.maxIndividualRisk;
    return {
      name: sc.name,
      variables: sc.variables,
      unpublished: sc.unpublished ?? [],
      violators: v,
      keys: m.keys,
      expectedReidentifications: m.expectedReidentifications,
      globalRisk: m.globalRisk,
      maxIndividualRisk: m.maxIndividualRisk,
      passed,
    };
  });
  for (const [name, { after: l }] of Object.entries(minL))
    if (policy.l > 1 && l > 0 && l < policy.l)
      failures.push(`sensitive variable '${name}' has classes with only ${l} distinct values (l=${policy.l} required)`);
  const s = { perVariable, fullySuppressed };
  const d = { minL, suppressed: blanked };

  // A variable both known to a scenario and sensitive is counted once, with its cells of both.
  const counts = new Map<string, number>();
  for (const [name, n] of [...Object.entries(s.perVariable), ...Object.entries(d.suppressed)])
    counts.set(name, (counts.get(name) ?? 0) + n);
  const suppressions = Object.fromEntries(
    [...counts].map(([name, count]) => [name, { count, percent: after.records ? Math.round((count / after.records) * 10000) / 100 : 0 }]),
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
      recoding,
      informationLoss: informationLoss(recoding, perVariable, blanked, after.records),
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

const percent = (n: number, of: number) => (of ? Math.round((n / of) * 10000) / 100 : 0);

/** Per variable: records recoded by the global recoding, cells suppressed locally (key or l-diversity). */
function informationLoss(
  recoding: RecodingResult | undefined,
  suppressedKey: Record<string, number>,
  blanked: Record<string, number>,
  records: number,
): SdcReport['informationLoss'] {
  const names = new Set([...Object.keys(recoding?.levels ?? {}), ...Object.keys(suppressedKey), ...Object.keys(blanked)]);
  return Object.fromEntries(
    [...names].map((name) => [
      name,
      {
        recodedPercent: percent(recoding?.levels[name]?.recordsChanged ?? 0, records),
        suppressedPercent: percent((suppressedKey[name] ?? 0) + (blanked[name] ?? 0), records),
      },
    ]),
  );
}
