// Questionnaires over HTTP, the OpenAPI description and the reference page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS } from '../../src/access/rules';
import { createTestApp, jsonRequest, type TestApp } from '../support/app';
import { definitionFile, demoDefinition } from '../support/factories';

describe('questionnaires API', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  const get = (url: string) => t.app.request(url, { headers: auth });
  beforeAll(async () => {
    t = createTestApp();
    auth = (await t.user('coordinator')).headers;
    await t.publish([definitionFile(demoDefinition), definitionFile({ ...demoDefinition, title: 'Demo v2' }, { version: '2' })]);
  });
  afterAll(() => t.close());

  it('lists questionnaires with their versions, current version and state', async () => {
    const res = await get('/api/v1/questionnaires');
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: 'demo', title: 'Demo v2', family: 'scoping', state: 'open', currentVersion: '2' });
    expect(items[0].versions.map((v: { version: string }) => v.version)).toEqual(['1', '2']);
    expect(items[0].versions[0]).toEqual({
      version: '1',
      title: 'Demo',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      languages: ['en'],
      translations: [{ lang: 'en', status: 'undeclared', coverage: 1, dir: 'ltr' }],
      questionCount: expect.any(Number),
      publishedAt: '2026-11-01T09:00:00.000Z',
      closedAt: null,
    });
  });

  it('serves the SurveyJS definition of any version, exactly as published', async () => {
    const res = await get('/api/v1/questionnaires/demo/versions/1/definition');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(demoDefinition);
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
    const meta = await (await get('/api/v1/questionnaires/demo/versions/2')).json();
    expect(meta.title).toBe('Demo v2');
  });

  it('answers 404 for unknown questionnaires and versions, 400 for malformed ids', async () => {
    expect((await get('/api/v1/questionnaires/nope')).status).toBe(404);
    expect((await get('/api/v1/questionnaires/demo/versions/7/definition')).status).toBe(404);
    const bad = await get('/api/v1/questionnaires/demo/versions/%2E%2E%2Fx/definition');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].path).toBe('param.version');
  });

  it('changes the state (admins only: it holds for every country) and validates the new one', async () => {
    // A coordinator of one country may not close the questionnaire for all the others.
    const refused = await t.app.request('/api/v1/questionnaires/demo', jsonRequest('PATCH', { state: 'closed' }, auth));
    expect(refused.status).toBe(403);
    expect((await (await get('/api/v1/questionnaires/demo')).json()).state).toBe('open');
    const admin = (await t.user('admin', { countries: ['*'] })).headers;
    const res = await t.app.request('/api/v1/questionnaires/demo', jsonRequest('PATCH', { state: 'closing' }, admin));
    expect(res.status).toBe(200);
    expect((await res.json()).state).toBe('closing');
    const bad = await t.app.request('/api/v1/questionnaires/demo', jsonRequest('PATCH', { state: 'paused' }, admin));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].path).toBe('state');
    expect((await t.app.request('/api/v1/questionnaires/nope', jsonRequest('PATCH', { state: 'open' }, admin))).status).toBe(404);
    await t.app.request('/api/v1/questionnaires/demo', jsonRequest('PATCH', { state: 'open' }, admin));
  });

  it('describes the API in OpenAPI, generated from the same schemas', async () => {
    const res = await t.app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    // Every API route with an access rule is described, and nothing else.
    const described = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const declared = Object.keys(ACCESS).filter((k) => k.includes(' /api/v1/') && !k.endsWith('openapi.json'));
    expect(described.sort()).toEqual(declared.sort());
    const submission = doc.components.schemas.Submission;
    expect(submission.required.sort()).toEqual(['data', 'instanceId']);
    expect(doc.paths['/api/v1/questionnaires/{questionnaireId}/versions/{version}/responses'].post.responses).toHaveProperty('422');
  });

  it('serves a reference page from this server only, with a strict CSP and whitelisted files', async () => {
    const page = await t.app.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const src of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      expect(src[1]).toMatch(/^\/api\/docs\//);
      expect((await t.app.request(src[1]!)).status).toBe(200);
    }
    expect(html).not.toMatch(/<script>[^<]/);
    expect((await t.app.request('/api/docs/package.json')).status).toBe(404);
    expect((await t.app.request('/api/docs/..%2F..%2Fpackage.json')).status).toBe(404);
  });

  it('sets security headers on every reply', async () => {
    const res = await get('/api/v1/questionnaires');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
