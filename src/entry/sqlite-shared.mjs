// What the event loop's connection (src/entry/sqlite.ts) and the writer thread's
// (src/entry/sqlite-writer.mjs) share: the settings durability depends on, the cache of compiled
// statements, and group commit. Plain JavaScript so the writer thread needs no TypeScript loader;
// its types are in sqlite-shared.d.mts.

/**
 * journal_mode=WAL: readers never block the writer, and a commit is one append to the WAL.
 * synchronous: FULL fsyncs every commit before it returns (see openDatabase).
 */
export function configure(sqlite, synchronous) {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('busy_timeout = 5000');
}

/** How many distinct SQL texts keep their compiled statement (more are recompiled when met again). */
const STATEMENT_CACHE_SIZE = 500;

/** `prepare`, keeping each SQL text's compiled statement: compiling cost more than running it. */
export function cachedPrepare(sqlite) {
  const cache = new Map();
  return (source) => {
    let statement = cache.get(source);
    if (!statement) {
      statement = sqlite.prepare(source);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value);
      cache.set(source, statement);
    }
    return statement;
  };
}

/**
 * Runs one statement of an atomic() write ({ sql, params }, src/storage/db.ts): the rows it
 * returns as objects by column name (none for a statement that returns none).
 */
export function execute(prepare, { sql, params }) {
  const statement = prepare(sql);
  if (!statement.reader) {
    statement.run(params);
    return [];
  }
  statement.raw(false);
  return statement.all(params);
}

/**
 * Runs each job in its own savepoint inside one transaction (better-sqlite3 nests transactions
 * that way): a job that throws is rolled back alone and its error is its outcome; the others
 * commit together, with one fsync. When the COMMIT itself fails (disk full, I/O error) nothing of
 * the group is written, and that error is every job's outcome.
 */
export function commitGroup(sqlite, jobs) {
  const outcomes = [];
  try {
    // better-sqlite3 transactions must be synchronous: an async callback would run outside them.
    sqlite.transaction(() => {
      for (const job of jobs) {
        try {
          outcomes.push({ ok: true, value: sqlite.transaction(job)() });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
    })();
  } catch (error) {
    return jobs.map(() => ({ ok: false, error }));
  }
  return outcomes;
}

/**
 * Collects what is pushed during one turn of the event loop and hands it to `onGroup` together on
 * the next; `flush` hands over what is waiting at once.
 */
export function groupQueue(onGroup) {
  let queue = [];
  const flush = () => {
    if (queue.length === 0) return;
    const group = queue;
    queue = [];
    onGroup(group);
  };
  return {
    push(item) {
      if (queue.length === 0) setImmediate(flush);
      queue.push(item);
    },
    flush,
  };
}

/**
 * The writer thread's answer to one atomic() call (src/entry/writer-thread.ts reads it): the rows of
 * each statement, or what crosses back of the error (its message, by which constraint errors are
 * recognised, and its code).
 */
export function threadOutcome(id, outcome) {
  if (outcome.ok) return { id, results: outcome.value };
  const e = outcome.error;
  return { id, error: { message: e instanceof Error ? e.message : String(e), code: e && typeof e === 'object' ? e.code : undefined } };
}
