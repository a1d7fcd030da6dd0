// Query functions for sessions, bearer tokens (API and device) and sign-in throttling.
import { and, asc, eq, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import { statement, type Db, type Statement } from './db';
import { sessions, signInThrottle, tokens, users, type TokenKind } from './schema';
import type { UserRow } from './users';
import { prepared } from './prepared';

export type SessionRow = typeof sessions.$inferSelect;
export type TokenRow = typeof tokens.$inferSelect;

/** A session with its user, in one query (every request that carries a cookie asks). */
export async function findSessionWithUser(db: Db, tokenHash: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const query = prepared(db, 'findSessionWithUser', (d) =>
    d
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.tokenHash, sql.placeholder('hash')))
      .prepare(),
  );
  return (await query.all({ hash: tokenHash }))[0];
}

export function insertSessionStatement(db: Db, s: SessionRow): Statement {
  return statement(db.insert(sessions).values(s));
}

export function touchSessionStatement(db: Db, tokenHash: string, at: Date): Statement {
  return statement(db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash)));
}

export function deleteSessionStatement(db: Db, tokenHash: string): Statement {
  return statement(db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)));
}

export function deleteUserSessionsStatement(db: Db, userId: string): Statement {
  return statement(db.delete(sessions).where(eq(sessions.userId, userId)));
}

export function deleteExpiredSessionsStatement(db: Db, now: Date, idleMs: number): Statement {
  return statement(db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - idleMs)))));
}

/** A bearer token with its user, in one query (every API and device request asks). */
export async function findTokenWithUser(db: Db, tokenHash: string): Promise<{ token: TokenRow; user: UserRow } | undefined> {
  const query = prepared(db, 'findTokenWithUser', (d) =>
    d
      .select({ token: tokens, user: users })
      .from(tokens)
      .innerJoin(users, eq(users.id, tokens.userId))
      .where(eq(tokens.tokenHash, sql.placeholder('hash')))
      .prepare(),
  );
  return (await query.all({ hash: tokenHash }))[0];
}

export function touchTokenStatement(db: Db, id: string, at: Date): Statement {
  return statement(db.update(tokens).set({ lastUsedAt: at }).where(eq(tokens.id, id)));
}

export async function listTokens(db: Db, kind: TokenKind, userId?: string): Promise<TokenRow[]> {
  return db
    .select()
    .from(tokens)
    .where(and(eq(tokens.kind, kind), userId ? eq(tokens.userId, userId) : undefined))
    .orderBy(asc(tokens.createdAt));
}

export async function findToken(db: Db, id: string): Promise<TokenRow | undefined> {
  return (await db.select().from(tokens).where(eq(tokens.id, id)).limit(1))[0];
}

export function insertTokenStatement(db: Db, t: typeof tokens.$inferInsert): Statement {
  return statement(db.insert(tokens).values(t));
}

/** Revokes a token not yet revoked; returns it (empty when already revoked or unknown). */
export function revokeTokenStatement(db: Db, id: string, at: Date): Statement {
  return statement(
    db
      .update(tokens)
      .set({ revokedAt: at })
      .where(and(eq(tokens.id, id), isNull(tokens.revokedAt)))
      .returning(),
    tokens,
  );
}

/**
 * Revokes, at once, the tokens of a user of one kind: `api` (their own scripts) or `device` (the
 * devices they issued), the latter only outside `keepCountries` when given.
 */
export function revokeUserTokensStatement(db: Db, userId: string, kind: TokenKind, at: Date, keepCountries?: readonly string[]): Statement {
  return statement(
    db
      .update(tokens)
      .set({ revokedAt: at })
      .where(
        and(
          eq(tokens.userId, userId),
          eq(tokens.kind, kind),
          isNull(tokens.revokedAt),
          keepCountries?.length ? notInArray(tokens.country, [...keepCountries]) : undefined,
        ),
      ),
  );
}

export type ThrottleRow = typeof signInThrottle.$inferSelect;

export async function findThrottles(db: Db, keys: string[]): Promise<ThrottleRow[]> {
  return db
    .select()
    .from(signInThrottle)
    .where(or(...keys.map((k) => eq(signInThrottle.key, k))));
}

/**
 * Counts one failure for `key` in a window of `windowMs`, locking it for `lockMs` once `limit` is
 * reached. One statement, so concurrent failures are all counted.
 */
export function recordFailureStatement(db: Db, key: string, now: Date, windowMs: number, limit: number, lockMs: number): Statement {
  const t = now.getTime();
  const failures = sql`CASE WHEN ${signInThrottle.windowStart} < ${t - windowMs} THEN 1 ELSE ${signInThrottle.failures} + 1 END`;
  return statement(
    db
      .insert(signInThrottle)
      .values({ key, failures: 1, windowStart: now, lockedUntil: limit <= 1 ? new Date(t + lockMs) : null })
      .onConflictDoUpdate({
        target: signInThrottle.key,
        set: {
          failures,
          windowStart: sql`CASE WHEN ${signInThrottle.windowStart} < ${t - windowMs} THEN ${t} ELSE ${signInThrottle.windowStart} END`,
          lockedUntil: sql`CASE WHEN ${failures} >= ${limit} THEN ${t + lockMs} ELSE ${signInThrottle.lockedUntil} END`,
        },
      })
      .returning({ failures: signInThrottle.failures }),
    { failures: signInThrottle.failures },
  );
}

/** Gives back an attempt counted in advance that succeeded: one failure fewer, and no lock below the limit. */
export function refundFailureStatement(db: Db, key: string, limit: number): Statement {
  return statement(
    db
      .update(signInThrottle)
      .set({
        failures: sql`max(${signInThrottle.failures} - 1, 0)`,
        lockedUntil: sql`CASE WHEN ${signInThrottle.failures} - 1 < ${limit} THEN NULL ELSE ${signInThrottle.lockedUntil} END`,
      })
      .where(eq(signInThrottle.key, key)),
  );
}

export function clearThrottleStatement(db: Db, key: string): Statement {
  return statement(db.delete(signInThrottle).where(eq(signInThrottle.key, key)));
}
