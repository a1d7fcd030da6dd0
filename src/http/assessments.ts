// Gap-analysis reports (HTML for print, CSV, JSON), the cross-country heatmap (SVG), agreement
// between two assessors, and the fieldwork dashboard with its targets.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Deps } from '../deps';
import {
  assessorAgreement,
  countryReport,
  fieldwork,
  fieldworkHtml,
  heatmap,
  renderReport,
  setFieldworkTargets,
} from '../assessments/service';
import { actorOf, principalOf } from './auth';
import type { AppEnv } from './env';
import { zodTo400 } from './problem';
import { countryCode, BODY, errorReplies, InstanceParams, jsonBody, jsonReply, QuestionnaireParams } from './schemas';

const tags = ['Assessments and fieldwork'];
const anyJson = z.record(z.string(), z.unknown());
const format = (values: readonly [string, ...string[]], fallback: string) => z.object({ format: z.enum(values).default(fallback) });

const report = createRoute({
  method: 'get',
  path: '/responses/{instanceId}/report',
  tags,
  summary: 'Gap-analysis country report of one assessment: printable HTML, CSV matrix or JSON scores',
  request: { params: InstanceParams, query: format(['html', 'csv', 'json'], 'html') },
  responses: { 200: { description: 'text/html, text/csv or application/json' }, ...errorReplies('not_found', 'not_an_assessment') },
});
const heat = createRoute({
  method: 'get',
  path: '/questionnaires/{questionnaireId}/heatmap',
  tags,
  summary: 'Countries x articles: the newest assessment of each country, as SVG (colour-blind-safe, labelled cells) or JSON',
  description:
    'It ranks countries against each other, which the UNTOC review mechanism avoids: for internal coordination only, never in a shared report. Asked for deliberately: without purpose=internal-coordination it is a 400.',
  request: {
    params: QuestionnaireParams,
    query: format(['svg', 'json'], 'svg').extend({
      purpose: z.literal('internal-coordination').openapi({ description: 'Required: the heatmap is for internal coordination only' }),
    }),
  },
  responses: { 200: { description: 'image/svg+xml or application/json' }, ...errorReplies('not_found') },
});
const agree = createRoute({
  method: 'get',
  path: '/questionnaires/{questionnaireId}/agreement',
  tags,
  summary: 'Agreement of two assessments of one country: weighted kappa and the elements they differ on',
  request: { params: QuestionnaireParams, query: z.object({ a: z.uuid(), b: z.uuid() }) },
  responses: {
    200: jsonReply(anyJson, 'Kappa, observed agreement, differences'),
    ...errorReplies('not_found', 'not_an_assessment', 'not_comparable'),
  },
});
const dashboard = createRoute({
  method: 'get',
  path: '/questionnaires/{questionnaireId}/fieldwork',
  tags,
  summary: 'Fieldwork dashboard: interviews per day, site and enumerator, refusals, progress to targets (HTML with SVG charts, or JSON)',
  request: { params: QuestionnaireParams, query: format(['html', 'json'], 'html') },
  responses: { 200: { description: 'text/html or application/json' }, ...errorReplies('not_found') },
});
const TargetsBody = z.object({
  targets: z
    .array(z.object({ country: countryCode, site: z.string().max(100).default(''), target: z.number().int().min(1).max(1_000_000) }))
    .min(1)
    .max(500),
});
const setTargets = createRoute({
  method: 'put',
  path: '/questionnaires/{questionnaireId}/fieldwork/targets',
  tags,
  summary: 'Set interview targets per country (and site)',
  request: { params: QuestionnaireParams, body: jsonBody(TargetsBody) },
  responses: { 200: jsonReply(anyJson, 'Targets set'), ...errorReplies(...BODY, 'not_found') },
});

/**
 * Server-rendered reports, dashboards and charts: inline styles and SVG, never a script, a
 * frame or a form (answers typed by assessors are escaped, and this says so to the browser too).
 */
const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const rendered = { 'Content-Security-Policy': REPORT_CSP, 'Cache-Control': 'no-store' };

export function assessmentRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: zodTo400 });

  app.openapi(report, async (c) => {
    const { instanceId } = c.req.valid('param');
    const { format: f } = c.req.valid('query');
    const r = await countryReport(deps, principalOf(c), instanceId.toLowerCase());
    if (f === 'json') return c.json({ ...r.assessment, context: r.context }, 200);
    if (f === 'csv')
      return c.body(renderReport.csv(r), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="gap-analysis-${r.context.country}-${r.context.version}.csv"`,
        'Cache-Control': 'no-store',
      });
    return c.html(renderReport.html(r), 200, rendered);
  });

  app.openapi(heat, async (c) => {
    const { questionnaireId } = c.req.valid('param');
    const h = await heatmap(deps, principalOf(c), questionnaireId);
    if (c.req.valid('query').format === 'json') return c.json({ countries: h.countries }, 200);
    return c.body(h.svg, 200, { 'content-type': 'image/svg+xml; charset=utf-8', ...rendered });
  });

  app.openapi(agree, async (c) => {
    const { a, b } = c.req.valid('query');
    return c.json(await assessorAgreement(deps, principalOf(c), a.toLowerCase(), b.toLowerCase()), 200);
  });

  app.openapi(dashboard, async (c) => {
    const { questionnaireId } = c.req.valid('param');
    const f = await fieldwork(deps, principalOf(c), questionnaireId);
    if (c.req.valid('query').format === 'json') return c.json(f, 200);
    return c.html(fieldworkHtml(f, f.title), 200, rendered);
  });

  app.openapi(setTargets, async (c) => {
    const { questionnaireId } = c.req.valid('param');
    const { targets } = c.req.valid('json');
    await setFieldworkTargets(deps, actorOf(c), questionnaireId, targets);
    return c.json({ questionnaireId, targets }, 200);
  });

  return app;
}
