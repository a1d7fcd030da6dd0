import { defineConfig } from 'vitest/config';

// `npm test`: two projects in one run. "node": the app on real SQLite files, real server
// processes, the CLI. "workers": the Worker inside workerd on a local D1 (vitest.workers.config.ts).
export default defineConfig({
  test: {
    // survey-core is CPU-heavy: two files at a time on a 2-core machine.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          // Need R and PSPP (`npm run test:stats`) or Chromium (`npm run test:browser`) from Debian;
          // tests/workers run in the workers project.
          exclude: ['tests/stats/**', 'tests/browser/**', 'tests/workers/**', 'node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      './vitest.workers.config.ts',
    ],
  },
});
