// The migration data-loss trap (../shared/reference/cloudflare.md): drizzle-kit rebuilds a table it
// cannot ALTER (`PRAGMA foreign_keys=OFF; CREATE __new_x; INSERT ... SELECT; DROP x; RENAME`).
// D1 ignores that PRAGMA, and Node runs migrations in one transaction where it does nothing; with
// a cascading foreign key the DROP silently deletes every child row, and without one the rebuild
// only works on D1 with `PRAGMA defer_foreign_keys = ON` first. This check refuses a migration
// that rebuilds a table without that precaution, and any ON DELETE CASCADE.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrateDatabase } from '../../src/entry/sqlite';
import { tempDir } from '../support/app';
import { losses, seedEveryTable, snapshot, type SqlRunner } from '../support/seeded-migrations';

/** The problems of one migration's SQL; empty when it is safe on both runtimes. */
function migrationProblems(sql: string): string[] {
  const problems: string[] = [];
  const code = sql.replace(/--[^\n]*/g, '');
  const rebuilds =
    /PRAGMA\s+foreign_keys\s*=\s*OFF/i.test(code) || /CREATE\s+TABLE\s+[`"']?__new_/i.test(code) || /DROP\s+TABLE/i.test(code);
  const deferIndex = code.search(/PRAGMA\s+defer_foreign_keys\s*=\s*(ON|1|true)/i);
  const firstRebuild = code.search(/PRAGMA\s+foreign_keys\s*=\s*OFF|CREATE\s+TABLE\s+[`"']?__new_|DROP\s+TABLE/i);
  if (rebuilds && (deferIndex < 0 || deferIndex > firstRebuild))
    problems.push(
      'rebuilds or drops a table without `PRAGMA defer_foreign_keys = ON;` before it (D1 ignores foreign_keys=OFF: the DROP would fail or delete child rows)',
    );
  if (/ON\s+DELETE\s+CASCADE/i.test(code))
    problems.push(
      'declares ON DELETE CASCADE (a table rebuild would silently delete the child rows); delete children explicitly in atomic()',
    );
  return problems;
}

describe('migrations', () => {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();

  it('are all safe on both runtimes', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(migrationProblems(readFileSync(join(MIGRATIONS_DIR, f), 'utf8')), f).toEqual([]);
  });

  it('refuses what drizzle-kit writes for a table rebuild, and accepts it with the precaution', () => {
    const rebuild = [
      'PRAGMA foreign_keys=OFF;--> statement-breakpoint',
      "CREATE TABLE `__new_responses` (`seq` integer PRIMARY KEY, `status` text DEFAULT 'draft' NOT NULL);--> statement-breakpoint",
      'INSERT INTO `__new_responses`("seq", "status") SELECT "seq", "status" FROM `responses`;--> statement-breakpoint',
      'DROP TABLE `responses`;--> statement-breakpoint',
      'ALTER TABLE `__new_responses` RENAME TO `responses`;--> statement-breakpoint',
      'PRAGMA foreign_keys=ON;',
    ].join('\n');
    expect(migrationProblems(rebuild)).toHaveLength(1);
    expect(migrationProblems(`PRAGMA defer_foreign_keys = ON;--> statement-breakpoint\n${rebuild}`)).toEqual([]);
    expect(migrationProblems('CREATE TABLE `a` (`id` text REFERENCES `b`(`id`) ON DELETE cascade);')).toHaveLength(1);
    expect(migrationProblems('ALTER TABLE `responses` ADD `draft_page` text;')).toEqual([]);
  });

  interface Entry {
    idx: number;
    version: string;
    when: number;
    tag: string;
    breakpoints: boolean;
  }
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: Entry[] };

  /** A migrations folder of its own: these journal entries, with extra SQL files (tag -> text). */
  const folderWith = (folder: string, entries: Entry[], extra: Record<string, string> = {}) => {
    mkdirSync(join(folder, 'meta'), { recursive: true });
    for (const e of entries) if (!(e.tag in extra)) copyFileSync(join(MIGRATIONS_DIR, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
    for (const [tag, sql] of Object.entries(extra)) writeFileSync(join(folder, `${tag}.sql`), sql);
    writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
    return folder;
  };
  const runner = (sqlite: Database.Database): SqlRunner => ({
    run: async (sql, params = []) => void sqlite.prepare(sql).run(...params),
    all: async <T>(sql: string, params: unknown[] = []) => sqlite.prepare(sql).all(...params) as T[],
  });

  it('keep every row of a filled database, one migration at a time (the same check runs on D1 in workerd)', async () => {
    const tmp = tempDir();
    try {
      expect(journal.entries.length).toBe(files.length);
      for (let k = 1; k < journal.entries.length; k++) {
        const sqlite = new Database(join(tmp.dir, `seeded-${k}.sqlite`));
        try {
          migrateDatabase(sqlite, folderWith(join(tmp.dir, `first-${k}`), journal.entries.slice(0, k)));
          const db = runner(sqlite);
          await seedEveryTable(db);
          const before = await snapshot(db);
          expect([...before.values()].every((rows) => rows.length === 2)).toBe(true);
          migrateDatabase(sqlite, folderWith(join(tmp.dir, `first-${k + 1}`), journal.entries.slice(0, k + 1)));
          expect(await losses(db, before), journal.entries[k]!.tag).toEqual([]);
        } finally {
          sqlite.close();
        }
      }
    } finally {
      tmp.cleanup();
    }
  });

  it('roll back a migration that would leave references dangling, recording nothing', async () => {
    const tmp = tempDir();
    const sqlite = new Database(join(tmp.dir, 'bad.sqlite'));
    try {
      migrateDatabase(sqlite, folderWith(join(tmp.dir, 'all'), journal.entries));
      const db = runner(sqlite);
      await seedEveryTable(db);
      const before = await snapshot(db);
      const applied = () => (sqlite.prepare('select count(*) n from __drizzle_migrations').get() as { n: number }).n;
      const count = applied();
      // A good migration and a bad one after it, pending together: neither is kept.
      const when = journal.entries.at(-1)!.when;
      const more = [
        { idx: 98, version: '6', when: when + 1, tag: '0098_fine', breakpoints: true },
        { idx: 99, version: '6', when: when + 2, tag: '0099_bad', breakpoints: true },
      ];
      const folder = folderWith(join(tmp.dir, 'with-bad'), [...journal.entries, ...more], {
        '0098_fine': 'ALTER TABLE `users` ADD `note` text;',
        '0099_bad': "DELETE FROM `users` WHERE `id` = 'users.id.1';",
      });
      expect(() => migrateDatabase(sqlite, folder)).toThrow(/migration refused: it would leave 3 broken foreign-key references/);
      expect(applied()).toBe(count);
      expect(await losses(db, before)).toEqual([]);
      expect(
        (sqlite.prepare('select name from pragma_table_info(?)').all('users') as Array<{ name: string }>).map((c) => c.name),
      ).not.toContain('note');
    } finally {
      sqlite.close();
      tmp.cleanup();
    }
  });
});
