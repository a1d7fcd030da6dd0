// The Workers runtime: the same app on D1. What differs from Node is only here:
//   - storage: drizzle over the D1 binding; atomic() is one D1 batch (D1 has no interactive
//     transactions; a batch is all or nothing);
//   - validation inline in the request (no worker_threads): the compiled plan, or survey-core's
//     full model for versions the plan does not cover (it costs CPU time per submission);
//   - the pseudonym key comes from the Worker secret PSEUDONYM_KEY (never from wrangler.toml);
//   - the shipped questionnaires are bundled and published on an isolate's first request
//     (unchanged versions cost a hash each);
//   - exports are capped so one request stays inside D1's 1,000 queries per invocation;
//   - no browser pages yet (their scripts are bundled by esbuild at run time on Node).
// Nothing imported here may pull in better-sqlite3 or node:* modules.
import { drizzle } from 'drizzle-orm/d1';
import { createApp } from '../app';
import { defaultConfig, jsonLogger, systemClock, type Deps } from '../deps';
import { publishDefinitions } from '../questionnaires/publish';
import { hasReturning, type Atomic, type Db, type Statement } from '../storage/db';
import * as schema from '../storage/schema';
import { inlineValidator } from '../validation/run';
import { shippedDefinitions } from './shipped';

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

interface Started {
  app: ReturnType<typeof createApp>;
  ready: Promise<void>;
}

let started: Started | undefined;

/** One app per isolate; the shipped questionnaires are published once, before the first answer. */
function start(env: Env): Started {
  if (started) return started;
  const deps = workerDeps(env);
  const ready = publishDefinitions(deps, shippedDefinitions(), 'system', { reportValidation: false }).then((outcomes) => {
    for (const o of outcomes.filter((x) => x.status !== 'unchanged'))
      deps.logger.info({ level: o.status === 'refused' ? 'error' : 'info', task: 'publish', questionnaire: o.questionnaireId, version: o.version, status: o.status, problems: o.problems });
  });
  started = { app: createApp(deps), ready };
  // A failed start (D1 unreachable, say) is retried by the next request.
  ready.catch(() => (started = undefined));
  return started;
}

export default {
  async fetch(request: Request, env: Env, ctx: unknown): Promise<Response> {
    let started: Started;
    try {
      started = start(env);
    } catch (e) {
      // A deployment without its secrets answers every request with what to fix, not a bare 500.
      const message = e instanceof Error ? e.message : String(e);
      return Response.json({ error: { code: 'misconfigured', message } }, { status: 503 });
    }
    await started.ready;
    return started.app.fetch(request, env, ctx as never);
  },
};
