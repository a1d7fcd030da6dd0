// Tests inside workerd (the Workers runtime) with a local D1: @cloudflare/vitest-pool-workers.
// The D1 database gets db/migrations applied before the tests, as `wrangler d1 migrations apply` would.
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

const migrations = await readD1Migrations('./db/migrations');

export default defineConfig({
  plugins: [
    cloudflareTest({
      main: './src/entry/worker.ts',
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        // A second, empty database for the migrations test, which rebuilds it step by step.
        d1Databases: { SEED_DB: 'periplus-seeded-migrations' },
        bindings: {
          TEST_MIGRATIONS: migrations,
          // A test key; a deployment sets its own with `wrangler secret put PSEUDONYM_KEY`.
          PSEUDONYM_KEY: '0f'.repeat(32),
        },
      },
    }),
  ],
  test: {
    name: 'workers',
    include: ['tests/workers/**/*.worker.test.ts'],
    setupFiles: ['./tests/workers/apply-migrations.ts'],
    testTimeout: 60_000,
    // The app logs one JSON line per request: shown only for failing tests.
    silent: 'passed-only',
  },
});
