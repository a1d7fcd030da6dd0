// Sign-in, sessions, CSRF, throttling and token lifetimes, through the real app on SQLite.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/deps';
import { deleteExpiredSessionsStatement } from '../../src/storage/sessions';
import { createTestApp, jsonRequest, TEST_PASSWORD, type TestApp, type TestUser } from '../support/app';
import { definitionFile, demoAnswers, demoDefinition, instanceId } from '../support/factories';

const SUBMIT = '/api/v1/questionnaires/demo/versions/1/responses';

describe('sessions and tokens', () => {
  let t: TestApp;
  let ada: TestUser;
  let address = '192.0.2.1';

  beforeEach(async () => {
    t = createTestApp({ clientAddress: () => address });
    address = '192.0.2.1';
    await t.publish([definitionFile(demoDefinition)]);
    ada = await t.user('coordinator', { username: 'ada', countries: ['TUN'] });
  });
  afterEach(() => t.close());

  const signIn = (username: string, password: string, url = 'http://localhost/api/v1/session') =>
    t.app.request(url, jsonRequest('POST', { username, password }));
  async function session() {
    const res = await signIn('ada', TEST_PASSWORD);
    expect(res.status).toBe(200);
    const { csrfToken } = await res.json();
    const cookie = res.headers.get('set-cookie')!;
    return { cookie: cookie.split(';')[0]!, csrfToken: csrfToken as string, setCookie: cookie };
  }
  const submitWith = (headers: Record<string, string>) =>
    t.app.request(SUBMIT, jsonRequest('POST', { instanceId: instanceId(), data: demoAnswers(), country: 'TUN' }, headers));

  describe('sign-in', () => {
    it('sets an HttpOnly, SameSite=Lax session cookie, Secure behind https', async () => {
      const { setCookie } = await session();
      expect(setCookie).toMatch(/periplus_session=ps_/);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Lax/);
      expect(setCookie).not.toMatch(/Secure/);
      const https = await signIn('ada', TEST_PASSWORD, 'https://periplus.example/api/v1/session');
      expect(https.headers.get('set-cookie')).toMatch(/Secure/);
    });

    it('gives the same answer for a wrong password and an unknown user (no enumeration)', async () => {
      const wrong = await signIn('ada', 'not the password');
      const unknown = await signIn('nobody-at-all', 'not the password');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message);
    });

    it('never keeps a name typed at sign-in that is no account (it may be a password): audit and throttle hold a keyed hash', async () => {
      const typed = 'Tr0ub4dor&3-horse';
      expect((await signIn(typed, 'whatever it is')).status).toBe(401);
      expect((await signIn(typed, 'again')).status).toBe(401);
      const dump = JSON.stringify([
        t.handle.sqlite.prepare('select * from audit_log').all(),
        t.handle.sqlite.prepare('select * from sign_in_throttle').all(),
      ]);
      expect(dump).not.toContain(typed);
      expect(dump).not.toContain(typed.toLowerCase());
      const failed = t.handle.sqlite.prepare("select target_id from audit_log where action = 'session.sign_in_failed'").all() as Array<{
        target_id: string;
      }>;
      // The same name gives the same hash: repeated attempts still group.
      expect(failed.map((f) => f.target_id)).toEqual([failed[0]!.target_id, failed[0]!.target_id]);
      expect(failed[0]!.target_id).toMatch(/^unknown:[0-9a-f]{20}$/);
    });

    it('locks an account after 5 failures with 429 and Retry-After, and opens it after the lock', async () => {
      for (let i = 0; i < 5; i++) {
        address = `198.51.100.${i}`;
        expect((await signIn('ada', 'wrong')).status).toBe(401);
      }
      address = '203.0.113.9';
      const locked = await signIn('ada', TEST_PASSWORD);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      t.clock.advance(16 * 60_000);
      expect((await signIn('ada', TEST_PASSWORD)).status).toBe(200);
    });

    it('checks no more passwords than the limits allow when wrong guesses arrive all at once', async () => {
      // 100 parallel guesses for one account: at most 5 are checked (401), the rest refused unchecked (429).
      const account = await Promise.all(Array.from({ length: 100 }, (_, i) => signIn('ada', `guess ${i}`)));
      expect(account.filter((r) => r.status === 401).length).toBeLessThanOrEqual(5);
      expect(account.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(95);
      // 40 parallel guesses from one address over many accounts: at most 20 checked.
      address = '192.0.2.200';
      const spread = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(`someone${i}`, 'wrong')));
      expect(spread.filter((r) => r.status === 401).length).toBeLessThanOrEqual(20);
      expect(spread.filter((r) => r.status === 401).length).toBeGreaterThan(0);
    });

    it('locks an address after 20 failures across accounts', async () => {
      for (let i = 0; i < 20; i++) expect((await signIn(`guess${i}`, 'wrong')).status).toBe(401);
      expect((await signIn('ada', TEST_PASSWORD)).status).toBe(429);
      address = '192.0.2.77';
      expect((await signIn('ada', TEST_PASSWORD)).status).toBe(200);
    });

    it('refuses a disabled user, and disabling ends their sessions and tokens', async () => {
      const { cookie } = await session();
      const admin = await t.user('admin', { countries: ['*'] });
      expect((await t.app.request(`/api/v1/users/${ada.id}`, jsonRequest('PATCH', { disabled: true }, admin.headers))).status).toBe(200);
      expect((await t.app.request('/api/v1/session', { headers: { cookie } })).status).toBe(401);
      expect((await t.app.request('/api/v1/session', { headers: ada.headers })).status).toBe(401);
      expect((await signIn('ada', TEST_PASSWORD)).status).toBe(401);
    });
  });

  describe("one's own account", () => {
    it('tells a signed-in person their user name and display name, and a device nothing of its issuer', async () => {
      const { cookie } = await session();
      expect(await (await t.app.request('/api/v1/session', { headers: { cookie } })).json()).toMatchObject({
        username: 'ada',
        displayName: 'ada',
        role: 'coordinator',
      });
      const device = await t.device({ questionnaires: ['demo'], country: 'TUN' });
      const asDevice = await (await t.app.request('/api/v1/session', { headers: device.headers })).json();
      expect(asDevice).not.toHaveProperty('username');
      expect(asDevice).not.toHaveProperty('displayName');
    });

    it("changes one's own password only with the current one, throttled, and ends every session and token", async () => {
      const { cookie, csrfToken } = await session();
      const other = await session();
      const headers = { cookie, 'x-csrf-token': csrfToken };
      const change = (body: unknown, h: Record<string, string> = headers) =>
        t.app.request('/api/v1/session/password', jsonRequest('PUT', body, h));
      // Not with an API token, whoever holds it.
      expect((await change({ currentPassword: TEST_PASSWORD, newPassword: 'a new long passphrase' }, ada.headers)).status).toBe(403);
      const wrong = await change({ currentPassword: 'not it at all', newPassword: 'a new long passphrase' });
      expect(wrong.status).toBe(400);
      expect((await wrong.json()).error.details).toEqual([expect.objectContaining({ path: 'currentPassword', type: 'wrong_password' })]);
      const weak = await change({ currentPassword: TEST_PASSWORD, newPassword: 'short' });
      expect(weak.status).toBe(400);
      expect((await weak.json()).error.details).toEqual([expect.objectContaining({ path: 'newPassword', type: 'weak_password' })]);
      const done = await change({ currentPassword: TEST_PASSWORD, newPassword: 'a new long passphrase' });
      expect(done.status).toBe(204);
      expect(done.headers.get('set-cookie')).toMatch(/periplus_session=;/);
      // Every session and API token ends; the new password signs in, the old one does not.
      for (const h of [{ cookie }, { cookie: other.cookie }, ada.headers])
        expect((await t.app.request('/api/v1/session', { headers: h })).status).toBe(401);
      expect((await signIn('ada', TEST_PASSWORD)).status).toBe(401);
      expect((await signIn('ada', 'a new long passphrase')).status).toBe(200);
    });

    it('counts wrong current passwords with the sign-in failures of the account', async () => {
      const { cookie, csrfToken } = await session();
      const headers = { cookie, 'x-csrf-token': csrfToken };
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push(
          (
            await t.app.request(
              '/api/v1/session/password',
              jsonRequest('PUT', { currentPassword: `guess ${i}`, newPassword: 'x'.repeat(20) }, headers),
            )
          ).status,
        );
      expect(statuses).toContain(429);
      expect(statuses.indexOf(429)).toBeLessThanOrEqual(defaultConfig.signInLimitPerAccount);
    });
  });

  describe('CSRF', () => {
    it('refuses a cookie-authenticated write without the CSRF token, accepts it with', async () => {
      const { cookie, csrfToken } = await session();
      const without = await submitWith({ cookie });
      expect(without.status).toBe(403);
      expect((await without.json()).error.code).toBe('csrf');
      expect((await submitWith({ cookie, 'x-csrf-token': 'forged' })).status).toBe(403);
      expect((await submitWith({ cookie, 'x-csrf-token': csrfToken })).status).toBe(201);
    });

    it('needs no CSRF token for reads, nor for bearer tokens (which browsers never send by themselves)', async () => {
      const { cookie } = await session();
      expect((await t.app.request('/api/v1/questionnaires', { headers: { cookie } })).status).toBe(200);
      expect((await submitWith(ada.headers)).status).toBe(201);
    });
  });

  describe('expiry and sign-out', () => {
    it('ends a session idle for longer than the idle limit', async () => {
      const { cookie } = await session();
      t.clock.advance(119 * 60_000);
      expect((await t.app.request('/api/v1/session', { headers: { cookie } })).status).toBe(200);
      t.clock.advance(119 * 60_000);
      expect((await t.app.request('/api/v1/session', { headers: { cookie } })).status).toBe(200);
      t.clock.advance(121 * 60_000);
      expect((await t.app.request('/api/v1/session', { headers: { cookie } })).status).toBe(401);
    });

    it('ends a session at its absolute limit even when used', async () => {
      const { cookie } = await session();
      for (let h = 0; h < 11; h++) {
        t.clock.advance(60 * 60_000);
        expect((await t.app.request('/api/v1/session', { headers: { cookie } })).status).toBe(200);
      }
      t.clock.advance(61 * 60_000);
      expect((await t.app.request('/api/v1/session', { headers: { cookie } })).status).toBe(401);
    });

    it('forgets expired sessions in the hourly upkeep, keeping live ones', async () => {
      await session();
      t.clock.advance(3 * 60 * 60_000);
      await session();
      await t.deps.atomic((db) => [deleteExpiredSessionsStatement(db, t.clock.now(), t.deps.config.sessionIdleMs)]);
      expect(t.handle.sqlite.prepare('select count(*) n from sessions').get()).toEqual({ n: 1 });
    });

    it('signs out: the cookie no longer works', async () => {
      const { cookie, csrfToken } = await session();
      const out = await t.app.request('/api/v1/session', { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } });
      expect(out.status).toBe(204);
      expect((await t.app.request('/api/v1/session', { headers: { cookie } })).status).toBe(401);
    });
  });

  describe('tokens', () => {
    it('issues an API token once, lists it without the secret, and revokes it', async () => {
      const { cookie, csrfToken } = await session();
      const h = { cookie, 'x-csrf-token': csrfToken };
      const made = await t.app.request('/api/v1/tokens', jsonRequest('POST', { name: 'R script', expiresInDays: 30 }, h));
      expect(made.status).toBe(201);
      const { id, token } = await made.json();
      expect(token).toMatch(/^pa_/);
      const listed = await (await t.app.request('/api/v1/tokens', { headers: h })).json();
      expect(JSON.stringify(listed)).not.toContain(token);
      expect(t.handle.sqlite.prepare('select count(*) n from tokens where token_hash = ?').get(token)).toEqual({ n: 0 });
      const bearer = { authorization: `Bearer ${token}` };
      expect((await t.app.request('/api/v1/session', { headers: bearer })).status).toBe(200);
      expect((await t.app.request(`/api/v1/tokens/${id}`, { method: 'DELETE', headers: h })).status).toBe(200);
      expect((await t.app.request('/api/v1/session', { headers: bearer })).status).toBe(401);
    });

    it('stops accepting an API token after its expiry', async () => {
      expect((await t.app.request('/api/v1/session', { headers: ada.headers })).status).toBe(200);
      t.clock.advance(364 * 86_400_000);
      expect((await t.app.request('/api/v1/session', { headers: ada.headers })).status).toBe(200);
      t.clock.advance(2 * 86_400_000);
      expect((await t.app.request('/api/v1/session', { headers: ada.headers })).status).toBe(401);
    });

    it('limits a device token to its questionnaires and country, and revokes it', async () => {
      await t.publish([definitionFile(demoDefinition, { questionnaireId: 'other' })]);
      const made = await t.app.request(
        '/api/v1/devices',
        jsonRequest('POST', { name: 'Tablet 3', questionnaires: ['demo'], country: 'TUN', site: 'Sfax' }, ada.headers),
      );
      expect(made.status).toBe(201);
      const device = await made.json();
      expect(device.enrolment).toMatch(/^periplus:\/\/enrol\?server=.*&token=pd_/);
      const h = { authorization: `Bearer ${device.token}` };
      const sent = await t.app.request(SUBMIT, jsonRequest('POST', { instanceId: instanceId(), data: demoAnswers() }, h));
      expect(sent.status).toBe(201);
      expect(await sent.json()).toMatchObject({ country: 'TUN', site: 'Sfax', submittedBy: `device:${device.id}` });
      expect(
        (await t.app.request(SUBMIT, jsonRequest('POST', { instanceId: instanceId(), data: demoAnswers(), country: 'LBY' }, h))).status,
      ).toBe(403);
      expect((await t.app.request('/api/v1/questionnaires/other/versions/1/definition', { headers: h })).status).toBe(404);
      expect((await t.app.request(`/api/v1/devices/${device.id}`, { method: 'DELETE', headers: ada.headers })).status).toBe(200);
      expect((await t.app.request(SUBMIT, jsonRequest('POST', { instanceId: instanceId(), data: demoAnswers() }, h))).status).toBe(401);
    });

    it('limits requests per caller per minute with 429 and Retry-After', async () => {
      const limited = createTestApp({ config: { ...defaultConfig, rateLimitPerMinute: 5 } });
      try {
        const u = await limited.user('coordinator');
        const statuses = [];
        for (let i = 0; i < 6; i++) statuses.push((await limited.app.request('/api/v1/questionnaires', { headers: u.headers })).status);
        expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
        const res = await limited.app.request('/api/v1/questionnaires', { headers: u.headers });
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect((await res.json()).error.code).toBe('rate_limited');
        limited.clock.advance(60_000);
        expect((await limited.app.request('/api/v1/questionnaires', { headers: u.headers })).status).toBe(200);
      } finally {
        limited.close();
      }
    });

    it('answers a malformed or unknown bearer token with 401', async () => {
      expect((await t.app.request('/api/v1/session', { headers: { authorization: 'Bearer pa_nope' } })).status).toBe(401);
      expect((await t.app.request('/api/v1/session', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    });
  });
});

describe('credentials after account changes', () => {
  it('revokes API tokens with a password reset, the devices a user issued when they could no longer issue them, and lets admins revoke any token', async () => {
    const t = createTestApp();
    try {
      await t.publish([definitionFile(demoDefinition)]);
      const admin = await t.user('admin', { countries: ['*'] });
      const coordinator = await t.user('coordinator', { countries: ['TUN', 'LBY'] });
      const enrol = async (country: string) => {
        const res = await t.app.request(
          '/api/v1/devices',
          jsonRequest('POST', { name: `tablet ${country}`, questionnaires: ['demo'], country }, coordinator.headers),
        );
        expect(res.status).toBe(201);
        return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
      };
      const [tunisia, libya] = [await enrol('TUN'), await enrol('LBY')];
      const works = async (headers: Record<string, string>) => (await t.app.request('/api/v1/questionnaires', { headers })).status;
      const patch = (change: object) => t.app.request(`/api/v1/users/${coordinator.id}`, jsonRequest('PATCH', change, admin.headers));
      // Losing a country revokes the devices of that country only.
      expect((await patch({ countries: ['TUN'] })).status).toBe(200);
      expect([await works(tunisia), await works(libya), await works(coordinator.headers)]).toEqual([200, 401, 200]);
      // A password reset revokes the user's API tokens (the devices stay: they hold no password).
      expect((await patch({ password: 'a new long enough passphrase' })).status).toBe(200);
      expect([await works(coordinator.headers), await works(tunisia)]).toEqual([401, 200]);
      // A role that cannot enrol devices revokes every device the user issued.
      expect((await patch({ role: 'assessor' })).status).toBe(200);
      expect(await works(tunisia)).toBe(401);
      // Admins list and revoke anyone's API tokens (signed in: token management needs a session).
      const other = await t.user('researcher', { countries: ['TUN'] });
      const signedIn = await t.app.request('/api/v1/session', jsonRequest('POST', { username: admin.username, password: admin.password }));
      const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
      const session = { cookie, 'x-csrf-token': ((await signedIn.json()) as { csrfToken: string }).csrfToken };
      const listed = (await (await t.app.request(`/api/v1/tokens?userId=${other.id}`, { headers: session })).json()) as {
        items: Array<{ id: string }>;
      };
      expect(listed.items).toHaveLength(1);
      expect(await works(other.headers)).toBe(200);
      expect((await t.app.request(`/api/v1/tokens/${listed.items[0]!.id}`, { method: 'DELETE', headers: session })).status).toBe(200);
      expect(await works(other.headers)).toBe(401);
      // Others may not look at someone else's tokens.
      const mine = await t.app.request(
        '/api/v1/session',
        jsonRequest('POST', { username: coordinator.username, password: 'a new long enough passphrase' }),
      );
      expect(mine.status).toBe(200);
      const theirs = { cookie: mine.headers.get('set-cookie')!.split(';')[0]! };
      expect((await t.app.request(`/api/v1/tokens?userId=${admin.id}`, { headers: theirs })).status).toBe(403);
    } finally {
      t.close();
    }
  });
});

describe('new passwords', () => {
  it('refuses common and guessable passwords with a message that names the problem and helps, when a user is created or reset', async () => {
    const t = createTestApp();
    try {
      const admin = await t.user('admin', { countries: ['*'] });
      const create = (username: string, password: string) =>
        t.app.request(
          '/api/v1/users',
          jsonRequest('POST', { username, displayName: 'Amira Haddad', password, role: 'assessor', countries: ['TUN'] }, admin.headers),
        );
      for (const weak of ['password1234', '123456789012', 'qwertyuiopas', 'aaaaaaaaaaaaaaaa', 'tunisia12345', 'periplus2026!']) {
        const res = await create('amira', weak);
        expect(res.status, weak).toBe(400);
        const { error } = await res.json();
        expect(error.details, weak).toEqual([expect.objectContaining({ path: 'password' })]);
        expect(error.message, weak).toMatch(/too weak: .*(common|guess|repeat|sequence|keyboard|word|data)/i);
        expect(error.message, weak).toMatch(/A few unrelated words make a strong password/);
      }
      expect((await create('amira', 'short')).status).toBe(400);
      const created = await create('amira', 'lantern orchard quietly sixteen');
      expect(created.status).toBe(201);
      const { id } = await created.json();
      const reset = (password: string) => t.app.request(`/api/v1/users/${id}`, jsonRequest('PATCH', { password }, admin.headers));
      expect((await reset('password1234')).status).toBe(400);
      expect((await reset('copper kettle under snow')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
