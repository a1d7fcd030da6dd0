// The bindings the Worker tests see (wrangler.toml plus the test-only ones).
import type { D1Migration } from 'cloudflare:test';
import type { Env as WorkerEnv } from '../../src/entry/workers-runtime';

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[];
      /** Empty at start: tests/workers/migrations.worker.test.ts fills and migrates it. */
      SEED_DB: D1Database;
    }
  }
}
