// The writer thread of the Node server (started by src/entry/writer-thread.ts): it owns the
// connection every atomic() write goes through, so writing, committing and waiting for the fsync
// happen beside the event loop instead of stopping it. Plain JavaScript on purpose: no TypeScript
// loader in the thread, and the same file serves from src/ and (bundled) from dist/.
//
// In: { id, statements: [{ sql, params }] }, one message per atomic() call; 'close'.
// Out: one array per group commit, [{ id, results } | { id, error }], posted after the COMMIT has
// returned, so with synchronous=FULL after the fsync: an acknowledged write is on disk.
// Every batch received while the previous group was being committed is written in one
// transaction, each batch in its own savepoint: a batch that fails is rolled back alone and its
// caller gets the error; the others commit.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { cachedPrepare, commitGroup, configure, execute, groupQueue, threadOutcome } from './sqlite-shared.mjs';

const { file, synchronous } = workerData;
const sqlite = new Database(file, { fileMustExist: true });
configure(sqlite, synchronous);
sqlite.pragma('foreign_keys = ON');
const prepare = cachedPrepare(sqlite);

const writes = groupQueue((group) => {
  const outcomes = commitGroup(
    sqlite,
    group.map((job) => () => job.statements.map((statement) => execute(prepare, statement))),
  );
  parentPort.postMessage(outcomes.map((o, i) => threadOutcome(group[i].id, o)));
});

parentPort.on('message', (message) => {
  if (message === 'close') {
    writes.flush();
    sqlite.close();
    parentPort.close();
    return;
  }
  writes.push(message);
});
