// GET .../export: the dataset bundle of a questionnaire as a streamed zip.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Deps } from '../deps';
import { profiles } from '../datasets/columns';
import { exportDataset } from '../datasets/request';
import { reviewStates } from '../vocabulary';
import { actorOf } from './auth';
import type { AppEnv } from './env';
import { zodTo400 } from './problem';
import { countryCode, errorReplies, QuestionnaireParams } from './schemas';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const list = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(item));

export const ExportQuery = z.object({
  profile: z
    .enum(profiles)
    .default('public')
    .openapi({ description: 'full (admins, coordinators), pseudonymized, public (researchers: public only)' }),
  labels: flag.optional().openapi({ description: 'Choice labels instead of codes' }),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/)
    .optional()
    .openapi({ description: 'Language of labels' }),
  split: flag.optional().openapi({ description: 'Multiple choice as one 0/1 column per choice' }),
  bom: flag.optional().openapi({ description: 'UTF-8 byte order mark (default true, for Excel)' }),
  mask: flag.optional().openapi({ description: 'Mask cells starting with = + - @ (default true)' }),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  reviewState: list(z.enum(reviewStates)).optional().openapi({ description: 'Comma-separated review states' }),
  country: list(countryCode).optional(),
  version: list(z.string().max(64)).optional(),
  k: z.coerce.number().int().min(2).max(100).optional(),
  l: z.coerce.number().int().min(1).max(20).optional(),
  maxGlobalRisk: z.coerce.number().min(0).max(1).optional(),
  maxIndividualRisk: z.coerce.number().min(0).max(1).optional(),
});

const route = createRoute({
  method: 'get',
  path: '/questionnaires/{questionnaireId}/export',
  tags: ['Datasets'],
  summary: 'Dataset bundle (zip): CSVs, codebook, manifest, loading scripts, disclosure-risk report',
  description:
    'Streams a zip. The public profile runs disclosure control first and answers 422 disclosure_risk, naming the failures, when the data cannot meet k, l and risk thresholds. ' +
    'The manifest (last file) holds row counts and SHA-256 of every file: a download without it is truncated.',
  request: { params: QuestionnaireParams, query: ExportQuery },
  responses: {
    200: { description: 'application/zip' },
    ...errorReplies('not_found', 'policy_loosened', 'disclosure_risk', 'export_too_large'),
  },
});

export function datasetRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: zodTo400 });
  app.openapi(route, async (c) => {
    const { questionnaireId } = c.req.valid('param');
    const q = c.req.valid('query');
    const download = await exportDataset(deps, actorOf(c), questionnaireId, {
      profile: q.profile,
      labels: q.labels,
      lang: q.lang,
      splitMultiple: q.split,
      bom: q.bom,
      maskFormulas: q.mask,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      reviewStates: q.reviewState,
      countries: q.country,
      versions: q.version,
      k: q.k,
      l: q.l,
      maxGlobalRisk: q.maxGlobalRisk,
      maxIndividualRisk: q.maxIndividualRisk,
    });
    return c.body(download.stream, 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${download.fileName}"`,
      'X-Periplus-Rows': String(download.rows),
      'Cache-Control': 'no-store',
    });
  });
  return app;
}
