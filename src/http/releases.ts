// Anonymized releases over HTTP: compute one (coordinators, admins), list and read them, approve
// or discard, and download an approved bundle (researchers too). The rules live in
// datasets/releases.ts; this file parses, calls and shapes the reply.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Deps } from '../deps';
import { createRelease, decideRelease, downloadRelease, releaseFor, releasesFor } from '../datasets/releases';
import type { ReleaseSummary } from '../datasets/releases';
import { reviewStates } from '../vocabulary';
import { principalOf } from './auth';
import type { AppEnv } from './env';
import { zodTo400 } from './problem';
import { countryCode, BODY, errorReplies, jsonBody, jsonReply, QuestionnaireParams } from './schemas';

const ReleaseParams = z.object({
  releaseId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'releaseId', in: 'path' } }),
});

const threshold = (description: string) => z.number().min(0).max(1).optional().openapi({ description });
const ReleaseBody = z
  .strictObject({
    countries: z
      .array(countryCode)
      .max(250)
      .optional()
      .openapi({ description: 'Countries to include (within your scope); all of yours by default' }),
    versions: z.array(z.string().max(64)).max(100).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    reviewStates: z.array(z.enum(reviewStates)).optional(),
    k: z.number().int().min(2).max(100).optional().openapi({ description: "At least the questionnaire's k" }),
    l: z.number().int().min(1).max(20).optional().openapi({ description: "At least the questionnaire's l" }),
    maxGlobalRisk: threshold("At most the questionnaire's global risk"),
    maxIndividualRisk: threshold("At most the questionnaire's individual risk"),
    note: z.string().max(2000).optional(),
  })
  .openapi('ReleaseRequest');

const Decision = z.strictObject({ note: z.string().max(2000).optional() }).openapi('ReleaseDecision');

const Release = z
  .object({
    id: z.string(),
    questionnaireId: z.string(),
    number: z.number().int(),
    state: z.enum(['pending', 'approved', 'discarded']),
    countries: z.array(z.string()),
    records: z.number().int(),
    parameters: z.record(z.string(), z.unknown()),
    snapshotHash: z.string(),
    bundle: z.object({ sha256: z.string(), bytes: z.number().int() }),
    report: z.record(z.string(), z.unknown()),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    decidedBy: z.string().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    note: z.string().nullable(),
  })
  .openapi('Release');

function releaseReply(r: ReleaseSummary) {
  return {
    id: r.id,
    questionnaireId: r.questionnaireId,
    number: r.seq,
    state: r.state,
    countries: r.countries,
    records: r.records,
    parameters: r.parameters,
    snapshotHash: r.snapshotHash,
    bundle: { sha256: r.bundleSha256, bytes: r.bundleBytes },
    report: r.report,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    note: r.note,
  };
}

const create = createRoute({
  method: 'post',
  path: '/questionnaires/{questionnaireId}/releases',
  tags: ['Datasets'],
  summary: 'Compute an anonymized release for review (coordinators, admins)',
  description:
    "Runs the questionnaire's disclosure policy (thresholds may be made stricter, never looser: 403 policy_loosened) on a snapshot of its responses, " +
    'keeping every record an approved release published before to what it published, and stores the bundle as pending. ' +
    '422 disclosure_risk when the data cannot meet the policy; 409 release_pending while another release of the questionnaire awaits review.',
  request: { params: QuestionnaireParams, body: jsonBody(ReleaseBody) },
  responses: {
    201: jsonReply(Release, 'The pending release with its risk report'),
    ...errorReplies(
      ...BODY,
      'not_found',
      'policy_loosened',
      'release_pending',
      'not_releasable',
      'nothing_to_release',
      'disclosure_risk',
      'export_too_large',
    ),
  },
});

const list = createRoute({
  method: 'get',
  path: '/questionnaires/{questionnaireId}/releases',
  tags: ['Datasets'],
  summary: 'Releases of a questionnaire (researchers: approved ones within their countries)',
  request: { params: QuestionnaireParams },
  responses: { 200: jsonReply(z.object({ items: z.array(Release) }), 'Newest first'), ...errorReplies('not_found') },
});

const detail = createRoute({
  method: 'get',
  path: '/releases/{releaseId}',
  tags: ['Datasets'],
  summary: 'One release: parameters, snapshot hash and risk report',
  request: { params: ReleaseParams },
  responses: { 200: jsonReply(Release, 'The release'), ...errorReplies('not_found') },
});

const decide = (decision: 'approve' | 'discard') =>
  createRoute({
    method: 'post',
    path: `/releases/{releaseId}/${decision}`,
    tags: ['Datasets'],
    summary:
      decision === 'approve' ? 'Approve a pending release: researchers may download it' : 'Discard a pending release: its bundle is erased',
    request: { params: ReleaseParams, body: jsonBody(Decision) },
    responses: { 200: jsonReply(Release, 'The decided release'), ...errorReplies(...BODY, 'not_found', 'release_decided') },
  });

const bundle = createRoute({
  method: 'get',
  path: '/releases/{releaseId}/bundle',
  tags: ['Datasets'],
  summary: 'The release bundle (zip), exactly as reviewed',
  responses: { 200: { description: 'application/zip' }, ...errorReplies('not_found', 'release_discarded') },
  request: { params: ReleaseParams },
});

export function releaseRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: zodTo400 });
  const rdeps = {
    db: deps.db,
    atomic: deps.atomic,
    clock: deps.clock,
    newId: deps.newId,
    anonymizer: deps.anonymizer,
    compression: deps.compression,
    spill: deps.spill,
    pseudonymKey: deps.secrets.pseudonymKey,
    rowLimit: deps.config.exportRowLimit,
  };
  app.openapi(create, async (c) => {
    const b = c.req.valid('json');
    const r = await createRelease(
      rdeps,
      principalOf(c),
      c.req.valid('param').questionnaireId,
      { ...b, from: b.from ? new Date(b.from) : undefined, to: b.to ? new Date(b.to) : undefined },
      c.get('requestId'),
    );
    return c.json(releaseReply(r), 201);
  });
  app.openapi(list, async (c) =>
    c.json({ items: (await releasesFor(deps, principalOf(c), c.req.valid('param').questionnaireId)).map(releaseReply) }, 200),
  );
  app.openapi(detail, async (c) => c.json(releaseReply(await releaseFor(deps, principalOf(c), c.req.valid('param').releaseId)), 200));
  for (const [action, state] of [
    ['approve', 'approved'],
    ['discard', 'discarded'],
  ] as const)
    app.openapi(decide(action), async (c) => {
      const r = await decideRelease(
        deps,
        principalOf(c),
        c.req.valid('param').releaseId,
        state,
        c.req.valid('json').note ?? null,
        c.get('requestId'),
      );
      return c.json(releaseReply(r), 200);
    });
  app.openapi(bundle, async (c) => {
    const { release, bytes, stream } = await downloadRelease(deps, principalOf(c), c.req.valid('param').releaseId, c.get('requestId'));
    return c.body(stream, 200, {
      'Content-Type': 'application/zip',
      'Content-Length': String(bytes),
      'Content-Disposition': `attachment; filename="${release.questionnaireId}-release-${release.seq}.zip"`,
      'Cache-Control': 'no-store',
    });
  });
  return app;
}
