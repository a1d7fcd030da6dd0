// Group commit: the writes asked for in one turn of the event loop share one transaction (one
// fsync), each in its own savepoint, on a real SQLite file.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteHandle } from '../../src/entry/sqlite';
import { isUniqueViolation } from '../../src/storage/errors';
import { insertUserStatement } from '../../src/storage/users';
import { tempDir } from '../support/app';

const user = (id: string, username: string) => ({ id, username, displayName: username, passwordHash: 'x', role: 'assessor' as const, countries: ['TUN'], disabledAt: null, createdAt: new Date(0) });

describe('group commit', () => {
  const tmp = tempDir();
  let handle: SqliteHandle | undefined;
  afterEach(() => {
    handle?.close();
    tmp.cleanup();
  });

  it('commits the writes of one tick together; a failing one is rolled back alone and only its caller gets the error', async () => {
    handle = openDatabase(join(tmp.dir, 'group.sqlite'));
    const { atomic, sqlite } = handle;
    const outcomes = await Promise.allSettled([
      atomic((db) => [insertUserStatement(db, user('u1', 'amina'))]),
      atomic((db) => [insertUserStatement(db, user('u2', 'bilal')), insertUserStatement(db, user('u3', 'amina'))]),
      atomic((db) => [insertUserStatement(db, user('u4', 'chadi'))]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(isUniqueViolation((outcomes[1] as PromiseRejectedResult).reason)).toBe(true);
    const names = (sqlite.prepare('select username from users order by username').all() as Array<{ username: string }>).map((r) => r.username);
    // bilal went with the failing batch: all or nothing per caller.
    expect(names).toEqual(['amina', 'chadi']);
  });

  it('settles a caller only once the write is committed and readable', async () => {
    handle = openDatabase(join(tmp.dir, 'group2.sqlite'));
    const { atomic, sqlite } = handle;
    const pending = atomic((db) => [insertUserStatement(db, user('u1', 'dawit'))]);
    // Not yet written in this turn: the group is written on the next turn of the event loop.
    expect(sqlite.prepare('select count(*) n from users').get()).toEqual({ n: 0 });
    await pending;
    expect(sqlite.prepare('select count(*) n from users').get()).toEqual({ n: 1 });
  });
});
