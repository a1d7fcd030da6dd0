// The transparent gap-analysis scoring of domain.md D. Each element (a question carrying
// `elementId`) scores fully 2, partly 1, not 0; N/A leaves the count; optional (O) elements go to
// a separate good-practice score. Articles and clusters score points / (2 x applicable) with the
// counts shown; the confirmed score counts "not determined" as 0, the provisional one leaves it
// out. A core element not met caps its article and cluster at amber. Practice indicators (the
// institutional assessment) are never averaged into these scores.
type Json = Record<string, unknown>;

export const statuses = ['fully', 'partly', 'not', 'na', 'nd'] as const;
export type Status = (typeof statuses)[number];
export type Band = 'compliant' | 'largely' | 'partially' | 'non' | 'na';
export type Obligation = 'M' | 'C' | 'O';

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
  title: string;
  /** What must be equal in two versions for their answers to be comparable. */
  signature: string;
}

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
          obligation: (['M', 'C', 'O'].includes(String(o.obligation)) ? o.obligation : 'M') as Obligation,
          core: o.coreElement === true,
          title: panelTitle,
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
  /** The band before the core-element cap, when the cap lowered it. */
  uncapped?: Band;
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
  na: 'Not applicable',
};

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
  const pct = (p: number, max: number) => (max === 0 ? null : Math.round((p / max) * 1000) / 10);
  const confirmedMax = 2 * (determined + counts.nd);
  const provisionalMax = 2 * determined;
  const percent = pct(points, confirmedMax);
  const coreNotMet = items.filter(({ e, status }) => e.core && status === 'not').map(({ e }) => e.id);
  let band = bandOf(percent);
  let uncapped: Band | undefined;
  if (coreNotMet.length && (band === 'compliant' || band === 'largely')) {
    uncapped = band;
    band = 'partially';
  }
  return {
    counts,
    confirmed: { points, max: confirmedMax, percent },
    provisional: { points, max: provisionalMax, percent: pct(points, provisionalMax) },
    band,
    ...(uncapped ? { uncapped } : {}),
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
  /** Optional (O) elements only, never mixed into the legal score. */
  goodPractice: Score;
  coreNotMet: ElementResult[];
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
  const legalItems = results.filter((r) => r.e.obligation !== 'O');
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
    goodPractice: score(results.filter((r) => r.e.obligation === 'O')),
    coreNotMet: legalItems.filter((r) => r.e.core && r.status === 'not'),
  };
}

/** "21/28 = 75%": the counts behind a score, always shown with it. */
export function scoreText(s: Score['confirmed']): string {
  return s.percent === null ? 'n/a' : `${s.points}/${s.max} = ${s.percent}%`;
}
