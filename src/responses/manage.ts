// After submission: edits (each a new revision), review states with comments, deletion to the
// trash, restore, and purging once the trash period is over. Each write is audited atomically.
import { hasQuestionnaire, type Actor, type Principal } from '../access/principal';
import type { Deps } from '../deps';
import { conflict, notFound } from '../errors';
import { auditIfChangedStatement, auditStatement } from '../storage/audit';
import { findQuestionnaire, findVersionById } from '../storage/questionnaires';
import {
  countResponses,
  editSubmissionStatement,
  expiredTrash,
  findResponse,
  listResponses,
  listReviewEvents,
  listRevisions,
  purgeStatements,
  restoreStatement,
  reviewEventIfChangedStatement,
  setReviewStateStatement,
  trashStatement,
  type ResponseFilters,
  type ResponseRow,
  type StoredResponse,
} from '../storage/responses';
import type { ResponseStatus, ReviewState } from '../vocabulary';
import { payloadHash, validated, type IngestDeps } from './ingest';
import { scopeCondition, visibleOr404 } from './scope';

type ManageDeps = Pick<Deps, 'db' | 'atomic' | 'clock'>;

/** The response if the principal may see it (in the trash or not, as asked); else 404. */
export async function visibleResponse(
  deps: Pick<Deps, 'db'>,
  p: Principal,
  instanceId: string,
  opts: { trashed?: boolean } = {},
): Promise<StoredResponse> {
  return visibleOr404(p, await findResponse(deps.db, instanceId), `Response ${instanceId}`, opts);
}

const withVersion = (row: ResponseRow | undefined, version: string): StoredResponse | undefined => (row ? { ...row, version } : undefined);

/** Replaces the answers of a submitted response: validated again, a new revision, back to `received`. */
export async function editResponse(
  deps: IngestDeps,
  { principal: p, requestId }: Actor,
  instanceId: string,
  change: { data: Record<string, unknown>; locale?: string; baseRevision: number },
): Promise<StoredResponse> {
  const current = await visibleResponse(deps, p, instanceId);
  if (current.status !== 'submitted') throw conflict('not_submitted', 'A draft is changed by saving the draft, not by editing.');
  const version = (await findVersionById(deps.db, current.versionId))!;
  const locale = change.locale ?? current.locale;
  // A withdrawn interview stays what it is: its answers are checked as given, nothing more demanded.
  const result = await validated(deps, version, change.data, locale, current.withdrawn ? 'partial' : 'submit');
  const at = deps.clock.now();
  const hash = await payloadHash(version, result.data, current.withdrawn);
  const [rows] = await deps.atomic((db) => [
    editSubmissionStatement(db, current.seq, change.baseRevision, {
      data: result.data,
      payloadHash: hash,
      dropped: result.dropped,
      hidden: result.hidden,
      locale,
      actor: p.actor,
      at,
    }),
    auditIfChangedStatement(db, {
      at,
      actor: p.actor,
      action: 'response.edit',
      targetType: 'response',
      targetId: instanceId,
      requestId,
      details: { baseRevision: change.baseRevision },
    }),
  ]);
  const edited = withVersion((rows as ResponseRow[])[0], current.version);
  if (!edited) {
    const now = await findResponse(deps.db, instanceId);
    throw conflict(
      'stale_response',
      `The response changed since revision ${change.baseRevision}; load revision ${now?.revision} and apply your changes to it.`,
      {
        currentRevision: now?.revision,
      },
    );
  }
  return edited;
}

/** Moves the review state, recording who, when and why. */
export async function reviewResponse(
  deps: ManageDeps,
  { principal: p, requestId }: Actor,
  instanceId: string,
  to: ReviewState,
  comment: string,
): Promise<StoredResponse> {
  const current = await visibleResponse(deps, p, instanceId);
  if (current.status !== 'submitted') throw conflict('not_submitted', 'Only submitted responses are reviewed.');
  const at = deps.clock.now();
  const from = current.reviewState;
  const [rows] = await deps.atomic((db) => [
    setReviewStateStatement(db, current.seq, from, to),
    reviewEventIfChangedStatement(db, { seq: current.seq, from, to, comment, actor: p.actor, at }),
    auditIfChangedStatement(db, {
      at,
      actor: p.actor,
      action: 'response.review',
      targetType: 'response',
      targetId: instanceId,
      requestId,
      details: { from, to },
    }),
  ]);
  const updated = withVersion((rows as ResponseRow[])[0], current.version);
  if (!updated) throw conflict('review_conflict', 'The review state changed meanwhile; reload and try again.');
  return updated;
}

/** Moves a response to the trash; it is purged after the trash period. */
export async function deleteResponse(deps: ManageDeps, { principal: p, requestId }: Actor, instanceId: string): Promise<StoredResponse> {
  const current = await visibleResponse(deps, p, instanceId);
  const at = deps.clock.now();
  const [rows] = await deps.atomic((db) => [
    trashStatement(db, current.seq, p.actor, at),
    auditIfChangedStatement(db, {
      at,
      actor: p.actor,
      action: 'response.delete',
      targetType: 'response',
      targetId: instanceId,
      requestId,
      details: {},
    }),
  ]);
  const deleted = withVersion((rows as ResponseRow[])[0], current.version);
  if (!deleted) throw conflict('already_deleted', 'The response is already in the trash.');
  return deleted;
}

export async function restoreResponse(deps: ManageDeps, { principal: p, requestId }: Actor, instanceId: string): Promise<StoredResponse> {
  const current = await visibleResponse(deps, p, instanceId, { trashed: true });
  const at = deps.clock.now();
  const [rows] = await deps.atomic((db) => [
    restoreStatement(db, current.seq),
    auditIfChangedStatement(db, {
      at,
      actor: p.actor,
      action: 'response.restore',
      targetType: 'response',
      targetId: instanceId,
      requestId,
      details: {},
    }),
  ]);
  const restored = withVersion((rows as ResponseRow[])[0], current.version);
  if (!restored) throw conflict('not_in_trash', 'The response is not in the trash any more.');
  return restored;
}

/** Purges everything in the trash for longer than the trash period, in batches. Returns the count. */
export async function purgeExpiredTrash(deps: Pick<Deps, 'db' | 'atomic' | 'clock' | 'config'>, requestId = 'purge'): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - deps.config.trashDays * 86_400_000);
  let purged = 0;
  for (;;) {
    const batch = await expiredTrash(deps.db, cutoff, 50);
    if (batch.length === 0) return purged;
    await deps.atomic((db) => [
      ...purgeStatements(
        db,
        batch.map((b) => b.seq),
        now,
      ),
      ...batch.map((b) =>
        auditStatement(db, {
          at: now,
          actor: 'system',
          action: 'response.purge',
          targetType: 'response',
          targetId: b.instanceId,
          requestId,
          details: { trashDays: deps.config.trashDays },
        }),
      ),
    ]);
    purged += batch.length;
  }
}

export type { StoredResponse };

/** One page of a questionnaire's responses within the principal's scope, by sequence after `after`. */
export async function listScopedResponses(
  deps: Pick<Deps, 'db'>,
  p: Principal,
  questionnaireId: string,
  page: { after: number; limit: number; status?: ResponseStatus } & ResponseFilters,
): Promise<{ rows: StoredResponse[]; next: number | null }> {
  if (!hasQuestionnaire(p, questionnaireId) || !(await findQuestionnaire(deps.db, questionnaireId)))
    throw notFound(`Questionnaire '${questionnaireId}'`);
  return listResponses(deps.db, questionnaireId, { ...page, scope: scopeCondition(p) });
}

/** How many responses of a questionnaire the principal may see: submitted, drafts, in the trash. */
export async function countScopedResponses(deps: Pick<Deps, 'db'>, p: Principal, questionnaireId: string) {
  if (!hasQuestionnaire(p, questionnaireId) || !(await findQuestionnaire(deps.db, questionnaireId)))
    throw notFound(`Questionnaire '${questionnaireId}'`);
  return countResponses(deps.db, questionnaireId, scopeCondition(p));
}

/** One page of the trash (deleted responses) within the principal's scope. */
export function listScopedTrash(
  deps: Pick<Deps, 'db'>,
  p: Principal,
  questionnaireId: string,
  page: { after: number; limit: number; status?: ResponseStatus } & ResponseFilters,
): Promise<{ rows: StoredResponse[]; next: number | null }> {
  return listResponses(deps.db, questionnaireId, { ...page, scope: scopeCondition(p), deleted: true });
}

/** The review history of a response the principal may see. */
export async function reviewHistory(deps: Pick<Deps, 'db'>, p: Principal, instanceId: string) {
  const r = await visibleResponse(deps, p, instanceId);
  return listReviewEvents(deps.db, r.seq);
}

/** The saved revisions of a response the principal may see. */
export async function revisionsOf(deps: Pick<Deps, 'db'>, p: Principal, instanceId: string) {
  const r = await visibleResponse(deps, p, instanceId);
  return { response: r, revisions: await listRevisions(deps.db, r.seq) };
}
