// The Workers runtime: the same app on D1. What differs from Node is only here:
//   - storage: drizzle over the D1 binding; atomic() is one D1 batch (D1 has no interactive
//     transactions; a batch is all or nothing);
//   - validation inline in the request (no worker_threads): the compiled plan, or survey-core's
//     full model for versions the plan does not cover (it costs CPU time per submission);
//   - the pseudonym key comes from the Worker secret PSEUDONYM_KEY (never from wrangler.toml);
//   - the shipped questionnaires are bundled and published on an isolate's first request
//     (unchanged versions cost a hash each);
//   - exports are capped so one request stays inside D1's 1,000 queries per invocation;
//   - the hourly upkeep (trash purge, expired sessions) runs from a Cron Trigger;
//   - the browser pages' files come from the ASSETS binding, built ahead of time (on Node,
//     esbuild bundles them in memory at the first request).
// Nothing imported here may pull in better-sqlite3 or node:* modules other than the two that
// nodejs_compat provides for it: Buffer (csv-stringify) and node:crypto's synchronous SHA-256
// (questionnaires/canonical.ts). The helpers live in workers-runtime.ts: workerd refuses named
// exports of the main module that are not handlers.
import { errorJson } from '../http/problem';
import { createApp } from '../app';
import { purgeExpiredTrash } from '../responses/manage';
import { deleteExpiredSessionsStatement } from '../storage/sessions';
import { publishDefinitions } from '../questionnaires/publish';
import { shippedDefinitions } from './shipped';
import { workerDeps, type Env } from './workers-runtime';

export type { Env };

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
      deps.logger.info({
        level: o.status === 'refused' ? 'error' : 'info',
        task: 'publish',
        questionnaire: o.questionnaireId,
        version: o.version,
        status: o.status,
        problems: o.problems,
      });
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
      return Response.json(errorJson(crypto.randomUUID(), 'misconfigured', message), { status: 503 });
    }
    await started.ready;
    return started.app.fetch(request, env, ctx as never);
  },

  /** The upkeep the Node server runs hourly (wrangler.toml [triggers]): purge the trash past its period, forget expired sessions. */
  async scheduled(_event: unknown, env: Env): Promise<void> {
    const deps = workerDeps(env);
    await purgeExpiredTrash(deps);
    await deps.atomic((db) => [deleteExpiredSessionsStatement(db, deps.clock.now(), deps.config.sessionIdleMs)]);
  },
};
