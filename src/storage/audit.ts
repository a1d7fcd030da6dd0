// The append-only audit log: statements that add an entry (to run in the same atomic batch as the
// write they record), and the filtered, keyset-paged listing for admins. Never answer values.
import { and, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import { statement, type Db, type Statement } from './db';
import { auditLog } from './schema';
import { reusableWrite } from './prepared';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  requestId: string;
  details?: Record<string, unknown>;
}

export function auditStatement(db: Db, e: AuditEntry): Statement {
  return statement(db.insert(auditLog).values({ ...e, details: e.details ?? {} }));
}

/**
 * An entry written only when the statement just before it in the batch changed a row (SQLite's
 * changes()): a write that turned out to be a no-op, such as an idempotent retry, is not logged.
 */
export function auditIfChangedStatement(db: Db, e: AuditEntry): Statement {
  const values = {
    at: e.at.getTime(),
    actor: e.actor,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    requestId: e.requestId,
    details: JSON.stringify(e.details ?? {}),
  };
  return reusableWrite(
    db,
    'auditIfChanged',
    values,
    (v) => v,
    (d, v) =>
      d
        .insert(auditLog)
        .select(
          sql`SELECT NULL, ${v.at}, ${v.actor}, ${v.action}, ${v.targetType}, ${v.targetId}, ${v.requestId}, ${v.details} WHERE changes() > 0`,
        ),
  );
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  before?: number;
  limit: number;
}

/** Newest first, keyset-paged by id. */
export async function listAudit(db: Db, f: AuditFilter): Promise<{ rows: AuditRow[]; next: number | null }> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        f.action ? eq(auditLog.action, f.action) : undefined,
        f.actor ? eq(auditLog.actor, f.actor) : undefined,
        f.targetId ? eq(auditLog.targetId, f.targetId) : undefined,
        f.from ? gte(auditLog.at, f.from) : undefined,
        f.to ? lte(auditLog.at, f.to) : undefined,
        f.before ? lt(auditLog.id, f.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  return { rows: page, next: rows.length > f.limit ? page.at(-1)!.id : null };
}
