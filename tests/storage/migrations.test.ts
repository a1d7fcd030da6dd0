// The migration data-loss trap (../shared/reference/cloudflare.md): drizzle-kit rebuilds a table it
// cannot ALTER (`PRAGMA foreign_keys=OFF; CREATE __new_x; INSERT ... SELECT; DROP x; RENAME`).
// D1 ignores that PRAGMA, and Node runs migrations in one transaction where it does nothing; with
// a cascading foreign key the DROP silently deletes every child row, and without one the rebuild
// only works on D1 with `PRAGMA defer_foreign_keys = ON` first. This check refuses a migration
// that rebuilds a table without that precaution, and any ON DELETE CASCADE.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/entry/sqlite';

/** The problems of one migration's SQL; empty when it is safe on both runtimes. */
function migrationProblems(sql: string): string[] {
  const problems: string[] = [];
  const code = sql.replace(/--[^\n]*/g, '');
  const rebuilds = /PRAGMA\s+foreign_keys\s*=\s*OFF/i.test(code) || /CREATE\s+TABLE\s+[`"']?__new_/i.test(code) || /DROP\s+TABLE/i.test(code);
  const deferIndex = code.search(/PRAGMA\s+defer_foreign_keys\s*=\s*(ON|1|true)/i);
  const firstRebuild = code.search(/PRAGMA\s+foreign_keys\s*=\s*OFF|CREATE\s+TABLE\s+[`"']?__new_|DROP\s+TABLE/i);
  if (rebuilds && (deferIndex < 0 || deferIndex > firstRebuild))
    problems.push('rebuilds or drops a table without `PRAGMA defer_foreign_keys = ON;` before it (D1 ignores foreign_keys=OFF: the DROP would fail or delete child rows)');
  if (/ON\s+DELETE\s+CASCADE/i.test(code)) problems.push('declares ON DELETE CASCADE (a table rebuild would silently delete the child rows); delete children explicitly in atomic()');
  return problems;
}

describe('migrations', () => {
  const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();

  it('are all safe on both runtimes', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(migrationProblems(readFileSync(join(MIGRATIONS_DIR, f), 'utf8')), f).toEqual([]);
  });

  it('refuses what drizzle-kit writes for a table rebuild, and accepts it with the precaution', () => {
    const rebuild = [
      'PRAGMA foreign_keys=OFF;--> statement-breakpoint',
      'CREATE TABLE `__new_responses` (`seq` integer PRIMARY KEY, `status` text DEFAULT \'draft\' NOT NULL);--> statement-breakpoint',
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
});
