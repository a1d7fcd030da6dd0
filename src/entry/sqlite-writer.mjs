// The writer thread of the Node server (started by src/entry/writer-thread.ts): it owns the
// connection every atomic() write goes through, so writing, committing and waiting for the fsync
// happen beside the event loop instead of stopping it. Plain JavaScript on purpose: no TypeScript
// loader in the thread, and the same file serves from src/ and (bundled) from dist/.
//
// In: { id, statements: [{ sql, params, method }] }, one message per atomic() call; 'close'.
// Out: one array per group commit, [{ id, results } | { id, error }], posted after the COMMIT has
// returned, so with synchronous=FULL after the fsync: an acknowledged write is on disk.
// Every batch received while the previous group was being committed is written in one
// transaction, each batch in its own savepoint: a batch that fails is rolled back alone and its
// caller gets the error; the others commit.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const { file, synchronous } = workerData;
const sqlite = new Database(file, { fileMustExist: true });
sqlite.pragma('journal_mode = WAL');
sqlite.pragma(`synchronous = ${synchronous}`);
sqlite.pragma('busy_timeout = 5000');
sqlite.pragma('foreign_keys = ON');

/** Compiled statements by SQL text: a submission's few texts come back on every call. */
const STATEMENT_CACHE_SIZE = 500;
const statements = new Map();
function compiled(source) {
  let statement = statements.get(source);
  if (!statement) {
    statement = sqlite.prepare(source);
    if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value);
    statements.set(source, statement);
  }
  return statement;
}

/** Runs one statement; rows come back as arrays of values, which drizzle maps on the main thread. */
function execute({ sql, params, method }) {
  const statement = compiled(sql);
  if (!statement.reader) {
    statement.run(params);
    return { rows: [] };
  }
  statement.raw(true);
  return { rows: method === 'get' ? statement.get(params) : statement.all(params) };
}

/** What crosses back of an error: its message (constraint errors are recognised by it) and code. */
const errorOf = (e) => ({ message: e instanceof Error ? e.message : String(e), code: e && typeof e === 'object' ? e.code : undefined });

let queue = [];
function flush() {
  const batch = queue;
  queue = [];
  const outcomes = [];
  try {
    sqlite.transaction(() => {
      for (const job of batch) {
        try {
          outcomes.push({ id: job.id, results: sqlite.transaction(() => job.statements.map(execute))() });
        } catch (e) {
          outcomes.push({ id: job.id, error: errorOf(e) });
        }
      }
    })();
  } catch (e) {
    // The COMMIT itself failed (disk full, I/O error): nothing of the group is written.
    const error = errorOf(e);
    parentPort.postMessage(batch.map((job) => ({ id: job.id, error })));
    return;
  }
  parentPort.postMessage(outcomes);
}

parentPort.on('message', (message) => {
  if (message === 'close') {
    if (queue.length) flush();
    sqlite.close();
    parentPort.close();
    return;
  }
  if (queue.length === 0) setImmediate(flush);
  queue.push(message);
});
