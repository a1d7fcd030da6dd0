import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Needs R and PSPP from Debian: `npm run test:stats`.
    exclude: ['tests/stats/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // survey-core is CPU-heavy: two files at a time on a 2-core machine.
    maxWorkers: 2,
  },
});
