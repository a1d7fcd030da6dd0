// Types of sqlite-shared.mjs.
import type Database from 'better-sqlite3';

export declare function configure(sqlite: Database.Database, synchronous: 'FULL' | 'NORMAL'): void;

export declare function cachedPrepare(sqlite: Database.Database): (source: string) => Database.Statement;

/** One statement of an atomic() write: its rows by column name (none when it returns none). */
export declare function execute(
  prepare: (source: string) => Database.Statement,
  statement: { sql: string; params: unknown[] },
): Array<Record<string, unknown>>;

export type GroupOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Never throws: a failed COMMIT is every job's outcome. */
export declare function commitGroup<T>(sqlite: Database.Database, jobs: Array<() => T>): Array<GroupOutcome<T>>;

export declare function groupQueue<T>(onGroup: (group: T[]) => void): { push(item: T): void; flush(): void };

export type ThreadOutcome = { id: number; results: unknown[] } | { id: number; error: { message: string; code?: string } };

export declare function threadOutcome(id: number, outcome: GroupOutcome<unknown[]>): ThreadOutcome;
