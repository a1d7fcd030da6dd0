// Gap-analysis reports, the cross-country heatmap, assessor agreement and the fieldwork
// dashboard, read from stored responses within the principal's scope.
import { ALL, inCountries, type Actor, type Principal } from '../access/principal';
import type { Deps } from '../deps';
import { AppError, forbidden, notFound } from '../errors';
import { columnChart, barChart, esc, page, row } from '../reports/html';
import { scopeCondition, visibleOr404 } from '../responses/scope';
import { auditStatement } from '../storage/audit';
import { flaggedInterviews, interviewTallies, listTargets, refusalTallies, upsertTargetStatement } from '../storage/fieldwork';
import { findQuestionnaire, findVersionById, listVersions } from '../storage/questionnaires';
import { findResponse, listReportable, type StoredResponse } from '../storage/responses';
import { agreement, type Agreement } from './agreement';
import { comparability, removedElements } from './comparability';
import { heatmapSvg, reportCsv, reportHtml, type PracticeSummary, type ReportContext } from './report';
import { assess, elementsOf, type Assessment, type Score } from './scoring';
import { parsedDefinition, perVersion } from '../questionnaires/version-cache';
import { findToken } from '../storage/sessions';
import { findUser } from '../storage/users';

type ReportDeps = Pick<Deps, 'db'>;
type Json = Record<string, unknown>;

const gapElements = perVersion('gap-analysis elements', elementsOf);

/** A stored response's version: its definition and scored elements, derived once per version. */
async function versionOf(deps: ReportDeps, versionId: string) {
  const row = await findVersionById(deps.db, versionId);
  if (!row) throw new Error(`version ${versionId} missing`);
  return { json: parsedDefinition(row), elements: gapElements(row) };
}

async function gapResponse(
  deps: ReportDeps,
  p: Principal,
  instanceId: string,
): Promise<{ r: StoredResponse; elements: ReturnType<typeof elementsOf>; json: Json }> {
  const r = visibleOr404(p, await findResponse(deps.db, instanceId), `Response ${instanceId}`);
  const v = await versionOf(deps, r.versionId);
  if (!v.elements.length)
    throw new AppError(
      'not_an_assessment',
      `Questionnaire '${r.questionnaireId}' has no scored elements (elementId): there is no gap-analysis report for it.`,
    );
  return { r, ...v };
}

/** Submitted, not rejected responses of a questionnaire within scope, newest first. */
function submitted(deps: ReportDeps, p: Principal, questionnaireId: string, country?: string) {
  return listReportable(deps.db, questionnaireId, scopeCondition(p), country);
}

function practiceOf(definition: Json, data: Json): PracticeSummary[] {
  const byActor = new Map<string, PracticeSummary>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Json;
      if (typeof o.practiceIndicator === 'string' && typeof o.name === 'string') {
        const s = byActor.get(o.practiceIndicator) ?? {
          actor: o.practiceIndicator,
          yes: 0,
          partly: 0,
          no: 0,
          nd: 0,
          counts: [],
          shortfalls: [],
        };
        const v = data[o.name];
        if (v === 'yes' || v === 'partly' || v === 'no') s[v]++;
        else s.nd++;
        const legal = Array.isArray(o.legalElements) ? o.legalElements.filter((x): x is string => typeof x === 'string') : [];
        if ((v === 'partly' || v === 'no') && legal.length) s.shortfalls.push({ indicator: o.name, answer: v, elements: legal });
        // Version 1 asked one count (`<item>_count`); version 2 several (`<item>_count_<breakdown>`).
        for (const [key, count] of Object.entries(data))
          if ((key === `${o.name}_count` || key.startsWith(`${o.name}_count_`)) && typeof count === 'number')
            s.counts.push({ indicator: key === `${o.name}_count` ? o.name : key, value: count });
        byActor.set(o.practiceIndicator, s);
      }
      for (const key of ['pages', 'elements']) if (key in o) walk(o[key]);
    }
  };
  walk(definition);
  return [...byActor.values()];
}

export interface Report {
  assessment: Assessment;
  context: ReportContext;
}

export async function countryReport(deps: ReportDeps, p: Principal, instanceId: string): Promise<Report> {
  const { r, elements, json } = await gapResponse(deps, p, instanceId);
  const data = JSON.parse(r.data) as Json;
  const context: ReportContext = {
    questionnaireTitle: (await findQuestionnaire(deps.db, r.questionnaireId))?.title ?? r.questionnaireId,
    country: r.country,
    version: r.version,
    responseId: r.instanceId,
    assessor: r.submittedBy,
    reviewState: r.reviewState,
    snapshotDate: typeof data.snapshot_date === 'string' ? data.snapshot_date : '',
    submittedAt: r.submittedAt?.toISOString() ?? '(draft)',
  };
  const practiceId = typeof json.practiceQuestionnaire === 'string' ? json.practiceQuestionnaire : undefined;
  if (practiceId) {
    const latest = (await submitted(deps, p, practiceId, r.country))[0];
    if (latest) {
      const pdata = JSON.parse(latest.data) as Json;
      context.practice = {
        version: latest.version,
        year: String(pdata.reference_year ?? ''),
        actors: practiceOf((await versionOf(deps, latest.versionId)).json, pdata),
      };
    }
  }
  const others = (await listVersions(deps.db, r.questionnaireId)).filter((v) => v.id !== r.versionId);
  context.comparability = [];
  for (const v of others) {
    const removed = { ...removedElements(json), ...removedElements(parsedDefinition(v)) };
    context.comparability.push({ version: v.version, result: comparability(elements, gapElements(v), removed) });
  }
  return { assessment: assess(elements, data), context };
}

export const renderReport = {
  html: (r: Report) => reportHtml(r.assessment, r.context),
  csv: (r: Report) => reportCsv(r.assessment, r.context),
};

/** The newest assessment of each country, scored per article. */
export async function heatmap(
  deps: ReportDeps,
  p: Principal,
  questionnaireId: string,
): Promise<{ svg: string; countries: Array<{ country: string; instanceId: string; version: string; articles: Record<string, Score> }> }> {
  const q = await findQuestionnaire(deps.db, questionnaireId);
  if (!q) throw notFound(`Questionnaire '${questionnaireId}'`);
  const seen = new Set<string>();
  const rows: Array<{ country: string; instanceId: string; version: string; scores: Map<string, Score> }> = [];
  const articles: string[] = [];
  for (const r of await submitted(deps, p, questionnaireId)) {
    if (seen.has(r.country)) continue;
    seen.add(r.country);
    const { elements } = await versionOf(deps, r.versionId);
    const a = assess(elements, JSON.parse(r.data) as Json);
    for (const x of a.articles) if (!articles.includes(x.article)) articles.push(x.article);
    rows.push({
      country: r.country,
      instanceId: r.instanceId,
      version: r.version,
      scores: new Map(a.articles.map((x) => [x.article, x.score])),
    });
  }
  rows.sort((a, b) => a.country.localeCompare(b.country));
  return {
    svg: heatmapSvg(`${q.title}: confirmed score per article`, articles, rows),
    countries: rows.map((r) => ({
      country: r.country,
      instanceId: r.instanceId,
      version: r.version,
      articles: Object.fromEntries(r.scores),
    })),
  };
}

export async function assessorAgreement(
  deps: ReportDeps,
  p: Principal,
  a: string,
  b: string,
): Promise<Agreement & { country: string; comparable: number }> {
  const first = await gapResponse(deps, p, a);
  const second = await gapResponse(deps, p, b);
  if (first.r.questionnaireId !== second.r.questionnaireId || first.r.country !== second.r.country)
    throw new AppError('not_comparable', 'Agreement is measured between two assessments of the same questionnaire and country.', [
      { path: 'query.b', type: 'not_comparable', message: 'a different questionnaire or country' },
    ]);
  // Only elements both versions ask in the same way are compared.
  const c = comparability(first.elements, second.elements);
  const shared = first.elements.filter((e) => c.comparable.includes(e.id));
  return {
    country: first.r.country,
    comparable: shared.length,
    ...agreement(shared, JSON.parse(first.r.data) as Json, JSON.parse(second.r.data) as Json),
  };
}

export interface Fieldwork {
  questionnaireId: string;
  title: string;
  perDay: Array<{ key: string; n: number }>;
  perSite: Array<{ key: string; n: number }>;
  /** name: the enumerator's display name, or the device's name (the key is the actor id). */
  perCollector: Array<{ key: string; n: number; name: string }>;
  /** childReferrals: stops at which the child-protection referral was shown. */
  refusals: { total: number; byReason: Record<string, number>; bySite: Record<string, number>; childReferrals: number };
  /** Interviews paused for the respondent's distress: submitted, and stopped (screening or withdrawal). */
  distress: { interviews: number; stopped: number };
  /** Submitted interviews the respondent stopped, the answers given so far kept with their consent. */
  withdrawnKept: number;
  targets: Array<{ country: string; site: string; target: number; done: number; percent: number }>;
}

/** `user:<id>` -> the person's display name; `device:<id>` -> the device's name; else the key itself. */
async function collectorName(deps: Pick<Deps, 'db'>, key: string): Promise<string> {
  const [kind, id] = key.split(':', 2);
  if (kind === 'user' && id) return (await findUser(deps.db, id))?.displayName ?? key;
  if (kind === 'device' && id) return (await findToken(deps.db, id))?.name ?? key;
  return key;
}

export async function fieldwork(deps: ReportDeps, p: Principal, questionnaireId: string): Promise<Fieldwork> {
  const q = await findQuestionnaire(deps.db, questionnaireId);
  if (!q) throw notFound(`Questionnaire '${questionnaireId}'`);
  const scope = scopeCondition(p);
  const countries = p.countries === ALL ? '*' : p.countries;
  const [perDay, perSite, perCollector, perCountry, refusals, targets, flagged] = await Promise.all([
    interviewTallies(deps.db, questionnaireId, 'day', scope),
    interviewTallies(deps.db, questionnaireId, 'site', scope),
    interviewTallies(deps.db, questionnaireId, 'collector', scope),
    interviewTallies(deps.db, questionnaireId, 'country', scope),
    refusalTallies(deps.db, questionnaireId, countries),
    listTargets(deps.db, questionnaireId, countries),
    flaggedInterviews(deps.db, questionnaireId, scope),
  ]);
  // Enumerators and devices by the names people know them by, not their ids.
  const names = await Promise.all(perCollector.map((c) => collectorName(deps, c.key)));
  const byReason: Record<string, number> = {};
  const bySite: Record<string, number> = {};
  for (const r of refusals) {
    byReason[r.reason] = (byReason[r.reason] ?? 0) + r.n;
    bySite[r.site] = (bySite[r.site] ?? 0) + r.n;
  }
  const done = (country: string, site: string) =>
    (site ? perSite.find((s) => s.key === `${country} / ${site}`)?.n : perCountry.find((s) => s.key === country)?.n) ?? 0;
  return {
    questionnaireId,
    title: q.title,
    perDay,
    perSite,
    perCollector: perCollector.map((c, i) => ({ ...c, name: names[i]! })),
    refusals: {
      total: refusals.reduce((s, r) => s + r.n, 0),
      byReason,
      bySite,
      childReferrals: refusals.reduce((s, r) => s + r.childReferrals, 0),
    },
    distress: { interviews: flagged.distress, stopped: refusals.reduce((s, r) => s + r.distressed, 0) },
    withdrawnKept: flagged.withdrawn,
    targets: targets.map((t) => {
      const n = done(t.country, t.site);
      return { country: t.country, site: t.site, target: t.target, done: n, percent: Math.round((n / t.target) * 1000) / 10 };
    }),
  };
}

export function fieldworkHtml(f: Fieldwork, title: string): string {
  const total = f.perSite.reduce((s, x) => s + x.n, 0);
  return page(
    `Fieldwork: ${title}`,
    `<h1>Fieldwork: ${esc(title)}</h1>
<p>${total} interviews submitted, of which ${f.withdrawnKept} stopped by the respondent with the answers given so far kept; ${f.refusals.total} stopped at screening or by the respondent (only counted, nothing kept). Paused for the respondent's distress: ${f.distress.interviews} submitted, ${f.distress.stopped} stopped.</p>
${columnChart(
  'Interviews per day',
  f.perDay.map((d) => ({ label: d.key, value: d.n })),
)}
${barChart(
  'Interviews per site',
  f.perSite.map((s) => ({ label: s.key, value: s.n })),
)}
${barChart(
  'Interviews per enumerator or device',
  f.perCollector.map((s) => ({ label: s.name, value: s.n })),
)}
${barChart(
  'Stopped at screening, by reason',
  Object.entries(f.refusals.byReason).map(([k, n]) => ({ label: k, value: n, color: '#E69F00' })),
)}
${
  f.targets.length
    ? barChart(
        'Progress to targets (%)',
        f.targets.map((t) => ({
          label: `${t.country}${t.site ? ` / ${t.site}` : ''}`,
          value: Math.min(100, t.percent),
          text: `${t.done} of ${t.target} (${t.percent}%)`,
          color: t.percent >= 100 ? '#009E73' : '#0072B2',
        })),
        { max: 100 },
      )
    : '<p class="muted">No targets set (PUT .../fieldwork/targets).</p>'
}
<h2>Refusals per site</h2><table>${row(['site', 'refusals'], true)}${Object.entries(f.refusals.bySite)
      .map(([k, n]) => row([k, n]))
      .join('')}</table>`,
  );
}

export interface FieldworkTarget {
  country: string;
  site: string;
  target: number;
}

/** Sets interview targets per country and site, within the principal's countries, audited in the same batch. */
export async function setFieldworkTargets(
  deps: Pick<Deps, 'db' | 'atomic' | 'clock'>,
  { principal: p, requestId }: Actor,
  questionnaireId: string,
  targets: FieldworkTarget[],
): Promise<void> {
  if (!(await findQuestionnaire(deps.db, questionnaireId))) throw notFound(`Questionnaire '${questionnaireId}'`);
  const outside = targets.filter((t) => !inCountries(p, t.country));
  if (outside.length) throw forbidden(`Countries outside your scope: ${outside.map((t) => t.country).join(', ')}.`);
  const at = deps.clock.now();
  await deps.atomic((db) => [
    ...targets.map((t) =>
      upsertTargetStatement(db, { questionnaireId, country: t.country, site: t.site, target: t.target, updatedAt: at, updatedBy: p.actor }),
    ),
    auditStatement(db, {
      at,
      actor: p.actor,
      action: 'fieldwork.targets',
      targetType: 'questionnaire',
      targetId: questionnaireId,
      requestId,
      details: { targets },
    }),
  ]);
}
