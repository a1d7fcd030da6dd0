// The Workers runtime's dependencies for the app (see worker.ts, the entry, which may export
// nothing but its handler: workerd refuses other named exports of the main module).
import { drizzle } from 'drizzle-orm/d1';
import { defaultConfig, jsonLogger, systemClock, type Asset, type AssetSource, type Deps } from '../deps';
import { readRows, type Atomic, type Db, type DriverRow } from '../storage/db';
import * as schema from '../storage/schema';
import { inlineValidator } from '../validation/run';

export type D1Binding = Parameters<typeof drizzle>[0];

export interface Env {
  DB: D1Binding;
  /** Worker secret: 64 hexadecimal digits (`wrangler secret put PSEUDONYM_KEY`). */
  PSEUDONYM_KEY?: string;
  /** The browser pages' files, built ahead by `npm run build:worker-assets` (wrangler.toml [assets]). */
  ASSETS?: AssetsBinding;
  /** Optional settings (wrangler.toml [vars]). */
  RATE_LIMIT_PER_MINUTE?: string;
  SECURE_COOKIES?: string;
}

/** Workers static assets, reached only through the Worker (run_worker_first): its fetch(). */
export interface AssetsBinding {
  fetch(input: string): Promise<Response>;
}

interface BuiltAsset {
  hash: string;
  contentType: string;
  gzip: boolean;
}

/**
 * The AssetSource of the Worker: the files scripts/build-worker-assets.ts wrote (the Node
 * AssetSource's own output, so hashes and bytes are the same), read from the ASSETS binding once
 * per isolate.
 */
export function workerAssets(binding: AssetsBinding): AssetSource {
  const base = 'https://assets.invalid/_periplus/';
  let entries: Promise<Record<string, BuiltAsset>> | undefined;
  const built = () => (entries ??= binding.fetch(`${base}manifest.json`).then((r) => r.json() as Promise<Record<string, BuiltAsset>>));
  const files = new Map<string, Promise<Asset>>();
  const bytes = async (name: string) => new Uint8Array(await (await binding.fetch(base + name)).arrayBuffer());
  return {
    async get(name) {
      const all = await built();
      const entry = Object.hasOwn(all, name) ? all[name] : undefined;
      if (!entry) return undefined;
      let file = files.get(name);
      if (!file) {
        file = (async () => ({
          body: await bytes(name),
          contentType: entry.contentType,
          hash: entry.hash,
          ...(entry.gzip ? { gzip: await bytes(`${name}.gz`) } : {}),
        }))();
        files.set(name, file);
      }
      return file;
    },
    async manifest() {
      return Object.fromEntries(Object.entries(await built()).map(([name, e]) => [name, e.hash]));
    },
  };
}

/** Rows per export page × pages per pass: an export stays well inside 1,000 D1 queries. */
export const WORKER_EXPORT_ROW_LIMIT = 150_000;

export function pseudonymKeyFrom(env: Env): Uint8Array {
  const hex = env.PSEUDONYM_KEY;
  if (!hex || !/^[0-9a-f]{64}$/i.test(hex))
    throw new Error('The Worker secret PSEUDONYM_KEY is missing or is not 64 hexadecimal digits: wrangler secret put PSEUDONYM_KEY');
  return Uint8Array.from(hex.match(/../g)!, (b) => parseInt(b, 16));
}

/** As much of D1's binding as atomic() uses. */
interface D1Batch {
  prepare(sql: string): { bind(...values: unknown[]): unknown };
  batch(statements: unknown[]): Promise<Array<{ results?: DriverRow[] }>>;
}

/** atomic() on D1: the statements as one batch (one implicit transaction), rows read for those that return some. */
export function d1Atomic(d1: D1Binding, db: Db): Atomic {
  const binding = d1 as unknown as D1Batch;
  return async (build) => {
    const statements = build(db);
    if (statements.length === 0) return [];
    const results = await binding.batch(statements.map((s) => binding.prepare(s.sql).bind(...s.params)));
    return readRows(
      statements,
      results.map((r) => r.results ?? []),
    );
  };
}

export function workerDeps(env: Env): Deps {
  const db = drizzle(env.DB, { schema }) as unknown as Db;
  return {
    secrets: { pseudonymKey: pseudonymKeyFrom(env) },
    db,
    atomic: d1Atomic(env.DB, db),
    clock: systemClock,
    newId: () => crypto.randomUUID(),
    validator: inlineValidator,
    logger: jsonLogger,
    config: {
      ...defaultConfig,
      rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE === undefined ? defaultConfig.rateLimitPerMinute : Number(env.RATE_LIMIT_PER_MINUTE),
      secureCookies: env.SECURE_COOKIES !== 'false',
      exportRowLimit: WORKER_EXPORT_ROW_LIMIT,
    },
    clientAddress: (request) => request.headers.get('cf-connecting-ip') ?? 'unknown',
    ...(env.ASSETS ? { assets: workerAssets(env.ASSETS) } : {}),
  };
}
