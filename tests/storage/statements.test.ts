// Statement reuse on Node: compiled statements kept per SQL text, and the submission's upsert and
// audit entry built once per handle and run with each call's values.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase, statementCache, type SqliteHandle } from '../../src/entry/sqlite';
import { publishDefinitions } from '../../src/questionnaires/publish';
import { findVersion } from '../../src/storage/questionnaires';
import { findResponse, insertSubmissionStatement, type ResponseWrite } from '../../src/storage/responses';
import { auditIfChangedStatement } from '../../src/storage/audit';
import { prepared } from '../../src/storage/prepared';
import type { Db } from '../../src/storage/db';
import { users } from '../../src/storage/schema';
import { eq, sql } from 'drizzle-orm';
import { tempDir } from '../support/app';
import { inlineValidator } from '../../src/validation/run';

/** Opens databases in a temporary folder, all closed and removed after each test. */
function databaseFiles(): (name: string) => SqliteHandle {
  const tmp = tempDir();
  const opened: SqliteHandle[] = [];
  afterEach(async () => {
    for (const handle of opened.splice(0)) await handle.close();
    tmp.cleanup();
  });
  return (name) => {
    const handle = openDatabase(join(tmp.dir, name));
    opened.push(handle);
    return handle;
  };
}

describe('the statement cache', () => {
  it('hands back the compiled statement of a SQL text, in object mode even after drizzle switched it to raw rows', () => {
    const sqlite = new Database(':memory:');
    sqlite.exec("create table t (a integer, b text); insert into t values (1, 'x')");
    const cache = statementCache(sqlite);
    const first = cache.prepare('select a, b from t');
    expect(first.raw().all()).toEqual([[1, 'x']]);
    const again = cache.prepare('select a, b from t');
    expect(again).toBe(first);
    expect(again.all()).toEqual([{ a: 1, b: 'x' }]);
    // Writes have no raw mode to reset; they are reused too.
    expect(cache.prepare('insert into t values (?, ?)')).toBe(cache.prepare('insert into t values (?, ?)'));
  });

  it('keeps at most 500 texts and compiles an evicted one again', () => {
    const sqlite = new Database(':memory:');
    const cache = statementCache(sqlite);
    const first = cache.prepare('select 0 as n');
    for (let i = 1; i <= 500; i++) expect(cache.prepare(`select ${i} as n`).get()).toEqual({ n: i });
    const recompiled = cache.prepare('select 0 as n');
    expect(recompiled).not.toBe(first);
    expect(recompiled.get()).toEqual({ n: 0 });
  });
});

describe('reusable writes', () => {
  const open = databaseFiles();

  it('store each call’s own values (dates, nulls, JSON), return the stored row, and audit only what changed', async () => {
    const handle = open('reuse.sqlite');
    const deps = {
      db: handle.db,
      atomic: handle.atomic,
      clock: { now: () => new Date() },
      newId: () => crypto.randomUUID(),
      validator: inlineValidator,
    };
    await publishDefinitions(deps, [
      { file: 'q/1.json', questionnaireId: 'q', version: '1', json: { pages: [{ name: 'p', elements: [{ type: 'text', name: 'a' }] }] } },
    ]);
    const version = (await findVersion(handle.db, 'q', '1'))!;
    const write = (n: number, started: Date | null): ResponseWrite => ({
      instanceId: `00000000-0000-4000-8000-00000000000${n}`,
      questionnaireId: 'q',
      versionId: version.id,
      data: { a: `answer ${n}` },
      payloadHash: `hash ${n}`,
      dropped: n === 1 ? ['b'] : [],
      hidden: [],
      locale: n === 1 ? 'fr' : '',
      deviceStartedAt: started,
      deviceEndedAt: null,
      country: 'TUN',
      site: n === 2 ? 'Sfax' : null,
      actor: 'user:u',
      at: new Date(1_700_000_000_000 + n),
    });
    const submit = (w: ResponseWrite) =>
      handle.atomic((db) => [
        insertSubmissionStatement(db, w),
        auditIfChangedStatement(db, {
          at: w.at,
          actor: w.actor,
          action: 'response.submit',
          targetType: 'response',
          targetId: w.instanceId,
          requestId: `r${w.instanceId}`,
        }),
      ]);
    const [first] = await submit(write(1, new Date(1_600_000_000_000)));
    const [second] = await submit(write(2, null));
    expect(first).toMatchObject([
      {
        data: '{"a":"answer 1"}',
        dropped: ['b'],
        locale: 'fr',
        deviceStartedAt: new Date(1_600_000_000_000),
        site: null,
        createdAt: new Date(1_700_000_000_001),
      },
    ]);
    expect(second).toMatchObject([
      { data: '{"a":"answer 2"}', dropped: [], locale: '', deviceStartedAt: null, site: 'Sfax', createdAt: new Date(1_700_000_000_002) },
    ]);
    // A repeat changes nothing: no row returned, no audit entry.
    const [repeat] = await submit(write(1, null));
    expect(repeat).toEqual([]);
    expect((await findResponse(handle.db, write(1, null).instanceId))!.deviceStartedAt).toEqual(new Date(1_600_000_000_000));
    const audit = handle.sqlite.prepare('select target_id, request_id from audit_log where action = ? order by id').all('response.submit');
    expect(audit).toEqual([
      { target_id: write(1, null).instanceId, request_id: `r${write(1, null).instanceId}` },
      { target_id: write(2, null).instanceId, request_id: `r${write(2, null).instanceId}` },
    ]);
  });
});

describe('statements built once', () => {
  const open = databaseFiles();

  // SQLite compiles a statement whose LIMIT is a bound parameter again on every call.
  it('are refused with a bound LIMIT, and built once without one', () => {
    const handle = open('limit.sqlite');
    const byId = (d: Db) =>
      d
        .select()
        .from(users)
        .where(eq(users.id, sql.placeholder('id')));
    expect(() => prepared(handle.db, 'limited', (d) => byId(d).limit(1).prepare())).toThrow(
      /statement limited is built once: its LIMIT must not be a bound parameter/,
    );
    const built = prepared(handle.db, 'unlimited', (d) => byId(d).prepare());
    expect(
      prepared(handle.db, 'unlimited', () => {
        throw new Error('built again');
      }),
    ).toBe(built);
  });
});
