// Prepared read queries for the paths every request takes (token, questionnaire, version,
// response look-ups). drizzle otherwise rebuilds the SQL text and asks SQLite to prepare it on
// every call, which cost more than the reads themselves. One cache per database handle; the
// values come in through `sql.placeholder`, so a prepared statement serves every call. It also
// holds other per-handle state (the cache of published versions).
import type { Db } from './db';

const caches = new WeakMap<Db, Map<string, unknown>>();

/** What `build` makes (a prepared statement, a cache), made once per database handle and name. */
export function prepared<T>(db: Db, name: string, build: (db: Db) => T): T {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db);
    cache.set(name, statement);
  }
  return statement;
}
