// Query functions for responses and drafts. Idempotency and draft concurrency are decided by the
// database in one statement (INSERT ... ON CONFLICT ... WHERE ... RETURNING), never by a read
// followed by a write, so parallel requests cannot both win.
import { and, asc, desc, eq, getTableColumns, gt, gte, inArray, isNotNull, isNull, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import { statement, statements, type Db, type Statement } from './db';
import {
  questionnaires,
  questionnaireVersions,
  refusals,
  responseRevisions,
  responses,
  reviewEvents,
  type ResponseStatus,
  type ReviewState,
} from './schema';
import type { QuestionnaireRow } from './questionnaires';
import { columnValues, prepared, reusableWrite } from './prepared';

export type ResponseRow = typeof responses.$inferSelect;

export interface ResponseWrite {
  instanceId: string;
  questionnaireId: string;
  versionId: string;
  data: Record<string, unknown>;
  payloadHash: string;
  dropped: string[];
  hidden: string[];
  locale: string;
  deviceStartedAt: Date | null;
  deviceEndedAt: Date | null;
  /** Drafts only: the page the editor was on. */
  page?: string | null;
  /** The interview was paused for the respondent's distress. */
  distress?: boolean;
  /** The respondent stopped the interview; these are the answers they allowed to be kept. */
  withdrawn?: boolean;
  country: string;
  site: string | null;
  actor: string;
  at: Date;
}

function values(w: ResponseWrite, status: ResponseStatus) {
  return {
    instanceId: w.instanceId,
    questionnaireId: w.questionnaireId,
    versionId: w.versionId,
    status,
    data: JSON.stringify(w.data),
    payloadHash: w.payloadHash,
    dropped: w.dropped,
    hidden: w.hidden,
    locale: w.locale,
    deviceStartedAt: w.deviceStartedAt,
    deviceEndedAt: w.deviceEndedAt,
    draftPage: status === 'draft' ? (w.page ?? null) : null,
    distress: w.distress ?? false,
    withdrawn: w.withdrawn ?? false,
    revision: 1,
    createdAt: w.at,
    updatedAt: w.at,
    submittedAt: status === 'submitted' ? w.at : null,
    country: w.country,
    site: w.site,
    submittedBy: w.actor,
    updatedBy: w.actor,
  };
}

/**
 * Stores a submission, or turns the draft with the same instance id (same version) into one.
 * Returns the row when this call wrote it; undefined when the instance id was already submitted
 * or drafted on another version (the caller then reads the row to tell retry from conflict).
 */
export function insertSubmissionStatement(db: Db, w: ResponseWrite): Statement {
  return reusableWrite(
    db,
    'insertSubmission',
    values(w, 'submitted'),
    (v) => columnValues(responses, v),
    (d, v) =>
      d
        .insert(responses)
        .values(v)
        .onConflictDoUpdate({
          target: responses.instanceId,
          set: {
            status: 'submitted',
            data: sql`excluded.data`,
            payloadHash: sql`excluded.payload_hash`,
            dropped: sql`excluded.dropped`,
            hidden: sql`excluded.hidden`,
            locale: sql`excluded.locale`,
            deviceStartedAt: sql`coalesce(excluded.device_started_at, ${responses.deviceStartedAt})`,
            deviceEndedAt: sql`excluded.device_ended_at`,
            draftPage: null,
            distress: sql`excluded.distress`,
            withdrawn: sql`excluded.withdrawn`,
            revision: sql`${responses.revision} + 1`,
            updatedAt: sql`excluded.updated_at`,
            updatedBy: sql`excluded.updated_by`,
            submittedAt: sql`excluded.submitted_at`,
          },
          setWhere: sql`${responses.status} = 'draft' AND ${responses.versionId} = excluded.version_id AND ${responses.deletedAt} IS NULL`,
        })
        .returning(),
    responses,
  );
}

/**
 * Creates or overwrites a draft. With `baseRevision`, the overwrite only happens when the stored
 * draft is still at that revision (optimistic concurrency). Undefined when nothing was written.
 */
export function upsertDraftStatement(db: Db, w: ResponseWrite, baseRevision: number | null): Statement {
  const revisionCheck = baseRevision === null ? sql`1` : sql`${responses.revision} = ${baseRevision}`;
  return statement(
    db
      .insert(responses)
      .values(values(w, 'draft'))
      .onConflictDoUpdate({
        target: responses.instanceId,
        set: {
          data: sql`excluded.data`,
          payloadHash: sql`excluded.payload_hash`,
          locale: sql`excluded.locale`,
          draftPage: sql`excluded.draft_page`,
          deviceStartedAt: sql`coalesce(${responses.deviceStartedAt}, excluded.device_started_at)`,
          revision: sql`${responses.revision} + 1`,
          updatedAt: sql`excluded.updated_at`,
          updatedBy: sql`excluded.updated_by`,
        },
        setWhere: sql`${responses.status} = 'draft' AND ${responses.versionId} = excluded.version_id AND ${responses.deletedAt} IS NULL AND ${revisionCheck}`,
      })
      .returning(),
    responses,
  );
}

/** A stored response with the name of the version it was answered on. */
export type StoredResponse = ResponseRow & { version: string };

const withVersion = { ...getTableColumns(responses), version: questionnaireVersions.version };

export async function findResponse(db: Db, instanceId: string): Promise<StoredResponse | undefined> {
  const query = prepared(db, 'findResponse', (d) =>
    d
      .select(withVersion)
      .from(responses)
      .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.versionId))
      .where(eq(responses.instanceId, sql.placeholder('instanceId')))
      .prepare(),
  );
  return (await query.all({ instanceId }))[0];
}

/** A questionnaire with what is stored under one instance id: the response, whether it was refused. */
export interface InstanceContext {
  questionnaire: QuestionnaireRow;
  response: StoredResponse | undefined;
  /** The instance id was counted as a refusal at screening. */
  refused: boolean;
  /** When the version submitted to was closed for new data (null: open), read fresh: it changes. */
  versionClosedAt: Date | null;
}

/**
 * The reads every submission and draft save makes, in one query: its questionnaire (state,
 * closing time), the response already stored under its instance id, whether that id was
 * counted as a refusal, and when the version submitted to was closed for new data. Undefined
 * when the questionnaire does not exist.
 */
export async function findInstanceContext(
  db: Db,
  questionnaireId: string,
  instanceId: string,
  version: string,
): Promise<InstanceContext | undefined> {
  const query = prepared(db, 'findInstanceContext', (d) =>
    d
      .select({
        questionnaire: questionnaires,
        response: responses,
        version: questionnaireVersions.version,
        refused: sql<number>`exists (select 1 from ${refusals} where ${refusals.instanceId} = ${sql.placeholder('instanceId')})`,
        // A subquery on the version asked for: its names resolve to its own FROM, not the join above.
        versionClosedAt: sql<
          number | null
        >`(select ${questionnaireVersions.closedAt} from ${questionnaireVersions} where ${questionnaireVersions.questionnaireId} = ${sql.placeholder('questionnaireId')} and ${questionnaireVersions.version} = ${sql.placeholder('version')})`,
      })
      .from(questionnaires)
      .leftJoin(responses, eq(responses.instanceId, sql.placeholder('instanceId')))
      .leftJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.versionId))
      .where(eq(questionnaires.id, sql.placeholder('questionnaireId')))
      .prepare(),
  );
  const row = (await query.all({ questionnaireId, instanceId, version }))[0];
  if (!row) return undefined;
  return {
    questionnaire: row.questionnaire,
    response: row.response ? { ...row.response, version: row.version! } : undefined,
    refused: Boolean(row.refused),
    versionClosedAt: row.versionClosedAt === null || row.versionClosedAt === undefined ? null : new Date(Number(row.versionClosedAt)),
  };
}

export interface ResponsePage {
  rows: StoredResponse[];
  /** Pass back as `after` for the next page; null at the end. */
  next: number | null;
}

/** One keyset page of a questionnaire's responses, oldest first, within `scope` (a condition). */
/** What a list of responses may be narrowed to (all optional); dates bound the last change. */
export interface ResponseFilters {
  reviewState?: ReviewState;
  country?: string;
  site?: string;
  version?: string;
  from?: Date;
  to?: Date;
}

export async function listResponses(
  db: Db,
  questionnaireId: string,
  opts: { after: number; limit: number; status?: ResponseStatus; scope: SQL | undefined; deleted?: boolean } & ResponseFilters,
): Promise<ResponsePage> {
  const rows = await db
    .select(withVersion)
    .from(responses)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.versionId))
    .where(
      and(
        eq(responses.questionnaireId, questionnaireId),
        gt(responses.seq, opts.after),
        opts.status ? eq(responses.status, opts.status) : undefined,
        opts.reviewState ? eq(responses.reviewState, opts.reviewState) : undefined,
        opts.country ? eq(responses.country, opts.country) : undefined,
        opts.site ? eq(responses.site, opts.site) : undefined,
        opts.version ? eq(questionnaireVersions.version, opts.version) : undefined,
        opts.from ? gte(responses.updatedAt, opts.from) : undefined,
        opts.to ? lte(responses.updatedAt, opts.to) : undefined,
        opts.deleted ? and(isNotNull(responses.deletedAt), isNull(responses.purgedAt)) : isNull(responses.deletedAt),
        opts.scope,
      ),
    )
    .orderBy(asc(responses.seq))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  return { rows: page, next: rows.length > opts.limit ? page.at(-1)!.seq : null };
}

/** Edits a submitted response: new answers, a new revision (recorded by trigger), back to review. */
export function editSubmissionStatement(
  db: Db,
  seq: number,
  baseRevision: number,
  e: { data: Record<string, unknown>; payloadHash: string; dropped: string[]; hidden: string[]; locale: string; actor: string; at: Date },
): Statement {
  return statement(
    db
      .update(responses)
      .set({
        data: JSON.stringify(e.data),
        payloadHash: e.payloadHash,
        dropped: e.dropped,
        hidden: e.hidden,
        locale: e.locale,
        revision: sql`${responses.revision} + 1`,
        updatedBy: e.actor,
        updatedAt: e.at,
        reviewState: 'received',
      })
      .where(
        and(eq(responses.seq, seq), eq(responses.revision, baseRevision), eq(responses.status, 'submitted'), isNull(responses.deletedAt)),
      )
      .returning(),
    responses,
  );
}

/** Moves the review state from `from` to `to`; nothing when it changed meanwhile. */
export function setReviewStateStatement(db: Db, seq: number, from: ReviewState, to: ReviewState): Statement {
  return statement(
    db
      .update(responses)
      .set({ reviewState: to })
      .where(and(eq(responses.seq, seq), eq(responses.reviewState, from), isNull(responses.deletedAt)))
      .returning(),
    responses,
  );
}

/** The review event, written only if the statement before it changed a row. */
export function reviewEventIfChangedStatement(
  db: Db,
  e: { seq: number; from: ReviewState; to: ReviewState; comment: string; actor: string; at: Date },
): Statement {
  return statement(
    db
      .insert(reviewEvents)
      .select(sql`SELECT NULL, ${e.seq}, ${e.from}, ${e.to}, ${e.comment}, ${e.actor}, ${e.at.getTime()} WHERE changes() > 0`),
  );
}

export async function listReviewEvents(db: Db, seq: number) {
  return db.select().from(reviewEvents).where(eq(reviewEvents.responseSeq, seq)).orderBy(asc(reviewEvents.id));
}

export async function listRevisions(db: Db, seq: number) {
  return db.select().from(responseRevisions).where(eq(responseRevisions.responseSeq, seq)).orderBy(asc(responseRevisions.revision));
}

export function trashStatement(db: Db, seq: number, actor: string, at: Date): Statement {
  return statement(
    db
      .update(responses)
      .set({ deletedAt: at, deletedBy: actor })
      .where(and(eq(responses.seq, seq), isNull(responses.deletedAt)))
      .returning(),
    responses,
  );
}

export function restoreStatement(db: Db, seq: number): Statement {
  return statement(
    db
      .update(responses)
      .set({ deletedAt: null, deletedBy: null })
      .where(and(eq(responses.seq, seq), isNotNull(responses.deletedAt), isNull(responses.purgedAt)))
      .returning(),
    responses,
  );
}

/** Responses in the trash since before `cutoff`, not yet purged: at most `limit`. */
export async function expiredTrash(db: Db, cutoff: Date, limit: number): Promise<Array<{ seq: number; instanceId: string }>> {
  return db
    .select({ seq: responses.seq, instanceId: responses.instanceId })
    .from(responses)
    .where(and(lt(responses.deletedAt, cutoff), isNull(responses.purgedAt)))
    .orderBy(asc(responses.seq))
    .limit(limit);
}

/** Purges: answers, revisions and review comments go; a tombstone keeps the instance id refused. */
export function purgeStatements(db: Db, seqs: number[], at: Date): Statement[] {
  return statements([
    db.delete(responseRevisions).where(inArray(responseRevisions.responseSeq, seqs)),
    db.delete(reviewEvents).where(inArray(reviewEvents.responseSeq, seqs)),
    db.update(responses).set({ data: '{}', dropped: [], purgedAt: at }).where(inArray(responses.seq, seqs)),
  ]);
}

/** Submitted, not rejected responses of a questionnaire within `scope` (and a country), newest first, for reports. */
export async function listReportable(db: Db, questionnaireId: string, scope: SQL | undefined, country?: string) {
  return db
    .select({
      instanceId: responses.instanceId,
      country: responses.country,
      versionId: responses.versionId,
      version: questionnaireVersions.version,
      data: responses.data,
      submittedBy: responses.submittedBy,
      submittedAt: responses.submittedAt,
    })
    .from(responses)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.versionId))
    .where(
      and(
        eq(responses.questionnaireId, questionnaireId),
        eq(responses.status, 'submitted'),
        isNull(responses.deletedAt),
        ne(responses.reviewState, 'rejected'),
        country ? eq(responses.country, country) : undefined,
        scope,
      ),
    )
    .orderBy(desc(responses.seq));
}

/** How many responses of a questionnaire, within a scope condition: submitted, drafts, in the trash. */
export async function countResponses(
  db: Db,
  questionnaireId: string,
  scope: SQL | undefined,
): Promise<{ submitted: number; drafts: number; trash: number }> {
  const rows = await db
    .select({
      submitted: sql<number>`sum(case when ${responses.deletedAt} is null and ${responses.status} = 'submitted' then 1 else 0 end)`,
      drafts: sql<number>`sum(case when ${responses.deletedAt} is null and ${responses.status} = 'draft' then 1 else 0 end)`,
      trash: sql<number>`sum(case when ${responses.deletedAt} is not null and ${responses.purgedAt} is null then 1 else 0 end)`,
    })
    .from(responses)
    .where(and(eq(responses.questionnaireId, questionnaireId), scope));
  const r = rows[0];
  return { submitted: Number(r?.submitted ?? 0), drafts: Number(r?.drafts ?? 0), trash: Number(r?.trash ?? 0) };
}
