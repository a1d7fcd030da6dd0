// Questionnaire versions by upload (admins and coordinators): a SurveyJS JSON body or an XLSForm
// workbook, published exactly as a file of surveys/ is (lint, frozen by hash, type changes
// refused, added and removed questions listed), or only checked with ?dryRun=true. And any
// published version downloaded as an XLSForm workbook.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Deps } from '../deps';
import { AppError, type ErrorDetail } from '../errors';
import { nextVersionName, publishDefinitions } from '../questionnaires/publish';
import { visibleVersion } from '../access/catalogue';
import { principalOf } from './auth';
import { XLSX_TYPE, ZIP_TYPE } from './middleware';
import { errorReplies, jsonReply, QuestionnaireParams, VersionParams } from './schemas';
import type { AppEnv } from './env';
import { zodTo400 } from './problem';

const UploadQuery = z.object({
  version: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .optional()
    .openapi({
      description: "The new version's name; by default a workbook's own (settings sheet), else the next whole number after the newest",
    }),
  dryRun: z.enum(['true', 'false']).optional().openapi({ description: 'true: check and convert only, publish nothing' }),
});

const Message = z.object({ sheet: z.string(), row: z.number().nullable(), column: z.string().nullable(), message: z.string() });

const UploadReply = z
  .object({
    questionnaireId: z.string(),
    version: z.string(),
    status: z.enum(['published', 'unchanged', 'checked']),
    contentHash: z.string(),
    added: z.array(z.string()),
    removed: z.array(z.string()),
    warnings: z.array(Message),
    validation: z.object({ path: z.enum(['plan', 'model']), reasons: z.array(z.string()) }).optional(),
    definition: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('VersionUpload');

const upload = createRoute({
  method: 'post',
  path: '/questionnaires/{questionnaireId}/versions',
  tags: ['Questionnaires'],
  summary: 'Publish a new version from SurveyJS JSON or an XLSForm workbook (or check it: dryRun)',
  description: `Body: the SurveyJS definition as JSON, the workbook with Content-Type: ${XLSX_TYPE}, or a zip (${ZIP_TYPE}) of the workbook and the CSV lists of its select_one_from_file questions (Node server). Every refusal is 422 invalid_definition with one detail per problem; a workbook's details have path sheet!cell.`,
  request: {
    params: QuestionnaireParams,
    query: UploadQuery,
    body: {
      content: {
        'application/json': { schema: z.record(z.string(), z.unknown()) },
        [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) },
        [ZIP_TYPE]: {
          schema: z
            .string()
            .openapi({ format: 'binary', description: 'One workbook and the CSV lists of its select_one_from_file questions' }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: jsonReply(UploadReply, 'Checked (dryRun) or unchanged'),
    201: jsonReply(UploadReply, 'Published'),
    ...errorReplies('payload_too_large', 'unsupported_media_type', 'unsupported_encoding', 'invalid_definition'),
  },
});

const download = createRoute({
  method: 'get',
  path: '/questionnaires/{questionnaireId}/versions/{version}/xlsform',
  tags: ['Questionnaires'],
  summary: 'One published version as an XLSForm workbook',
  description: 'Every language in its own columns; Periplus properties in named extra columns and on the settings sheet.',
  request: { params: VersionParams },
  responses: {
    200: { description: 'The workbook', content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errorReplies('not_found', 'unsupported_media_type'),
  },
});

const located = (m: { sheet: string; row: number | null; column: string | null; message: string }): ErrorDetail => ({
  path: m.row === null ? m.sheet : `${m.sheet}!${m.column ?? ''}${m.row}`,
  type: 'xlsform',
  message: m.message,
});

const invalid = (message: string, details: ErrorDetail[]) => new AppError('invalid_definition', message, details);

export function versionRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: zodTo400 });

  app.openapi(upload, async (c) => {
    const { questionnaireId } = c.req.valid('param');
    const query = c.req.valid('query');
    const principal = principalOf(c);
    let definition: Record<string, unknown>;
    let warnings: Array<{ sheet: string; row: number | null; column: string | null; message: string }> = [];
    // The version: asked for, else the workbook's own (settings sheet, as ODK Central takes it),
    // else the next whole number.
    let version = query.version;
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (type.startsWith(XLSX_TYPE) || type.startsWith(ZIP_TYPE)) {
      if (!deps.xlsform)
        throw new AppError(
          'unsupported_media_type',
          'This deployment takes SurveyJS JSON only: convert the workbook with `periplus xlsform` and upload the JSON.',
          [{ path: 'content-type', type: 'unsupported', message: 'XLSForm workbooks are read by the Node server' }],
        );
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      try {
        const target = { questionnaireId, ...(version ? { version } : {}) };
        const read = type.startsWith(ZIP_TYPE) ? await deps.xlsform.readBundle(bytes, target) : await deps.xlsform.read(bytes, target);
        ({ definition, warnings } = read);
        if (!version && read.version && /^[A-Za-z0-9._-]{1,64}$/.test(read.version)) version = read.version;
      } catch (e) {
        const m = e as { messages?: Parameters<typeof located>[0][]; warnings?: Parameters<typeof located>[0][] };
        if (!m.messages) throw e;
        throw invalid(`The workbook cannot be converted: ${m.messages.length} problem(s).`, m.messages.map(located));
      }
    } else definition = c.req.valid('json') as Record<string, unknown>;
    version ??= await nextVersionName(deps.db, questionnaireId);
    const dryRun = query.dryRun === 'true';
    const [outcome] = await publishDefinitions(
      deps,
      [{ file: `upload by ${principal.actor}`, questionnaireId, version, json: definition }],
      principal.actor,
      { dryRun },
    );
    if (!outcome || outcome.status === 'refused')
      throw invalid(
        `Version ${version} of ${questionnaireId} cannot be published.`,
        (outcome?.problems ?? []).map((p) => ({ path: '(definition)', type: 'lint', message: p })),
      );
    const reply = {
      questionnaireId,
      version,
      status: outcome.status as 'published' | 'unchanged' | 'checked',
      contentHash: outcome.contentHash!,
      added: outcome.added,
      removed: outcome.removed,
      warnings,
      ...(outcome.validation ? { validation: outcome.validation } : {}),
      ...(dryRun ? { definition } : {}),
    };
    return c.json(reply, outcome.status === 'published' ? 201 : 200);
  });

  app.openapi(download, async (c) => {
    const { questionnaireId, version } = c.req.valid('param');
    const row = await visibleVersion(deps, principalOf(c), questionnaireId, version);
    if (!deps.xlsform)
      throw new AppError('unsupported_media_type', 'This deployment does not write workbooks: use `periplus xlsform` on the Node server.');
    const bytes = await deps.xlsform.write(JSON.parse(row.definition) as Record<string, unknown>);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': `attachment; filename="${questionnaireId}-${version}.xlsx"`,
    });
  });

  return app;
}
