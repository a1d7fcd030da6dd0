// Responses over HTTP (app.request on a real SQLite file): submission, idempotent retries,
// drafts, closing states, and every class of bad input, with no partial write.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { responses } from '../../src/storage/schema';
import { createTestApp, jsonRequest, type TestApp } from '../support/app';
import { definitionFile, demoAnswers, demoDefinition, instanceId } from '../support/factories';

const SUBMIT = '/api/v1/questionnaires/demo/versions/1/responses';
const draftUrl = (id: string, version = '1') => `/api/v1/questionnaires/demo/versions/${version}/drafts/${id}`;

describe('responses API', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  const rowCount = async () => (await t.deps.db.select({ n: count() }).from(responses))[0]!.n;
  /** Bodies get a country unless they say one (or are raw text). */
  const placed = (body: unknown) =>
    body && typeof body === 'object' && !Array.isArray(body) && !('country' in body) ? { country: 'TUN', ...body } : body;
  const post = (body: unknown, url = SUBMIT) => t.app.request(url, jsonRequest('POST', placed(body), auth));
  const put = (id: string, body: unknown) => t.app.request(draftUrl(id), jsonRequest('PUT', placed(body), auth));
  const get = (url: string) => t.app.request(url, { headers: auth });

  beforeEach(async () => {
    t = createTestApp();
    await t.publish([definitionFile(demoDefinition), definitionFile({ ...demoDefinition, title: 'Demo 2' }, { version: '2' })]);
    auth = (await t.user('coordinator', { countries: ['TUN'] })).headers;
  });
  afterEach(() => t.close());

  describe('submitting', () => {
    it('keeps the distress flag with the response, false unless sent', async () => {
      const flagged = await post({ instanceId: instanceId(), data: demoAnswers(), distress: true });
      expect(flagged.status).toBe(201);
      expect((await flagged.json()).distress).toBe(true);
      expect((await (await post({ instanceId: instanceId(), data: demoAnswers() })).json()).distress).toBe(false);
    });

    it('counts an interview the respondent stopped (withdrawn) and keeps nothing of it; answers with it are refused', async () => {
      const id = instanceId();
      const withAnswers = await post({ instanceId: id, data: { employed: 'yes' }, withdrawn: true });
      expect(withAnswers.status).toBe(400);
      expect((await withAnswers.json()).error.details).toEqual([expect.objectContaining({ path: 'data', type: 'withdrawn' })]);
      const first = await post({ instanceId: id, data: {}, withdrawn: true });
      expect(first.status).toBe(201);
      expect(await first.json()).toEqual({ instanceId: id, refused: true, reason: 'withdrawn' });
      // A retry counts once; the id stays a refusal and cannot come back as an interview.
      expect((await post({ instanceId: id, data: {}, withdrawn: true })).status).toBe(200);
      expect((await post({ instanceId: id, data: { employed: 'no' } })).status).toBe(409);
      expect((await get(`/api/v1/responses/${id}`)).status).toBe(404);
      expect(t.handle.sqlite.prepare('select reason from refusals where instance_id = ?').all(id)).toEqual([{ reason: 'withdrawn' }]);
    });

    it('stores a valid response with 201 and returns it', async () => {
      const id = instanceId();
      const res = await post({ instanceId: id, data: demoAnswers(), locale: 'en', startedAt: '2026-10-31T10:00:00Z' });
      expect(res.status).toBe(201);
      const body = await res.json();
      expect(body).toMatchObject({
        instanceId: id,
        questionnaireId: 'demo',
        version: '1',
        status: 'submitted',
        data: demoAnswers(),
        dropped: [],
      });
      expect(body.startedAt).toBe('2026-10-31T10:00:00.000Z');
      const got = await get(`/api/v1/responses/${id}`);
      expect(await got.json()).toEqual(body);
    });

    it('drops answers hidden by skip logic before storing and lists them', async () => {
      const id = instanceId();
      const res = await post({ instanceId: id, data: { employed: 'no', employer: 'Gone', why_not: 'studying', langs: ['fr'] } });
      expect(res.status).toBe(201);
      const body = await res.json();
      expect(body.dropped).toEqual(['employer']);
      expect(body.data).not.toHaveProperty('employer');
    });

    it('answers 422 with one error per problem, in the response locale, and stores nothing', async () => {
      const res = await post({
        instanceId: instanceId(),
        locale: 'fr',
        data: demoAnswers({ employer: undefined, kids: [{ grade: 9 }], hack: true }),
      });
      expect(res.status).toBe(422);
      const body = await res.json();
      expect(body.error.code).toBe('invalid_response');
      expect(body.error.requestId).toEqual(expect.any(String));
      expect(body.error.details).toEqual(
        expect.arrayContaining([
          { path: 'employer', type: 'required', message: 'La réponse à cette question est obligatoire.' },
          expect.objectContaining({ path: 'kids[0].grade', type: 'choice' }),
          expect.objectContaining({ path: 'kids[0].school', type: 'required' }),
          expect.objectContaining({ path: 'hack', type: 'unknown_key' }),
        ]),
      );
      expect(await rowCount()).toBe(0);
    });

    it('takes only ISO 3166-1 alpha-3 country codes and plausible device times, naming the field', async () => {
      for (const [body, path] of [
        [{ country: 'XXX' }, 'country'],
        [{ country: 'TN' }, 'country'],
        [{ startedAt: '1970-01-01T00:00:00Z' }, 'startedAt'],
        [{ endedAt: '2999-01-01T00:00:00Z' }, 'endedAt'],
      ] as const) {
        const res = await post({ instanceId: instanceId(), data: demoAnswers(), ...body });
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect((await res.json()).error.details.map((d: { path: string }) => d.path)).toContain(path);
      }
      expect(await rowCount()).toBe(0);
    });

    it('refuses a __proto__ key in the answers as an unknown key, at the top as deeper, and stores nothing', async () => {
      for (const raw of [`{"__proto__": {"x": 1}, "employed": "no"}`, `{"employed": "no", "kids": [{"__proto__": 1, "school": "A"}]}`]) {
        const text = JSON.stringify({ instanceId: instanceId(), country: 'TUN', data: '@' }).replace('"@"', raw);
        const res = await t.app.request(SUBMIT, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: text });
        expect(res.status, raw).toBe(422);
        const details = (await res.json()).error.details as Array<{ path: string; type: string }>;
        expect(details.filter((d) => d.type === 'unknown_key').map((d) => d.path)).toEqual([
          raw.startsWith('{"__proto__"') ? '__proto__' : 'kids[0].__proto__',
        ]);
      }
      expect(await rowCount()).toBe(0);
    });

    it('treats the same instance id with the same answers as a safe retry (200, stored response)', async () => {
      const body = { instanceId: instanceId(), data: demoAnswers() };
      const first = await post(body);
      const second = await post(body);
      expect([first.status, second.status]).toEqual([201, 200]);
      expect(await second.json()).toEqual(await first.json());
      expect(await rowCount()).toBe(1);
    });

    it('refuses the same instance id with different answers (409 naming the conflict)', async () => {
      const id = instanceId();
      await post({ instanceId: id, data: demoAnswers() });
      const res = await post({ instanceId: id, data: demoAnswers({ age: 30 }) });
      expect(res.status).toBe(409);
      const body = await res.json();
      expect(body.error).toMatchObject({ code: 'instance_conflict', details: [], context: { instanceId: id } });
      expect((await (await get(`/api/v1/responses/${id}`)).json()).data.age).toBe(25);
    });

    it('keeps exactly one row when 100 identical posts race', async () => {
      const body = { instanceId: instanceId(), data: demoAnswers() };
      const results = await Promise.all(Array.from({ length: 100 }, () => post(body)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(99);
      expect(await rowCount()).toBe(1);
    });
  });

  describe('drafts', () => {
    it('saves a partial draft, resumes it, updates it and submits it', async () => {
      const id = instanceId();
      const created = await put(id, { data: { employed: 'yes' }, locale: 'fr', page: 'p1' });
      expect(created.status).toBe(201);
      expect(await created.json()).toMatchObject({ status: 'draft', revision: 1, data: { employed: 'yes' }, page: 'p1' });
      const updated = await put(id, { data: { employed: 'yes', employer: 'Coop' }, baseRevision: 1, page: 'p2' });
      expect(updated.status).toBe(200);
      expect((await updated.json()).revision).toBe(2);
      const resumed = await (await get(`/api/v1/responses/${id}`)).json();
      expect(resumed).toMatchObject({ status: 'draft', revision: 2, data: { employed: 'yes', employer: 'Coop' }, page: 'p2' });
      const submitted = await post({ instanceId: id, data: { ...resumed.data, age: 25, langs: ['en'] } });
      expect(submitted.status).toBe(201);
      expect(await submitted.json()).toMatchObject({ status: 'submitted', revision: 3, page: null });
      expect(await rowCount()).toBe(1);
    });

    it('checks shapes, choices and unknown keys of a draft but not required questions', async () => {
      const res = await put(instanceId(), { data: { employed: 'perhaps', extra: 1 } });
      expect(res.status).toBe(422);
      expect((await res.json()).error.details.map((d: { path: string }) => d.path).sort()).toEqual(['employed', 'extra']);
      expect(await rowCount()).toBe(0);
    });

    it('applies full validation when a draft is submitted', async () => {
      const id = instanceId();
      await put(id, { data: { employed: 'yes' } });
      const res = await post({ instanceId: id, data: { employed: 'yes' } });
      expect(res.status).toBe(422);
      expect((await (await get(`/api/v1/responses/${id}`)).json()).status).toBe('draft');
    });

    it('refuses a save based on a stale revision (409), so no update is lost', async () => {
      const id = instanceId();
      await put(id, { data: { employed: 'yes' } });
      await put(id, { data: { employed: 'no' }, baseRevision: 1 });
      const stale = await put(id, { data: { employed: 'yes', employer: 'Mine' }, baseRevision: 1 });
      expect(stale.status).toBe(409);
      expect((await stale.json()).error).toMatchObject({
        code: 'stale_draft',
        details: [],
        context: { currentRevision: 2, updatedAt: expect.any(String), updatedBy: expect.any(String) },
      });
    });

    it('refuses to change a submitted response through the draft route', async () => {
      const id = instanceId();
      await post({ instanceId: id, data: demoAnswers() });
      const res = await put(id, { data: { employed: 'no' } });
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe('already_submitted');
    });

    it('refuses to submit a draft of one version as another version', async () => {
      const id = instanceId();
      await put(id, { data: { employed: 'yes' } });
      const res = await post({ instanceId: id, data: demoAnswers() }, '/api/v1/questionnaires/demo/versions/2/responses');
      expect(res.status).toBe(409);
    });
  });

  describe('questionnaire states', () => {
    const setState = async (state: string) =>
      t.app.request('/api/v1/questionnaires/demo', jsonRequest('PATCH', { state }, (await t.user('admin', { countries: ['*'] })).headers));

    it('refuses every response to a closed questionnaire with a clear 409', async () => {
      expect((await setState('closed')).status).toBe(200);
      const res = await post({ instanceId: instanceId(), data: demoAnswers() });
      expect(res.status).toBe(409);
      expect((await res.json()).error).toMatchObject({ code: 'questionnaire_closed', message: expect.stringContaining('closed') });
    });

    it('keeps accepting interviews started before closing, and only those', async () => {
      t.clock.advance(60_000);
      await setState('closing');
      const before = await post({ instanceId: instanceId(), data: demoAnswers(), startedAt: '2026-11-01T08:00:00Z' });
      expect(before.status).toBe(201);
      const after = await post({ instanceId: instanceId(), data: demoAnswers(), startedAt: '2026-11-01T10:00:00Z' });
      expect(after.status).toBe(409);
      expect((await after.json()).error.code).toBe('questionnaire_closing');
      const undated = await post({ instanceId: instanceId(), data: demoAnswers() });
      expect(undated.status).toBe(409);
    });

    it('accepts the submission of a draft saved before closing', async () => {
      const id = instanceId();
      await put(id, { data: { employed: 'yes' } });
      t.clock.advance(60_000);
      await setState('closing');
      expect((await post({ instanceId: id, data: demoAnswers() })).status).toBe(201);
    });
  });

  describe('bad input', () => {
    it('answers malformed JSON with 400', async () => {
      const res = await post('{"instanceId": ');
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('bad_request');
    });

    it('answers a body that is not JSON with 415', async () => {
      const res = await t.app.request(SUBMIT, { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: 'hello' });
      expect(res.status).toBe(415);
      expect((await res.json()).error.code).toBe('unsupported_media_type');
    });

    it('answers a body over the limit with 413', async () => {
      const res = await post({ instanceId: instanceId(), data: { employer: 'x'.repeat(3 * 1024 * 1024) } });
      expect(res.status).toBe(413);
      expect((await res.json()).error.code).toBe('payload_too_large');
    });

    it('decodes a gzip- or deflate-compressed body, refuses other encodings with 415 and a body that does not decode with 400', async () => {
      const compressed = (format: 'gzip' | 'deflate', text: string) =>
        new Response(new Blob([text]).stream().pipeThrough(new CompressionStream(format))).arrayBuffer();
      const send = (body: BodyInit, encoding: string) =>
        t.app.request(SUBMIT, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json', 'content-encoding': encoding },
          body,
        });
      for (const format of ['gzip', 'deflate'] as const) {
        const id = instanceId();
        const res = await send(await compressed(format, JSON.stringify({ instanceId: id, country: 'TUN', data: demoAnswers() })), format);
        expect(res.status, format).toBe(201);
        expect((await get(`/api/v1/responses/${id}`)).status).toBe(200);
      }
      const plain = JSON.stringify({ instanceId: instanceId(), country: 'TUN', data: demoAnswers() });
      expect((await send(plain, 'identity')).status).toBe(201);
      const br = await send(plain, 'br');
      expect(br.status).toBe(415);
      expect((await br.json()).error).toMatchObject({ code: 'unsupported_encoding', details: [{ path: 'content-encoding' }] });
      const notGzip = await send(plain, 'gzip');
      expect(notGzip.status).toBe(400);
      expect((await notGzip.json()).error.details).toEqual([expect.objectContaining({ path: '(body)', type: 'bad_encoding' })]);
      // 8 MB of spaces compress to a few KB: the decoded size is held to the limit (2 MB here).
      const bomb = await send(
        await compressed('gzip', `{"instanceId":"${instanceId()}","country":"TUN","data":{"employer":"${' '.repeat(8 * 1024 * 1024)}"}}`),
        'gzip',
      );
      expect(bomb.status).toBe(413);
      expect(await rowCount()).toBe(3);
    });

    it('answers an unknown questionnaire or version with 404', async () => {
      expect((await post({ instanceId: instanceId(), data: {} }, '/api/v1/questionnaires/nope/versions/1/responses')).status).toBe(404);
      expect((await post({ instanceId: instanceId(), data: {} }, '/api/v1/questionnaires/demo/versions/9/responses')).status).toBe(404);
      expect((await get(`/api/v1/responses/${instanceId()}`)).status).toBe(404);
    });

    it('answers missing or malformed fields with 400 naming each', async () => {
      const res = await post({ locale: 'fr', startedAt: 'yesterday' });
      expect(res.status).toBe(400);
      const fields = (await res.json()).error.details.map((d: { path: string }) => d.path).sort();
      expect(fields).toEqual(['data', 'instanceId', 'startedAt']);
      const noCountry = await t.app.request(SUBMIT, jsonRequest('POST', { instanceId: instanceId(), data: demoAnswers() }, auth));
      expect(noCountry.status).toBe(400);
      expect((await noCountry.json()).error.details[0].path).toBe('country');
      const notUuid = await post({ instanceId: 'abc', data: {} });
      expect((await notUuid.json()).error.details[0].path).toBe('instanceId');
      const extra = await post({ instanceId: instanceId(), data: {}, answers: {} });
      expect(extra.status).toBe(400);
      const arrayBody = await post([]);
      expect(arrayBody.status).toBe(400);
    });

    it('answers absurdly deep nesting with 400, not a stack overflow', async () => {
      const deep = '['.repeat(100_000) + ']'.repeat(100_000);
      const res = await post(`{"instanceId":"${instanceId()}","data":{"employer":${deep}}}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error.details[0].path).toBe('data');
      const draft = await put(instanceId(), `{"data":{"employer":${deep}}}`);
      expect(draft.status).toBe(400);
    });

    it('never writes anything for refused input', async () => {
      await post('{oops');
      await post({ instanceId: 'abc', data: {} });
      await post({ instanceId: instanceId(), data: { employed: 3 } });
      expect(await rowCount()).toBe(0);
    });

    it('answers an unknown route with a JSON 404', async () => {
      const res = await get('/api/v1/nothing');
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    });
  });

  describe('listing', () => {
    it('lists responses page by page with an opaque cursor, filtered by status', async () => {
      const ids = [instanceId(), instanceId(), instanceId()];
      for (const id of ids) await post({ instanceId: id, data: demoAnswers() });
      await put(instanceId(), { data: {} });
      const page1 = await (await get('/api/v1/questionnaires/demo/responses?limit=2&status=submitted')).json();
      expect(page1.items.map((r: { instanceId: string }) => r.instanceId)).toEqual(ids.slice(0, 2));
      const page2 = await (await get(`/api/v1/questionnaires/demo/responses?limit=2&status=submitted&cursor=${page1.next}`)).json();
      expect(page2.items.map((r: { instanceId: string }) => r.instanceId)).toEqual(ids.slice(2));
      expect(page2.next).toBeNull();
      expect((await get('/api/v1/questionnaires/demo/responses?cursor=zzz')).status).toBe(400);
      expect((await get('/api/v1/questionnaires/demo/responses?limit=0')).status).toBe(400);
    });

    it('filters by review state, country, site, version and time of the last change, page by page', async () => {
      auth = (await t.user('admin', { countries: ['*'] })).headers;
      const a = instanceId();
      const b = instanceId();
      const c = instanceId();
      await post({ instanceId: a, data: demoAnswers(), country: 'TUN', site: 'Sfax' });
      t.clock.advance(3_600_000);
      await post({ instanceId: b, data: demoAnswers(), country: 'LBY', site: 'Sebha' });
      await post({ instanceId: c, data: demoAnswers(), country: 'TUN' }, '/api/v1/questionnaires/demo/versions/2/responses');
      const review = await t.app.request(`/api/v1/responses/${a}/review`, jsonRequest('PATCH', { state: 'approved' }, auth));
      expect(review.status).toBe(200);
      const ids = async (query: string) =>
        ((await (await get(`/api/v1/questionnaires/demo/responses?${query}`)).json()).items as Array<{ instanceId: string }>).map(
          (r) => r.instanceId,
        );
      expect(await ids('country=TUN')).toEqual([a, c]);
      expect(await ids('country=TUN&site=Sfax')).toEqual([a]);
      expect(await ids('version=2')).toEqual([c]);
      expect(await ids('reviewState=approved')).toEqual([a]);
      expect(await ids('reviewState=received&country=LBY')).toEqual([b]);
      const cut = new Date(t.clock.now().getTime() - 1_800_000).toISOString();
      expect(await ids(`to=${encodeURIComponent(cut)}`)).toEqual([a]);
      expect(await ids(`from=${encodeURIComponent(cut)}`)).toEqual([b, c]);
      const first = await (await get('/api/v1/questionnaires/demo/responses?country=TUN&limit=1')).json();
      expect(
        (await (await get(`/api/v1/questionnaires/demo/responses?country=TUN&limit=1&cursor=${first.next}`)).json()).items[0].instanceId,
      ).toBe(c);
      // Counts within the same scope: three submitted, no draft, nothing in the trash; then one trashed.
      expect(await (await get('/api/v1/questionnaires/demo/responses/counts')).json()).toEqual({ submitted: 3, drafts: 0, trash: 0 });
      expect((await t.app.request(`/api/v1/responses/${b}`, { method: 'DELETE', headers: auth })).status).toBe(200);
      expect(await (await get('/api/v1/questionnaires/demo/responses/counts')).json()).toEqual({ submitted: 2, drafts: 0, trash: 1 });
      expect((await get('/api/v1/questionnaires/nope/responses/counts')).status).toBe(404);
      for (const bad of ['reviewState=lost', 'country=Tunisia', 'from=yesterday'])
        expect((await get(`/api/v1/questionnaires/demo/responses?${bad}`)).status, bad).toBe(400);
    });
  });

  it('logs one line per request with id, route, status and duration, and never answer values', async () => {
    await post({ instanceId: instanceId(), data: demoAnswers({ employer: 'SecretEmployerName' }) });
    const line = t.logs.find((l) => l.route === '/api/v1/questionnaires/:questionnaireId/versions/:version/responses');
    expect(line).toMatchObject({ method: 'POST', status: 201, requestId: expect.any(String), durationMs: expect.any(Number) });
    expect(JSON.stringify(t.logs)).not.toContain('SecretEmployerName');
  });
});
