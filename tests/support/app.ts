// The test app: the real createApp on a fresh, migrated SQLite file, with a clock and ids the
// test controls, the inline validator, and the log lines captured for inspection.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app';
import { checkingDeclaredErrors } from './declared-errors';
import type { Deps } from '../../src/deps';
import { defaultConfig } from '../../src/deps';
import { nodeAssets } from '../../src/entry/assets';
import { openDatabase, type SqliteHandle } from '../../src/entry/sqlite';
import { publishDefinitions, type DefinitionFile, type PublishOutcome } from '../../src/questionnaires/publish';
import { inlineValidator } from '../../src/validation/run';
import { nodeXlsform } from '../../src/xlsform/load';
import { issueApiToken, issueDeviceToken } from '../../src/access/accounts';
import { hashPassword } from '../../src/access/passwords';
import type { Principal } from '../../src/access/principal';
import type { Role } from '../../src/storage/schema';
import { insertUserStatement, replaceAssignmentsStatements } from '../../src/storage/users';

/** One slow hash for every test user (PBKDF2 at full strength costs ~50 ms each). */
export const TEST_PASSWORD = 'correct horse battery staple';
let testHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  username: string;
  password: string;
  /** Authorization header with an API token of this user. */
  headers: Record<string, string>;
  token: string;
}

export class FixedClock {
  constructor(public current = new Date('2026-11-01T09:00:00.000Z')) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function tempDir(prefix = 'periplus-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: Deps;
  handle: SqliteHandle;
  clock: FixedClock;
  logs: Record<string, unknown>[];
  dbFile: string;
  publish(files: DefinitionFile[]): Promise<PublishOutcome[]>;
  /** A user of that role with an API token; assessors and enumerators get the questionnaires listed. */
  user(role: Role, opts?: { countries?: string[]; questionnaires?: string[]; username?: string }): Promise<TestUser>;
  /** An enumerator device token for these questionnaires in one country. */
  device(opts: { questionnaires: string[]; country: string; site?: string }): Promise<{ id: string; headers: Record<string, string> }>;
  /**
   * Runs SQL on the database file through a connection of its own, as an operator's sqlite3 shell
   * or a D1 console would: the app's own connection only reads (its writes go through the writer thread).
   */
  sql(source: string, ...params: unknown[]): void;
  close(): Promise<void>;
}

export function createTestApp(overrides: Partial<Deps> = {}): TestApp {
  const tmp = tempDir();
  const dbFile = join(tmp.dir, 'test.sqlite');
  // The server's way of writing: through the writer thread.
  const handle = openDatabase(dbFile, { writer: 'thread' });
  const clock = new FixedClock();
  const logs: Record<string, unknown>[] = [];
  let n = 0;
  const deps: Deps = {
    secrets: { pseudonymKey: new TextEncoder().encode('test pseudonym key, 32 bytes long!') },
    db: handle.db,
    atomic: handle.atomic,
    clock,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    validator: inlineValidator,
    xlsform: nodeXlsform,
    logger: { info: (e) => logs.push(e), error: (e) => logs.push(e) },
    config: defaultConfig,
    assets: nodeAssets(),
    ...overrides,
  };
  let users = 0;
  const admin: Principal = { actor: 'test', userId: '', role: 'admin', countries: '*', questionnaires: '*', site: null, via: 'session' };
  const user: TestApp['user'] = async (role, opts = {}) => {
    testHash ??= hashPassword(TEST_PASSWORD);
    const passwordHash = await testHash;
    const id = deps.newId();
    const username = opts.username ?? `${role}${++users}`;
    const countries = opts.countries ?? ['TUN'];
    await deps.atomic((db) => [
      insertUserStatement(db, {
        id,
        username,
        displayName: username,
        passwordHash,
        role,
        countries,
        disabledAt: null,
        createdAt: clock.now(),
      }),
      ...replaceAssignmentsStatements(db, id, opts.questionnaires ?? []),
    ]);
    const { token } = await issueApiToken(
      deps,
      { principal: { ...admin, userId: id, actor: `user:${id}` }, requestId: 'test' },
      'test',
      365,
    );
    return { id, username, password: TEST_PASSWORD, token, headers: { authorization: `Bearer ${token}` } };
  };
  let issuer: Promise<TestUser> | undefined;
  const device: TestApp['device'] = async (opts) => {
    issuer ??= user('admin', { countries: ['*'], username: 'device-issuer' });
    const { id } = await issuer;
    const principal = { ...admin, userId: id, actor: `user:${id}` };
    const { row, token } = await issueDeviceToken(deps, { principal, requestId: 'test' }, { name: 'tablet', ...opts });
    return { id: row.id, headers: { authorization: `Bearer ${token}` } };
  };
  return {
    app: checkingDeclaredErrors(createApp(deps)),
    deps,
    handle,
    clock,
    logs,
    dbFile,
    user,
    device,
    publish: (files) => publishDefinitions(deps, files),
    sql: (source, ...params) => {
      const other = new Database(dbFile);
      try {
        if (params.length) other.prepare(source).run(...params);
        else other.exec(source);
      } finally {
        other.close();
      }
    },
    close: async () => {
      await handle.close();
      tmp.cleanup();
    },
  };
}

/** A JSON request through app.request. */
export function jsonRequest(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}
