import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Need R and PSPP (`npm run test:stats`) or Chromium (`npm run test:browser`) from Debian.
    exclude: ['tests/stats/**', 'tests/browser/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // survey-core is CPU-heavy: two files at a time on a 2-core machine.
    maxWorkers: 2,
  },
});
