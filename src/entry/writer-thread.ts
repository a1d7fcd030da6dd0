// atomic() through a writer thread (src/entry/sqlite-writer.mjs), the Node server's way of
// writing. The event loop builds the statements and sends their SQL and values; the thread writes
// them with group commit on its own connection and answers after the fsync. The event loop thus
// never waits for the disk: while one group is being made durable it parses, authenticates and
// validates the next submissions, and serves reads (WAL: readers never wait for the writer, and
// see a commit only once it is durable). Writes that stayed on the event loop's connection would
// wait for the thread's write lock in SQLite's busy handler, which sleeps: every write goes here.
import { drizzle } from 'drizzle-orm/sqlite-proxy';
import { Worker } from 'node:worker_threads';
import { hasReturning, type Atomic, type Db, type Statement, type WireQuery, type Wired } from '../storage/db';
import { wireDbs, wireQuery, type WirePrepared } from '../storage/prepared';
import * as schema from '../storage/schema';
import type { ThreadOutcome } from './sqlite-shared.mjs';

interface Waiting {
  resolve(results: unknown[]): void;
  reject(error: unknown): void;
}

export interface WriterThread {
  atomic: Atomic;
  /** Writes what was sent, closes the thread's connection and ends the thread. */
  close(): Promise<void>;
}

/** The query of a statement and how to read the thread's answer to it (drizzle maps the rows). */
function wireOf(statement: Statement): Wired {
  return statement.wire?.() ?? wireQuery((statement as unknown as { _prepare(): WirePrepared })._prepare());
}

/** Starts the writer thread on `file` (already created and migrated). */
export function startWriterThread(file: string, synchronous: 'FULL' | 'NORMAL'): WriterThread {
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
      else w.resolve(outcome.results);
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
  const send = (statements: WireQuery[]) =>
    new Promise<unknown[]>((resolve, reject) => {
      if (stopped) return reject(stopped);
      const id = ++last;
      if (waiting.size === 0) worker.ref();
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, statements });
    });
  // Statements are built with drizzle's remote driver (values mapped to what SQLite stores) and
  // run only in batches, through atomic().
  const db = drizzle(() => Promise.reject(new Error('the writer thread runs statements only through atomic()')), { schema }) as unknown as Db;
  wireDbs.add(db);
  const atomic: Atomic = async (build) => {
    const statements = build(db);
    if (statements.length === 0) return [];
    const wired = statements.map(wireOf);
    const results = await send(wired.map((w) => w.query));
    return statements.map((statement, i) => (hasReturning(statement) ? (wired[i]!.map(results[i]) as unknown[]) : []));
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
