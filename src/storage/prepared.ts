// Statements built once per database handle for the paths every request takes: the reads
// (token, questionnaire, version, response look-ups) and, on Node, the submission's writes. drizzle
// otherwise rebuilds the SQL text on every call, which cost more than running it. One cache per
// database handle; the values come in through `sql.placeholder`, so one statement serves every
// call. It also holds other per-handle state (the cache of published versions).
//
// A statement built once has no `.limit()`: drizzle binds the limit as a parameter, and SQLite
// compiles a statement whose LIMIT is a bound parameter again every time it is bound (its planner
// uses the value), which was 30 of the 38 µs of a look-up. The look-ups go by a unique key and
// take the first row; `prepared` refuses a built statement with a bound LIMIT.
import { fillPlaceholders, getTableColumns, sql, type SQL, type Table } from 'drizzle-orm';
import { hasReturning, type Db, type Statement, type WireQuery, type Wired } from './db';

const caches = new WeakMap<Db, Map<string, unknown>>();

/** What `build` makes (a prepared statement, a cache), made once per database handle and name. */
export function prepared<T>(db: Db, name: string, build: (db: Db) => T): T {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db);
    if (bindsLimit(statement)) throw new Error(`statement ${name} is built once: its LIMIT must not be a bound parameter (SQLite would compile it again on every call)`);
    cache.set(name, statement);
  }
  return statement;
}

/** A drizzle prepared query whose SQL has `limit ?`. */
function bindsLimit(statement: unknown): boolean {
  const getQuery = (statement as Partial<WirePrepared> | null)?.getQuery;
  return typeof getQuery === 'function' && /\blimit \?/i.test(getQuery.call(statement).sql);
}

/** Each value of V, or the SQL that stands for it in a statement built once. */
export type Bindable<V> = { [K in keyof V]: V[K] | SQL };

/**
 * A write that runs on every submission, built once per handle and run with this call's values
 * where the driver can reuse a statement (better-sqlite3: building and compiling an upsert cost
 * more than running it; the writer thread: the SQL text is built once, and the thread keeps it
 * compiled); built with the values in place where it cannot (D1's batch takes built statements).
 * `build` gets either the values or, for the reusable form, a placeholder for each. `encode`
 * turns the values into what the placeholders take (the columns' driver values). The statement is
 * built from the first call's keys: every call must give the same keys.
 */
export function reusableWrite<V extends Record<string, unknown>>(
  db: Db,
  name: string,
  values: V,
  encode: (values: V) => Record<string, unknown>,
  build: (db: Db, values: Bindable<V>) => Statement,
): Statement {
  const wire = wireDbs.has(db);
  if (!wire && (db as unknown as { resultKind: string }).resultKind !== 'sync') return build(db, values);
  const { query, returnsRows } = prepared(db, `write:${name}`, (d) => {
    const built = build(d, placeholders(values));
    return { query: (built as unknown as { prepare(): PreparedWrite }).prepare(), returnsRows: hasReturning(built) };
  });
  const bound = encode(values);
  if (wire) return { run: notHere, all: notHere, returnsRows, wire: () => wireQuery(query, bound) };
  return { run: () => query.run(bound), all: () => query.all(bound), returnsRows };
}

/** A placeholder for each key of `values`, to build a statement once and bind it on each call. */
function placeholders<V extends Record<string, unknown>>(values: V): Bindable<V> {
  return Object.fromEntries(Object.keys(values).map((key) => [key, sql`${sql.placeholder(key)}`])) as Bindable<V>;
}

/** Database handles whose statements are sent to the Node writer thread (src/entry/writer-thread.ts). */
export const wireDbs = new WeakSet<Db>();

const notHere = () => {
  throw new Error('a statement for the writer thread runs only through atomic()');
};

/** drizzle's prepared query, as much of it as sending it to the writer thread needs. */
export interface WirePrepared {
  getQuery(): { sql: string; params: unknown[] };
  executeMethod: WireQuery['method'];
  mapResult(result: unknown, isFromBatch: boolean): unknown;
}

/** A prepared query with these values, for the writer thread, and how to read its answer. */
export function wireQuery(prepared: WirePrepared, values: Record<string, unknown> = {}): Wired {
  const { sql: text, params } = prepared.getQuery();
  return { query: { sql: text, params: fillPlaceholders(params, values), method: prepared.executeMethod }, map: (result) => prepared.mapResult(result, true) };
}

interface PreparedWrite extends WirePrepared {
  run(values: Record<string, unknown>): unknown;
  all(values: Record<string, unknown>): unknown;
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
