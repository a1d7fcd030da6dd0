// What the PIN costs: PBKDF2-SHA-256 with the app's iteration count, run by Debian's Chromium on
// this machine (Web Crypto, as the enumerator app does at every unlock and when the PIN is chosen).
// DevTools' CPU throttling does not slow Web Crypto (it runs off the page's main thread), so the
// figure is the desktop one; a low-end phone is several times slower.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { PIN_ITERATIONS } from '../src/web/client/vault';

const runs = 5;
const server = createServer((_, res) => res.end('<!doctype html><title>pin</title>')).listen(0, '127.0.0.1');
await new Promise((r) => server.on('listening', r));
const browser = await chromium.launch({
  executablePath: process.env.PERIPLUS_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox'],
});
try {
  const page = await browser.newPage();
  // A secure context (127.0.0.1): Web Crypto is there, as on the https server.
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  const times = await page.evaluate(
    async ({ iterations, runs }) => {
      const out: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const material = await crypto.subtle.importKey('raw', new TextEncoder().encode('480915'), 'PBKDF2', false, ['deriveKey']);
        const salt = crypto.getRandomValues(new Uint8Array(16));
        await crypto.subtle.deriveKey(
          { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
          material,
          { name: 'AES-GCM', length: 256 },
          false,
          ['encrypt'],
        );
        out.push(performance.now() - t0);
      }
      return out;
    },
    { iterations: PIN_ITERATIONS, runs },
  );
  times.sort((a, b) => a - b);
  console.log(`PIN key derivation (PBKDF2-SHA-256, ${PIN_ITERATIONS.toLocaleString('en')} iterations), Chromium ${browser.version()}:`);
  console.log(
    `  median ${times[Math.floor(runs / 2)]!.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms over ${runs} runs`,
  );
} finally {
  await browser.close();
  server.close();
}
