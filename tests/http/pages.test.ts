// The browser pages as HTTP sees them: strict CSP, no inline script, whitelisted vendor files with
// year-long caching under their content hash, gzip, and the service worker's precache list. The
// pages themselves run in Chromium: npm run test:browser.
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { screeningAnswers } from '../../src/questionnaires/screening';
import { parseNumber, toLatinDigits } from '../../src/web/client/digits';
import { backoff } from '../../src/web/client/sync';
import { createTestApp } from '../support/app';

const t = createTestApp();
afterAll(() => t.close());

describe('browser pages over HTTP', () => {
  it('serves every page as a shell with a strict Content-Security-Policy and no inline script', async () => {
    for (const path of [
      '/',
      '/collect/',
      '/fill/demo/1/5b1f0f0e-8d0c-4c5e-9a55-000000000001',
      '/print/5b1f0f0e-8d0c-4c5e-9a55-000000000001',
      '/workspace/devices',
      '/workspace/users',
      '/workspace/audit',
      '/workspace/account',
    ]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(200);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toMatch(/default-src 'none'/);
      expect(csp).toMatch(/script-src 'self';/);
      const html = await res.text();
      expect(html.match(/<script[^>]*>/g)!.every((tag) => /src="\/assets\/[0-9a-f]{12}\//.test(tag))).toBe(true);
      expect(html).not.toMatch(/https?:\/\//);
    }
  });

  it('serves page shells only for well-formed ids, so no path like ..%2Fusers reaches the API calls a page makes', async () => {
    const id = '5b1f0f0e-8d0c-4c5e-9a55-0d6f1f6e2a11';
    expect((await t.app.request(`/print/${id}`)).status).toBe(200);
    expect((await t.app.request(`/fill/demo/1/${id}`)).status).toBe(200);
    for (const url of [
      '/print/..%2Fusers',
      '/print/..%2F..%2Fapi%2Fv1%2Fusers',
      `/fill/demo/1/..%2Fusers`,
      `/fill/..%2Fusers/1/${id}`,
      `/fill/demo/..%2F..%2Fx/${id}`,
    ])
      expect((await t.app.request(url)).status, url).toBe(404);
  });

  it('serves the workspace pages it has, without the form renderer unless they show a form, and 404 for any other', async () => {
    const devices = await (await t.app.request('/workspace/devices')).text();
    expect([...devices.matchAll(/<script src="\/assets\/[0-9a-f]{12}\/([^"]+)"/g)].map((m) => m[1])).toEqual(['workspace.js']);
    expect(devices).not.toMatch(/survey/);
    expect(devices).toMatch(/data-page="devices"/);
    // The page of one response shows its answers in the questionnaire's form: it alone loads the renderer.
    const response = await (await t.app.request('/workspace/response?id=5b1f0f0e-8d0c-4c5e-9a55-000000000001')).text();
    expect([...response.matchAll(/<script src="\/assets\/[0-9a-f]{12}\/([^"]+)"/g)].map((m) => m[1]).at(-1)).toBe('workspace.js');
    expect(response).toMatch(/survey\.core\.min\.js/);
    for (const url of ['/workspace/', '/workspace/nothing', '/workspace/..%2Fusers', '/workspace/devices/1'])
      expect((await t.app.request(url)).status, url).toBe(404);
  });

  it('lets the enumerator app run before the renderer: it only preloads it; the other pages run it first', async () => {
    const collect = await (await t.app.request('/collect/')).text();
    expect([...collect.matchAll(/<script src="\/assets\/[0-9a-f]{12}\/([^"]+)"/g)].map((m) => m[1])).toEqual(['collect.js']);
    const preloaded = [...collect.matchAll(/<link rel="preload" as="(\w+)" href="\/assets\/[0-9a-f]{12}\/([^"]+)" data-renderer>/g)];
    expect(preloaded.map((m) => m[2])).toEqual(
      expect.arrayContaining(['survey.core.min.js', 'survey-js-ui.min.js', 'survey-core.fontless.min.css']),
    );
    expect(preloaded.find((m) => m[2] === 'survey-core.fontless.min.css')![1]).toBe('style');
    // The renderer's stylesheet is not render-blocking there; ours is.
    expect(collect).not.toMatch(/rel="stylesheet"[^>]*survey-core/);
    expect(collect).toMatch(/rel="stylesheet"[^>]*periplus\.css/);
    const home = await (await t.app.request('/')).text();
    const scripts = [...home.matchAll(/<script src="\/assets\/[0-9a-f]{12}\/([^"]+)"/g)].map((m) => m[1]);
    expect(scripts[0]).toBe('survey.core.min.js');
    expect(scripts.at(-1)).toBe('home.js');
  });

  it('serves whitelisted files only, gzipped, cached a year under their own hash and not under another', async () => {
    const html = await (await t.app.request('/collect/')).text();
    const url = /href="(\/assets\/[0-9a-f]{12}\/survey\.core\.min\.js)"/.exec(html)![1]!;
    const res = await t.app.request(url, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8', 0, 200)).toContain('surveyjs');
    expect((await t.app.request(url.replace(/[0-9a-f]{12}/, '000000000000'))).headers.get('cache-control')).toBe('no-cache');
    for (const name of ['package.json', '..%2Fpackage.json', 'survey.core.js', 'index.js'])
      expect((await t.app.request(`/assets/0/${name}`)).status, name).toBe(404);
  });

  it('compresses questionnaire definitions for clients that accept gzip', async () => {
    const { definitionFile, demoDefinition } = await import('../support/factories');
    await t.publish([definitionFile(demoDefinition)]);
    const admin = await t.user('admin');
    const res = await t.app.request('/api/v1/questionnaires/demo/versions/1/definition', {
      headers: { ...admin.headers, 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).title).toBe('Demo');
  });

  it('gives the service worker the exact versioned files the enumerator page loads', async () => {
    const html = await (await t.app.request('/collect/')).text();
    const sw = await (await t.app.request('/collect/sw.js')).text();
    const precache = JSON.parse(/PERIPLUS_PRECACHE=(\[.*?\]);/.exec(sw)![1]!) as string[];
    const loaded = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(loaded.length).toBeGreaterThan(5);
    for (const u of loaded) expect(precache).toContain(u);
    expect(precache).toContain('/collect/');
  });
});

describe('enumerator app logic', () => {
  it('reads Arabic-Indic and Persian digits as numbers', () => {
    expect(toLatinDigits('١٢٣٫٥')).toBe('123.5');
    expect(parseNumber('۴۲', Number.NaN)).toBe(42);
    expect(parseNumber('12', 12)).toBe(12);
    expect(Number.isNaN(parseNumber('abc', Number.NaN))).toBe(true);
  });

  it('keeps of a stopped interview only the answers its screening rules read', () => {
    const rules = [
      { reason: 'no-consent', if: "{consent} = 'no'" },
      { reason: 'under-age', if: "{age_eligible} = 'no'" },
    ];
    expect(screeningAnswers(rules, { consent: 'no', age_eligible: 'yes', hub: 'Sfax', notes: 'x' })).toEqual({
      consent: 'no',
      age_eligible: 'yes',
    });
  });

  it('backs off exponentially with jitter, capped at ten minutes', () => {
    expect(backoff(1, 0.5)).toBe(5000);
    expect(backoff(3, 0.5)).toBe(20000);
    expect(backoff(30, 0.5)).toBe(600000);
    expect(backoff(2, 0)).toBe(7500);
  });
});
