// Node-only storage: opening the SQLite file with the settings durability depends on, applying
// migrations, and the better-sqlite3 version of atomic().
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRows, type Atomic, type Db } from '../storage/db';
import * as schema from '../storage/schema';
import { cachedPrepare, commitGroup, configure, execute, groupQueue } from './sqlite-shared.mjs';
import { startWriterThread } from './writer-thread';

/** db/migrations of the package, found from this module whether it runs from src/entry or dist/. */
export const MIGRATIONS_DIR = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++, dir = dirname(dir)) {
    const candidate = resolve(dir, 'db/migrations');
    if (existsSync(resolve(candidate, 'meta/_journal.json'))) return candidate;
  }
  throw new Error(`db/migrations not found above ${fileURLToPath(import.meta.url)}`);
})();

export interface SqliteHandle {
  sqlite: Database.Database;
  db: Db;
  atomic: Atomic;
  /** Closes the database (with a writer thread: once the writes sent to it are done). */
  close(): Promise<void>;
}

export interface OpenOptions {
  synchronous?: 'FULL' | 'NORMAL';
  /**
   * Where atomic() writes: 'inline' on this thread's connection with group commit (commands that
   * run and exit); 'thread' through a writer thread (src/entry/writer-thread.ts), the server's
   * choice, so the event loop never waits for an fsync. Reads stay on this thread either way.
   */
  writer?: 'inline' | 'thread';
}

/**
 * Opens (creating if needed) and migrates the database file.
 * journal_mode=WAL: readers never block the writer, and a commit is one append to the WAL.
 * synchronous=FULL: every commit is fsynced before it returns, so a response we acknowledged
 * survives a power cut or kernel crash, not only a process kill. NORMAL would be faster but may
 * lose the last commits on power loss, which breaks our promise that an acknowledged interview
 * is never lost. Override with PERIPLUS_SYNCHRONOUS=NORMAL only where that trade is understood.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): SqliteHandle {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  configure(sqlite, opts.synchronous ?? 'FULL');
  migrateDatabase(sqlite);
  sqlite.pragma('foreign_keys = ON');
  const cache = statementCache(sqlite);
  const db = drizzle(cache as Database.Database, { schema }) as unknown as Db;
  if (opts.writer === 'thread' && file !== ':memory:') {
    const writer = startWriterThread(resolve(file), opts.synchronous ?? 'FULL', db);
    // This connection only reads from now on: a write here would wait for the thread's lock in
    // SQLite's busy handler, which sleeps on the event loop. Any such write fails loudly instead.
    sqlite.pragma('query_only = ON');
    return {
      sqlite,
      db,
      atomic: writer.atomic,
      close: async () => {
        await writer.close();
        sqlite.close();
      },
    };
  }
  const { atomic, flush } = groupCommit(sqlite, (build) => {
    const statements = build(db);
    return readRows(
      statements,
      statements.map((statement) => execute(cache.prepare, statement)),
    );
  });
  return {
    sqlite,
    db,
    atomic,
    close: async () => {
      // Writes already asked for are written first, as the writer thread does.
      flush();
      sqlite.close();
    },
  };
}

/**
 * The client drizzle is given: the database, but `prepare` keeps each SQL text's compiled
 * statement. drizzle prepares every query it runs, and compiling the SQL cost more than running
 * it (a submission's insert and audit entry: ~0.2 ms of ~0.3). drizzle puts values in parameters,
 * so the same query builds the same text whatever its values. drizzle only calls `prepare` and
 * `transaction`; it switches a statement to raw rows with `.raw()`, so a statement handed out
 * again is switched back first. Statements are never iterated (which would make them busy).
 */
export function statementCache(sqlite: Database.Database): Pick<Database.Database, 'prepare' | 'transaction'> {
  const prepare = cachedPrepare(sqlite);
  return {
    prepare(source: string) {
      const statement = prepare(source);
      if (statement.reader) statement.raw(false);
      return statement;
    },
    transaction: (fn) => sqlite.transaction(fn),
  } as Pick<Database.Database, 'prepare' | 'transaction'>;
}

/**
 * Applies the migrations not yet applied (drizzle-kit's files and drizzle's bookkeeping table, so
 * `drizzle-kit` and this agree on what ran), all in one transaction with the foreign-key check
 * inside it: a migration that would leave a reference dangling is rolled back whole and nothing
 * is recorded. Foreign keys are off meanwhile, for drizzle-kit's table rebuilds (inside a
 * transaction the pragma would be ignored); the caller turns them back on.
 */
export function migrateDatabase(sqlite: Database.Database, migrationsFolder = MIGRATIONS_DIR): void {
  const migrations = readMigrationFiles({ migrationsFolder });
  sqlite.exec('CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
  const last = sqlite.prepare('SELECT created_at FROM "__drizzle_migrations" ORDER BY created_at DESC LIMIT 1').get() as
    | { created_at: number }
    | undefined;
  const pending = migrations.filter((m) => !last || Number(last.created_at) < m.folderMillis);
  if (pending.length === 0) return;
  sqlite.pragma('foreign_keys = OFF');
  const record = sqlite.prepare('INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)');
  sqlite.transaction(() => {
    for (const migration of pending) {
      for (const statement of migration.sql) sqlite.exec(statement);
      record.run(migration.hash, migration.folderMillis);
    }
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length)
      throw new Error(
        `migration refused: it would leave ${broken.length} broken foreign-key references: ${JSON.stringify(broken.slice(0, 5))}`,
      );
  })();
}

/** A consistent copy of the live database (VACUUM INTO reads one snapshot; writers keep going). */
export function backupDatabase(source: string, target: string): { bytes: number; integrity: string } {
  const sqlite = new Database(source, { readonly: true, fileMustExist: true });
  try {
    sqlite.prepare('VACUUM INTO ?').run(resolve(target));
  } finally {
    sqlite.close();
  }
  const copy = new Database(target, { readonly: true });
  try {
    const integrity = String(copy.pragma('integrity_check', { simple: true }));
    const bytes = Number(copy.pragma('page_count', { simple: true })) * Number(copy.pragma('page_size', { simple: true }));
    return { bytes, integrity };
  } finally {
    copy.close();
  }
}

interface Pending {
  run: () => unknown[][];
  resolve: (value: unknown[][]) => void;
  reject: (error: unknown) => void;
}

/**
 * atomic() with group commit on this thread's connection. Every batch asked for in one turn of the
 * event loop is written in one transaction, each batch in its own savepoint: a batch that fails is
 * rolled back alone and its caller gets the error, the others commit. The callers' promises settle
 * only after the COMMIT, so with synchronous=FULL an acknowledged write is on disk; under load,
 * many writes share one fsync instead of paying one each. `flush` writes what is waiting at once.
 */
export function groupCommit(
  sqlite: Database.Database,
  execute: (build: Parameters<Atomic>[0]) => unknown[][],
): { atomic: Atomic; flush(): void } {
  const { push, flush } = groupQueue<Pending>((group) => {
    const outcomes = commitGroup(
      sqlite,
      group.map((pending) => pending.run),
    );
    group.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  });
  const atomic: Atomic = (build) => new Promise((resolve, reject) => push({ run: () => execute(build), resolve, reject }));
  return { atomic, flush };
}
