import { defineConfig } from 'vitest/config';

// `npm run test:browser`: the pages in Debian's Chromium (apt-get install -y chromium), driven by
// playwright-core against the real server process. One file at a time: each starts a server and a browser.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.browser.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    maxWorkers: 1,
    fileParallelism: false,
  },
});
