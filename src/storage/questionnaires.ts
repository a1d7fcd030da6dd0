// Query functions for questionnaires and their published versions. Each takes the database first.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { statement, statements, type Db, type Statement } from './db';
import { questionnaires, questionnaireVersions, type QuestionnaireState } from './schema';
import { prepared } from './prepared';

export type QuestionnaireRow = typeof questionnaires.$inferSelect;
export type VersionRow = typeof questionnaireVersions.$inferSelect;

export async function listQuestionnaires(db: Db): Promise<QuestionnaireRow[]> {
  return db.select().from(questionnaires).orderBy(asc(questionnaires.id));
}

export async function findQuestionnaire(db: Db, id: string): Promise<QuestionnaireRow | undefined> {
  const query = prepared(db, 'findQuestionnaire', (d) =>
    d
      .select()
      .from(questionnaires)
      .where(eq(questionnaires.id, sql.placeholder('id')))
      .prepare(),
  );
  return (await query.all({ id }))[0];
}

/** Versions of one questionnaire in publication order. */
/** Every version of every questionnaire, in publication order (one query for a whole listing). */
export async function listAllVersions(db: Db): Promise<VersionRow[]> {
  return db.select().from(questionnaireVersions).orderBy(asc(questionnaireVersions.seq));
}

export async function listVersions(db: Db, questionnaireId: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.questionnaireId, questionnaireId))
    .orderBy(asc(questionnaireVersions.seq));
}

/**
 * Published versions never change but for `closedAt`, so a version once read is kept per database
 * handle: every submission looks its version up, and a definition is hundreds of kilobytes. Whoever
 * reads `closedAt` asks for a `fresh` row (which refreshes the cache); a submission reads it with
 * its questionnaire instead (findInstanceContext).
 */
const VERSION_CACHE_SIZE = 256;

export async function findVersion(
  db: Db,
  questionnaireId: string,
  version: string,
  opts: { fresh?: boolean } = {},
): Promise<VersionRow | undefined> {
  const cache = prepared(db, 'versionRows', () => new Map<string, VersionRow>());
  const key = `${questionnaireId}\u0000${version}`;
  const cached = cache.get(key);
  if (cached && !opts.fresh) return cached;
  const query = prepared(db, 'findVersion', (d) =>
    d
      .select()
      .from(questionnaireVersions)
      .where(
        and(
          eq(questionnaireVersions.questionnaireId, sql.placeholder('questionnaireId')),
          eq(questionnaireVersions.version, sql.placeholder('version')),
        ),
      )
      .prepare(),
  );
  const row = (await query.all({ questionnaireId, version }))[0];
  if (row) {
    if (!cache.has(key) && cache.size >= VERSION_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, row);
  }
  return row;
}

export async function findVersionById(db: Db, id: string): Promise<VersionRow | undefined> {
  const rows = await db.select().from(questionnaireVersions).where(eq(questionnaireVersions.id, id)).limit(1);
  return rows[0];
}

export async function latestVersionSeq(db: Db, questionnaireId: string): Promise<number> {
  const rows = await db
    .select({ seq: questionnaireVersions.seq })
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.questionnaireId, questionnaireId))
    .orderBy(desc(questionnaireVersions.seq))
    .limit(1);
  return rows[0]?.seq ?? 0;
}

export interface NewVersion {
  id: string;
  questionnaireId: string;
  version: string;
  contentHash: string;
  definition: string;
  title: string;
  family: string;
  languages: string[];
  questionCount: number;
  seq: number;
  publishedAt: Date;
}

/** The statements that publish one version and point its questionnaire at it: run them atomically. */
export function publishVersionStatements(db: Db, v: NewVersion): Statement[] {
  return statements([
    db
      .insert(questionnaires)
      .values({
        id: v.questionnaireId,
        title: v.title,
        family: v.family,
        state: 'open',
        stateChangedAt: v.publishedAt,
        createdAt: v.publishedAt,
      })
      .onConflictDoUpdate({ target: questionnaires.id, set: { title: v.title, family: v.family } }),
    db.insert(questionnaireVersions).values({
      id: v.id,
      questionnaireId: v.questionnaireId,
      version: v.version,
      contentHash: v.contentHash,
      definition: v.definition,
      title: v.title,
      languages: v.languages,
      questionCount: v.questionCount,
      seq: v.seq,
      publishedAt: v.publishedAt,
    }),
    db.update(questionnaires).set({ currentVersionId: v.id }).where(eq(questionnaires.id, v.questionnaireId)),
  ]);
}

/**
 * Closes a version for new data, or opens it again (returning the row; none when the version does
 * not exist). Closing again keeps the first time: the interviews begun before it stay accepted.
 */
export function setVersionClosedStatement(db: Db, questionnaireId: string, version: string, closed: boolean, at: Date): Statement {
  return statement(
    db
      .update(questionnaireVersions)
      .set({ closedAt: closed ? sql`COALESCE(${questionnaireVersions.closedAt}, ${at.getTime()})` : null })
      .where(and(eq(questionnaireVersions.questionnaireId, questionnaireId), eq(questionnaireVersions.version, version)))
      .returning(),
    questionnaireVersions,
  );
}

/** Changes the state (returning the row; none when the questionnaire does not exist). */
export function setQuestionnaireStateStatement(db: Db, id: string, state: QuestionnaireState, at: Date): Statement {
  return statement(
    db
      .update(questionnaires)
      .set({
        state,
        stateChangedAt: sql`CASE WHEN ${questionnaires.state} = ${state} THEN ${questionnaires.stateChangedAt} ELSE ${at.getTime()} END`,
      })
      .where(eq(questionnaires.id, id))
      .returning(),
    questionnaires,
  );
}
