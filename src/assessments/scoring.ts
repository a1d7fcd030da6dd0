// The transparent gap-analysis scoring of domain.md D. Each element (a question carrying
// `elementId`) scores fully 2, partly 1, not 0; N/A leaves the count; optional (O) elements and
// good practice with no treaty obligation behind it (G) go to a separate good-practice score. Articles and clusters score points / (2 x applicable) with the
// counts shown; the confirmed score counts "not determined" as 0, the provisional one leaves it
// out. Practice indicators (the institutional assessment) are never averaged into these scores.
//
// Rules that keep a score from flattering (issue 20), each applied to an article, a cluster and
// the legal score, and named in the score so that the report says why:
//   core-not-met        a core element not met: non-compliant, whatever the percentage;
//   core-not-determined a core element not determined: unrated (no band), shown first;
//   core-partly         a core element partly met: partially compliant at best;
//   essence             the element that is the essence of its article (the offence itself, as
//                       6(1)(a) is of article 6) caps the percentage of every score it is part of
//                       (article, cluster, legal) at its own (partly 50%, not 0%): accessories
//                       cannot outweigh it.
type Json = Record<string, unknown>;

export const statuses = ['fully', 'partly', 'not', 'na', 'nd'] as const;
export type Status = (typeof statuses)[number];
export type Band = 'compliant' | 'largely' | 'partially' | 'non' | 'unrated' | 'na';
export type Rule = 'core-not-met' | 'core-not-determined' | 'core-partly' | 'essence';
export const obligations = ['M', 'C', 'O', 'G'] as const;
export type Obligation = (typeof obligations)[number];
/** Obligations outside the legal score: "shall consider"/"may" (O) and good practice with no treaty duty (G). */
export const isGoodPractice = (o: Obligation) => o === 'O' || o === 'G';

export interface ElementDef {
  id: string;
  /** The status question's name; the template's other answers share its prefix. */
  question: string;
  prefix: string;
  article: string;
  /** The article the element is scored under: `SOM 6(1)(a)` -> `SOM 6`. */
  articleGroup: string;
  cluster: string;
  obligation: Obligation;
  core: boolean;
  /** The essence of its article (the offence itself): see the rules above. */
  essence: boolean;
  title: string;
  /** What must be equal in two versions for their answers to be comparable. */
  signature: string;
  /** What this version changed in the element's meaning (its answers are then not comparable with earlier ones). */
  changeNote?: string;
}

/**
 * The essence of an article, by element reference, where the method names one: the offence of
 * smuggling itself for article 6 of the Protocol. A version may also flag its own
 * (`essenceElement: true`).
 */
export const ESSENCE_REFS: ReadonlySet<string> = new Set(['SOM 6(1)(a)']);

/** Elements of a questionnaire definition, in order: every question with an elementId. */
export function elementsOf(definition: Json): ElementDef[] {
  const out: ElementDef[] = [];
  const walk = (node: unknown, panelTitle: string) => {
    if (Array.isArray(node)) for (const n of node) walk(n, panelTitle);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      const title =
        typeof o.title === 'string'
          ? o.title
          : typeof (o.title as Record<string, unknown> | undefined)?.default === 'string'
            ? ((o.title as Record<string, string>).default as string)
            : panelTitle;
      if (typeof o.elementId === 'string' && typeof o.name === 'string') {
        const article = String(o.articleRef ?? '');
        out.push({
          id: o.elementId,
          question: o.name,
          prefix: o.name.replace(/_status$/, ''),
          article,
          articleGroup: article.split(/[(;]/)[0]!.trim(),
          cluster: String(o.cluster ?? ''),
          obligation: ((obligations as readonly unknown[]).includes(o.obligation) ? o.obligation : 'M') as Obligation,
          core: o.coreElement === true,
          essence: o.essenceElement === true || ESSENCE_REFS.has(article),
          title: panelTitle,
          ...(typeof o.changeNote === 'string' && o.changeNote ? { changeNote: o.changeNote } : {}),
          signature: JSON.stringify([
            article,
            o.obligation,
            o.coreElement === true,
            ((o.choices as unknown[]) ?? []).map((c) => (c && typeof c === 'object' ? (c as { value: unknown }).value : c)),
          ]),
        });
      }
      for (const key of ['pages', 'elements', 'templateElements']) if (key in o) walk(o[key], o.type === 'panel' ? title : panelTitle);
    }
  };
  walk(definition, '');
  return out;
}

export interface Counts {
  fully: number;
  partly: number;
  not: number;
  na: number;
  nd: number;
}

export interface Score {
  counts: Counts;
  /** Confirmed: "not determined" scores 0. */
  confirmed: { points: number; max: number; percent: number | null };
  /** Provisional: "not determined" left out. */
  provisional: { points: number; max: number; percent: number | null };
  band: Band;
  /** The band the percentage alone would give, when a rule changed it. */
  uncapped?: Band;
  /** The rules that changed the band or the percentage, with the elements that triggered each. */
  rules: Array<{ rule: Rule; elements: string[] }>;
  /** At least a quarter of the applicable elements are not determined (shown hatched). */
  hatched: boolean;
  coreNotMet: string[];
}

export function bandOf(percent: number | null): Band {
  if (percent === null) return 'na';
  if (percent >= 100) return 'compliant';
  if (percent >= 75) return 'largely';
  if (percent >= 40) return 'partially';
  return 'non';
}

export const BAND_LABEL: Record<Band, string> = {
  compliant: 'Compliant',
  largely: 'Largely compliant',
  partially: 'Partially compliant',
  non: 'Non-compliant',
  unrated: 'Not rated (a core element is not determined)',
  na: 'Not applicable',
};

export const RULE_LABEL: Record<Rule, string> = {
  'core-not-met': 'a core element is not met: non-compliant',
  'core-not-determined': 'a core element is not determined: not rated',
  'core-partly': 'a core element is only partly met: partially compliant at best',
  essence: 'the offence itself caps the score: its accessories cannot outweigh it',
};

const ORDER: Band[] = ['non', 'partially', 'largely', 'compliant'];
const atMost = (band: Band, cap: Band): Band => (ORDER.indexOf(band) > ORDER.indexOf(cap) ? cap : band);

const POINTS: Record<Status, number> = { fully: 2, partly: 1, not: 0, na: 0, nd: 0 };

/** An element's status in a response: unanswered counts as not determined. */
export function statusOf(data: Json, e: ElementDef): Status {
  const v = (data as Record<string, unknown>)[e.question];
  return statuses.includes(v as Status) ? (v as Status) : 'nd';
}

export function score(items: Array<{ e: ElementDef; status: Status }>): Score {
  const counts: Counts = { fully: 0, partly: 0, not: 0, na: 0, nd: 0 };
  for (const { status } of items) counts[status]++;
  const determined = counts.fully + counts.partly + counts.not;
  const points = 2 * counts.fully + counts.partly;
  // Whole percentages: a score is read with its counts, never to a tenth.
  const pct = (p: number, max: number) => (max === 0 ? null : Math.round((p / max) * 100));
  const confirmedMax = 2 * (determined + counts.nd);
  const provisionalMax = 2 * determined;
  const rules: Score['rules'] = [];
  const ids = (pick: (x: { e: ElementDef; status: Status }) => boolean) => items.filter(pick).map(({ e }) => e.id);
  // The essence rule: the percentages are capped at the essence element's own.
  let confirmed = pct(points, confirmedMax);
  let provisional = pct(points, provisionalMax);
  const essence = items.filter(({ e, status }) => e.essence && (status === 'partly' || status === 'not'));
  if (essence.length) {
    const cap = Math.min(...essence.map(({ status }) => (status === 'partly' ? 50 : 0)));
    if ((confirmed ?? 0) > cap || (provisional ?? 0) > cap) rules.push({ rule: 'essence', elements: essence.map(({ e }) => e.id) });
    if (confirmed !== null) confirmed = Math.min(confirmed, cap);
    if (provisional !== null) provisional = Math.min(provisional, cap);
  }
  const coreNotMet = ids(({ e, status }) => e.core && status === 'not');
  const coreNd = ids(({ e, status }) => (e.core || e.essence) && status === 'nd');
  const corePartly = ids(({ e, status }) => e.core && status === 'partly');
  const byPercent = bandOf(confirmed);
  let band = byPercent;
  if (coreNotMet.length) {
    band = 'non';
    rules.push({ rule: 'core-not-met', elements: coreNotMet });
  } else if (coreNd.length) {
    band = 'unrated';
    rules.push({ rule: 'core-not-determined', elements: coreNd });
  } else if (corePartly.length && atMost(band, 'partially') !== band) {
    band = 'partially';
    rules.push({ rule: 'core-partly', elements: corePartly });
  }
  return {
    counts,
    confirmed: { points, max: confirmedMax, percent: confirmed },
    provisional: { points, max: provisionalMax, percent: provisional },
    band,
    ...(band !== byPercent ? { uncapped: byPercent } : {}),
    rules,
    hatched: determined + counts.nd > 0 && counts.nd / (determined + counts.nd) >= 0.25,
    coreNotMet,
  };
}

export interface ElementResult {
  e: ElementDef;
  status: Status;
  points: number | null;
  provision: string;
  evidence: string;
  gap: string;
  recommendation: string;
  priority: string;
  confidence: string;
  naReason: string;
}

export interface Assessment {
  elements: ElementResult[];
  articles: Array<{ article: string; cluster: string; score: Score }>;
  clusters: Array<{ cluster: string; score: Score }>;
  /** Mandatory and "subject to legal concepts" elements together. */
  legal: Score;
  /** Optional (O) and good-practice (G) elements only, never mixed into the legal score. */
  goodPractice: Score;
  coreNotMet: ElementResult[];
  /** Core and essence elements not fully met (not met, not determined, partly), the report's first list. */
  coreIssues: ElementResult[];
}

const text = (data: Record<string, unknown>, key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');

export function assess(elements: ElementDef[], data: Json): Assessment {
  const d = data as Record<string, unknown>;
  const results: ElementResult[] = elements.map((e) => {
    const status = statusOf(d, e);
    return {
      e,
      status,
      points: status === 'na' || status === 'nd' ? null : POINTS[status],
      provision: [
        text(d, `${e.prefix}_instrument`),
        text(d, `${e.prefix}_article`),
        text(d, `${e.prefix}_in_force`) && `in force since ${text(d, `${e.prefix}_in_force`)}`,
      ]
        .filter(Boolean)
        .join(', '),
      evidence: text(d, `${e.prefix}_evidence`),
      gap: text(d, `${e.prefix}_gap`),
      recommendation: text(d, `${e.prefix}_recommendation`),
      priority: text(d, `${e.prefix}_priority`),
      confidence: text(d, `${e.prefix}_confidence`),
      naReason: text(d, `${e.prefix}_na_reason`),
    };
  });
  const legalItems = results.filter((r) => !isGoodPractice(r.e.obligation));
  const groupBy = <K extends string>(key: (r: ElementResult) => K) => {
    const m = new Map<K, ElementResult[]>();
    for (const r of legalItems) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    return m;
  };
  return {
    elements: results,
    articles: [...groupBy((r) => r.e.articleGroup)].map(([article, rs]) => ({ article, cluster: rs[0]!.e.cluster, score: score(rs) })),
    clusters: [...groupBy((r) => r.e.cluster)].map(([cluster, rs]) => ({ cluster, score: score(rs) })),
    legal: score(legalItems),
    goodPractice: score(results.filter((r) => isGoodPractice(r.e.obligation))),
    coreNotMet: legalItems.filter((r) => r.e.core && r.status === 'not'),
    coreIssues: [...legalItems.filter((r) => (r.e.core || r.e.essence) && ['not', 'nd', 'partly'].includes(r.status))].sort(
      (a, b) => ['not', 'nd', 'partly'].indexOf(a.status) - ['not', 'nd', 'partly'].indexOf(b.status),
    ),
  };
}

/** "21/28 = 75%": the counts behind a score, always shown with it. */
export function scoreText(s: Score['confirmed']): string {
  return s.percent === null ? 'n/a' : `${s.points}/${s.max} = ${s.percent}%`;
}
