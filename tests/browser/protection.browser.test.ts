// The enumerator's phone as a safe place, tried as someone who takes it at a checkpoint would:
// what IndexedDB holds (read raw in Chromium, and on disk in the profile's folder) has no answer,
// no token and no plaintext JSON; a wrong PIN opens nothing; five wrong PINs wipe the phone; the
// app locks when hidden; a device the coordinator revokes wipes itself at its next contact.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/app';
import {
  CHROMIUM,
  cutNetwork,
  openCollect,
  restoreNetwork,
  choosePinOnPage,
  FLAGS,
  axeViolations,
  openOutbox,
  PIN,
  rawStore,
  type Stack,
  startStack,
  storedResponses,
  unlockOnPage,
  watchedPage,
} from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

const q = (name: string) => `[data-name="${name}"]`;
/** Screenshots for people to look at (not compared): PERIPLUS_SHOTS or the system's temporary folder. */
const SHOTS = process.env.PERIPLUS_SHOTS ?? tmpdir();
const adminHeaders = () => ({ 'content-type': 'application/json', cookie: stack.admin.cookie, 'x-csrf-token': stack.admin.csrf });

/** A device of its own for each test (revoking the shared one would break the others). */
async function newDevice(): Promise<{ id: string; token: string }> {
  const r = await fetch(`${stack.url}/api/v1/devices`, {
    method: 'POST',
    headers: adminHeaders(),
    body: JSON.stringify({ name: 'phone under test', questionnaires: ['transit-interview'], country: 'TUN', site: 'Sfax' }),
  });
  expect(r.status).toBe(201);
  const body = await r.json();
  return { id: body.id, token: body.token };
}

const enrol = async (context: BrowserContext, token: string): Promise<Page> => (await openCollect(context, stack.url, token)).page;

/** Answers the first page and the age, and types a number of days without completing. */
async function startInterview(page: Page, days: string): Promise<void> {
  await page.click('button[data-questionnaire="transit-interview"]');
  await page.click(`${q('consent')} label:has-text("Yes")`);
  await page.click('.sd-navigation__next-btn');
  await page.click(`${q('age_band')} label:has-text("25-34")`);
  await page.fill(`${q('days')} input`, days);
  await page.press(`${q('days')} input`, 'Tab');
}
async function completeInterview(page: Page, days: string): Promise<void> {
  await startInterview(page, days);
  await page.click('.sd-navigation__complete-btn');
  // Every stop shows the referral prompt first.
  await page.click('#stop-done');
  await page.waitForSelector('#count-waiting');
}

/** Starts an interview, switches it to Arabic and gives consent: the age page is next. */
async function consentInArabic(page: Page): Promise<void> {
  await page.click('button[data-questionnaire="transit-interview"]');
  await page.waitForSelector(q('consent'));
  await page.selectOption('#language', 'ar');
  await page.click(`${q('consent')} label:has-text("نعم")`);
  await page.click('.sd-navigation__next-btn');
}

/** Every file under `dir` as latin1 text (the profile's IndexedDB: LevelDB logs, tables and blobs). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [readFileSync(path).toString('latin1')];
  });
}

describe('the enumerator app keeps nothing readable without the PIN', () => {
  it('holds no answer, no token and no plaintext JSON in IndexedDB, read raw in the page and on disk', async () => {
    const profile = tempDir();
    const context = await chromium.launchPersistentContext(profile.dir, { executablePath: CHROMIUM, args: FLAGS });
    try {
      const { token } = await newDevice();
      const page = await enrol(context, token);
      await cutNetwork(context);
      await completeInterview(page, '3191'); // queued
      await startInterview(page, '2846'); // in progress, saved at every answer
      await page.waitForTimeout(300);
      const raw = await rawStore(page);
      const sensitive = Object.entries(raw)
        .filter(([store]) => !store.startsWith('definitions'))
        .flatMap(([, values]) => values)
        .join('\n');
      expect(raw.outbox).toHaveLength(1);
      expect(raw.progress).toHaveLength(1);
      for (const secret of ['3191', '2846', '25-34', 'consent', 'age_band', token, token.slice(3, 20), '"data"', '{"'])
        expect(sensitive, secret).not.toContain(secret);
      // With the right PIN the same records open (what the app itself does), with a wrong one nothing does.
      expect((await openOutbox(page, PIN)).map((i) => i.data.days)).toEqual([3191]);
      await expect(openOutbox(page, '480916')).rejects.toThrow(/could not open/);
      // And on disk: LevelDB's files of the profile, whatever it compacted or not.
      await page.close();
      await context.close();
      const disk = filesUnder(join(profile.dir, 'Default', 'IndexedDB')).join('\n');
      expect(disk.length).toBeGreaterThan(0);
      for (const secret of ['3191', '2846', token]) expect(disk, secret).not.toContain(secret);
      expect(disk).toContain('transit-interview'); // the definitions are there, in clear, as intended
    } finally {
      await context.close().catch(() => undefined);
      profile.cleanup();
    }
  });

  it('locks when hidden, shows no answer while locked, and resumes the interview after the PIN', async () => {
    const context = await stack.browser.newContext();
    const page = await enrol(context, (await newDevice()).token);
    await startInterview(page, '1517');
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForSelector('#pin');
    const locked = await page.evaluate(() => document.body.textContent ?? '');
    expect(locked).not.toContain('1517');
    expect(locked).not.toContain('25-34');
    expect(await page.locator(q('days')).count()).toBe(0);
    await unlockOnPage(page);
    await page.waitForSelector(`${q('days')} input`);
    expect(await page.inputValue(`${q('days')} input`)).toBe('1517');
    await context.close();
  });

  it('refuses a wrong PIN, says how many attempts are left, and wipes everything at the fifth', async () => {
    const context = await stack.browser.newContext();
    const page = await enrol(context, (await newDevice()).token);
    await cutNetwork(context);
    await completeInterview(page, '2718');
    await page.reload();
    for (let left = 4; left >= 1; left--) {
      await page.waitForSelector('#pin');
      await page.fill('#pin', '999000');
      await page.click('form button[type=submit]');
      await page.waitForSelector(`[role=alert]:has-text("${left} attempt(s) left")`);
    }
    // The fourth wrong PIN left the data as it was: the right one still opens it.
    expect((await openOutbox(page, PIN)).map((i) => i.data.days)).toEqual([2718]);
    await page.fill('#pin', '999000');
    await page.click('form button[type=submit]');
    await page.waitForSelector('[role=alert]:has-text("Too many wrong PINs")');
    await page.waitForSelector('#device-token');
    const raw = await rawStore(page);
    expect(Object.values(raw).flat()).toEqual([]);
    await context.close();
  });

  it('rejects a PIN that is short, repeated or a run, and two PINs that differ', async () => {
    const context = await stack.browser.newContext();
    const { page } = await watchedPage(context, stack.url);
    await page.goto(`${stack.url}/collect/#token=${(await newDevice()).token}`);
    for (const [pin, again, message] of [
      ['4821', '4821', 'at least 6'],
      ['777777', '777777', 'too easy'],
      ['456789', '456789', 'too easy'],
      ['480915', '480916', 'differ'],
    ]) {
      await page.waitForSelector('#pin-again');
      await page.fill('#pin', pin!);
      await page.fill('#pin-again', again!);
      await page.click('form button[type=submit]');
      await page.waitForSelector(`[role=alert]:has-text("${message}")`);
    }
    // Nothing was stored while no PIN was accepted: not even the token.
    expect(Object.values(await rawStore(page)).flat()).toEqual([]);
    await context.close();
  });
});

describe('a device the coordinator revokes wipes itself at its next contact', () => {
  const revoke = (id: string) => fetch(`${stack.url}/api/v1/devices/${id}`, { method: 'DELETE', headers: adminHeaders() });

  it('after sending: the interviews are on the server and the phone holds nothing', async () => {
    const context = await stack.browser.newContext();
    const device = await newDevice();
    const page = await enrol(context, device.token);
    await completeInterview(page, '1414');
    await page.waitForFunction(() => document.getElementById('count-sent')?.textContent === '1', undefined, { timeout: 20_000 });
    // What the phone keeps of a sent interview does not lead to it: its instance id is sealed, and
    // the device's token (were it taken) reads no response.
    const sent = (await storedResponses(stack, 'transit-interview')).find((r) => r.data.days === 1414)!;
    expect(
      Object.values(await rawStore(page))
        .flat()
        .join('\n'),
    ).not.toContain(sent.instanceId);
    const read = await fetch(`${stack.url}/api/v1/responses/${sent.instanceId}`, { headers: { authorization: `Bearer ${device.token}` } });
    expect(read.status).toBe(403);
    expect((await revoke(device.id)).status).toBe(200);
    await page.click('#send-now'); // any contact with the server
    await page.waitForSelector('[role=alert]:has-text("removed this device")', { timeout: 20_000 });
    expect(await page.textContent('[role=alert]')).not.toMatch(/not yet sent/);
    expect(Object.values(await rawStore(page)).flat()).toEqual([]);
    expect((await storedResponses(stack, 'transit-interview')).filter((r) => r.data.days === 1414)).toHaveLength(1);
    await context.close();
  });

  it('before sending: nothing more can be sent, the phone is wiped and says how many interviews were lost', async () => {
    const context = await stack.browser.newContext();
    const device = await newDevice();
    const page = await enrol(context, device.token);
    await cutNetwork(context);
    await completeInterview(page, '1515');
    expect((await revoke(device.id)).status).toBe(200);
    // The network returns: the app tries to send at once, and learns it was revoked.
    await restoreNetwork(context);
    await page.waitForSelector('[role=alert]:has-text("1 interview(s) not yet sent were deleted")', { timeout: 30_000 });
    expect(Object.values(await rawStore(page)).flat()).toEqual([]);
    expect((await storedResponses(stack, 'transit-interview')).filter((r) => r.data.days === 1515)).toHaveLength(0);
    await context.close();
  });
});

describe('the PIN screens for people', () => {
  for (const [lang, width] of [
    ['en', 1280],
    ['ar', 360],
  ] as const)
    it(`pass axe-core with no serious violation and fit the screen (${lang}, ${width} px)`, async () => {
      const context = await stack.browser.newContext({ viewport: { width, height: 800 }, locale: lang });
      await context.addInitScript((l) => localStorage.setItem('periplus.lang', l), lang);
      const { page } = await watchedPage(context, stack.url);
      await page.goto(`${stack.url}/collect/#token=${(await newDevice()).token}`);
      await page.waitForSelector('#pin-again');
      const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect(await axeViolations(page)).toEqual([]);
      expect(await fits()).toBe(true);
      await page.screenshot({ path: join(SHOTS, `pin-choose-${lang}-${width}.png`), fullPage: true });
      await choosePinOnPage(page);
      await page.reload();
      await page.waitForSelector('#pin');
      expect(await axeViolations(page)).toEqual([]);
      expect(await fits()).toBe(true);
      await page.screenshot({ path: join(SHOTS, `pin-unlock-${lang}-${width}.png`), fullPage: true });
      await context.close();
    });
});

describe('protection in the interview flow', () => {
  /** The transit interview's fieldwork dashboard, as the admin reads it. */
  const fieldwork = async () => {
    const r = await fetch(`${stack.url}/api/v1/questionnaires/transit-interview/fieldwork?format=json`, {
      headers: { cookie: stack.admin.cookie },
    });
    return (await r.json()) as {
      refusals: { byReason: Record<string, number>; childReferrals: number };
      distress: { interviews: number; stopped: number };
      withdrawnKept: number;
    };
  };
  const refusalsBy = async (reason: string) => {
    return (await fieldwork()).refusals.byReason[reason] ?? 0;
  };

  it('lets the respondent stop at any point: nothing is kept but a count, and the referral card is shown', async () => {
    const context = await stack.browser.newContext();
    const page = await enrol(context, (await newDevice()).token);
    const before = await refusalsBy('withdrawn');
    await cutNetwork(context);
    await startInterview(page, '1234');
    page.once('dialog', (d) => void d.accept());
    await page.click('#withdraw');
    await page.waitForSelector('#referral');
    expect(await page.textContent('#referral')).toContain('Sfax legal aid desk'); // the card of the device's site
    expect(await page.textContent('#referral')).not.toContain('National legal aid');
    // On the phone: an empty interview marked withdrawn, nothing of the answers given.
    const queued = await openOutbox(page, PIN);
    expect(queued.map((i) => [i.data, i.withdrawn, i.refusal])).toEqual([[{}, true, true]]);
    expect(
      Object.values(await rawStore(page))
        .flat()
        .join('\n'),
    ).not.toContain('1234');
    await page.click('#stop-done');
    await expect.poll(() => page.textContent('#flash')).toMatch(/stopped by the respondent/);
    await restoreNetwork(context);
    await page.waitForFunction(() => document.getElementById('count-waiting')?.textContent === '0', undefined, { timeout: 30_000 });
    expect(await refusalsBy('withdrawn')).toBe(before + 1);
    expect((await storedResponses(stack, 'transit-interview')).filter((r) => r.data.days === 1234)).toHaveLength(0);
    await context.close();
  });

  it('asks, where the respondent agreed at the start, whether the answers given so far may be kept; only a yes sends them', async () => {
    const context = await stack.browser.newContext();
    const page = await enrol(context, (await newDevice()).token);
    const before = await fieldwork();
    await cutNetwork(context);
    const stopAfterAgreeing = async (days: string, keep: 'keep-answers' | 'keep-nothing') => {
      await page.click('button[data-questionnaire="transit-interview"]');
      await page.click(`${q('consent')} label:has-text("Yes")`);
      await page.click(`${q('keep_if_stopped')} label:has-text("Keep them")`);
      await page.click('.sd-navigation__next-btn');
      await page.click(`${q('age_band')} label:has-text("25-34")`);
      await page.fill(`${q('days')} input`, days);
      await page.press(`${q('days')} input`, 'Tab');
      const asked = new Promise<string>((resolve) => page.once('dialog', (d) => (resolve(d.message()), void d.accept())));
      await page.click('#withdraw');
      expect(await asked).toMatch(/whether the answers given so far may be kept/);
      await page.waitForSelector('#keep');
      // The question has the focus, for a screen reader and the keyboard.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('keep-title');
      await page.click(`#${keep}`);
      await page.waitForSelector('#referral');
      await page.click('#stop-done');
    };
    await stopAfterAgreeing('2024', 'keep-answers');
    await expect.poll(() => page.textContent('#flash')).toMatch(/answers given so far are kept/);
    await stopAfterAgreeing('2025', 'keep-nothing');
    await expect.poll(() => page.textContent('#flash')).toMatch(/Only the count is kept/);
    // A number the form refuses (more than 3650 days) is left out: the rest is kept and accepted.
    await stopAfterAgreeing('99999', 'keep-answers');
    // The outbox is keyed by instance id: in no particular order.
    const queued = (await openOutbox(page, PIN)).map((i) => [i.data, i.withdrawn, i.refusal]);
    expect(queued).toHaveLength(3);
    expect(queued).toEqual(
      expect.arrayContaining([
        [{ consent: 'yes', keep_if_stopped: 'yes', age_band: '25-34', days: 2024 }, true, false],
        [{}, true, true],
        [{ consent: 'yes', keep_if_stopped: 'yes', age_band: '25-34' }, true, false],
      ]),
    );
    await restoreNetwork(context);
    await page.waitForFunction(() => document.getElementById('count-waiting')?.textContent === '0', undefined, { timeout: 30_000 });
    const kept = (await storedResponses(stack, 'transit-interview')).filter((r) => r.data.days === 2024);
    expect(kept).toEqual([
      expect.objectContaining({ withdrawn: true, data: { consent: 'yes', keep_if_stopped: 'yes', age_band: '25-34', days: 2024 } }),
    ]);
    expect((await storedResponses(stack, 'transit-interview')).filter((r) => r.data.days === 2025)).toHaveLength(0);
    expect(await page.textContent('#count-failed')).toBe('0');
    const after = await fieldwork();
    expect(after.withdrawnKept).toBe(before.withdrawnKept + 2);
    expect(after.refusals.byReason.withdrawn).toBe((before.refusals.byReason.withdrawn ?? 0) + 1);
    await context.close();
  });

  for (const [lang, width] of [
    ['en', 1280],
    ['ar', 360],
  ] as const)
    it(`asks to keep the answers on a screen that passes axe-core and fits (${lang}, ${width} px)`, async () => {
      const context = await stack.browser.newContext({ viewport: { width, height: 740 }, locale: lang });
      await context.addInitScript((l) => localStorage.setItem('periplus.lang', l), lang);
      const page = await enrol(context, (await newDevice()).token);
      await page.click('button[data-questionnaire="transit-interview"]');
      await page.waitForSelector(q('consent'));
      await page.selectOption('#language', lang);
      await page.click(`${q('consent')} label:has(input[value="yes"])`);
      // The consent to keep answers is asked once consent is given.
      await page.waitForSelector(`${q('keep_if_stopped')} label:has(input[value="yes"])`);
      await page.click(`${q('keep_if_stopped')} label:has(input[value="yes"])`);
      await page.waitForSelector(`${q('keep_if_stopped')} input[value="yes"]:checked`, { state: 'attached' });
      page.once('dialog', (d) => void d.accept());
      await page.click('#withdraw');
      await page.waitForSelector('#keep');
      expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: join(SHOTS, `keep-answers-${lang}-${width}.png`), fullPage: true });
      await page.click('#keep-nothing');
      await page.waitForSelector('#referral');
      await context.close();
    });

  it('starts the next interview blank, on its first page and in its own language, on the form already built', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await enrol(context, (await newDevice()).token);
    await cutNetwork(context);
    await consentInArabic(page);
    await page.click(`${q('age_band')} label:has-text("35+")`);
    await page.fill(`${q('days')} input`, '1717');
    await page.press(`${q('days')} input`, 'Tab');
    // The form's element is kept with its model: marked here, found again in the next interview.
    await page.evaluate(() => (document.getElementById('form')!.dataset.mark = 'built once'));
    await page.click('.sd-navigation__complete-btn');
    await page.click('#stop-done');
    await page.click('button[data-questionnaire="transit-interview"]');
    await page.waitForSelector(q('consent'));
    expect(await page.evaluate(() => document.getElementById('form')!.dataset.mark)).toBe('built once');
    expect(await page.$eval('#language', (el) => (el as HTMLSelectElement).value)).toBe('en');
    expect(await page.textContent(q('consent'))).toContain('Do you agree');
    expect(await page.$$(`${q('consent')} input:checked`)).toHaveLength(0);
    expect(await page.textContent('#form')).not.toContain('1717');
    await page.click(`${q('consent')} label:has-text("Yes")`);
    await page.click('.sd-navigation__next-btn');
    expect(await page.$$(`${q('age_band')} input:checked`)).toHaveLength(0);
    expect(await page.inputValue(`${q('days')} input`)).toBe('');
    await page.click(`${q('age_band')} label:has-text("18-24")`);
    await page.fill(`${q('days')} input`, '5');
    await page.press(`${q('days')} input`, 'Tab');
    await page.click('.sd-navigation__complete-btn');
    await page.click('#stop-done');
    const queued = await openOutbox(page, PIN);
    // (The outbox is keyed by instance id, not in order.)
    expect(queued.map((i) => [i.locale, i.data]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['ar', { consent: 'yes', age_band: '35+', days: 1717 }],
      ['en', { consent: 'yes', age_band: '18-24', days: 5 }],
    ]);
    expect(new Set(queued.map((i) => i.instanceId)).size).toBe(2);
    await context.close();
  });

  it('shows the child-protection referral, in the interview language, when screening stops for age', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await enrol(context, (await newDevice()).token);
    const before = await refusalsBy('under-age');
    await cutNetwork(context); // (to read the queued stop before it is sent)
    await consentInArabic(page);
    await page.click(`${q('age_band')} label:has-text("under-18")`);
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'interview-ar-360.png') });
    await page.click('.sd-navigation__complete-btn');
    await page.waitForSelector('#referral');
    expect(await fits()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'stop-child-ar-360.png'), fullPage: true });
    const text = await page.textContent('#referral');
    expect(text).toContain('مندوب حماية الطفولة'); // the questionnaire's child-protection card, in Arabic
    // The phone number keeps its order inside the Arabic text (isolated left to right).
    expect(await page.$eval('#referral bdi', (el) => [el.textContent, getComputedStyle(el).direction])).toEqual(['+216 11 111 111', 'ltr']);
    expect(text).toContain('حماية الطفل'); // the app's prompt, in Arabic
    expect(text).not.toContain('legal aid');
    // Recorded with the count: that the child-protection referral was shown, nothing else.
    const queued = await openOutbox(page, PIN);
    expect(queued.map((i) => [i.refusal, i.childReferral, Object.keys(i.data).sort()])).toEqual([[true, true, ['age_band', 'consent']]]);
    const childReferrals = async () => (await fieldwork()).refusals.childReferrals;
    const shownBefore = await childReferrals();
    await page.click('#stop-done');
    await restoreNetwork(context);
    await page.waitForFunction(() => document.getElementById('count-waiting')?.textContent === '0', undefined, { timeout: 30_000 });
    expect(await refusalsBy('under-age')).toBe(before + 1);
    expect(await childReferrals()).toBe(shownBefore + 1);
    await context.close();
  });

  it('pauses for distress from any page: the form is hidden, and the flag goes with the interview or with its count', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await enrol(context, (await newDevice()).token);
    const distress = async () => (await fieldwork()).distress;
    const before = await distress();
    await startInterview(page, '2222');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.click('#distress');
    await page.waitForSelector('#paused:not([hidden])');
    expect(await page.isVisible(q('days'))).toBe(false);
    await page.click('#resume');
    await page.click('.sd-navigation__complete-btn');
    await page.click('#stop-done');
    await page.waitForFunction(() => document.getElementById('count-sent')?.textContent === '1', undefined, { timeout: 30_000 });
    const stored = (await storedResponses(stack, 'transit-interview')).find((r) => r.data.days === 2222) as
      | { distress?: boolean }
      | undefined;
    expect(stored?.distress).toBe(true);
    // Paused, then stopped by the respondent: the flag goes with the count.
    await startInterview(page, '3333');
    await page.click('#distress');
    page.once('dialog', (d) => void d.accept());
    await page.click('#paused button.danger');
    await page.click('#stop-done');
    await page.waitForFunction(() => document.getElementById('count-sent')?.textContent === '2', undefined, { timeout: 30_000 });
    expect(await distress()).toEqual({ interviews: before.interviews + 1, stopped: before.stopped + 1 });
    await context.close();
  });
});
