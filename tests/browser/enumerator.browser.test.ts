// Enumerators in Chromium: the app opened once online keeps working offline (also after a
// reload), completed interviews wait in IndexedDB and arrive exactly once when the network
// returns, a refused consent keeps nothing but the refusal count, Pashto lays out right to left,
// and the app fits a 360 px phone without horizontal scrolling.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/process';
import {
  cutNetwork,
  openCollect,
  restoreNetwork,
  interviewDefinition,
  openOutbox,
  PIN,
  refusalCount,
  startStack,
  storedResponses,
  unlockOnPage,
  type Stack,
} from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

const q = (name: string) => `[data-name="${name}"]`;
const count = async (page: Page, which: 'waiting' | 'sent' | 'failed') => Number(await page.textContent(`#count-${which}`));

const openApp = (context: BrowserContext) => openCollect(context, stack.url, stack.deviceToken);

/**
 * A context whose pages see `navigator.onLine` stuck at true and never get the online and offline
 * events, as with some Chromium versions' offline emulation or a hotspot that loses its uplink.
 */
async function contextWithStuckOnlineFlag(): Promise<BrowserContext> {
  const context = await stack.browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => true });
    for (const type of ['online', 'offline']) window.addEventListener(type, (e) => e.stopImmediatePropagation());
  });
  return context;
}

async function interview(page: Page, answers: { consent: 'Yes' | 'No'; age?: string; days?: string }) {
  await page.click('button[data-questionnaire="transit-interview"]');
  await page.click(`${q('consent')} label:has-text("${answers.consent}")`);
  if (answers.consent === 'Yes') {
    await page.click('.sd-navigation__next-btn');
    await page.click(`${q('age_band')} label:has-text("${answers.age}")`);
    if (answers.days) await page.fill(`${q('days')} input`, answers.days);
  }
  // A refused consent leaves one page: its Complete button ends the interview (the complete trigger).
  await page.click('.sd-navigation__complete-btn');
  // Every stop shows the referral prompt first.
  await page.click('#stop-done');
  await page.waitForSelector('#count-waiting');
}

describe('the enumerator app', () => {
  // Each run its own number of days ('۴۲' is 42 in Arabic-Indic digits), to tell its interview apart.
  for (const [flag, newContext, typed, days] of [
    ['the browser reports it', () => stack.browser.newContext(), '۴۲', 42],
    ['the browser still says online', contextWithStuckOnlineFlag, '۴۳', 43],
  ] as const)
    it(`completes two interviews offline, keeps them across a reload, and delivers each exactly once when back online (${flag})`, async () => {
      const context = await newContext();
      const { page, problems } = await openApp(context);
      const refusals = await refusalCount(stack, 'transit-interview');
      await cutNetwork(context);
      await interview(page, { consent: 'Yes', age: '25-34', days: typed });
      await interview(page, { consent: 'No' });
      await expect.poll(() => page.textContent('#flash')).toContain('refusal');
      expect(await count(page, 'waiting')).toBe(2);
      // Closing and reopening while offline: the page comes from the service worker, the queue from IndexedDB.
      await page.reload();
      await unlockOnPage(page);
      expect(await count(page, 'waiting')).toBe(2);
      await page.waitForFunction(() => /Offline/.test(document.querySelector('.net')?.textContent ?? ''), undefined, { timeout: 10_000 });
      // The refused interview holds nothing but the consent answer on the device.
      const queued = await openOutbox(page, PIN);
      expect(queued.find((i) => i.refusal)?.data).toEqual({ consent: 'no' });
      expect(queued.find((i) => !i.refusal)?.data).toEqual({ consent: 'yes', age_band: '25-34', days });
      expect((await storedResponses(stack, 'transit-interview')).filter((r) => r.data.days === days)).toHaveLength(0);
      expect(await refusalCount(stack, 'transit-interview')).toBe(refusals);

      await restoreNetwork(context);
      await page.waitForFunction(() => document.getElementById('count-waiting')?.textContent === '0', undefined, { timeout: 30_000 });
      expect(await count(page, 'sent')).toBe(2);
      await page.waitForFunction(() => /Online/.test(document.querySelector('.net')?.textContent ?? ''), undefined, { timeout: 10_000 });
      // "Send now" again and a reload send nothing twice.
      await page.click('#send-now');
      await page.reload();
      await unlockOnPage(page);
      const stored = (await storedResponses(stack, 'transit-interview')).filter((r) => r.data.days === days);
      expect(stored.map((r) => r.data)).toEqual([{ consent: 'yes', age_band: '25-34', days }]);
      expect(await refusalCount(stack, 'transit-interview')).toBe(refusals + 1);
      expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(p))).toEqual([]);
      await context.close();
    });

  it('resends after a server refusal only when asked, and shows why it failed', async () => {
    const context = await stack.browser.newContext();
    const { page } = await openApp(context);
    // The coordinator closes the questionnaire while an interview is on its way.
    const headers = { 'content-type': 'application/json', cookie: stack.admin.cookie, 'x-csrf-token': stack.admin.csrf };
    await fetch(`${stack.url}/api/v1/questionnaires/transit-interview`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ state: 'closed' }),
    });
    try {
      await interview(page, { consent: 'Yes', age: '18-24' });
      await page.waitForFunction(() => document.getElementById('count-failed')?.textContent === '1', undefined, { timeout: 20_000 });
      expect(await page.textContent('.queue li.failed')).toMatch(/closed/i);
      expect(await count(page, 'waiting')).toBe(0);
    } finally {
      await fetch(`${stack.url}/api/v1/questionnaires/transit-interview`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ state: 'open' }),
      });
    }
    await page.click('#send-now');
    await page.waitForFunction(() => document.getElementById('count-failed')?.textContent === '0', undefined, { timeout: 20_000 });
    expect((await storedResponses(stack, 'transit-interview')).some((r) => r.data.age_band === '18-24')).toBe(true);
    await context.close();
  });

  it('keeps a queued interview on its own version when a new version is published meanwhile', async () => {
    const context = await stack.browser.newContext();
    const { page } = await openApp(context);
    await cutNetwork(context);
    await interview(page, { consent: 'Yes', age: '35+', days: '7' });
    expect(await count(page, 'waiting')).toBe(1);
    // Version 2 is published on the live server while the phone is offline.
    const v2 = structuredClone(interviewDefinition);
    v2.pages[1]!.elements.push({
      type: 'radiogroup',
      name: 'boat',
      title: { default: 'Did you cross by boat?', ps: 'ایا په بېړۍ تېر شوئ؟', ar: 'هل عبرت بالقارب؟' },
      choices: ['yes', 'no'],
      sdcRole: 'sensitive',
    } as never);
    writeFileSync(join(stack.surveys, 'transit-interview/2.json'), JSON.stringify(v2));
    expect((await runCli(['publish', '--db', stack.db, '--surveys', stack.surveys])).stdout).toMatch(/published\s+transit-interview 2/);
    await restoreNetwork(context);
    await page.waitForFunction(() => document.getElementById('count-waiting')?.textContent === '0', undefined, { timeout: 20_000 });
    const sent = (await storedResponses(stack, 'transit-interview')).find((r) => r.data.age_band === '35+') as
      | { version?: string }
      | undefined;
    expect(sent?.version).toBe('1');
    // New interviews now use version 2.
    await page.reload();
    await unlockOnPage(page);
    await page.waitForSelector('button[data-questionnaire="transit-interview"] + small:has-text("v2")');
    await context.close();
  });

  it('warns before removing a device that still holds interviews', async () => {
    const context = await stack.browser.newContext();
    const { page } = await openApp(context);
    await cutNetwork(context);
    await interview(page, { consent: 'No' });
    const dialog = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.message());
        void d.dismiss();
      }),
    );
    await page.click('#forget');
    const message = await dialog;
    expect(message).toMatch(/1 interview\(s\) have not reached the server/);
    expect(await count(page, 'waiting')).toBe(1);
    await restoreNetwork(context);
    await page.waitForFunction(() => document.getElementById('count-waiting')?.textContent === '0', undefined, { timeout: 20_000 });
    await context.close();
  });

  it('lays out Pashto right to left (survey-core only knows ar, he and fa) and fits 360 px without horizontal scrolling', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const { page, problems } = await openApp(context);
    const noScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await noScroll()).toBe(true);
    // The app's own strings in Pashto, right to left.
    await page.selectOption('#language', 'ps');
    await page.waitForFunction(() => document.getElementById('send-now')?.textContent === 'اوس یې ولېږئ');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await noScroll()).toBe(true);
    await page.click('button[data-questionnaire="transit-interview"]');
    // The form's own language list, once the form is there (the list page has one too: choosing
    // before the form has loaded would choose on the page being left).
    await page.waitForSelector(q('consent'));
    await page.selectOption('#language', 'ps');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.getAttribute('#form [dir]', 'dir')).toBe('rtl');
    expect(await page.textContent(q('consent'))).toContain('ایا په ګډون موافق یاست؟');
    expect(await noScroll()).toBe(true);
    await page.click(`${q('consent')} label:has-text("هو")`);
    await page.click('.sd-navigation__next-btn');
    expect(await page.textContent(q('age_band'))).toContain('عمر');
    expect(await noScroll()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
