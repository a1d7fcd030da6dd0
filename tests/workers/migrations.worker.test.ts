// Each migration applied by D1 (as `wrangler d1 migrations apply` does) to a database that already
// holds rows: nothing lost, every reference resolved. The Node side is in tests/storage/migrations.test.ts.
import { applyD1Migrations, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { losses, seedEveryTable, snapshot, type SqlRunner } from '../support/seeded-migrations';

const d1: SqlRunner = {
  run: async (sql, params = []) =>
    void (await env.SEED_DB.prepare(sql)
      .bind(...params)
      .run()),
  all: async <T>(sql: string, params: unknown[] = []) =>
    (
      await env.SEED_DB.prepare(sql)
        .bind(...params)
        .all<T>()
    ).results,
};

/** Drops everything the previous round made, children first (D1 enforces foreign keys). */
async function emptyDatabase(): Promise<void> {
  for (;;) {
    const tables = await d1.all<{ name: string }>(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%'",
    );
    if (tables.length === 0) return;
    await env.SEED_DB.batch([
      env.SEED_DB.prepare('PRAGMA defer_foreign_keys = ON'),
      ...tables.map((t) => env.SEED_DB.prepare(`DROP TABLE "${t.name}"`)),
    ]);
  }
}

describe('migrations on D1', () => {
  it('keep every row of a filled database, one migration at a time', async () => {
    const migrations = env.TEST_MIGRATIONS;
    expect(migrations.length).toBeGreaterThan(1);
    for (let k = 1; k < migrations.length; k++) {
      await emptyDatabase();
      await applyD1Migrations(env.SEED_DB, migrations.slice(0, k));
      await seedEveryTable(d1);
      const before = await snapshot(d1);
      expect([...before.values()].every((rows) => rows.length === 2)).toBe(true);
      await applyD1Migrations(env.SEED_DB, migrations.slice(0, k + 1));
      expect(await losses(d1, before), migrations[k]!.name).toEqual([]);
    }
  });

  it('would see a migration that loses rows: a rebuild of the audit log that keeps one entry', async () => {
    await emptyDatabase();
    await applyD1Migrations(env.SEED_DB, env.TEST_MIGRATIONS);
    await seedEveryTable(d1);
    const before = await snapshot(d1);
    // (A rebuild that left references dangling would not get this far: D1 rolls it back.)
    const lossy = {
      name: '9999_lossy.sql',
      queries: [
        'PRAGMA defer_foreign_keys = ON',
        "CREATE TABLE `__new_audit_log` AS SELECT * FROM `audit_log` WHERE `action` = 'audit_log.action.1'",
        'DROP TABLE `audit_log`',
        'ALTER TABLE `__new_audit_log` RENAME TO `audit_log`',
      ],
    };
    await applyD1Migrations(env.SEED_DB, [...env.TEST_MIGRATIONS, lossy]);
    expect(await losses(d1, before)).toEqual(['table audit_log had 2 rows, has 1']);
  });
});
