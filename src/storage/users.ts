// Query functions for users and their questionnaire assignments.
import { asc, eq, sql } from 'drizzle-orm';
import { statement, statements, type Db, type Statement } from './db';
import { assignments, users, type Role } from './schema';
import { prepared } from './prepared';

export type UserRow = typeof users.$inferSelect;

export async function findUserByName(db: Db, username: string): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(eq(users.username, username)).limit(1))[0];
}

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  const query = prepared(db, 'findUser', (d) =>
    d
      .select()
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare(),
  );
  return (await query.all({ id }))[0];
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.username));
}

/** Every user's assigned questionnaires, in one query (a listing of users asks once, not per user). */
export async function assignmentsByUser(db: Db): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ user: assignments.userId, q: assignments.questionnaireId })
    .from(assignments)
    .orderBy(asc(assignments.questionnaireId));
  const byUser = new Map<string, string[]>();
  for (const r of rows) byUser.set(r.user, [...(byUser.get(r.user) ?? []), r.q]);
  return byUser;
}

export async function assignedQuestionnaires(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ q: assignments.questionnaireId }).from(assignments).where(eq(assignments.userId, userId));
  return rows.map((r) => r.q).sort();
}

export function insertUserStatement(db: Db, user: typeof users.$inferInsert): Statement {
  return statement(db.insert(users).values(user));
}

export function updateUserStatement(
  db: Db,
  id: string,
  change: Partial<{ role: Role; countries: string[]; disabledAt: Date | null; displayName: string; passwordHash: string }>,
): Statement {
  return statement(db.update(users).set(change).where(eq(users.id, id)).returning(), users);
}

/** Replaces a user's assignments: delete then insert, run atomically by the caller. */
export function replaceAssignmentsStatements(db: Db, userId: string, questionnaireIds: string[]): Statement[] {
  return statements([
    db.delete(assignments).where(eq(assignments.userId, userId)),
    ...questionnaireIds.map((questionnaireId) => db.insert(assignments).values({ userId, questionnaireId })),
  ]);
}
