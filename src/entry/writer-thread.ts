// atomic() through a writer thread (src/entry/sqlite-writer.mjs), the Node server's way of
// writing. The event loop builds the statements and sends their SQL and values; the thread writes
// them with group commit on its own connection and answers after the fsync. The event loop thus
// never waits for the disk: while one group is being made durable it parses, authenticates and
// validates the next submissions, and serves reads (WAL: readers never wait for the writer, and
// see a commit only once it is durable). Writes that stayed on the event loop's connection would
// wait for the thread's write lock in SQLite's busy handler, which sleeps: every write goes here.
import { Worker } from 'node:worker_threads';
import { readRows, type Atomic, type Db, type DriverRow } from '../storage/db';
import type { ThreadOutcome } from './sqlite-shared.mjs';

interface Waiting {
  resolve(results: DriverRow[][]): void;
  reject(error: unknown): void;
}

export interface WriterThread {
  atomic: Atomic;
  /** Writes what was sent, closes the thread's connection and ends the thread. */
  close(): Promise<void>;
}

/** Starts the writer thread on `file` (already created and migrated); `db` builds the statements. */
export function startWriterThread(file: string, synchronous: 'FULL' | 'NORMAL', db: Db): WriterThread {
  const worker = new Worker(new URL('./sqlite-writer.mjs', import.meta.url), { workerData: { file, synchronous } });
  // The thread keeps the process alive only while a write is waiting for it.
  worker.unref();
  const waiting = new Map<number, Waiting>();
  let last = 0;
  let stopped: Error | undefined;
  const failAll = (error: Error) => {
    stopped ??= error;
    for (const w of waiting.values()) w.reject(stopped);
    waiting.clear();
    worker.unref();
  };
  worker.on('message', (outcomes: ThreadOutcome[]) => {
    for (const outcome of outcomes) {
      const w = waiting.get(outcome.id);
      if (!w) continue;
      waiting.delete(outcome.id);
      if ('error' in outcome) w.reject(Object.assign(new Error(outcome.error.message), { code: outcome.error.code }));
      else w.resolve(outcome.results as DriverRow[][]);
    }
    if (waiting.size === 0) worker.unref();
  });
  worker.on('error', (error) => failAll(new Error(`the database writer thread failed: ${error.message}`, { cause: error })));
  const exited = new Promise<void>((done) =>
    worker.on('exit', (code) => {
      failAll(new Error(`the database writer thread has stopped (exit code ${code})`));
      done();
    }),
  );
  const send = (statements: Array<{ sql: string; params: unknown[] }>) =>
    new Promise<DriverRow[][]>((resolve, reject) => {
      if (stopped) return reject(stopped);
      const id = ++last;
      if (waiting.size === 0) worker.ref();
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, statements });
    });
  // The thread gets each statement's SQL and driver values; the rows come back by column name.
  const atomic: Atomic = async (build) => {
    const statements = build(db);
    if (statements.length === 0) return [];
    return readRows(statements, await send(statements.map(({ sql, params }) => ({ sql, params }))));
  };
  return {
    atomic,
    close: async () => {
      if (!stopped) {
        worker.ref();
        worker.postMessage('close');
      }
      await exited;
    },
  };
}
