// npm run bench:page: what the enumerator app costs a phone. Bytes transferred over the network for
// a first visit and for a later one (service worker cache), and the time from navigation until the
// first question of the migrant scoping survey can be answered; unthrottled and as a mid-range
// phone on a 3G link (CPU 4x slower, 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip), in
// Debian's Chromium. Needs `apt-get install -y chromium`.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { PIN, startStack, type Stack } from '../tests/browser/harness';

interface Load {
  bytes: number;
  requests: number;
  fromServiceWorker: number;
  readyMs: number;
  firstQuestionMs: number;
  nextInterviewMs: number;
}

async function measure(context: BrowserContext, url: string, throttle: boolean): Promise<Load> {
  const page: Page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (throttle) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  let bytes = 0;
  let requests = 0;
  let fromServiceWorker = 0;
  const viaWorker = new Set<string>();
  cdp.on('Network.responseReceived', (e) => {
    if (e.response.fromServiceWorker) viaWorker.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (viaWorker.has(e.requestId)) fromServiceWorker += 1;
    else {
      bytes += e.encodedDataLength;
      requests += 1;
    }
  });
  const start = Date.now();
  await page.goto(url, { waitUntil: 'commit' }); // the PIN screen, not the page's load event
  const question = '[data-name="interview_language"] .sd-dropdown';
  // The PIN screen (chosen on the first visit, asked on later ones): the person's typing is not
  // the app's time; the key derivation and what follows are.
  await page.waitForSelector('#pin', { timeout: 120_000 });
  let readyMs = Date.now() - start;
  await page.fill('#pin', PIN);
  if (await page.$('#pin-again')) await page.fill('#pin-again', PIN);
  const submitAt = Date.now();
  await page.click('form button[type=submit]');
  await page.waitForSelector('button[data-questionnaire="migrant-scoping"]', { timeout: 120_000 });
  readyMs += Date.now() - submitAt;
  // The time the person takes to tap is not the app's: only the app's time after the tap counts.
  const clickAt = Date.now();
  await page.click('button[data-questionnaire="migrant-scoping"]');
  await page.waitForSelector(question, { timeout: 120_000 });
  const firstQuestionMs = readyMs + (Date.now() - clickAt);
  // The next interview: the respondent stops this one, the enumerator closes the referral screen
  // and starts another; from that tap to its first question.
  page.once('dialog', (d) => void d.accept());
  await page.click('#withdraw');
  await page.click('#stop-done');
  await page.waitForSelector('button[data-questionnaire="migrant-scoping"]');
  const nextAt = Date.now();
  await page.click('button[data-questionnaire="migrant-scoping"]');
  await page.waitForSelector(question, { timeout: 120_000 });
  const nextInterviewMs = Date.now() - nextAt;
  // Leave no interview in progress (the app would reopen it on the next visit).
  await page.evaluate(
    () =>
      new Promise((done) => {
        const r = indexedDB.open('periplus');
        r.onsuccess = () => {
          const tx = r.result.transaction('progress', 'readwrite');
          tx.objectStore('progress').clear();
          tx.oncomplete = done;
        };
      }),
  );
  // Let the service worker finish installing before the next visit.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.close();
  return { bytes, requests, fromServiceWorker, readyMs, firstQuestionMs, nextInterviewMs };
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

/** Enrols another device (the stack's own is enrolled for all languages). */
async function enrol(stack: Stack, languages: string[]): Promise<string> {
  const r = await fetch(`${stack.url}/api/v1/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: stack.admin.cookie, 'x-csrf-token': stack.admin.csrf },
    body: JSON.stringify({ name: 'bench phone', questionnaires: ['migrant-scoping'], country: 'TUN', site: 'Sfax', languages }),
  });
  if (r.status !== 201) throw new Error(`device: ${r.status} ${await r.text()}`);
  return (await r.json()).token as string;
}

const stack = await startStack();
try {
  console.log('Enumerator app (/collect/), migrant-scoping (current version, 8 languages), Chromium headless, 360 px');
  const devices = [
    ['device for all 8 languages', stack.deviceToken],
    ['device enrolled for ar, fr', await enrol(stack, ['ar', 'fr'])],
  ] as const;
  const firstQuestion: Record<string, number> = {};
  for (const throttle of [false, true]) {
    const label = throttle ? 'phone on 3G (CPU 4x, 1.6 Mbit/s, 150 ms RTT)' : 'unthrottled (a low-end desktop is close to this)';
    console.log(`\n${label}`);
    for (const [device, token] of devices) {
      const context = await stack.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
      const first = await measure(context, `${stack.url}/collect/#token=${token}`, throttle);
      const again = await measure(context, `${stack.url}/collect/`, throttle);
      console.log(`  ${device}`);
      for (const [name, l] of [
        ['first visit', first],
        ['later visit', again],
      ] as const) {
        console.log(
          `    ${name.padEnd(12)} ${kb(l.bytes).padStart(8)} over the network in ${String(l.requests).padStart(2)} requests (${l.fromServiceWorker} from the service worker); app ready ${l.readyMs} ms; first question answerable ${l.firstQuestionMs} ms; next interview ${l.nextInterviewMs} ms`,
        );
        firstQuestion[`${throttle}/${device}/${name}`] = l.firstQuestionMs;
      }
      console.log(`    later visit / first visit bytes: ${(again.bytes / first.bytes).toFixed(3)}`);
      await context.close();
    }
    for (const name of ['first visit', 'later visit'])
      console.log(
        `  ${name}, first question: enrolled for 2 languages / all 8 = ${(firstQuestion[`${throttle}/${devices[1][0]}/${name}`]! / firstQuestion[`${throttle}/${devices[0][0]}/${name}`]!).toFixed(2)}`,
      );
  }
  console.log('\nGoals on the phone emulation: first visit <= 5000 ms, later visit <= 2000 ms, next interview <= 500 ms.');
} finally {
  await stack.close();
}
