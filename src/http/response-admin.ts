// After submission: edit with revisions and diffs, review states with comments, the trash.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Deps } from '../deps';
import { notFound } from '../errors';
import { diffAnswers } from '../responses/diff';
import {
  deleteResponse,
  editResponse,
  listScopedTrash,
  restoreResponse,
  reviewHistory,
  revisionsOf,
  reviewResponse,
} from '../responses/manage';
import { actorOf, principalOf } from './auth';
import type { AppEnv } from './env';
import { zodTo400 } from './problem';
import { encodeCursor, responsePageOf, responseReply } from './replies';
import {
  Diff,
  DiffQuery,
  EditBody,
  BODY,
  errorReplies,
  InstanceParams,
  jsonBody,
  jsonReply,
  ResponseList,
  ResponseListQuery,
  ReviewBody,
  ReviewEvent,
  Revision,
  RevisionParams,
  RevisionSummary,
  StoredResponse,
} from './schemas';

const tags = ['Review and revisions'];
const path = '/responses/{instanceId}';

const edit = createRoute({
  method: 'put',
  path,
  tags,
  summary: 'Correct a submitted response: a new revision, validated in full, back to review',
  request: { params: InstanceParams, body: jsonBody(EditBody) },
  responses: {
    200: jsonReply(StoredResponse, 'The edited response'),
    ...errorReplies(...BODY, 'not_found', 'not_submitted', 'stale_response', 'invalid_response'),
  },
});
const remove = createRoute({
  method: 'delete',
  path,
  tags,
  summary: 'Move a response to the trash (purged after the trash period); its instance id stays refused',
  request: { params: InstanceParams },
  responses: { 200: jsonReply(StoredResponse, 'In the trash'), ...errorReplies('not_found', 'already_deleted') },
});
const restore = createRoute({
  method: 'post',
  path: `${path}/restore`,
  tags,
  summary: 'Take a response back out of the trash',
  request: { params: InstanceParams },
  responses: { 200: jsonReply(StoredResponse, 'Restored'), ...errorReplies('not_found', 'not_in_trash') },
});
const review = createRoute({
  method: 'patch',
  path: `${path}/review`,
  tags,
  summary: 'Set the review state (received, has_issues, approved, rejected) with a comment',
  request: { params: InstanceParams, body: jsonBody(ReviewBody) },
  responses: { 200: jsonReply(StoredResponse, 'Reviewed'), ...errorReplies(...BODY, 'not_found', 'not_submitted', 'review_conflict') },
});
const reviews = createRoute({
  method: 'get',
  path: `${path}/reviews`,
  tags,
  summary: 'Review history with comments',
  request: { params: InstanceParams },
  responses: { 200: jsonReply(z.object({ items: z.array(ReviewEvent) }), 'Oldest first'), ...errorReplies('not_found') },
});
const revisions = createRoute({
  method: 'get',
  path: `${path}/revisions`,
  tags,
  summary: 'Every submitted revision of a response',
  request: { params: InstanceParams },
  responses: { 200: jsonReply(z.object({ items: z.array(RevisionSummary) }), 'Oldest first'), ...errorReplies('not_found') },
});
const revision = createRoute({
  method: 'get',
  path: `${path}/revisions/{revision}`,
  tags,
  summary: 'The answers of one revision',
  request: { params: RevisionParams },
  responses: { 200: jsonReply(Revision, 'The revision'), ...errorReplies('not_found') },
});
const diff = createRoute({
  method: 'get',
  path: `${path}/diff`,
  tags,
  summary: 'What changed between two revisions (default: the last edit)',
  request: { params: InstanceParams, query: DiffQuery },
  responses: { 200: jsonReply(Diff, 'Changed answers'), ...errorReplies('not_found') },
});
const trash = createRoute({
  method: 'get',
  path: '/trash',
  tags,
  summary: 'Deleted responses not yet purged',
  request: { query: ResponseListQuery.extend({ questionnaireId: z.string().max(64) }) },
  responses: { 200: jsonReply(ResponseList, 'One page'), ...errorReplies() },
});

export function responseAdminRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: zodTo400 });
  const id = (c: { req: { valid(t: 'param'): { instanceId: string } } }) => c.req.valid('param').instanceId.toLowerCase();

  app.openapi(edit, async (c) => {
    const body = c.req.valid('json');
    return c.json(responseReply(await editResponse(deps, actorOf(c), id(c), body)), 200);
  });
  app.openapi(remove, async (c) => c.json(responseReply(await deleteResponse(deps, actorOf(c), id(c))), 200));
  app.openapi(restore, async (c) => c.json(responseReply(await restoreResponse(deps, actorOf(c), id(c))), 200));
  app.openapi(review, async (c) => {
    const { state, comment } = c.req.valid('json');
    return c.json(responseReply(await reviewResponse(deps, actorOf(c), id(c), state, comment)), 200);
  });
  app.openapi(reviews, async (c) => {
    const items = (await reviewHistory(deps, principalOf(c), id(c))).map((e) => ({
      from: e.fromState,
      to: e.toState,
      comment: e.comment,
      actor: e.actor,
      at: e.at.toISOString(),
    }));
    return c.json({ items }, 200);
  });
  app.openapi(revisions, async (c) => {
    const { revisions } = await revisionsOf(deps, principalOf(c), id(c));
    const items = revisions.map((v) => ({
      revision: v.revision,
      actor: v.actor,
      createdAt: v.createdAt.toISOString(),
    }));
    return c.json({ items }, 200);
  });
  app.openapi(revision, async (c) => {
    const { response: r, revisions } = await revisionsOf(deps, principalOf(c), id(c));
    const n = c.req.valid('param').revision;
    const v = revisions.find((x) => x.revision === n);
    if (!v) throw notFound(`Revision ${n} of response ${r.instanceId}`);
    return c.json(
      { revision: v.revision, actor: v.actor, createdAt: v.createdAt.toISOString(), data: JSON.parse(v.data), dropped: v.dropped },
      200,
    );
  });
  app.openapi(diff, async (c) => {
    const { response: r, revisions: all } = await revisionsOf(deps, principalOf(c), id(c));
    const q = c.req.valid('query');
    const to = q.to ?? all.at(-1)?.revision ?? 1;
    const from = q.from ?? Math.max(1, to - 1);
    const a = all.find((x) => x.revision === from);
    const b = all.find((x) => x.revision === to);
    if (!a || !b) throw notFound(`Revision ${!a ? from : to} of response ${r.instanceId}`);
    return c.json({ from, to, changes: diffAnswers(JSON.parse(a.data), JSON.parse(b.data)) }, 200);
  });
  app.openapi(trash, async (c) => {
    const { questionnaireId, ...query } = c.req.valid('query');
    const page = await listScopedTrash(deps, principalOf(c), questionnaireId, responsePageOf(query));
    return c.json({ items: page.rows.map(responseReply), next: encodeCursor(page.next) }, 200);
  });
  return app;
}
