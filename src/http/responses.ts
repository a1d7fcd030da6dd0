// Responses: submit (validated, idempotent on instance id), save and resume drafts, read one,
// list a questionnaire's responses page by page.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Deps } from '../deps';
import { saveDraft, submitResponse, type Accepted, type Refused, type ResponseInput } from '../responses/ingest';
import { countScopedResponses, listScopedResponses, visibleResponse } from '../responses/manage';
import { actorOf, principalOf } from './auth';
import { encodeCursor, responsePageOf, responseReply } from './replies';
import {
  DraftBody,
  DraftParams,
  BODY,
  errorReplies,
  jsonBody,
  jsonReply,
  InstanceParams,
  QuestionnaireParams,
  RefusalReply,
  ResponseList,
  ResponseListQuery,
  StoredResponse,
  SubmissionBody,
  VersionParams,
} from './schemas';
import type { AppEnv } from './env';
import { zodTo400 } from './problem';

/** What a submission or a draft save may be answered with (drafts add their own conflicts). */
const INGEST_ERRORS = [
  ...BODY,
  'not_found',
  'questionnaire_closed',
  'questionnaire_closing',
  'version_closed',
  'instance_conflict',
  'instance_deleted',
  'invalid_response',
] as const;

const submit = createRoute({
  method: 'post',
  path: '/questionnaires/{questionnaireId}/versions/{version}/responses',
  tags: ['Responses'],
  summary: 'Submit a response to one version',
  description:
    'Validated on the server with the same rules the form applies in the browser. Answers to questions hidden by skip logic are dropped and listed in `dropped`. ' +
    'Sending the same instanceId with the same answers again returns 200 with the stored response; with other answers, 409.',
  request: { params: VersionParams, body: jsonBody(SubmissionBody) },
  responses: {
    201: jsonReply(
      z.union([StoredResponse, RefusalReply]),
      'Stored; or, when a screening rule stopped the interview, counted as a refusal with nothing else kept',
    ),
    200: jsonReply(
      z.union([StoredResponse, RefusalReply]),
      'Already stored with identical answers (a safe retry), or a refusal already counted',
    ),
    ...errorReplies(...INGEST_ERRORS),
  },
});

const draft = createRoute({
  method: 'put',
  path: '/questionnaires/{questionnaireId}/versions/{version}/drafts/{instanceId}',
  tags: ['Responses'],
  summary: 'Save a draft (partial answers) to resume later',
  description:
    'Shapes, choices and unknown keys are checked; required questions are not. Submit the final answers with the same instanceId.',
  request: { params: DraftParams, body: jsonBody(DraftBody) },
  responses: {
    201: jsonReply(z.union([StoredResponse, RefusalReply]), 'Draft created (or a refusal counted: see the submission)'),
    200: jsonReply(z.union([StoredResponse, RefusalReply]), 'Draft updated'),
    ...errorReplies(...INGEST_ERRORS, 'already_submitted', 'stale_draft'),
  },
});

const getOne = createRoute({
  method: 'get',
  path: '/responses/{instanceId}',
  tags: ['Responses'],
  summary: 'One response or draft by instance id',
  request: { params: InstanceParams },
  responses: { 200: jsonReply(StoredResponse, 'The response'), ...errorReplies('not_found') },
});

const list = createRoute({
  method: 'get',
  path: '/questionnaires/{questionnaireId}/responses',
  tags: ['Responses'],
  summary: 'Responses of a questionnaire, oldest first, page by page',
  request: { params: QuestionnaireParams, query: ResponseListQuery },
  responses: { 200: jsonReply(ResponseList, 'One page'), ...errorReplies('not_found') },
});

const toDate = (s: string | undefined) => (s ? new Date(s) : null);

/** A submission's or draft's body with its path, as the ingest service takes it (instance ids compare in lower case). */
function responseInput(
  questionnaireId: string,
  version: string,
  instanceId: string,
  b: { data: Record<string, unknown>; locale?: string; startedAt?: string; country?: string; site?: string },
  rest: Pick<ResponseInput, 'endedAt' | 'page' | 'withdrawn' | 'distress' | 'childReferral'>,
): ResponseInput {
  return {
    questionnaireId,
    version,
    instanceId: instanceId.toLowerCase(),
    data: b.data,
    locale: b.locale ?? '',
    startedAt: toDate(b.startedAt),
    country: b.country,
    site: b.site,
    ...rest,
  };
}

/** 201 when this request stored (or counted) it, 200 for a repeat. */
function reply(c: Context<AppEnv>, r: Accepted | Refused) {
  const body = r.refused ? { ...r.refused, refused: true as const } : responseReply(r.response);
  return c.json(body, r.created ? 201 : 200);
}

const counts = createRoute({
  method: 'get',
  path: '/questionnaires/{questionnaireId}/responses/counts',
  tags: ['Responses'],
  summary: 'How many responses you may see: submitted, drafts, in the trash',
  request: { params: QuestionnaireParams },
  responses: {
    200: jsonReply(
      z.object({ submitted: z.number().int(), drafts: z.number().int(), trash: z.number().int() }).openapi('ResponseCounts'),
      'Counts within your scope',
    ),
    ...errorReplies('not_found'),
  },
});

export function responseRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: zodTo400 });

  app.openapi(submit, async (c) => {
    const { questionnaireId, version } = c.req.valid('param');
    const b = c.req.valid('json');
    const input = responseInput(questionnaireId, version, b.instanceId, b, {
      endedAt: toDate(b.endedAt),
      withdrawn: b.withdrawn,
      distress: b.distress,
      childReferral: b.childReferral,
    });
    return reply(c, await submitResponse(deps, actorOf(c), input));
  });

  app.openapi(draft, async (c) => {
    const { questionnaireId, version, instanceId } = c.req.valid('param');
    const b = c.req.valid('json');
    const input = responseInput(questionnaireId, version, instanceId, b, { endedAt: null, page: b.page });
    return reply(c, await saveDraft(deps, actorOf(c), input, b.baseRevision ?? null));
  });

  app.openapi(getOne, async (c) => {
    const { instanceId } = c.req.valid('param');
    return c.json(responseReply(await visibleResponse(deps, principalOf(c), instanceId.toLowerCase())), 200);
  });

  app.openapi(counts, async (c) => c.json(await countScopedResponses(deps, principalOf(c), c.req.valid('param').questionnaireId), 200));

  app.openapi(list, async (c) => {
    const { questionnaireId } = c.req.valid('param');
    const page = await listScopedResponses(deps, principalOf(c), questionnaireId, responsePageOf(c.req.valid('query')));
    return c.json({ items: page.rows.map(responseReply), next: encodeCursor(page.next) }, 200);
  });

  return app;
}
