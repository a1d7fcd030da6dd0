// The authorization matrix: every route x every role (and a device) x in scope / out of scope,
// with the outcome declared per route below. It is generated from the app's own route table, so
// a route added without an access rule, or without a line here, fails this test.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { ACCESS } from '../../src/access/rules';
import { defaultConfig } from '../../src/deps';
import type { Role } from '../../src/storage/schema';
import { createTestApp, jsonRequest, type TestApp } from '../support/app';
import { definitionFile, demoAnswers, demoDefinition, instanceId } from '../support/factories';

type Who = Role | 'device';
const WHO: Who[] = ['admin', 'coordinator', 'assessor', 'enumerator', 'researcher', 'device'];

interface Ctx {
  t: TestApp;
  who: Who;
  inScope: boolean;
  headers: Record<string, string>;
  /** A fresh submitted response in TUN to questionnaire demo, owned by the in-scope principal where it may own one. */
  fresh(): Promise<string>;
  userId: string;
  tokenId: string;
  deviceId: string;
  /** An approved release of Tunisian responses. */
  releaseId: string;
  /** A pending release of Tunisian responses (made when none is pending). */
  pendingRelease(): Promise<string>;
}

interface Case {
  /** Who may call it, declared here independently of src/access/rules.ts. */
  allow: 'public' | readonly Who[];
  url(ctx: Ctx): Promise<string> | string;
  body?(ctx: Ctx): unknown;
  /** Status for an allowed principal in scope. */
  ok: number;
  /** Status for an allowed principal out of scope (admins have no out of scope). */
  out?: number | ((who: Who) => number);
}

const SUBMIT = '/api/v1/questionnaires/demo/versions/1/responses';
/** Questionnaires are not country-scoped: only assessors and enumerators see just their assignments. */
const assignedOnly = (who: Who) => (who === 'coordinator' || who === 'researcher' ? 200 : 404);
const submission = () => ({ instanceId: instanceId(), data: demoAnswers(), country: 'TUN' });

const EVERYONE: readonly Who[] = WHO;
const COLLECTORS: readonly Who[] = ['admin', 'coordinator', 'assessor', 'enumerator', 'device'];
/** Devices are send-only: they submit, and read nothing back (a token taken from a phone reads no answer). */
const PEOPLE_WHO_COLLECT: readonly Who[] = ['admin', 'coordinator', 'assessor', 'enumerator'];
const EDITORS: readonly Who[] = ['admin', 'coordinator', 'assessor'];
const REVIEWERS: readonly Who[] = ['admin', 'coordinator'];
const ADMIN: readonly Who[] = ['admin'];
const RELEASE_READERS: readonly Who[] = ['admin', 'coordinator', 'researcher'];

/** A questionnaire whose few responses meet its own (lenient) disclosure policy: releases work. */
const releasable = {
  title: 'Releasable',
  disclosure: { k: 2, l: 1, maxGlobalRisk: 1 },
  elements: [{ type: 'radiogroup', name: 'sex', sdcRole: 'quasi', choices: ['m', 'f'] }],
};

/** Expected outcome of each route; the key is the route pattern as the access table has it. */
const CASES: Record<string, Case> = {
  'GET /healthz': { allow: 'public', url: () => '/healthz', ok: 200 },
  'GET /api/docs': { allow: 'public', url: () => '/api/docs', ok: 200 },
  'GET /api/docs/init.js': { allow: 'public', url: () => '/api/docs/init.js', ok: 200 },
  'GET /api/docs/:file': { allow: 'public', url: () => '/api/docs/swagger-ui.css', ok: 200 },
  'GET /api/v1/openapi.json': { allow: 'public', url: () => '/api/v1/openapi.json', ok: 200 },
  'GET /': { allow: 'public', url: () => '/', ok: 200 },
  'GET /fill/:questionnaireId/:version/:instanceId': { allow: 'public', url: () => `/fill/demo/1/${instanceId()}`, ok: 200 },
  'GET /print/:instanceId': { allow: 'public', url: () => `/print/${instanceId()}`, ok: 200 },
  'GET /workspace/:page': { allow: 'public', url: () => '/workspace/devices', ok: 200 },
  'GET /collect': { allow: 'public', url: () => '/collect', ok: 301 },
  'GET /collect/': { allow: 'public', url: () => '/collect/', ok: 200 },
  'GET /collect/manifest.webmanifest': { allow: 'public', url: () => '/collect/manifest.webmanifest', ok: 200 },
  'GET /collect/icon.svg': { allow: 'public', url: () => '/collect/icon.svg', ok: 200 },
  'GET /collect/sw.js': { allow: 'public', url: () => '/collect/sw.js', ok: 200 },
  'GET /assets/:hash/:name': { allow: 'public', url: () => '/assets/0/periplus.css', ok: 200 },
  'POST /api/v1/session': {
    allow: 'public',
    url: () => '/api/v1/session',
    body: () => ({ username: 'nobody', password: 'wrong password!' }),
    ok: 401,
  },
  'GET /api/v1/session': { allow: EVERYONE, url: () => '/api/v1/session', ok: 200 },
  'DELETE /api/v1/session': { allow: EVERYONE, url: () => '/api/v1/session', ok: 204 },

  'GET /api/v1/questionnaires': { allow: EVERYONE, url: () => '/api/v1/questionnaires', ok: 200 },
  'GET /api/v1/questionnaires/:questionnaireId': { allow: EVERYONE, url: () => '/api/v1/questionnaires/demo', ok: 200, out: assignedOnly },
  'PATCH /api/v1/questionnaires/:questionnaireId': {
    allow: ADMIN,
    url: () => '/api/v1/questionnaires/demo',
    body: () => ({ state: 'open' }),
    ok: 200,
  },
  'PATCH /api/v1/questionnaires/:questionnaireId/versions/:version': {
    allow: ADMIN,
    url: () => '/api/v1/questionnaires/demo/versions/1',
    body: () => ({ acceptsNewData: true }),
    ok: 200,
  },
  'GET /api/v1/questionnaires/:questionnaireId/versions/:version': {
    allow: EVERYONE,
    url: () => '/api/v1/questionnaires/demo/versions/1',
    ok: 200,
    out: assignedOnly,
  },
  'GET /api/v1/questionnaires/:questionnaireId/versions/:version/definition': {
    allow: EVERYONE,
    url: () => '/api/v1/questionnaires/demo/versions/1/definition',
    ok: 200,
    out: assignedOnly,
  },
  'POST /api/v1/questionnaires/:questionnaireId/versions': {
    allow: REVIEWERS,
    // Checked only (dryRun): the case runs once per principal and must not publish each time.
    url: () => '/api/v1/questionnaires/uploaded/versions?dryRun=true',
    body: () => ({ pages: [{ name: 'p', elements: [{ type: 'text', name: 'q' }] }] }),
    ok: 200,
    out: 200,
  },
  'GET /api/v1/questionnaires/:questionnaireId/versions/:version/xlsform': {
    allow: ['admin', 'coordinator', 'assessor', 'enumerator', 'researcher'],
    url: () => '/api/v1/questionnaires/demo/versions/1/xlsform',
    ok: 200,
    out: assignedOnly,
  },

  'POST /api/v1/questionnaires/:questionnaireId/versions/:version/responses': {
    allow: COLLECTORS,
    url: () => SUBMIT,
    body: submission,
    ok: 201,
    // Not assigned the questionnaire: it does not exist for them. A coordinator of other countries: forbidden country.
    out: (who) => (who === 'coordinator' ? 403 : 404),
  },
  'PUT /api/v1/questionnaires/:questionnaireId/versions/:version/drafts/:instanceId': {
    allow: PEOPLE_WHO_COLLECT,
    url: () => `/api/v1/questionnaires/demo/versions/1/drafts/${instanceId()}`,
    body: () => ({ data: { employed: 'yes' }, country: 'TUN' }),
    ok: 201,
    out: (who) => (who === 'coordinator' ? 403 : 404),
  },
  'GET /api/v1/questionnaires/:questionnaireId/responses': {
    allow: PEOPLE_WHO_COLLECT,
    url: () => '/api/v1/questionnaires/demo/responses',
    ok: 200,
    out: (who) => (who === 'coordinator' ? 200 : 404),
  },
  'GET /api/v1/questionnaires/:questionnaireId/responses/counts': {
    allow: PEOPLE_WHO_COLLECT,
    url: () => '/api/v1/questionnaires/demo/responses/counts',
    ok: 200,
    out: (who) => (who === 'coordinator' ? 200 : 404),
  },
  'GET /api/v1/responses/:instanceId': {
    allow: PEOPLE_WHO_COLLECT,
    url: async (c) => `/api/v1/responses/${await c.fresh()}`,
    ok: 200,
    out: 404,
  },
  'PUT /api/v1/responses/:instanceId': {
    allow: EDITORS,
    url: async (c) => `/api/v1/responses/${await c.fresh()}`,
    body: () => ({ data: demoAnswers({ age: 40, children: 'one' }), baseRevision: 1 }),
    ok: 200,
    out: 404,
  },
  'DELETE /api/v1/responses/:instanceId': { allow: REVIEWERS, url: async (c) => `/api/v1/responses/${await c.fresh()}`, ok: 200, out: 404 },
  'POST /api/v1/responses/:instanceId/restore': {
    allow: REVIEWERS,
    url: async (c) => {
      const id = await c.fresh();
      const admin = (await c.t.user('admin', { countries: ['*'] })).headers;
      await c.t.app.request(`/api/v1/responses/${id}`, { method: 'DELETE', headers: admin });
      return `/api/v1/responses/${id}/restore`;
    },
    ok: 200,
    out: 404,
  },
  'PATCH /api/v1/responses/:instanceId/review': {
    allow: REVIEWERS,
    url: async (c) => `/api/v1/responses/${await c.fresh()}/review`,
    body: () => ({ state: 'approved', comment: 'fine' }),
    ok: 200,
    out: 404,
  },
  'GET /api/v1/responses/:instanceId/reviews': {
    allow: EDITORS,
    url: async (c) => `/api/v1/responses/${await c.fresh()}/reviews`,
    ok: 200,
    out: 404,
  },
  'GET /api/v1/responses/:instanceId/revisions': {
    allow: EDITORS,
    url: async (c) => `/api/v1/responses/${await c.fresh()}/revisions`,
    ok: 200,
    out: 404,
  },
  'GET /api/v1/responses/:instanceId/revisions/:revision': {
    allow: EDITORS,
    url: async (c) => `/api/v1/responses/${await c.fresh()}/revisions/1`,
    ok: 200,
    out: 404,
  },
  'GET /api/v1/responses/:instanceId/diff': {
    allow: EDITORS,
    url: async (c) => `/api/v1/responses/${await c.fresh()}/diff?from=1&to=1`,
    ok: 200,
    out: 404,
  },
  'GET /api/v1/trash': { allow: REVIEWERS, url: () => '/api/v1/trash?questionnaireId=demo', ok: 200, out: 200 },

  'GET /api/v1/users': { allow: ADMIN, url: () => '/api/v1/users', ok: 200 },
  'POST /api/v1/users': {
    allow: ADMIN,
    url: () => '/api/v1/users',
    body: () => ({
      username: `u${instanceId().slice(-6)}`,
      displayName: 'New',
      password: 'a long enough passphrase',
      role: 'researcher',
      countries: ['TUN'],
    }),
    ok: 201,
  },
  'PATCH /api/v1/users/:userId': {
    allow: ADMIN,
    url: (c) => `/api/v1/users/${c.userId}`,
    body: () => ({ displayName: 'Renamed' }),
    ok: 200,
  },
  'PUT /api/v1/users/:userId/assignments': {
    allow: REVIEWERS,
    url: (c) => `/api/v1/users/${c.userId}`.concat('/assignments'),
    body: () => ({ questionnaires: ['demo'] }),
    ok: 200,
    out: 404,
  },
  'GET /api/v1/devices': { allow: REVIEWERS, url: () => '/api/v1/devices', ok: 200, out: 200 },
  'POST /api/v1/devices': {
    allow: REVIEWERS,
    url: () => '/api/v1/devices',
    body: () => ({ name: 'tablet 7', questionnaires: ['demo'], country: 'TUN' }),
    ok: 201,
    out: 403,
  },
  'DELETE /api/v1/devices/:tokenId': { allow: REVIEWERS, url: (c) => `/api/v1/devices/${c.deviceId}`, ok: 200, out: 404 },
  // Token management needs a signed-in person: every token-authenticated call is refused.
  'GET /api/v1/tokens': { allow: EVERYONE, url: () => '/api/v1/tokens', ok: 403 },
  'POST /api/v1/tokens': { allow: EVERYONE, url: () => '/api/v1/tokens', body: () => ({ name: 'script' }), ok: 403 },
  // The matrix calls with tokens: a session-only route refuses every one of them.
  'PUT /api/v1/session/password': {
    allow: EVERYONE,
    url: () => '/api/v1/session/password',
    body: () => ({ currentPassword: 'x', newPassword: 'y' }),
    ok: 403,
  },
  'DELETE /api/v1/tokens/:tokenId': { allow: EVERYONE, url: (c) => `/api/v1/tokens/${c.tokenId}`, ok: 403 },
  // A release stricter than the demo data can meet: allowed callers learn that (422), nothing is kept.
  'GET /api/v1/questionnaires/:questionnaireId/export': {
    allow: REVIEWERS,
    url: () => '/api/v1/questionnaires/demo/export?profile=pseudonymized',
    ok: 200,
    out: 200,
  },
  'POST /api/v1/questionnaires/:questionnaireId/releases': {
    allow: REVIEWERS,
    url: () => '/api/v1/questionnaires/demo/releases',
    body: () => ({ maxGlobalRisk: 0.001 }),
    ok: 422,
    out: 422,
  },
  'GET /api/v1/questionnaires/:questionnaireId/releases': {
    allow: RELEASE_READERS,
    url: () => '/api/v1/questionnaires/demo/releases',
    ok: 200,
    out: 200,
  },
  'GET /api/v1/releases/:releaseId': { allow: RELEASE_READERS, url: (c) => `/api/v1/releases/${c.releaseId}`, ok: 200, out: 404 },
  'GET /api/v1/releases/:releaseId/bundle': {
    allow: RELEASE_READERS,
    url: (c) => `/api/v1/releases/${c.releaseId}/bundle`,
    ok: 200,
    out: 404,
  },
  'POST /api/v1/releases/:releaseId/approve': {
    allow: REVIEWERS,
    url: async (c) => `/api/v1/releases/${await c.pendingRelease()}/approve`,
    body: () => ({}),
    ok: 200,
    out: 404,
  },
  'POST /api/v1/releases/:releaseId/discard': {
    allow: REVIEWERS,
    url: async (c) => `/api/v1/releases/${await c.pendingRelease()}/discard`,
    body: () => ({}),
    ok: 200,
    out: 404,
  },
  'GET /api/v1/audit': { allow: ADMIN, url: () => '/api/v1/audit', ok: 200 },

  // The demo questionnaire has no scored elements: allowed callers in scope learn that (422).
  'GET /api/v1/responses/:instanceId/report': {
    allow: EDITORS,
    url: async (c) => `/api/v1/responses/${await c.fresh()}/report`,
    ok: 422,
    out: 404,
  },
  'GET /api/v1/questionnaires/:questionnaireId/heatmap': {
    allow: REVIEWERS,
    url: () => '/api/v1/questionnaires/demo/heatmap?purpose=internal-coordination',
    ok: 200,
    out: 200,
  },
  'GET /api/v1/questionnaires/:questionnaireId/agreement': {
    allow: EDITORS,
    url: async (c) => `/api/v1/questionnaires/demo/agreement?a=${await c.fresh()}&b=${await c.fresh()}`,
    ok: 422,
    out: 404,
  },
  'GET /api/v1/questionnaires/:questionnaireId/fieldwork': {
    allow: REVIEWERS,
    url: () => '/api/v1/questionnaires/demo/fieldwork',
    ok: 200,
    out: 200,
  },
  'PUT /api/v1/questionnaires/:questionnaireId/fieldwork/targets': {
    allow: REVIEWERS,
    url: () => '/api/v1/questionnaires/demo/fieldwork/targets',
    body: () => ({ targets: [{ country: 'TUN', target: 50 }] }),
    ok: 200,
    out: 403,
  },
};

describe('authorization matrix', () => {
  let t: TestApp;
  const principals = new Map<string, { headers: Record<string, string>; userId: string }>();
  let releaseId = '';
  let pending: string | undefined;
  const newRelease = async () => {
    const admin = (await t.user('admin', { countries: ['*'] })).headers;
    const res = await t.app.request('/api/v1/questionnaires/rel/releases', jsonRequest('POST', { countries: ['TUN'] }, admin));
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const pendingRelease = async () => {
    const state = pending && (t.handle.sqlite.prepare('select state from releases where id = ?').get(pending) as { state: string }).state;
    if (state !== 'pending') pending = await newRelease();
    return pending!;
  };

  beforeAll(async () => {
    // Sign-in throttling is tested on its own; here the many failed sign-ins must stay 401.
    t = createTestApp({ config: { ...defaultConfig, signInLimitPerAccount: 10_000, signInLimitPerAddress: 10_000 } });
    await t.publish([
      definitionFile(demoDefinition),
      definitionFile(demoDefinition, { questionnaireId: 'other' }),
      definitionFile(releasable, { questionnaireId: 'rel' }),
    ]);
    const admin = (await t.user('admin', { countries: ['*'] })).headers;
    for (let i = 0; i < 4; i++) {
      const res = await t.app.request(
        '/api/v1/questionnaires/rel/versions/1/responses',
        jsonRequest('POST', { instanceId: instanceId(), data: { sex: 'f' }, country: 'TUN' }, admin),
      );
      expect(res.status).toBe(201);
    }
    releaseId = await newRelease();
    expect((await t.app.request(`/api/v1/releases/${releaseId}/approve`, jsonRequest('POST', {}, admin))).status).toBe(200);
    for (const who of WHO) {
      for (const inScope of [true, false]) {
        const country = inScope ? 'TUN' : 'LBY';
        const questionnaires = [inScope ? 'demo' : 'other'];
        if (who === 'device') {
          const d = await t.device({ questionnaires, country });
          principals.set(`${who}:${inScope}`, { headers: d.headers, userId: '' });
        } else {
          const countries = who === 'admin' ? ['*'] : [country];
          const u = await t.user(who, { countries, questionnaires });
          principals.set(`${who}:${inScope}`, { headers: u.headers, userId: u.id });
        }
      }
    }
  }, 60_000);
  afterAll(() => t.close());

  it('has an access rule and a declared outcome for every route the app serves, and no more', () => {
    const served = t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
    expect([...new Set(served)].sort()).toEqual(Object.keys(ACCESS).sort());
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(ACCESS).sort());
  });

  async function context(who: Who, inScope: boolean): Promise<Ctx> {
    const me = principals.get(`${who}:${inScope}`)!;
    const admin = (await t.user('admin', { countries: ['*'] })).headers;
    // The in-scope owner of fresh responses: the principal itself where it may submit, else an admin.
    const submitter = inScope && ['assessor', 'enumerator', 'device', 'coordinator'].includes(who) ? me.headers : admin;
    const target = await t.user('enumerator', { countries: ['TUN'], questionnaires: ['demo'] });
    const device = await t.device({ questionnaires: ['demo'], country: 'TUN' });
    const tokenRow = t.handle.sqlite.prepare("select id from tokens where kind = 'api' order by created_at desc limit 1").get() as {
      id: string;
    };
    return {
      t,
      who,
      inScope,
      headers: me.headers,
      userId: target.id,
      tokenId: tokenRow.id,
      deviceId: device.id,
      releaseId,
      pendingRelease,
      fresh: async () => {
        const body = submission();
        const res = await t.app.request(SUBMIT, jsonRequest('POST', body, submitter));
        expect(res.status).toBe(201);
        return body.instanceId;
      },
    };
  }

  for (const [route, c] of Object.entries(CASES)) {
    const [method, pattern] = route.split(' ') as [string, string];
    const rule = ACCESS[route];
    describe(route, () => {
      it('has the same public or private rule as declared here', () => {
        expect(rule && 'public' in rule).toBe(c.allow === 'public');
      });
      if (c.allow !== 'public') {
        it('refuses a request without credentials with 401', async () => {
          const ctx = await context('admin', true);
          const res = await t.app.request(await c.url(ctx), c.body ? jsonRequest(method, c.body(ctx)) : { method });
          expect(res.status).toBe(401);
        });
      }
      for (const who of WHO) {
        const allowed = c.allow === 'public' || c.allow.includes(who);
        const sessionOnly = rule && !('public' in rule) && rule.sessionOnly;
        for (const inScope of who === 'admin' ? [true] : [true, false]) {
          const expected = !allowed ? 403 : sessionOnly ? 403 : inScope ? c.ok : typeof c.out === 'function' ? c.out(who) : (c.out ?? c.ok);
          it(`${who}, ${inScope ? 'in scope' : 'out of scope'}: ${expected}`, async () => {
            const ctx = await context(who, inScope);
            const url = await c.url(ctx);
            const init = c.body ? jsonRequest(method, c.body(ctx), ctx.headers) : { method, headers: ctx.headers };
            const res = await t.app.request(url, init);
            expect(res.status, `${method} ${url} (${pattern}): ${await res.clone().text()}`).toBe(expected);
          });
        }
      }
    });
  }

  it('lists only what is in scope', async () => {
    const inTun = (await t.user('admin', { countries: ['*'] })).headers;
    const body = submission();
    expect((await t.app.request(SUBMIT, jsonRequest('POST', body, inTun))).status).toBe(201);
    const list = async (who: Who, inScope: boolean) => {
      const res = await t.app.request('/api/v1/questionnaires/demo/responses?limit=1000', {
        headers: principals.get(`${who}:${inScope}`)!.headers,
      });
      return res.status === 200 ? ((await res.json()).items as Array<{ instanceId: string; country: string }>) : [];
    };
    expect((await list('coordinator', true)).map((r) => r.instanceId)).toContain(body.instanceId);
    expect(await list('coordinator', false)).toEqual([]);
    // Enumerators see only what they sent themselves.
    expect((await list('enumerator', true)).map((r) => r.instanceId)).not.toContain(body.instanceId);
  });
});
