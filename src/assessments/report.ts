// The country report of a gap analysis: a printable page (a bar per cluster, the element matrix
// with provisions, gaps and recommendations, core elements not met, practice indicators apart),
// the same matrix as CSV, and the cross-country heatmap for internal coordination only (asked for
// deliberately, never part of a report: it ranks countries).
import { stringify } from 'csv-stringify/sync';
import { maskFormula } from '../datasets/csv-cells';
import { barChart, esc, page, row } from '../reports/html';
import { BAND_LABEL, RULE_LABEL, scoreText, type Assessment, type Band, type ElementResult, type Score } from './scoring';
import type { Comparability } from './comparability';

/** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies; text always says the band too. */
export const BAND_COLOR: Record<Band, string> = {
  compliant: '#0072B2',
  largely: '#56B4E9',
  partially: '#E69F00',
  non: '#D55E00',
  unrated: '#777777',
  na: '#BBBBBB',
};
const BAND_SHORT: Record<Band, string> = { compliant: 'C', largely: 'LC', partially: 'PC', non: 'NC', unrated: 'NR', na: 'N/A' };
const STATUS_LABEL = { fully: 'Fully met', partly: 'Partly met', not: 'Not met', na: 'Not applicable', nd: 'Not determined' } as const;

export const CLUSTER_LABEL: Record<string, string> = {
  criminalization: 'Criminalization',
  sea: 'Smuggling by sea',
  prevention: 'Prevention and borders',
  protection: 'Protection and return',
  cooperation: 'Cooperation and confiscation',
};

export interface PracticeSummary {
  actor: string;
  yes: number;
  partly: number;
  no: number;
  nd: number;
  counts: Array<{ indicator: string; value: number }>;
  /** Items that test gap-analysis elements, answered "partly" or "no": practice that falls short of the law. */
  shortfalls: Array<{ indicator: string; answer: 'partly' | 'no'; elements: string[] }>;
}

export interface ReportContext {
  questionnaireTitle: string;
  country: string;
  version: string;
  responseId: string;
  assessor: string;
  reviewState: string;
  snapshotDate: string;
  submittedAt: string;
  practice?: { version: string; year: string; actors: PracticeSummary[] };
  comparability?: Array<{ version: string; result: Comparability }>;
}

/** The band and why (the rules that set it), then the counts; the percentages come after, secondary. */
const bandText = (s: Score) =>
  `${BAND_LABEL[s.band]}${s.rules.length ? `: ${s.rules.map((r) => `${RULE_LABEL[r.rule]} (${r.elements.join(', ')})`).join('; ')}` : ''}${s.hatched ? '; 25% or more not determined' : ''}`;
const countsText = (s: Score) =>
  `${s.counts.fully} fully, ${s.counts.partly} partly, ${s.counts.not} not met, ${s.counts.nd} not determined, ${s.counts.na} n/a`;
const scoreCells = (s: Score) => [bandText(s), countsText(s), scoreText(s.confirmed), scoreText(s.provisional)];

const STATUS_PHRASE = { not: 'is not met', nd: 'is not determined', partly: 'is only partly met' } as const;

/** The report's opening: what the law does and does not do, in sentences, core elements first. */
function narrative(a: Assessment): string {
  const c = a.legal.counts;
  const applicable = c.fully + c.partly + c.not + c.nd;
  const lines = [
    `Of the ${applicable} applicable mandatory elements, ${c.fully} are fully met, ${c.partly} partly met, ${c.not} not met and ${c.nd} not determined${c.na ? ` (${c.na} not applicable)` : ''}.`,
  ];
  const issue = (r: ElementResult) => {
    const cluster = a.clusters.find((x) => x.cluster === r.e.cluster);
    const effect = cluster
      ? ` ${CLUSTER_LABEL[r.e.cluster] ?? r.e.cluster} is therefore ${BAND_LABEL[cluster.score.band].toLowerCase()}.`
      : '';
    return `${r.e.core ? 'Core' : 'Essential'} element ${r.e.id} (${r.e.article}, ${r.e.title.replace(/^[^:]*:\s*/, '')}) ${STATUS_PHRASE[r.status as keyof typeof STATUS_PHRASE]}.${effect}`;
  };
  lines.push(...a.coreIssues.map(issue));
  if (!a.coreIssues.length) lines.push('Every core element is fully met or not applicable.');
  lines.push(
    `By cluster: ${a.clusters.map((x) => `${CLUSTER_LABEL[x.cluster] ?? x.cluster} ${BAND_LABEL[x.score.band].toLowerCase()} (${x.score.counts.fully} of ${x.score.counts.fully + x.score.counts.partly + x.score.counts.not + x.score.counts.nd} fully met)`).join('; ')}.`,
  );
  return lines.map((l) => `<p>${esc(l)}</p>`).join('');
}

/** Practice items that test legal elements and fall short, with the elements they test. */
function practiceShortfalls(actors: PracticeSummary[]): string {
  const rows = actors.flatMap((p) => p.shortfalls);
  if (!rows.length) return '';
  return `<h3>Practice that falls short of the law it tests</h3><table>${row(['practice item', 'answer', 'gap-analysis elements'], true)}${rows.map((r) => row([r.indicator, r.answer, r.elements.join(', ')])).join('')}</table>`;
}

/** `; changed:` and the elements, each with the reason it is not comparable. */
const notesList = (label: string, ids: string[], notes: Record<string, string>) =>
  ids.length ? `; ${esc(label)}:<ul>${ids.map((id) => `<li>${esc(id)}${notes[id] ? `: ${esc(notes[id])}` : ''}</li>`).join('')}</ul>` : '';

export function reportHtml(a: Assessment, ctx: ReportContext): string {
  const bars = barChart(
    'Confirmed score per cluster',
    a.clusters.map((c) => ({
      label: CLUSTER_LABEL[c.cluster] ?? c.cluster,
      value: c.score.confirmed.percent ?? 0,
      text: `${scoreText(c.score.confirmed)} ${BAND_SHORT[c.score.band]}${c.score.uncapped ? ' (capped)' : ''}${c.score.hatched ? ' (25%+ n.d.)' : ''}`,
      color: BAND_COLOR[c.score.band],
    })),
    { max: 100, width: 760 },
  );
  const matrix = a.elements
    .map(
      (r) =>
        `<tr><td>${esc(r.e.id)}${r.e.core ? ' <strong>(core)</strong>' : ''}</td><td>${esc(r.e.article)}</td><td>${esc(r.e.obligation)}</td><td>${esc(r.e.title.replace(/^[^:]*:\s*/, ''))}</td><td>${esc(STATUS_LABEL[r.status])}${r.naReason ? `<br><span class="muted">${esc(r.naReason)}</span>` : ''}</td><td>${esc(r.provision)}</td><td>${esc(r.gap)}</td><td>${esc(r.recommendation)}</td><td>${esc(r.priority)}</td><td>${esc(r.confidence)}</td></tr>`,
    )
    .join('');
  const core = a.coreIssues.length
    ? `<ul>${a.coreIssues.map((r) => `<li><strong>${esc(STATUS_LABEL[r.status])}</strong>: ${esc(r.e.id)} (${esc(r.e.article)}${r.e.essence ? ', the offence itself' : ''}): ${esc(r.e.title.replace(/^[^:]*:\s*/, ''))}</li>`).join('')}</ul>`
    : '<p>None.</p>';
  const practice = ctx.practice
    ? `<p class="muted">Institutional assessment version ${esc(ctx.practice.version)}, counts for ${esc(ctx.practice.year)}. Reported apart: never averaged into the legal score.</p><table>${row(['actor', 'yes', 'partly', 'no', 'not determined', 'yearly counts'], true)}${ctx.practice.actors.map((p) => `<tr><td>${esc(p.actor)}</td><td class="num">${p.yes}</td><td class="num">${p.partly}</td><td class="num">${p.no}</td><td class="num">${p.nd}</td><td>${p.counts.map((c) => `${esc(c.indicator)}: ${c.value}`).join('<br>')}</td></tr>`).join('')}</table>${practiceShortfalls(ctx.practice.actors)}`
    : '<p class="muted">No institutional assessment submitted for this country.</p>';
  const comparable = (ctx.comparability ?? [])
    .map(
      (c) =>
        `<li>Version ${esc(c.version)} (values read: this version vs version ${esc(c.version)}): ${c.result.comparable.length} elements comparable${notesList('changed', c.result.changed, c.result.notes)}${notesList('only in this version', c.result.onlyInFirst, c.result.notes)}${notesList(`only in version ${c.version}`, c.result.onlyInSecond, c.result.notes)}</li>`,
    )
    .join('');
  return page(
    `Gap analysis: ${ctx.country}`,
    `<h1>${esc(ctx.questionnaireTitle)}: ${esc(ctx.country)}</h1>
<p>Legal snapshot: <strong>${esc(ctx.snapshotDate || 'not dated')}</strong>. Questionnaire version ${esc(ctx.version)}; response ${esc(ctx.responseId)} by ${esc(ctx.assessor)}, submitted ${esc(ctx.submittedAt)}, review state ${esc(ctx.reviewState)}. <a class="noprint" href="?format=csv">Download the matrix as CSV</a></p>
<h2>Summary</h2>
${narrative(a)}
<h2>Core elements not fully met</h2>
${core}
<h2>Element matrix</h2>
<table><tr><th>element</th><th>article</th><th>obligation</th><th>what the law must do</th><th>status</th><th>national provision</th><th>gap</th><th>recommendation</th><th>priority</th><th>confidence</th></tr>${matrix}</table>
<h2>Clusters</h2>
<table>${row(['cluster', 'band', 'elements', 'confirmed score', 'provisional score'], true)}${a.clusters.map((c) => row([CLUSTER_LABEL[c.cluster] ?? c.cluster, ...scoreCells(c.score)])).join('')}</table>
${bars}
<h2>Articles</h2>
<table>${row(['article', 'cluster', 'band', 'elements', 'confirmed score', 'provisional score'], true)}${a.articles.map((x) => row([x.article, CLUSTER_LABEL[x.cluster] ?? x.cluster, ...scoreCells(x.score)])).join('')}</table>
<h2>Overall</h2>
<table>${row(['', 'band', 'elements', 'confirmed score', 'provisional score'], true)}${row(['Legal score (mandatory elements)', ...scoreCells(a.legal)])}${row(['Good practice (optional elements)', ...scoreCells(a.goodPractice)])}</table>
<h2>Method</h2>
<p>Each element: fully met 2, partly met 1, not met 0 points; not applicable leaves the count; optional (O: "shall consider", "where appropriate", "may") elements and good practice that no treaty article requires (G, such as a four-year maximum penalty) form a separate good-practice score and never cap a band. A score is points over twice the applicable elements, in whole percent: the confirmed score counts "not determined" as 0, the provisional one leaves it out. Bands: compliant 100%, largely compliant 75% or more, partially compliant 40-74%, non-compliant below 40%. Percentages never outweigh the law's essentials: a core element not met makes its article and cluster non-compliant; a core element not determined leaves them not rated; a core element partly met allows partially compliant at best; and the element that is the offence itself (article 6(1)(a)) caps its article's and cluster's percentage at its own (partly met 50%, not met 0%), so accessories (attempt, participation, aggravation) cannot outweigh a missing offence. The report compares no country with another.</p>
<h2>Practice indicators</h2>
${practice}
${comparable ? `<h2>Comparability with other versions</h2><ul>${comparable}</ul>` : ''}`,
  );
}

export function reportCsv(a: Assessment, ctx: Pick<ReportContext, 'country' | 'version' | 'snapshotDate'>): string {
  const header = [
    'country',
    'version',
    'snapshot_date',
    'element',
    'article',
    'cluster',
    'obligation',
    'core',
    'status',
    'points',
    'provision',
    'evidence',
    'gap',
    'recommendation',
    'priority',
    'confidence',
    'na_reason',
  ];
  return stringify([
    header,
    // Provisions, evidence and recommendations are typed by assessors: masked like dataset cells.
    ...a.elements.map((r) =>
      [
        ctx.country,
        ctx.version,
        ctx.snapshotDate,
        r.e.id,
        r.e.article,
        r.e.cluster,
        r.e.obligation,
        r.e.core ? 'yes' : 'no',
        r.status,
        r.points ?? '',
        r.provision,
        r.evidence,
        r.gap,
        r.recommendation,
        r.priority,
        r.confidence,
        r.naReason,
      ].map((cell) => maskFormula(String(cell ?? ''))),
    ),
  ]);
}

/** Countries x articles, one cell per article score with its percentage and band written in it. */
export function heatmapSvg(
  title: string,
  articles: string[],
  countries: Array<{ country: string; version: string; scores: Map<string, Score> }>,
): string {
  const cellW = 64;
  const cellH = 30;
  const left = 70;
  const top = 110;
  const width = Math.max(left + articles.length * cellW + 10, left + 6 * 150);
  const height = top + countries.length * cellH + 60;
  const pattern = `<defs><pattern id="nd" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2" height="6" fill="#000" fill-opacity=".35"/></pattern></defs>`;
  const heads = articles
    .map(
      (a, i) =>
        `<text x="${left + i * cellW + cellW / 2}" y="${top - 8}" font-size="11" text-anchor="start" transform="rotate(-50 ${left + i * cellW + cellW / 2} ${top - 8})">${esc(a)}</text>`,
    )
    .join('');
  const rows = countries
    .map((c, r) => {
      const y = top + r * cellH;
      const cells = articles
        .map((a, i) => {
          const s = c.scores.get(a);
          const x = left + i * cellW;
          if (!s)
            return `<rect x="${x}" y="${y}" width="${cellW - 2}" height="${cellH - 2}" fill="#fff" stroke="#ccc"/><text x="${x + cellW / 2}" y="${y + 18}" font-size="10" text-anchor="middle" fill="#555">not asked</text>`;
          const dark = s.band === 'compliant' || s.band === 'non';
          const label = s.confirmed.percent === null ? 'N/A' : `${Math.round(s.confirmed.percent)}% ${BAND_SHORT[s.band]}`;
          return `<rect x="${x}" y="${y}" width="${cellW - 2}" height="${cellH - 2}" fill="${BAND_COLOR[s.band]}"><title>${esc(`${c.country} ${a}: ${scoreText(s.confirmed)}, ${BAND_LABEL[s.band]}`)}</title></rect>${s.hatched ? `<rect x="${x}" y="${y}" width="${cellW - 2}" height="${cellH - 2}" fill="url(#nd)"/>` : ''}<text x="${x + cellW / 2}" y="${y + 18}" font-size="11" text-anchor="middle" fill="${dark ? '#fff' : '#000'}">${esc(label)}</text>`;
        })
        .join('');
      return `<text x="${left - 6}" y="${y + 18}" font-size="12" text-anchor="end">${esc(c.country)}</text>${cells}`;
    })
    .join('');
  const legendY = top + countries.length * cellH + 20;
  const legend = (['compliant', 'largely', 'partially', 'non', 'unrated', 'na'] as Band[])
    .map(
      (b, i) =>
        `<rect x="${left + i * 150}" y="${legendY}" width="14" height="14" fill="${BAND_COLOR[b]}"/><text x="${left + i * 150 + 18}" y="${legendY + 12}" font-size="11">${BAND_SHORT[b]}: ${BAND_LABEL[b]}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${pattern}<title>${esc(title)}</title><text x="0" y="16" font-size="14" font-weight="600">${esc(title)}</text><text x="0" y="34" font-size="12" font-weight="600" fill="#D55E00">Internal coordination only: it ranks countries, which the UNTOC review mechanism avoids. Never share it or put it in a report.</text>${heads}${rows}${legend}<text x="${left}" y="${legendY + 34}" font-size="10" fill="#333">Hatched: 25% or more of the elements not determined. Confirmed scores; bands follow the rules of the country report (a core element not met: NC; not determined: NR; partly met: PC at best).</text></svg>`;
}
