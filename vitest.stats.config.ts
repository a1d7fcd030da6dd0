import { defineConfig } from 'vitest/config';

// `npm run test:stats`: the loading scripts run in R and GNU PSPP (Debian packages r-base-core, pspp).
export default defineConfig({
  test: { include: ['tests/stats/**/*.stats.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
