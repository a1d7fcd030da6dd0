// The Workers runtime's dependencies for the app (see worker.ts, the entry, which may export
// nothing but its handler: workerd refuses other named exports of the main module).
import { drizzle } from 'drizzle-orm/d1';
import { defaultConfig, jsonLogger, systemClock, type Deps } from '../deps';
import { hasReturning, type Atomic, type Db, type Statement } from '../storage/db';
import * as schema from '../storage/schema';
import { inlineValidator } from '../validation/run';

export type D1Binding = Parameters<typeof drizzle>[0];

export interface Env {
  DB: D1Binding;
  /** Worker secret: 64 hexadecimal digits (`wrangler secret put PSEUDONYM_KEY`). */
  PSEUDONYM_KEY?: string;
  /** Optional settings (wrangler.toml [vars]). */
  RATE_LIMIT_PER_MINUTE?: string;
  SECURE_COOKIES?: string;
}

/** Rows per export page × pages per pass: an export stays well inside 1,000 D1 queries. */
export const WORKER_EXPORT_ROW_LIMIT = 150_000;

export function pseudonymKeyFrom(env: Env): Uint8Array {
  const hex = env.PSEUDONYM_KEY;
  if (!hex || !/^[0-9a-f]{64}$/i.test(hex))
    throw new Error('The Worker secret PSEUDONYM_KEY is missing or is not 64 hexadecimal digits: wrangler secret put PSEUDONYM_KEY');
  return Uint8Array.from(hex.match(/../g)!, (b) => parseInt(b, 16));
}

/** atomic() on D1: the statements as one batch, rows for those built with `.returning()`. */
export function d1Atomic(db: Db): Atomic {
  return async (build) => {
    const statements = build(db);
    if (statements.length === 0) return [];
    const results = (await (db as unknown as { batch(s: Statement[]): Promise<unknown[]> }).batch(statements)) as unknown[];
    return statements.map((statement, i) => (hasReturning(statement) ? (results[i] as unknown[]) : []));
  };
}

export function workerDeps(env: Env): Deps {
  const db = drizzle(env.DB, { schema }) as unknown as Db;
  return {
    secrets: { pseudonymKey: pseudonymKeyFrom(env) },
    db,
    atomic: d1Atomic(db),
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
  };
}
