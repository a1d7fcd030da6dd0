// Group commit: the writes asked for in one turn of the event loop (inline) or while the previous
// group was being committed (writer thread) share one transaction (one fsync), each in its own
// savepoint, on a real SQLite file. Both ways of writing must answer alike.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteHandle } from '../../src/entry/sqlite';
import { startWriterThread } from '../../src/entry/writer-thread';
import { commitGroup } from '../../src/entry/sqlite-shared.mjs';
import { isUniqueViolation } from '../../src/storage/errors';
import { reusableWrite, columnValues } from '../../src/storage/prepared';
import { statement } from '../../src/storage/db';
import { users } from '../../src/storage/schema';
import { insertUserStatement } from '../../src/storage/users';
import { tempDir } from '../support/app';

const user = (id: string, username: string) => ({
  id,
  username,
  displayName: username,
  passwordHash: 'x',
  role: 'assessor' as const,
  countries: ['TUN'],
  disabledAt: null,
  createdAt: new Date(0),
});

describe.each(['inline', 'thread'] as const)('group commit, writer %s', (writer) => {
  const tmp = tempDir();
  let handle: SqliteHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
    tmp.cleanup();
  });

  it('commits the writes of one group together; a failing one is rolled back alone and only its caller gets the error', async () => {
    handle = openDatabase(join(tmp.dir, 'group.sqlite'), { writer });
    const { atomic, sqlite } = handle;
    const outcomes = await Promise.allSettled([
      atomic((db) => [insertUserStatement(db, user('u1', 'amina'))]),
      atomic((db) => [insertUserStatement(db, user('u2', 'bilal')), insertUserStatement(db, user('u3', 'amina'))]),
      atomic((db) => [insertUserStatement(db, user('u4', 'chadi'))]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(isUniqueViolation((outcomes[1] as PromiseRejectedResult).reason)).toBe(true);
    const names = (sqlite.prepare('select username from users order by username').all() as Array<{ username: string }>).map(
      (r) => r.username,
    );
    // bilal went with the failing batch: all or nothing per caller.
    expect(names).toEqual(['amina', 'chadi']);
  });

  it('returns the rows of a statement built with returning() as drizzle maps them (dates, JSON), for built and reusable statements', async () => {
    handle = openDatabase(join(tmp.dir, 'rows.sqlite'), { writer });
    const [built, plain] = await handle.atomic((db) => [
      statement(db.insert(users).values(user('u1', 'dawit')).returning(), users),
      insertUserStatement(db, user('u2', 'emebet')),
    ]);
    expect(built).toEqual([user('u1', 'dawit')]);
    expect(built![0]).toMatchObject({ createdAt: expect.any(Date), countries: ['TUN'] });
    expect(plain).toEqual([]);
    const reusable = (values: ReturnType<typeof user>) =>
      handle!.atomic((db) => [
        reusableWrite(
          db,
          'test:user',
          values,
          (v) => columnValues(users, v),
          (d, v) => d.insert(users).values(v).returning(),
          users,
        ),
      ]);
    // The second call reuses what the first built, with its own values.
    expect(await reusable(user('u3', 'fikru'))).toEqual([[user('u3', 'fikru')]]);
    expect(await reusable({ ...user('u4', 'genet'), countries: ['LBY', 'EGY'] })).toEqual([
      [{ ...user('u4', 'genet'), countries: ['LBY', 'EGY'] }],
    ]);
  });

  it('settles a caller only once the write is committed and readable', async () => {
    handle = openDatabase(join(tmp.dir, 'group2.sqlite'), { writer });
    const { atomic, sqlite } = handle;
    const pending = atomic((db) => [insertUserStatement(db, user('u1', 'dawit'))]);
    // Inline, the group is written on the next turn of the event loop; the thread may be quicker.
    if (writer === 'inline') expect(sqlite.prepare('select count(*) n from users').get()).toEqual({ n: 0 });
    await pending;
    expect(sqlite.prepare('select count(*) n from users').get()).toEqual({ n: 1 });
  });

  it.runIf(writer === 'thread')('leaves the event loop only reads: a write on its connection is refused', async () => {
    handle = openDatabase(join(tmp.dir, 'reads.sqlite'), { writer });
    expect(() => handle!.sqlite.prepare('delete from users').run()).toThrow(/readonly/);
  });

  it('writes what was asked before close, and a write after close is refused, not lost in silence', async () => {
    const file = join(tmp.dir, 'close.sqlite');
    handle = openDatabase(file, { writer });
    const pending = handle.atomic((db) => [insertUserStatement(db, user('u1', 'hana'))]);
    await handle.close();
    await pending;
    await expect(handle.atomic((db) => [insertUserStatement(db, user('u2', 'idris'))])).rejects.toThrow();
    handle = undefined;
    const check = new Database(file, { readonly: true });
    expect(check.prepare('select username from users').all()).toEqual([{ username: 'hana' }]);
    check.close();
  });
});

describe('writer thread', () => {
  it('refuses writes with the reason when its database cannot be opened, instead of leaving them waiting', async () => {
    const builder = openDatabase(':memory:');
    const writer = startWriterThread('/nonexistent/periplus.sqlite', 'FULL', builder.db);
    await expect(writer.atomic((db) => [insertUserStatement(db, user('u1', 'jamal'))])).rejects.toThrow(/writer thread/);
    await writer.close();
    await builder.close();
  });
});

describe('commitGroup, which both writers use', () => {
  it('gives every job the error of a COMMIT that fails, and writes nothing of the group', () => {
    const sqlite = new Database(':memory:');
    sqlite.pragma('foreign_keys = ON');
    sqlite.exec(
      'create table parent (id integer primary key); create table child (parent integer references parent (id) deferrable initially deferred)',
    );
    // A deferred foreign key is checked at COMMIT: the group's COMMIT fails, after both savepoints were released.
    const outcomes = commitGroup(sqlite, [
      () => sqlite.prepare('insert into parent values (1)').run(),
      () => sqlite.prepare('insert into child values (2)').run(),
    ]);
    expect(outcomes).toHaveLength(2);
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(false);
      expect(String((outcome as { error: unknown }).error)).toMatch(/FOREIGN KEY constraint failed/);
    }
    expect(sqlite.prepare('select count(*) as n from parent').get()).toEqual({ n: 0 });
    // The connection is usable again afterwards.
    expect(commitGroup(sqlite, [() => sqlite.prepare('insert into parent values (1)').run().changes])).toEqual([{ ok: true, value: 1 }]);
  });
});
