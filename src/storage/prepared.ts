// Statements built once for the paths every request takes: the reads (token, questionnaire,
// version, response look-ups), per database handle, and the submission's writes. drizzle
// otherwise rebuilds the SQL text on every call, which cost more than running it. One cache per
// database handle; the values come in through `sql.placeholder`, so one statement serves every
// call. It also holds other per-handle state (the cache of published versions).
//
// A statement built once has no `.limit()`: drizzle binds the limit as a parameter, and SQLite
// compiles a statement whose LIMIT is a bound parameter again every time it is bound (its planner
// uses the value), which was 30 of the 38 µs of a look-up. The look-ups go by a unique key and
// take the first row; `prepared` refuses a built statement with a bound LIMIT.
import { fillPlaceholders, getTableColumns, sql, type SQL, type Table } from 'drizzle-orm';
import { statement, type BuiltQuery, type Db, type Returning, type Statement } from './db';

const caches = new WeakMap<Db, Map<string, unknown>>();

/** What `build` makes (a prepared statement, a cache), made once per database handle and name. */
export function prepared<T>(db: Db, name: string, build: (db: Db) => T): T {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db);
    if (bindsLimit(statement))
      throw new Error(
        `statement ${name} is built once: its LIMIT must not be a bound parameter (SQLite would compile it again on every call)`,
      );
    cache.set(name, statement);
  }
  return statement;
}

/** A drizzle prepared query whose SQL has `limit ?`. */
function bindsLimit(built: unknown): boolean {
  const getQuery = (built as { getQuery?: () => { sql: string } } | null)?.getQuery;
  return typeof getQuery === 'function' && /\blimit \?/i.test(getQuery.call(built).sql);
}

/** Each value of V, or the SQL that stands for it in a statement built once. */
export type Bindable<V> = { [K in keyof V]: V[K] | SQL };

const templates = new Map<string, Statement>();

/**
 * A write that runs on every submission, built once (its SQL text does not depend on the values)
 * and bound with this call's values: building the SQL cost more than running it. `build` gets a
 * placeholder for each value; `encode` turns the values into what the placeholders take (the
 * columns' driver values). Every call must give the same keys.
 */
export function reusableWrite<V extends Record<string, unknown>>(
  db: Db,
  name: string,
  values: V,
  encode: (values: V) => Record<string, unknown>,
  build: (db: Db, values: Bindable<V>) => BuiltQuery,
  returning?: Returning,
): Statement {
  let template = templates.get(name);
  if (!template) templates.set(name, (template = statement(build(db, placeholders(values)), returning)));
  return { ...template, params: fillPlaceholders(template.params, encode(values)) };
}

/** A placeholder for each key of `values`, to build a statement once and bind it on each call. */
function placeholders<V extends Record<string, unknown>>(values: V): Bindable<V> {
  return Object.fromEntries(Object.keys(values).map((key) => [key, sql`${sql.placeholder(key)}`])) as Bindable<V>;
}

/** The driver values of a row for `table`'s columns (JSON, timestamps), nulls kept. */
export function columnValues(table: Table, row: Record<string, unknown>): Record<string, unknown> {
  const columns = getTableColumns(table) as Record<string, { mapToDriverValue(v: unknown): unknown }>;
  const out: Record<string, unknown> = {};
  for (const key in row) {
    const value = row[key];
    out[key] = value === null || value === undefined ? null : columns[key]!.mapToDriverValue(value);
  }
  return out;
}
