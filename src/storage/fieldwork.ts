// Refusal counts and fieldwork figures: what the coordinators' dashboard reads.
import { and, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { statement, statements, type Db, type Statement } from './db';
import { fieldworkTargets, refusals, responseRevisions, responses } from './schema';

export interface RefusalWrite {
  instanceId: string;
  questionnaireId: string;
  versionId: string;
  reason: string;
  country: string;
  site: string | null;
  day: string;
  collector: string;
  distress: boolean;
  childReferral: boolean;
}

/** Counts the refusal once, however often the device retries it. */
export function insertRefusalStatement(db: Db, r: RefusalWrite): Statement {
  return statement(db.insert(refusals).values(r).onConflictDoNothing().returning(), refusals);
}

/** Removes a draft that ended in a refusal, with its saved revisions: nothing of the interview is kept. */
export function deleteDraftStatements(db: Db, seq: number): Statement[] {
  return statements([
    db.delete(responseRevisions).where(eq(responseRevisions.responseSeq, seq)),
    db.delete(responses).where(and(eq(responses.seq, seq), eq(responses.status, 'draft'))),
  ]);
}

export interface Tally {
  key: string;
  n: number;
}

/** Submitted interviews grouped by day, site, collector or country, within a scope condition. */
export async function interviewTallies(
  db: Db,
  questionnaireId: string,
  by: 'day' | 'site' | 'collector' | 'country',
  scope: SQL | undefined,
): Promise<Tally[]> {
  const key =
    by === 'day'
      ? sql<string>`strftime('%Y-%m-%d', ${responses.submittedAt} / 1000, 'unixepoch')`
      : by === 'site'
        ? sql<string>`coalesce(${responses.country} || ' / ' || ${responses.site}, ${responses.country} || ' / (no site)')`
        : by === 'collector'
          ? sql<string>`${responses.submittedBy}`
          : sql<string>`${responses.country}`;
  const rows = await db
    .select({ key, n: count() })
    .from(responses)
    .where(and(eq(responses.questionnaireId, questionnaireId), eq(responses.status, 'submitted'), isNull(responses.deletedAt), scope))
    .groupBy(key)
    .orderBy(key);
  return rows.map((r) => ({ key: String(r.key), n: r.n }));
}

/**
 * Submitted interviews, within a scope condition, that were paused for the respondent's distress,
 * and that the respondent stopped (the answers given so far kept, with their consent).
 */
export async function flaggedInterviews(
  db: Db,
  questionnaireId: string,
  scope: SQL | undefined,
): Promise<{ distress: number; withdrawn: number }> {
  const rows = await db
    .select({ distress: sql<number>`sum(${responses.distress})`, withdrawn: sql<number>`sum(${responses.withdrawn})` })
    .from(responses)
    .where(and(eq(responses.questionnaireId, questionnaireId), eq(responses.status, 'submitted'), isNull(responses.deletedAt), scope));
  return { distress: Number(rows[0]?.distress ?? 0), withdrawn: Number(rows[0]?.withdrawn ?? 0) };
}

export async function refusalTallies(
  db: Db,
  questionnaireId: string,
  countries: readonly string[] | '*',
  collector?: string,
): Promise<Array<{ reason: string; day: string; site: string; n: number; distressed: number; childReferrals: number }>> {
  const rows = await db
    .select({
      reason: refusals.reason,
      day: refusals.day,
      country: refusals.country,
      site: refusals.site,
      n: count(),
      distressed: sql<number>`sum(${refusals.distress})`,
      childReferrals: sql<number>`sum(${refusals.childReferral})`,
    })
    .from(refusals)
    .where(
      and(
        eq(refusals.questionnaireId, questionnaireId),
        countries === '*' ? undefined : inArray(refusals.country, [...countries, '\u0000']),
        collector ? eq(refusals.collector, collector) : undefined,
      ),
    )
    .groupBy(refusals.reason, refusals.day, refusals.country, refusals.site);
  return rows.map((r) => ({
    reason: r.reason,
    day: r.day,
    site: `${r.country} / ${r.site ?? '(no site)'}`,
    n: r.n,
    distressed: Number(r.distressed ?? 0),
    childReferrals: Number(r.childReferrals ?? 0),
  }));
}

export async function listTargets(db: Db, questionnaireId: string, countries: readonly string[] | '*') {
  return db
    .select()
    .from(fieldworkTargets)
    .where(
      and(
        eq(fieldworkTargets.questionnaireId, questionnaireId),
        countries === '*' ? undefined : inArray(fieldworkTargets.country, [...countries, '\u0000']),
      ),
    );
}

export function upsertTargetStatement(
  db: Db,
  t: { questionnaireId: string; country: string; site: string; target: number; updatedAt: Date; updatedBy: string },
): Statement {
  return statement(
    db
      .insert(fieldworkTargets)
      .values(t)
      .onConflictDoUpdate({
        target: [fieldworkTargets.questionnaireId, fieldworkTargets.country, fieldworkTargets.site],
        set: { target: t.target, updatedAt: t.updatedAt, updatedBy: t.updatedBy },
      }),
  );
}
