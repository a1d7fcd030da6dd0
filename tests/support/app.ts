// The test app: the real createApp on a fresh, migrated SQLite file, with a clock and ids the
// test controls, the inline validator, and the log lines captured for inspection.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app';
import type { Deps } from '../../src/deps';
import { defaultConfig } from '../../src/deps';
import { nodeAssets } from '../../src/entry/assets';
import { openDatabase, type SqliteHandle } from '../../src/entry/sqlite';
import { publishDefinitions, type DefinitionFile, type PublishOutcome } from '../../src/questionnaires/publish';
import { inlineValidator } from '../../src/validation/run';

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
  close(): void;
}

export function createTestApp(overrides: Partial<Deps> = {}): TestApp {
  const tmp = tempDir();
  const dbFile = join(tmp.dir, 'test.sqlite');
  const handle = openDatabase(dbFile);
  const clock = new FixedClock();
  const logs: Record<string, unknown>[] = [];
  let n = 0;
  const deps: Deps = {
    db: handle.db,
    atomic: handle.atomic,
    clock,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    validator: inlineValidator,
    logger: { info: (e) => logs.push(e), error: (e) => logs.push(e) },
    config: defaultConfig,
    assets: nodeAssets(),
    ...overrides,
  };
  return {
    app: createApp(deps),
    deps,
    handle,
    clock,
    logs,
    dbFile,
    publish: (files) => publishDefinitions(deps, files),
    close: () => {
      handle.close();
      tmp.cleanup();
    },
  };
}

/** A JSON request through app.request. */
export function jsonRequest(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}
