// The database handle every query function takes first, and the one helper for multi-statement
// writes. Both drivers (better-sqlite3, D1) fit these types; nothing here imports either driver.
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema';

export type Db = BaseSQLiteDatabase<'sync' | 'async', unknown, typeof schema>;

/** A statement as the Node writer thread takes it: SQL text, driver values, how to run it. */
export interface WireQuery {
  sql: string;
  params: unknown[];
  method: 'run' | 'all' | 'get' | 'values';
}

/** A statement for the writer thread, and how to read the thread's answer to it. */
export interface Wired {
  query: WireQuery;
  map(result: unknown): unknown;
}

/**
 * A drizzle statement built but not yet executed (or a reusable write bound to its values). A
 * reusable write for the writer thread has `wire` instead: its query, and how to read its answer.
 */
export type Statement = { run(): unknown; all(): unknown; returnsRows?: boolean; wire?(): Wired };

/**
 * Runs the statements that `build` returns as one transaction: all or nothing. Resolves to one
 * entry per statement: the rows of a statement built with `.returning()`, else an empty list.
 * D1 has no interactive transactions, so there is no read inside; express read-then-write as
 * INSERT ... SELECT / ON CONFLICT / RETURNING / WHERE changes() in the statements themselves.
 */
export type Atomic = (build: (db: Db) => Statement[]) => Promise<unknown[][]>;

/** Whether a drizzle insert/update/delete was built with `.returning()` (or a reusable write says so). */
export function hasReturning(statement: Statement): boolean {
  const s = statement as { config?: { returning?: unknown }; returnsRows?: boolean };
  return s.returnsRows ?? Boolean(s.config?.returning);
}
