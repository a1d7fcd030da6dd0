// The country report of a gap analysis: a printable page (a bar per cluster, the element matrix
// with provisions, gaps and recommendations, core elements not met, practice indicators apart),
// the same matrix as CSV, and the cross-country heatmap for coordinators.
import { stringify } from 'csv-stringify/sync';
import { maskFormula } from '../datasets/csv-cells';
import { barChart, esc, page, row } from '../reports/html';
import { BAND_LABEL, scoreText, type Assessment, type Band, type Score } from './scoring';
import type { Comparability } from './comparability';

/** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies; text always says the band too. */
export const BAND_COLOR: Record<Band, string> = {
  compliant: '#0072B2',
  largely: '#56B4E9',
  partially: '#E69F00',
  non: '#D55E00',
  na: '#BBBBBB',
};
const BAND_SHORT: Record<Band, string> = { compliant: 'C', largely: 'LC', partially: 'PC', non: 'NC', na: 'N/A' };
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

const scoreCells = (s: Score) => [
  scoreText(s.confirmed),
  scoreText(s.provisional),
  `${BAND_LABEL[s.band]}${s.uncapped ? ` (capped from ${BAND_LABEL[s.uncapped]})` : ''}${s.hatched ? '; 25%+ not determined' : ''}`,
];

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
  const core = a.coreNotMet.length
    ? `<ul>${a.coreNotMet.map((r) => `<li>${esc(r.e.id)} (${esc(r.e.article)}): ${esc(r.e.title.replace(/^[^:]*:\s*/, ''))}</li>`).join('')}</ul>`
    : '<p>None.</p>';
  const practice = ctx.practice
    ? `<p class="muted">Institutional assessment version ${esc(ctx.practice.version)}, counts for ${esc(ctx.practice.year)}. Reported apart: never averaged into the legal score.</p><table>${row(['actor', 'yes', 'partly', 'no', 'not determined', 'yearly counts'], true)}${ctx.practice.actors.map((p) => `<tr><td>${esc(p.actor)}</td><td class="num">${p.yes}</td><td class="num">${p.partly}</td><td class="num">${p.no}</td><td class="num">${p.nd}</td><td>${p.counts.map((c) => `${esc(c.indicator)}: ${c.value}`).join('<br>')}</td></tr>`).join('')}</table>`
    : '<p class="muted">No institutional assessment submitted for this country.</p>';
  const comparable = (ctx.comparability ?? [])
    .map(
      (c) =>
        `<li>Version ${esc(c.version)}: ${c.result.comparable.length} elements comparable${c.result.changed.length ? `; changed: ${esc(c.result.changed.join(', '))}` : ''}${c.result.onlyInFirst.length ? `; only in this version: ${esc(c.result.onlyInFirst.join(', '))}` : ''}${c.result.onlyInSecond.length ? `; only in version ${esc(c.version)}: ${esc(c.result.onlyInSecond.join(', '))}` : ''}</li>`,
    )
    .join('');
  return page(
    `Gap analysis: ${ctx.country}`,
    `<h1>${esc(ctx.questionnaireTitle)}: ${esc(ctx.country)}</h1>
<p>Legal snapshot: <strong>${esc(ctx.snapshotDate || 'not dated')}</strong>. Questionnaire version ${esc(ctx.version)}; response ${esc(ctx.responseId)} by ${esc(ctx.assessor)}, submitted ${esc(ctx.submittedAt)}, review state ${esc(ctx.reviewState)}. <a class="noprint" href="?format=csv">Download the matrix as CSV</a></p>
<p>Scoring: fully met 2, partly met 1, not met 0 points; not applicable leaves the count; optional ("shall consider", "may") elements form a separate good-practice score. Confirmed scores count "not determined" as 0, provisional ones leave it out. Bands: compliant 100%, largely compliant 75% or more, partially compliant 40-74%, non-compliant below 40%. A core element not met caps its article and cluster at partially compliant.</p>
<h2>Overall</h2>
<table>${row(['', 'confirmed', 'provisional', 'band'], true)}${row(['Legal score (mandatory elements)', ...scoreCells(a.legal)])}${row(['Good practice (optional elements)', ...scoreCells(a.goodPractice)])}</table>
<h2>Clusters</h2>
${bars}
<table>${row(['cluster', 'confirmed', 'provisional', 'band', 'fully / partly / not / n.a. / not determined'], true)}${a.clusters.map((c) => row([CLUSTER_LABEL[c.cluster] ?? c.cluster, ...scoreCells(c.score), `${c.score.counts.fully} / ${c.score.counts.partly} / ${c.score.counts.not} / ${c.score.counts.na} / ${c.score.counts.nd}`])).join('')}</table>
<h2>Articles</h2>
<table>${row(['article', 'cluster', 'confirmed', 'provisional', 'band'], true)}${a.articles.map((x) => row([x.article, CLUSTER_LABEL[x.cluster] ?? x.cluster, ...scoreCells(x.score)])).join('')}</table>
<h2>Core elements not met</h2>
${core}
<h2>Element matrix</h2>
<table><tr><th>element</th><th>article</th><th>type</th><th>obligation</th><th>status</th><th>national provision</th><th>gap</th><th>recommendation</th><th>priority</th><th>confidence</th></tr>${matrix}</table>
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
  const width = left + articles.length * cellW + 10;
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
  const legend = (['compliant', 'largely', 'partially', 'non', 'na'] as Band[])
    .map(
      (b, i) =>
        `<rect x="${left + i * 150}" y="${legendY}" width="14" height="14" fill="${BAND_COLOR[b]}"/><text x="${left + i * 150 + 18}" y="${legendY + 12}" font-size="11">${BAND_SHORT[b]}: ${BAND_LABEL[b]}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${pattern}<title>${esc(title)}</title><text x="0" y="16" font-size="14" font-weight="600">${esc(title)}</text>${heads}${rows}${legend}<text x="${left}" y="${legendY + 34}" font-size="10" fill="#333">Hatched: 25% or more of the elements not determined. Confirmed scores; a core element not met caps at PC.</text></svg>`;
}
