// Query functions for responses and drafts. Idempotency and draft concurrency are decided by the
// database in one statement (INSERT ... ON CONFLICT ... WHERE ... RETURNING), never by a read
// followed by a write, so parallel requests cannot both win.
import { and, asc, eq, getTableColumns, gt, sql } from 'drizzle-orm';
import type { Db } from './db';
import { questionnaireVersions, responses, type ResponseStatus } from './schema';

export type ResponseRow = typeof responses.$inferSelect;

export interface ResponseWrite {
  instanceId: string;
  questionnaireId: string;
  versionId: string;
  data: Record<string, unknown>;
  payloadHash: string;
  dropped: string[];
  locale: string;
  deviceStartedAt: Date | null;
  deviceEndedAt: Date | null;
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
    locale: w.locale,
    deviceStartedAt: w.deviceStartedAt,
    deviceEndedAt: w.deviceEndedAt,
    revision: 1,
    createdAt: w.at,
    updatedAt: w.at,
    submittedAt: status === 'submitted' ? w.at : null,
  };
}

/**
 * Stores a submission, or turns the draft with the same instance id (same version) into one.
 * Returns the row when this call wrote it; undefined when the instance id was already submitted
 * or drafted on another version (the caller then reads the row to tell retry from conflict).
 */
export async function insertSubmission(db: Db, w: ResponseWrite): Promise<ResponseRow | undefined> {
  const rows = await db
    .insert(responses)
    .values(values(w, 'submitted'))
    .onConflictDoUpdate({
      target: responses.instanceId,
      set: {
        status: 'submitted',
        data: sql`excluded.data`,
        payloadHash: sql`excluded.payload_hash`,
        dropped: sql`excluded.dropped`,
        locale: sql`excluded.locale`,
        deviceStartedAt: sql`coalesce(excluded.device_started_at, ${responses.deviceStartedAt})`,
        deviceEndedAt: sql`excluded.device_ended_at`,
        revision: sql`${responses.revision} + 1`,
        updatedAt: sql`excluded.updated_at`,
        submittedAt: sql`excluded.submitted_at`,
      },
      setWhere: sql`${responses.status} = 'draft' AND ${responses.versionId} = excluded.version_id`,
    })
    .returning();
  return rows[0];
}

/**
 * Creates or overwrites a draft. With `baseRevision`, the overwrite only happens when the stored
 * draft is still at that revision (optimistic concurrency). Undefined when nothing was written.
 */
export async function upsertDraft(db: Db, w: ResponseWrite, baseRevision: number | null): Promise<ResponseRow | undefined> {
  const revisionCheck = baseRevision === null ? sql`1` : sql`${responses.revision} = ${baseRevision}`;
  const rows = await db
    .insert(responses)
    .values(values(w, 'draft'))
    .onConflictDoUpdate({
      target: responses.instanceId,
      set: {
        data: sql`excluded.data`,
        payloadHash: sql`excluded.payload_hash`,
        locale: sql`excluded.locale`,
        deviceStartedAt: sql`coalesce(${responses.deviceStartedAt}, excluded.device_started_at)`,
        revision: sql`${responses.revision} + 1`,
        updatedAt: sql`excluded.updated_at`,
      },
      setWhere: sql`${responses.status} = 'draft' AND ${responses.versionId} = excluded.version_id AND ${revisionCheck}`,
    })
    .returning();
  return rows[0];
}

/** A stored response with the name of the version it was answered on. */
export type StoredResponse = ResponseRow & { version: string };

const withVersion = { ...getTableColumns(responses), version: questionnaireVersions.version };

export async function findResponse(db: Db, instanceId: string): Promise<StoredResponse | undefined> {
  const rows = await db
    .select(withVersion)
    .from(responses)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.versionId))
    .where(eq(responses.instanceId, instanceId))
    .limit(1);
  return rows[0];
}

export interface ResponsePage {
  rows: StoredResponse[];
  /** Pass back as `after` for the next page; null at the end. */
  next: number | null;
}

/** One keyset page of a questionnaire's responses, oldest first. */
export async function listResponses(
  db: Db,
  questionnaireId: string,
  opts: { after: number; limit: number; status?: ResponseStatus },
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
      ),
    )
    .orderBy(asc(responses.seq))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  return { rows: page, next: rows.length > opts.limit ? page.at(-1)!.seq : null };
}
