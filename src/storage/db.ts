// The database handle every query function takes first, and the one shape of a write. Reads run
// through drizzle on the handle; writes are Statements: SQL text and driver values, built with
// drizzle's public API (`toSQL()`), and how to read the rows the statement returns. Each runtime's
// atomic() (src/entry/) runs them; nothing here knows of drivers, threads or runtimes.
import { getTableColumns, is, Table, type Column } from 'drizzle-orm';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema';

export type Db = BaseSQLiteDatabase<'sync' | 'async', unknown, typeof schema>;

/** A row as a driver returns it: values by SQL column name. */
export type DriverRow = Record<string, unknown>;

/** One write: SQL with `?` parameters, their driver values, and how to read a returned row (none: rows are not read). */
export interface Statement {
  sql: string;
  params: unknown[];
  read?: (row: DriverRow) => unknown;
}

/**
 * Runs the statements that `build` returns as one transaction: all or nothing. Resolves to one
 * entry per statement: the rows of a statement that reads them, else an empty list. `build`'s db
 * only builds statements. D1 has no interactive transactions, so there is no read inside; express
 * read-then-write as INSERT ... SELECT / ON CONFLICT / RETURNING / WHERE changes() in the statements.
 */
export type Atomic = (build: (db: Db) => Statement[]) => Promise<unknown[][]>;

/** A drizzle insert, update or delete, not executed. */
export interface BuiltQuery {
  toSQL(): { sql: string; params: unknown[] };
}

/** What a statement's RETURNING gives back: a whole table's row, or the named columns. */
export type Returning = Table | Record<string, Column>;

/** A statement from a drizzle query; `returning` says what its RETURNING clause gives back (omit when it has none). */
export function statement(query: BuiltQuery, returning?: Returning): Statement {
  const { sql, params } = query.toSQL();
  return { sql, params, ...(returning ? { read: rowReader(returning) } : {}) };
}

/** Statements from drizzle queries that return no rows to read. */
export const statements = (queries: BuiltQuery[]): Statement[] => queries.map((query) => statement(query));

const readers = new WeakMap<object, (row: DriverRow) => unknown>();

/** Reads a driver row into the typed row drizzle would give (JSON parsed, timestamps as Dates, booleans). */
export function rowReader(returning: Returning): (row: DriverRow) => unknown {
  let reader = readers.get(returning);
  if (reader) return reader;
  const fields = Object.entries(is(returning, Table) ? getTableColumns(returning) : (returning as Record<string, Column>));
  reader = (row) => {
    const out: Record<string, unknown> = {};
    for (const [field, column] of fields) {
      const value = row[column.name];
      out[field] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return out;
  };
  readers.set(returning, reader);
  return reader;
}

/** Reads the rows of each statement of an atomic() call. */
export function readRows(statements: Statement[], rows: DriverRow[][]): unknown[][] {
  return statements.map((s, i) => (s.read ? rows[i]!.map(s.read) : []));
}
