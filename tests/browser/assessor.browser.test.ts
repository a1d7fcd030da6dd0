// Assessors in Chromium: fill and submit with live skip logic, drafts that save themselves and
// resume on their page, the contents list, a stale save refused and explained, right to left in
// Arabic, the printable view, and the page security headers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, signInThroughPage, startStack, storedResponses, watchedPage, type Stack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

const q = (name: string) => `[data-name="${name}"]`;
const answerRadio = (page: Page, name: string, label: string) => page.click(`${q(name)} label:has-text("${label}")`);

async function startAssessment(page: Page): Promise<string> {
  await page.click('section[data-questionnaire="border-assessment"] form button[type=submit]');
  await page.waitForSelector(q('criminalised'));
  return page.url().split('/').pop()!.split('?')[0]!;
}

/** Opens a new assessment of a shipped questionnaire for Tunisia, in `lang` (English unless given). */
async function openShipped(page: Page, questionnaireId: string, lang = 'en'): Promise<void> {
  await page.fill(`section[data-questionnaire="${questionnaireId}"] form input[name=country]`, 'TUN');
  await page.click(`section[data-questionnaire="${questionnaireId}"] form button[type=submit]`);
  await page.waitForSelector('#toc li');
  if (lang !== 'en') {
    await page.selectOption('#language', lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }
}

/** Waits until the server holds a draft of this instance that passes the check, and the page says it saved. */
async function waitDraft(page: Page, id: string, check: (data: Record<string, unknown>) => boolean) {
  for (let i = 0; i < 100; i++) {
    const draft = (await storedResponses(stack, 'border-assessment', 'draft')).find((r) => r.instanceId === id);
    if (draft && check(draft.data)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await page.waitForFunction(() => /Saved at/.test(document.getElementById('save-state')?.textContent ?? ''));
}

describe('the assessor workspace', () => {
  it('fills and submits a questionnaire through the form, with live skip logic and numbers typed in Arabic-Indic digits', async () => {
    const ctx = await stack.browser.newContext();
    const { page, problems } = await watchedPage(ctx, stack.url);
    await signInThroughPage(page, stack.url, 'amina');
    const id = await startAssessment(page);
    expect(await page.isVisible(q('provision'))).toBe(false);
    await answerRadio(page, 'criminalised', 'Yes');
    await page.waitForSelector(`${q('provision')} input`);
    expect(await page.isVisible(q('gap'))).toBe(false);
    await answerRadio(page, 'criminalised', 'No');
    await page.waitForSelector(`${q('gap')} textarea`);
    await page.waitForSelector(q('provision'), { state: 'hidden' });
    await answerRadio(page, 'criminalised', 'Yes');
    await page.fill(`${q('provision')} input`, 'Law 2004-6, art. 38');
    await page.click('.sd-navigation__next-btn');
    await page.fill(`${q('cases')} input`, '١٢');
    await answerRadio(page, 'training', 'partly');
    await page.click('.sd-navigation__next-btn');
    await page.fill(`${q('notes')} textarea`, 'Checked with the prosecutor.');
    await page.click('.sd-navigation__complete-btn');
    await page.waitForSelector('#banner .ok');
    const stored = (await storedResponses(stack, 'border-assessment')).find((r) => r.instanceId === id);
    expect(stored?.data).toEqual({
      criminalised: 'yes',
      provision: 'Law 2004-6, art. 38',
      cases: 12,
      training: 'partly',
      notes: 'Checked with the prosecutor.',
    });
    // The printable view shows every page at once, read-only.
    await page.goto(`${stack.url}/print/${id}`);
    await page.waitForSelector(q('notes'));
    expect(await page.isVisible(q('cases'))).toBe(true);
    expect(await page.isVisible(q('provision'))).toBe(true);
    // Printed: the page chrome (home link, print button) goes, the answers and the facts stay.
    expect(await page.isVisible('header.bar')).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('header.bar')).toBe(false);
    expect(await page.isVisible(q('notes'))).toBe(true);
    expect(await page.textContent('.facts')).toContain(id);
    expect(await page.inputValue(`${q('provision')} input`)).toBe('Law 2004-6, art. 38');
    // And Chromium prints it: a PDF of whole A4 pages.
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(1);
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('saves a draft by itself, and after a reload resumes on the same page with the answers', async () => {
    const ctx = await stack.browser.newContext();
    const { page, problems } = await watchedPage(ctx, stack.url);
    await signInThroughPage(page, stack.url, 'amina');
    const id = await startAssessment(page);
    await answerRadio(page, 'criminalised', 'No');
    await page.fill(`${q('gap')} textarea`, 'No offence of smuggling; only irregular entry.');
    await page.click('.sd-navigation__next-btn');
    await answerRadio(page, 'training', 'no');
    await waitDraft(page, id, (d) => d.training === 'no');
    expect(await page.textContent('#toc')).toContain('1 of 2 answered');
    await page.reload();
    await page.waitForSelector(q('training'));
    expect(await page.isChecked(`${q('training')} input[value="no"]`)).toBe(true);
    // The contents list jumps back to the first section, answers in place.
    await page.click('#toc button[data-page="law"]');
    expect(await page.inputValue(`${q('gap')} textarea`)).toBe('No offence of smuggling; only irregular entry.');
    // The home page lists the draft to resume.
    await page.goto(`${stack.url}/`);
    await page.waitForSelector(`a[href$="${id}"]`);
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it("refuses a save that would overwrite a colleague's newer one, and tells the assessor what to do", async () => {
    const first = await stack.browser.newContext();
    const second = await stack.browser.newContext();
    const a = await watchedPage(first, stack.url);
    const b = await watchedPage(second, stack.url);
    await signInThroughPage(a.page, stack.url, 'amina');
    const id = await startAssessment(a.page);
    await answerRadio(a.page, 'criminalised', 'Yes');
    await a.page.fill(`${q('provision')} input`, 'Art. 1');
    await waitDraft(a.page, id, (d) => d.provision === 'Art. 1');
    // Bilal opens the same draft and saves a change.
    await signInThroughPage(b.page, stack.url, 'bilal');
    await b.page.goto(`${stack.url}/fill/border-assessment/1/${id}`);
    await b.page.waitForSelector(`${q('provision')} input`);
    await b.page.fill(`${q('provision')} input`, 'Art. 2 (Bilal)');
    await waitDraft(b.page, id, (d) => d.provision === 'Art. 2 (Bilal)');
    // Amina, still on her older copy, edits: the server refuses, the page says so.
    await a.page.fill(`${q('provision')} input`, 'Art. 3 (Amina)');
    await a.page.waitForSelector('#banner .conflict');
    expect(await a.page.textContent('#banner')).toMatch(/Someone else \(bilal\) saved this questionnaire at .*NOT saved/);
    const [draft] = (await storedResponses(stack, 'border-assessment', 'draft')).filter((r) => r.instanceId === id);
    expect(draft?.data.provision).toBe('Art. 2 (Bilal)');
    // Reloading shows Bilal's version.
    await a.page.click('#banner .conflict button');
    await a.page.waitForSelector(`${q('provision')} input`);
    await a.page.waitForFunction(
      () => (document.querySelector('[data-name="provision"] input') as HTMLInputElement | null)?.value === 'Art. 2 (Bilal)',
    );
    expect([...a.problems, ...b.problems].filter((p) => !p.includes('409'))).toEqual([]);
    await first.close();
    await second.close();
  });

  it('lays the form out right to left in Arabic, page strings included', async () => {
    const ctx = await stack.browser.newContext();
    const { page, problems } = await watchedPage(ctx, stack.url);
    await signInThroughPage(page, stack.url, 'amina');
    await startAssessment(page);
    await page.selectOption('#language', 'ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.getAttribute('.sd-root-modern, [dir]:has(.sd-body)', 'dir')).toBe('rtl');
    expect(await page.textContent(q('criminalised'))).toContain('هل تهريب المهاجرين جريمة جنائية؟');
    expect(await page.textContent('#toc h2')).toBe('المحتويات');
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it("puts the server's validation errors on the questions they name", async () => {
    const ctx = await stack.browser.newContext();
    const { page } = await watchedPage(ctx, stack.url);
    await signInThroughPage(page, stack.url, 'amina');
    await startAssessment(page);
    await answerRadio(page, 'criminalised', 'Yes');
    await page.fill(`${q('provision')} input`, 'Art. 9');
    await page.click('.sd-navigation__next-btn');
    await page.click('.sd-navigation__next-btn');
    // The browser and the server apply the same rules, so a real 422 cannot be provoked from the
    // form: the submission's answer is replaced by the server's own error shape for one question.
    await page.route('**/api/v1/questionnaires/border-assessment/versions/1/responses', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'invalid_response',
            message: 'The response does not pass validation.',
            details: [{ path: 'provision', message: 'The provision must name an article of the penal code.' }],
          },
        }),
      }),
    );
    await page.click('.sd-navigation__complete-btn');
    await page.waitForSelector('#banner .error');
    expect(await page.textContent('#banner')).toContain('1 problem');
    expect(await page.textContent(q('provision'))).toContain('The provision must name an article of the penal code.');
    expect(await page.isVisible(`${q('provision')} input`)).toBe(true);
    await ctx.close();
  });

  it('shows an answer placed into an html element as text, never as markup', async () => {
    const ctx = await stack.browser.newContext();
    const { page, problems } = await watchedPage(ctx, stack.url);
    await signInThroughPage(page, stack.url, 'amina');
    await startAssessment(page);
    await answerRadio(page, 'criminalised', 'Yes');
    await page.fill(`${q('provision')} input`, '<img src=x id=injected><b id=bold>Art. 9</b>');
    await page.click('.sd-navigation__next-btn');
    await page.click('.sd-navigation__next-btn');
    await page.waitForSelector('.recap');
    expect(await page.textContent('.recap')).toBe('Provision: <img src=x id=injected><b id=bold>Art. 9</b>');
    expect(await page.$('#injected')).toBeNull();
    expect(await page.$('#bold')).toBeNull();
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it("shows coordinators each language's declared status, measured coverage and direction", async () => {
    const ctx = await stack.browser.newContext();
    const { page, problems } = await watchedPage(ctx, stack.url);
    await signInThroughPage(page, stack.url, 'ada');
    const section = 'section[data-questionnaire="migrant-scoping"] details.translations';
    await page.click(`${section} summary`);
    const rows = await page.$$eval(`${section} tbody tr`, (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent)),
    );
    expect(rows.map((r) => r[0])).toEqual(['en', 'fr', 'ar', 'fa', 'ps', 'ti', 'am', 'so']);
    expect(rows.find((r) => r[0] === 'ps')).toEqual(['ps', 'machine-draft', '100% translated', 'rtl']);
    expect(rows.filter((r) => r[1] === 'field-tested')).toEqual([]);
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it("counts the gap analysis's progress per element, every element of its newest version in six sections", async () => {
    const ctx = await stack.browser.newContext();
    const { page, problems } = await watchedPage(ctx, stack.url);
    await signInThroughPage(page, stack.url, 'ada');
    await openShipped(page, 'som-gap-analysis');
    const totals = await page.$$eval('#toc li small', (els) => els.map((e) => Number(/of (\d+)/.exec(e.textContent ?? '')?.[1])));
    // The newest version (2) is the one offered: one count per element it scores.
    const v2 = readFileSync(join(import.meta.dirname, '../../surveys/som-gap-analysis/2.json'), 'utf8');
    expect(totals).toHaveLength(6);
    expect(totals.slice(1).reduce((a, b) => a + b, 0)).toBe(v2.match(/"elementId":/g)!.length);
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('shows each gap-analysis element with the treaty text it tests, readable (axe) in English, French and Arabic at 1280 and 360 px', async () => {
    for (const width of [1280, 360])
      for (const lang of ['en', 'fr', 'ar']) {
        const ctx = await stack.browser.newContext({ viewport: { width, height: 800 } });
        const { page, problems } = await watchedPage(ctx, stack.url);
        await signInThroughPage(page, stack.url, 'ada');
        await openShipped(page, 'som-gap-analysis', lang);
        await page.click('.sd-navigation__next-btn');
        // Open S5.3 (irregular exit and entry offences): its quote is of Arts. 5, 6(4) and 19(1).
        await page.click('.sd-panel__header:has-text("S5.3")');
        const quote = page.locator('blockquote.treaty').first();
        await quote.waitFor();
        // The panel fades in (SurveyJS animates it whatever the motion setting): axe reads colours once it is opaque.
        await page.waitForFunction(() => {
          for (let el = document.querySelector('blockquote.treaty'); el; el = el.parentElement)
            if (Number(getComputedStyle(el).opacity) < 1) return false;
          return true;
        });
        expect(await quote.getAttribute('lang')).toBe(lang === 'fr' ? 'fr' : 'en');
        expect(await quote.textContent()).toContain(
          lang === 'fr' ? 'Les migrants ne deviennent pas passibles' : 'Migrants shall not become liable',
        );
        expect(await axeViolations(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        expect(problems).toEqual([]);
        await ctx.close();
      }
  }, 120_000);

  it('shows the institutional checklist, its errors included, readable (axe) in English and Arabic at 1280 and 360 px', async () => {
    for (const width of [1280, 360])
      for (const lang of ['en', 'ar']) {
        const ctx = await stack.browser.newContext({ viewport: { width, height: 800 } });
        const { page, problems } = await watchedPage(ctx, stack.url);
        await signInThroughPage(page, stack.url, 'ada');
        await openShipped(page, 'som-institutional', lang);
        // The year is required: its error message must be readable too (SurveyJS's red was 4.0:1).
        await page.click('.sd-navigation__next-btn');
        await page.waitForSelector('.sd-error__item');
        expect(await axeViolations(page)).toEqual([]);
        await page.fill('.sd-question input', '2025');
        for (let i = 0; i < 5; i++) await page.click('.sd-navigation__next-btn');
        // Maritime actors: each item names the gap-analysis elements whose practice it tests.
        expect(await page.textContent('.sd-page')).toContain('S8.1');
        expect(await axeViolations(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        expect(problems).toEqual([]);
        await ctx.close();
      }
  }, 120_000);

  it('serves pages with a strict Content-Security-Policy and versioned, long-cached files', async () => {
    const res = await fetch(`${stack.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const html = await res.text();
    expect(html).not.toMatch(/<script>(?!<)/);
    const src = /src="(\/assets\/[^"]+survey\.core\.min\.js)"/.exec(html)![1]!;
    const asset = await fetch(`${stack.url}${src}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${stack.url}/assets/x/package.json`)).status).toBe(404);
  });
});
