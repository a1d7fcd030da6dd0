// The workspace in Chromium, as coordinators, admins and researchers use it: a coordinator enrols
// a device with the keyboard alone and the QR code on the screen reads back (jsQR) as the link that
// enrols a phone, then revokes it; an admin creates a user, assigns questionnaires, filters the
// audit log; a researcher sees only the pages of the role; anyone manages their API tokens and
// password. Every page passes axe-core and fits 360 px, in English and Arabic.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, PASSWORD, type Stack, startStack, watchedPage } from './harness';
import { journeyBook, xlsx } from '../xlsform/workbooks';

let stack: Stack;
const SHOTS = process.env.PERIPLUS_SHOTS ?? tmpdir();
const adminHeaders = () => ({ 'content-type': 'application/json', cookie: stack.admin.cookie, 'x-csrf-token': stack.admin.csrf });
const apiGet = async (path: string) => (await fetch(`${stack.url}/api/v1${path}`, { headers: adminHeaders() })).json();

beforeAll(async () => {
  stack = await startStack();
  for (const [username, role, countries] of [
    ['cora', 'coordinator', ['TUN']],
    ['rhea', 'researcher', ['*']],
  ] as const) {
    const r = await fetch(`${stack.url}/api/v1/users`, {
      method: 'POST',
      headers: adminHeaders(),
      body: JSON.stringify({
        username,
        displayName: `${username[0]!.toUpperCase()}${username.slice(1)} Test`,
        password: PASSWORD,
        role,
        countries,
      }),
    });
    expect(r.status, await r.clone().text()).toBe(201);
  }
}, 120_000);
afterAll(async () => stack?.close());

/** A signed-in page (through the sign-in form) in a context of that size and language. */
async function signedIn(
  username: string,
  opts: { width?: number; lang?: string } = {},
): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
  const context = await stack.browser.newContext({ viewport: { width: opts.width ?? 1280, height: 900 }, locale: opts.lang ?? 'en' });
  if (opts.lang) await context.addInitScript((l) => localStorage.setItem('periplus.lang', l), opts.lang);
  const { page, problems } = await watchedPage(context, stack.url);
  await page.goto(`${stack.url}/`);
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await page.click('#sign-in button[type=submit]');
  await page.waitForSelector('#sign-out');
  return { page, problems, close: () => context.close() };
}

/** Presses Tab until the element matching `selector` has the focus (keyboard only, as a person would). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} is not reachable with Tab`);
}

describe('the workspace', () => {
  it('lets a coordinator enrol a device with the keyboard alone; the QR code on screen is the link that enrols the phone; then revoke it', async () => {
    const { page, problems, close } = await signedIn('cora');
    await page.goto(`${stack.url}/workspace/devices`);
    await page.waitForSelector('#new-device');
    // The workspace pages load no form renderer.
    expect(await page.evaluate(() => Array.from(document.scripts, (s) => s.src).filter((s) => /survey/.test(s)))).toEqual([]);
    await tabTo(page, '#device-name');
    await page.keyboard.type('Sfax tablet 7');
    await tabTo(page, 'input[name=questionnaire][value="transit-interview"]');
    await page.keyboard.press('Space');
    await tabTo(page, '#device-site');
    await page.keyboard.type('Sfax');
    await tabTo(page, '#new-device button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#enrol-qr');
    // The focus moves to the link, for the keyboard and screen readers.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('enrol-link');
    const link = (await page.getAttribute('#enrol-link', 'href'))!;
    expect(link).toMatch(new RegExp(`^${stack.url}/collect/#token=pd_`));
    // Read the code back from the screen image, as a phone's camera would.
    const png = PNG.sync.read(await page.locator('#enrol-qr').screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(link);
    // The token in it works: the device reads its questionnaires with it.
    const token = decodeURIComponent(link.split('#token=')[1]!);
    const asDevice = await fetch(`${stack.url}/api/v1/questionnaires`, { headers: { authorization: `Bearer ${token}` } });
    expect(asDevice.status).toBe(200);
    expect((await asDevice.json()).items.map((q: { id: string }) => q.id)).toEqual(['transit-interview']);
    // Listed with its site; revoked after a confirmation.
    const row = page.locator('tr', { hasText: 'Sfax tablet 7' });
    expect(await row.textContent()).toContain('TUN / Sfax');
    page.once('dialog', (d) => void d.accept());
    await row.locator('button.danger').click();
    await page.waitForSelector('tr:has-text("Sfax tablet 7") >> text=/revoked/');
    expect((await fetch(`${stack.url}/api/v1/questionnaires`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect(problems).toEqual([]);
    await close();
  });

  it('lets an admin create a user, assign questionnaires, and find both in the audit log, filtered', async () => {
    const { page, problems, close } = await signedIn('ada');
    await page.goto(`${stack.url}/workspace/users`);
    await page.waitForSelector('#new-user');
    await page.fill('#new-username', 'samir');
    await page.fill('#new-display-name', 'Samir Ben Ali');
    await page.fill('#new-password', 'another long passphrase here');
    await page.selectOption('#new-role', 'assessor');
    await page.fill('#new-countries', 'tun, lby');
    await page.click('#new-user button[type=submit]');
    // The new user opens in the editor: assign a questionnaire there.
    await page.waitForSelector('#edit-user h2:has-text("samir")');
    await page.check('#edit-user input[name=assigned][value="border-assessment"]');
    await page.click('#edit-user button[type=submit]');
    await page.waitForSelector('#edit-status:has-text("Saved")');
    const samir = (await apiGet('/users')).items.find((u: { username: string }) => u.username === 'samir');
    expect(samir).toMatchObject({ role: 'assessor', countries: ['TUN', 'LBY'], questionnaires: ['border-assessment'] });
    expect(await page.textContent('tr[data-user="samir"]')).toContain('border-assessment');
    // A weak password is refused, naming the field.
    await page.fill('#edit-password', 'short');
    await page.click('#edit-user button[type=submit]');
    await page.waitForSelector('#edit-status.error:has-text("password")');

    await page.goto(`${stack.url}/workspace/audit`);
    await page.waitForSelector('#audit-results table');
    await page.fill('#audit-action', 'user.create');
    await page.click('#audit-filter button[type=submit]');
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('#audit-results tbody tr')).every((r) => r.getAttribute('data-action') === 'user.create'),
    );
    const actions = await page.$$eval('#audit-results tbody tr', (rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions.length).toBeGreaterThanOrEqual(3); // cora, rhea, samir
    expect(await page.textContent('#audit-results')).toContain(samir.id);
    expect(problems).toEqual([]);
    await close();
  });

  it('shows a researcher only the pages of the role (home, datasets, account), and refuses the others', async () => {
    const { page, problems, close } = await signedIn('rhea');
    const links = await page.$$eval('header nav a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/', '/workspace/datasets', '/workspace/account']);
    await page.goto(`${stack.url}/workspace/responses`);
    await page.waitForSelector('#page [role=alert]');
    expect(await page.textContent('#who')).toMatch(/Rhea Test · researcher · all countries/);
    for (const p of ['questionnaires', 'responses', 'trash', 'fieldwork', 'devices', 'users', 'audit']) {
      await page.goto(`${stack.url}/workspace/${p}`);
      await page.waitForSelector('#page [role=alert]');
      expect(await page.textContent('#page')).toContain('not part of your role');
    }
    // The API refuses them too, whatever the page shows.
    expect(await page.evaluate(async () => (await fetch('/api/v1/devices')).status)).toBe(403);
    expect(problems.filter((p) => !p.includes('403'))).toEqual([]);
    await close();
  });

  it('lets a coordinator find a response by its filters, review it, correct it and see what changed, move it to the trash and restore it', async () => {
    const instance = crypto.randomUUID();
    const submitted = await fetch(`${stack.url}/api/v1/questionnaires/border-assessment/versions/1/responses`, {
      method: 'POST',
      headers: adminHeaders(),
      body: JSON.stringify({
        instanceId: instance,
        country: 'TUN',
        site: 'Tunis',
        data: { criminalised: 'yes', provision: 'Art. 38 (draft)', cases: 12 },
      }),
    });
    expect(submitted.status, await submitted.clone().text()).toBe(201);
    const { page, problems, close } = await signedIn('cora');
    await page.goto(`${stack.url}/workspace/responses?questionnaire=border-assessment`);
    await page.waitForSelector('#results');
    await page.fill('#filter-site', 'Tunis');
    await page.selectOption('#filter-reviewState', 'received');
    await page.click('#filters button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('#results tbody tr').length === 1);
    // Columns can be hidden, and stay so on this browser.
    expect(await page.isVisible('#results th:has-text("Version")')).toBe(true);
    await page.uncheck('#columns input[value="1"]');
    expect(await page.isVisible('#results th:has-text("Version")')).toBe(false);
    await page.reload();
    await page.waitForSelector('#results table');
    expect(await page.isVisible('#results th:has-text("Version")')).toBe(false);
    await page.check('#columns input[value="1"]');
    expect(await page.isVisible('#results th:has-text("Version")')).toBe(true);
    await page.fill('#filter-site', 'Tunis');
    await page.click('#filters button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('#results tbody tr').length === 1);
    await page.click(`tr[data-instance="${instance}"] a`);
    await page.waitForSelector('#form [data-name="provision"]');
    // Read-only: the answers are shown in the questionnaire's own form, not editable.
    expect(await page.isEditable('#form [data-name="provision"] input')).toBe(false);

    // The review with the keyboard alone.
    await tabTo(page, '#review-state');
    await page.keyboard.press('ArrowDown'); // received -> has_issues
    await tabTo(page, '#review-comment');
    await page.keyboard.type('Cite the article as enacted, not the draft.');
    await tabTo(page, '#review button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#review-history li:has-text("Cite the article as enacted")');
    expect((await apiGet(`/responses/${instance}`)).reviewState).toBe('has_issues');

    await page.click('#edit-answers');
    await page.fill('#form [data-name="provision"] input', 'Art. 38 of Law 2004-6');
    await page.click('#save-correction');
    await page.waitForSelector('#diff tr[data-path="provision"]');
    expect(await page.textContent('#diff tr[data-path="provision"]')).toMatch(/Art\. 38 \(draft\).*Art\. 38 of Law 2004-6/);
    const corrected = await apiGet(`/responses/${instance}`);
    expect(corrected).toMatchObject({ revision: 2, data: { provision: 'Art. 38 of Law 2004-6' }, reviewState: 'received' });

    page.once('dialog', (d) => void d.accept());
    await page.click('#move-to-trash');
    await page.waitForSelector('text=This response is in the trash.');
    expect((await apiGet(`/responses/${instance}`)).deletedAt).not.toBeNull();
    await page.goto(`${stack.url}/workspace/trash?questionnaire=border-assessment`);
    await page.click(`tr[data-instance="${instance}"] button`);
    await page.waitForSelector('text=Restored.');
    expect((await apiGet(`/responses/${instance}`)).deletedAt).toBeNull();
    expect(problems).toEqual([]);
    await close();
  });

  it('lets a coordinator export, compute a release, read its risk report and approve it; a researcher sees and downloads approved releases only', async () => {
    const interview = (i: number) =>
      fetch(`${stack.url}/api/v1/questionnaires/transit-interview/versions/1/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.deviceToken}` },
        body: JSON.stringify({
          instanceId: crypto.randomUUID(),
          data: { consent: 'yes', age_band: '25-34', days: 10 + (i % 7), paid: i % 2 ? 'yes' : 'refused' },
        }),
      });
    for (let i = 0; i < 3; i++) expect((await interview(i)).status).toBe(201);
    const cora = await signedIn('cora');
    const page = cora.page;
    await page.goto(`${stack.url}/workspace/datasets?questionnaire=transit-interview`);
    await page.waitForSelector('#releases h3');
    // The export follows the options chosen; a refused one says why, on the page, not in a file.
    await page.selectOption('#export-profile', 'public');
    expect(await page.getAttribute('#export-download', 'data-href')).toMatch(
      /\/questionnaires\/transit-interview\/export\?profile=public&labels=false&split=false&bom=true&mask=true/,
    );
    await page.click('#export-download');
    await page.waitForSelector('#export .message.error');
    expect(await page.textContent('#export .message')).toMatch(/disclosure thresholds/);
    await page.selectOption('#export-profile', 'pseudonymized');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-download')]);
    expect(download.suggestedFilename()).toMatch(/^transit-interview-pseudonymized-.*\.zip$/);
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    await page.waitForSelector('#export .message.ok:has-text("Downloaded")');
    // Three interviews cannot be released: the refusal says why.
    await page.fill('#release-countries', 'TUN');
    await page.click('#new-release button[type=submit]');
    await page.waitForSelector('#new-release .message.error');
    expect(await page.textContent('#new-release .message')).toMatch(/refused.*k=/s);
    for (let i = 3; i < 60; i++) expect((await interview(i)).status).toBe(201);
    await page.click('#new-release button[type=submit]');
    await page.waitForSelector('article[data-state="pending"]');
    const report = (await page.textContent('article[data-state="pending"] details'))!;
    expect(report).toContain('Meets every threshold.');
    expect(report).toMatch(/Thresholds: k = 5, l = 2/);
    expect(await page.$$eval('article[data-state="pending"] tr[data-scenario]', (rows) => rows.length)).toBeGreaterThan(0);
    page.once('dialog', (d) => void d.accept());
    await page.click('article[data-state="pending"] button.primary');
    await page.waitForSelector('article[data-state="approved"]');
    // A second release stays pending: researchers do not see it.
    await page.click('#new-release button[type=submit]');
    await page.waitForSelector('article[data-state="pending"]');
    expect(cora.problems).toEqual([]);
    await cora.close();

    const rhea = await signedIn('rhea');
    await rhea.page.goto(`${stack.url}/workspace/datasets?questionnaire=transit-interview`);
    await rhea.page.waitForSelector('#releases article');
    expect(await rhea.page.$('#export')).toBeNull();
    expect(await rhea.page.$('#new-release')).toBeNull();
    const states = await rhea.page.$$eval('#releases article', (as) => as.map((a) => a.getAttribute('data-state')));
    expect(states).toEqual(['approved']);
    const bundle = (await rhea.page.getAttribute('#releases article a.bundle', 'href'))!;
    const got = await rhea.page.evaluate(async (u) => {
      const r = await fetch(u);
      return { status: r.status, type: r.headers.get('content-type'), bytes: (await r.arrayBuffer()).byteLength };
    }, bundle);
    expect(got).toMatchObject({ status: 200, type: 'application/zip' });
    expect(got.bytes).toBeGreaterThan(1000);
    expect(rhea.problems).toEqual([]);
    await rhea.close();
  });

  it("shows admins each questionnaire's versions, what changed between two, and changes its state after a confirmation", async () => {
    const { page, problems, close } = await signedIn('ada');
    await page.goto(`${stack.url}/workspace/questionnaires`);
    const scoping = page.locator('article[data-questionnaire="migrant-scoping"]');
    await scoping.waitFor();
    expect(await scoping.locator('tr[data-version]').count()).toBeGreaterThanOrEqual(4);
    expect(await scoping.locator('tr[data-version]').count()).toBeGreaterThanOrEqual(5);
    expect(await scoping.locator('tr[data-version="5"]').textContent()).toContain('(current)');
    // Version 5 closed version 1 for new data as it was published (closesVersions), and the page says so.
    expect(await scoping.locator('tr[data-version="1"] [data-closed="1"]').count()).toBe(1);
    await page.waitForSelector('[data-counts="border-assessment"]:has-text("submitted")');
    const counts = await apiGet('/questionnaires/border-assessment/responses/counts');
    expect(await page.textContent('[data-counts="border-assessment"]')).toBe(
      `${counts.submitted} submitted · ${counts.drafts} drafts · ${counts.trash} in the trash`,
    );
    // Version 1 to 2 of the scoping survey added questions; the page lists them from the two definitions.
    await page.selectOption('#from-migrant-scoping', '1');
    await page.selectOption('#to-migrant-scoping', '2');
    await scoping.locator('form.inline button', { hasText: 'Show' }).click();
    await scoping.locator('.changes li, .changes p').first().waitFor();
    // (Version 2 added the journey, smuggling, abuse and needs modules and removed nothing.)
    const listed = (await scoping.locator('.changes').textContent())!;
    expect(listed).toMatch(/^Added: .*\bdeparture_country\b.*\babuse_experienced\b.*\bintention\b/);
    expect(listed).not.toContain('Removed');
    expect(listed).not.toMatch(/\bage_band\b/); // in both versions
    // The state: closing, after a confirmation; a dismissed confirmation changes nothing.
    const transit = page.locator('article[data-questionnaire="transit-interview"]');
    await page.selectOption('#state-transit-interview', 'closing');
    page.once('dialog', (d) => void d.dismiss());
    await transit.locator('form.inline button', { hasText: 'Save' }).first().click();
    expect((await apiGet('/questionnaires/transit-interview')).state).toBe('open');
    page.once('dialog', (d) => void d.accept());
    await transit.locator('form.inline button', { hasText: 'Save' }).first().click();
    await transit.locator('.message.ok').waitFor();
    expect((await apiGet('/questionnaires/transit-interview')).state).toBe('closing');
    expect(await transit.locator('.facts').textContent()).toMatch(/^closing since/);
    await page.selectOption('#state-transit-interview', 'open');
    page.once('dialog', (d) => void d.accept());
    await transit.locator('form.inline button', { hasText: 'Save' }).first().click();
    await page.waitForFunction(() =>
      /^open since/.test(document.querySelector('article[data-questionnaire="transit-interview"] .facts')?.textContent ?? ''),
    );
    expect((await apiGet('/questionnaires/transit-interview')).state).toBe('open');
    expect(problems).toEqual([]);
    await close();
  });

  it('lets a coordinator check an XLSForm workbook, see its problems by cell, publish it once it passes, and download it back', async () => {
    const broken = structuredClone(journeyBook);
    broken.survey[5]![7] = '. >= 18 and';
    const brokenFile = join(tmpdir(), `journeys-broken-${process.pid}.xlsx`);
    const goodFile = join(tmpdir(), `journeys-${process.pid}.xlsx`);
    writeFileSync(brokenFile, await xlsx(broken));
    writeFileSync(goodFile, await xlsx(journeyBook));
    const { page, problems, close } = await signedIn('cora');
    await page.goto(`${stack.url}/workspace/questionnaires`);
    await page.waitForSelector('article[data-upload]');
    await page.fill('#upload-questionnaire', 'journeys');
    await page.setInputFiles('#upload-file', brokenFile);
    await page.click('article[data-upload] button[type=submit]');
    await page.waitForSelector('tr[data-problem="survey!H6"]');
    expect(await page.textContent('tr[data-problem="survey!H6"]')).toContain('constraint');
    expect(await page.isDisabled('button[data-action=publish]')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('article[data-upload]').screenshot({ path: join(SHOTS, 'workspace-upload-problems-en-1280.png') });
    await page.setInputFiles('#upload-file', goodFile);
    await page.click('article[data-upload] button[type=submit]');
    await page.waitForSelector('article[data-upload] .message.ok');
    expect(await page.textContent('article[data-upload] .message.ok')).toBe('Version 1 of journeys can be published.');
    expect(await page.textContent('article[data-upload] [data-change=added]')).toMatch(/consent.*age.*transport/);
    // Checked only: nothing is published until Publish.
    expect((await fetch(`${stack.url}/api/v1/questionnaires/journeys`, { headers: adminHeaders() })).status).toBe(404);
    await page.click('button[data-action=publish]');
    const card = page.locator('article[data-questionnaire="journeys"]');
    await card.waitFor();
    const link = card.locator('tr[data-version="1"] a[download]');
    const href = (await link.getAttribute('href'))!;
    const download = await fetch(`${stack.url}${href}`, { headers: adminHeaders() });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((await apiGet('/questionnaires/journeys')).currentVersion).toBe('1');
    expect(problems).toEqual([]);
    await close();
  });

  it("stamps an XLSForm's start when the form opens and its end when it is completed", async () => {
    const stamps = {
      survey: [
        ['type', 'name', 'label'],
        ['start', 'started', ''],
        ['text', 'note_text', 'Anything to add?'],
        ['end', 'ended', ''],
      ],
    };
    const up = await fetch(`${stack.url}/api/v1/questionnaires/stamps/versions`, {
      method: 'POST',
      headers: { ...adminHeaders(), 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: new Uint8Array(await xlsx(stamps)),
    });
    expect(up.status, await up.clone().text()).toBe(201);
    const { page, problems, close } = await signedIn('ada');
    const id = crypto.randomUUID();
    const opened = Date.now();
    await page.goto(`${stack.url}/fill/stamps/1/${id}?country=TUN`);
    await page.waitForSelector('[data-name="note_text"] input');
    await page.fill('[data-name="note_text"] input', 'none');
    await page.click('.sd-navigation__complete-btn');
    await page.waitForSelector('#banner .ok');
    const r = await fetch(`${stack.url}/api/v1/responses/${id}`, { headers: adminHeaders() });
    const { data } = (await r.json()) as { data: { started: string; ended: string; note_text: string } };
    expect(data.note_text).toBe('none');
    expect(Date.parse(data.started)).toBeGreaterThanOrEqual(opened - 5_000);
    expect(Date.parse(data.ended)).toBeGreaterThanOrEqual(Date.parse(data.started));
    expect(problems).toEqual([]);
    await close();
  });

  it('shows a coordinator the fieldwork by device and enumerator names in rows that never overlap, targets edited in a form, and the figures as CSV', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${stack.url}/api/v1/questionnaires/transit-interview/versions/1/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.deviceToken}` },
        body: JSON.stringify({ instanceId: crypto.randomUUID(), data: { consent: 'yes', age_band: '18-24', days: 3, paid: 'no' } }),
      });
      expect(r.status).toBe(201);
    }
    const { page, problems, close } = await signedIn('cora', { width: 360 });
    await page.goto(`${stack.url}/workspace/fieldwork?questionnaire=transit-interview`);
    await page.waitForSelector('#fieldwork-summary');
    const collectors = await page.$$eval('figure.bars', (fs) => fs.map((f) => f.textContent ?? ''));
    expect(collectors.join('\n')).toContain('phone 1');
    expect(collectors.join('\n')).not.toMatch(/device:|user:/);
    // Every row of every chart sits below the one before it, at 360 px.
    const overlaps = await page.$$eval('figure.bars', (figures) =>
      figures.flatMap((f) => {
        const boxes = Array.from(f.querySelectorAll('li'), (li) => li.getBoundingClientRect());
        return boxes
          .slice(1)
          .filter((b, i) => b.top < boxes[i]!.bottom - 0.5)
          .map(() => f.querySelector('figcaption')?.textContent);
      }),
    );
    expect(overlaps).toEqual([]);
    await page.fill('#targets input[name=country]', 'TUN');
    await page.fill('#targets input[name=site]', 'Sfax');
    await page.fill('#targets input[name=target]', '100');
    await page.click('#targets button[type=submit]');
    await page.waitForSelector('#targets-status.ok');
    const dashboard = await (
      await fetch(`${stack.url}/api/v1/questionnaires/transit-interview/fieldwork?format=json`, { headers: adminHeaders() })
    ).json();
    expect(dashboard.targets).toEqual([expect.objectContaining({ country: 'TUN', site: 'Sfax', target: 100 })]);
    expect(await page.inputValue('#targets input[name=target]')).toBe('100');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#fieldwork-csv')]);
    expect(download.suggestedFilename()).toBe('fieldwork-transit-interview.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toMatch(/^\uFEFFfigure,key,value\r\n/);
    expect(csv).toMatch(/interviews_per_collector,phone 1,\d+/);
    expect(csv).toMatch(/target,TUN \/ Sfax,\d+\/100/);
    expect(problems).toEqual([]);
    await close();
  });

  it('lets anyone create an API token shown once, revoke it, and change their password (signed out everywhere)', async () => {
    const { page, close } = await signedIn('cora');
    await page.goto(`${stack.url}/workspace/account`);
    await page.waitForSelector('#new-token');
    await page.fill('#token-name', 'nightly export');
    await page.click('#new-token button[type=submit]');
    const token = (await page.textContent('#new-token-value'))!;
    expect(token).toMatch(/^pa_/);
    expect((await fetch(`${stack.url}/api/v1/questionnaires`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    page.once('dialog', (d) => void d.accept());
    await page.click('tr[data-token="nightly export"] button.danger');
    await page.waitForSelector('#my-tokens:has-text("No token yet")');
    expect((await fetch(`${stack.url}/api/v1/questionnaires`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    // A wrong current password is refused; the right one changes it and ends the session.
    await page.fill('#current-password', 'not my password at all');
    await page.fill('#new-password', 'a brand new long passphrase');
    await page.click('#change-password button[type=submit]');
    await page.waitForSelector('#change-password .error:has-text("currentPassword")');
    await page.fill('#current-password', PASSWORD);
    await page.click('#change-password button[type=submit]');
    await page.waitForSelector('#change-password .ok');
    expect(await page.evaluate(async () => (await fetch('/api/v1/session')).status)).toBe(401);
    const again = await fetch(`${stack.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'cora', password: 'a brand new long passphrase' }),
    });
    expect(again.status).toBe(200);
    await close();
  });

  for (const [lang, width] of [
    ['en', 1280],
    ['ar', 360],
  ] as const)
    it(`has pages that pass axe-core, fit the screen and mirror in Arabic (${lang}, ${width} px)`, async () => {
      const instance = crypto.randomUUID();
      const submitted = await fetch(`${stack.url}/api/v1/questionnaires/border-assessment/versions/1/responses`, {
        method: 'POST',
        headers: adminHeaders(),
        body: JSON.stringify({ instanceId: instance, country: 'TUN', data: { criminalised: 'no', gap: 'No offence in the penal code.' } }),
      });
      expect(submitted.status).toBe(201);
      const { page, problems, close } = await signedIn('ada', { width, lang });
      for (const p of [
        'questionnaires',
        'responses',
        `response?id=${instance}`,
        'trash',
        'fieldwork?questionnaire=transit-interview',
        'datasets?questionnaire=transit-interview',
        'devices',
        'users',
        'audit',
        'account',
      ]) {
        await page.goto(`${stack.url}/workspace/${p}`);
        await page.waitForSelector('#page h2.page-title');
        await page.waitForSelector('#page table, #page form');
        expect(await page.getAttribute('html', 'dir'), p).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        expect(await axeViolations(page), p).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${p} fits`).toBe(true);
        await page.screenshot({ path: join(SHOTS, `workspace-${p.split('?')[0]}-${lang}-${width}.png`), fullPage: true });
      }
      expect(problems).toEqual([]);
      await close();
    });
});
