// The Node runtime: a better-sqlite3 file, the shipped questionnaires published, a worker pool
// for validation, and @hono/node-server on 127.0.0.1.
import { serve, type ServerType } from '@hono/node-server';
import { availableParallelism } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { purgeExpiredTrash } from '../responses/manage';
import { deleteExpiredSessionsStatement } from '../storage/sessions';
import { listUsers } from '../storage/users';
import { createApp } from '../app';
import { defaultConfig, systemClock, type Deps, type Logger } from '../deps';
import { publishDefinitions, type PublishOutcome } from '../questionnaires/publish';
import { dropIdleVersions } from '../questionnaires/version-cache';
import { collectGarbage } from '../shared/collect-garbage';
import { createValidator } from '../validation/run';
import { readSurveyFiles } from './survey-files';
import { nodeXlsform } from '../xlsform/load';
import { nodeAssets } from './assets';
import { closingOnRefusedBodies, refuseOversizedBeforeContinue } from './node-http';
import { openDatabase } from './sqlite';
import { loadPseudonymKey } from './secrets';
import { createValidationPool } from './validation-pool';
import { createSdcPool } from './sdc-pool';
import { nodeCompression } from './compression';
import { fileSpill } from './spill';

export interface NodeOptions {
  dbFile: string;
  surveysDir: string;
  host: string;
  port: number;
  bodyLimitBytes: number;
  validationThreads: number;
  synchronous: 'FULL' | 'NORMAL';
  trashDays: number;
  secureCookies: boolean;
  rateLimitPerMinute: number;
  logger?: Logger;
}

/** Settings from the environment, each with a default that works on a fresh clone. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): NodeOptions {
  return {
    dbFile: env.PERIPLUS_DB ?? 'db/periplus.sqlite',
    surveysDir: env.PERIPLUS_SURVEYS ?? 'surveys',
    host: env.PERIPLUS_HOST ?? '127.0.0.1',
    port: Number(env.PERIPLUS_PORT ?? 8787),
    bodyLimitBytes: Number(env.PERIPLUS_BODY_LIMIT ?? defaultConfig.bodyLimitBytes),
    validationThreads: Number(env.PERIPLUS_VALIDATION_THREADS ?? Math.max(1, availableParallelism())),
    synchronous: env.PERIPLUS_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL',
    trashDays: Number(env.PERIPLUS_TRASH_DAYS ?? defaultConfig.trashDays),
    secureCookies: env.PERIPLUS_SECURE_COOKIES === 'true',
    rateLimitPerMinute: Number(env.PERIPLUS_RATE_LIMIT ?? defaultConfig.rateLimitPerMinute),
  };
}

/**
 * The access log as JSON lines on stdout, written once per turn of the event loop: under load a
 * write per request cost more than building the line (stdout to a pipe or file is a synchronous
 * write on Linux). Lines are never held longer than that turn, and what is left is written on
 * exit. Errors go to stderr at once, after the lines before them.
 */
export function batchedJsonLogger(out: { write(text: string): unknown } = process.stdout): Logger {
  let lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    const text = lines.join('');
    lines = [];
    out.write(text);
  };
  process.on('exit', flush);
  return {
    info: (entry) => {
      if (lines.length === 0) setImmediate(flush);
      lines.push(`${JSON.stringify(entry)}\n`);
    },
    error: (entry) => {
      flush();
      console.error(JSON.stringify(entry));
    },
  };
}

export interface RunningServer {
  url: string;
  published: PublishOutcome[];
  /** No account exists yet: the operator must create the first admin with the CLI. */
  noUsers: boolean;
  close(): Promise<void>;
}

/** How long a version's parsed definition and validation plan are kept unused (recompiled in ~0.1 s). */
const VERSION_IDLE_MS = 5 * 60_000;

/** Publishes surveys/, then serves. Refuses to start when a published version's file changed. */
export async function startServer(opts: NodeOptions): Promise<RunningServer> {
  const logger = opts.logger ?? batchedJsonLogger();
  const handle = openDatabase(opts.dbFile, { synchronous: opts.synchronous, writer: 'thread' });
  const validator = createValidator(createValidationPool(opts.validationThreads));
  const anonymizer = createSdcPool();
  const deps: Deps = {
    secrets: { pseudonymKey: loadPseudonymKey(opts.dbFile) },
    db: handle.db,
    atomic: handle.atomic,
    clock: systemClock,
    newId: randomUUID,
    validator,
    logger,
    config: {
      ...defaultConfig,
      bodyLimitBytes: opts.bodyLimitBytes,
      trashDays: opts.trashDays,
      secureCookies: opts.secureCookies,
      rateLimitPerMinute: opts.rateLimitPerMinute,
    },
    assets: nodeAssets(),
    clientAddress: (_req, env) => (env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress ?? 'unknown',
    anonymizer,
    compression: nodeCompression,
    spill: fileSpill,
    xlsform: nodeXlsform,
  };
  const { files, unreadable } = await readSurveyFiles(opts.surveysDir);
  const published = [...unreadable, ...(await publishDefinitions(deps, files))];
  const refused = published.filter((p) => p.status === 'refused');
  if (refused.length) {
    await validator.close?.();
    await anonymizer.close();
    await handle.close();
    throw new PublishRefused(refused);
  }
  // Hourly upkeep, and once at start: purge the trash past its period, forget expired sessions.
  const purge = () =>
    Promise.all([
      purgeExpiredTrash(deps),
      deps.atomic((db) => [deleteExpiredSessionsStatement(db, deps.clock.now(), deps.config.sessionIdleMs)]),
    ]).catch((e: unknown) => logger.error({ level: 'error', task: 'upkeep', error: String(e) }));
  await purge();
  const purgeTimer = setInterval(purge, 3_600_000);
  purgeTimer.unref();
  // What was derived of versions no one used for VERSION_IDLE_MS is let go (see version-cache.ts):
  // the versions publishing compiled at start, the versions a burst of old responses touched.
  const idleTimer = setInterval(() => {
    if (dropIdleVersions(VERSION_IDLE_MS) > 0) collectGarbage();
  }, VERSION_IDLE_MS / 5);
  idleTimer.unref();
  const app = createApp(deps);
  const server: ServerType = await new Promise((ready) => {
    const s = serve({ fetch: closingOnRefusedBodies(app.fetch), hostname: opts.host, port: opts.port }, () => ready(s));
  });
  refuseOversizedBeforeContinue(server as Server, opts.bodyLimitBytes);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    url: `http://${opts.host}:${port}`,
    published,
    noUsers: (await listUsers(handle.db)).length === 0,
    close: async () => {
      clearInterval(purgeTimer);
      clearInterval(idleTimer);
      await new Promise<void>((done) => server.close(() => done()));
      await validator.close?.();
      await anonymizer.close();
      await handle.close();
    },
  };
}

export class PublishRefused extends Error {
  constructor(readonly refused: PublishOutcome[]) {
    super(refused.map((r) => `${r.file}: ${r.problems.join('; ')}`).join('\n'));
  }
}
