// The review workflow, revisions and diffs, scope across countries, the trash, and the audit log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, jsonRequest, type TestApp, type TestUser } from '../support/app';
import { definitionFile, demoAnswers, demoDefinition, instanceId } from '../support/factories';

const SUBMIT = '/api/v1/questionnaires/demo/versions/1/responses';

describe('review, revisions, trash and audit', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let assessor: TestUser;
  let admin: TestUser;

  beforeEach(async () => {
    t = createTestApp();
    await t.publish([definitionFile(demoDefinition)]);
    admin = await t.user('admin', { countries: ['*'] });
    coordinator = await t.user('coordinator', { countries: ['TUN'] });
    assessor = await t.user('assessor', { countries: ['TUN'], questionnaires: ['demo'] });
  });
  afterEach(() => t.close());

  const call = (u: TestUser, method: string, url: string, body?: unknown) =>
    t.app.request(url, body === undefined ? { method, headers: u.headers } : jsonRequest(method, body, u.headers));
  async function submitted(by: TestUser = assessor, country = 'TUN', data = demoAnswers()) {
    const id = instanceId();
    const res = await call(by, 'POST', SUBMIT, { instanceId: id, data, country });
    expect(res.status).toBe(201);
    return id;
  }
  const audit = async (action: string) =>
    (await (await call(admin, 'GET', `/api/v1/audit?action=${action}`)).json()).items as Array<Record<string, unknown>>;

  it('moves through review states with comments the assessor can read', async () => {
    const id = await submitted();
    expect((await (await call(assessor, 'GET', `/api/v1/responses/${id}`)).json()).reviewState).toBe('received');
    const flagged = await call(coordinator, 'PATCH', `/api/v1/responses/${id}/review`, {
      state: 'has_issues',
      comment: 'Article 6(3): cite the provision',
    });
    expect(flagged.status).toBe(200);
    expect((await flagged.json()).reviewState).toBe('has_issues');
    const history = await (await call(assessor, 'GET', `/api/v1/responses/${id}/reviews`)).json();
    expect(history.items).toEqual([
      {
        from: 'received',
        to: 'has_issues',
        comment: 'Article 6(3): cite the provision',
        actor: `user:${coordinator.id}`,
        at: expect.any(String),
      },
    ]);
    // Assessors cannot review.
    expect((await call(assessor, 'PATCH', `/api/v1/responses/${id}/review`, { state: 'approved' })).status).toBe(403);
    expect((await call(coordinator, 'PATCH', `/api/v1/responses/${id}/review`, { state: 'finished' })).status).toBe(400);
  });

  it('keeps every revision of a corrected response, diffable, and sends it back to review', async () => {
    const id = await submitted();
    await call(coordinator, 'PATCH', `/api/v1/responses/${id}/review`, { state: 'has_issues', comment: 'age?' });
    const edited = await call(assessor, 'PUT', `/api/v1/responses/${id}`, {
      data: demoAnswers({ age: 41, children: 'one' }),
      baseRevision: 1,
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ reviewState: 'received', revision: 2, data: { age: 41, children: 'one' } });
    const revisions = await (await call(assessor, 'GET', `/api/v1/responses/${id}/revisions`)).json();
    expect(revisions.items.map((r: { revision: number; actor: string }) => [r.revision, r.actor])).toEqual([
      [1, `user:${assessor.id}`],
      [2, `user:${assessor.id}`],
    ]);
    const first = await (await call(assessor, 'GET', `/api/v1/responses/${id}/revisions/1`)).json();
    expect(first.data.age).toBe(25);
    const diff = await (await call(assessor, 'GET', `/api/v1/responses/${id}/diff`)).json();
    expect(diff).toEqual({
      from: 1,
      to: 2,
      changes: [
        { path: 'age', before: 25, after: 41 },
        { path: 'children', after: 'one' },
      ],
    });
    expect((await call(assessor, 'GET', `/api/v1/responses/${id}/revisions/3`)).status).toBe(404);
  });

  it('refuses an edit based on a stale revision and an edit that fails validation', async () => {
    const id = await submitted();
    expect((await call(assessor, 'PUT', `/api/v1/responses/${id}`, { data: demoAnswers({ age: 26 }), baseRevision: 1 })).status).toBe(200);
    const stale = await call(coordinator, 'PUT', `/api/v1/responses/${id}`, { data: demoAnswers({ age: 27 }), baseRevision: 1 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: 'stale_response', details: [], context: { currentRevision: 2 } });
    expect((await call(assessor, 'PUT', `/api/v1/responses/${id}`, { data: { employed: 'maybe' }, baseRevision: 2 })).status).toBe(422);
    expect((await (await call(assessor, 'GET', `/api/v1/responses/${id}/revisions`)).json()).items).toHaveLength(2);
  });

  it("answers 404 for another country's response, whatever the route (no IDOR)", async () => {
    const libya = await submitted(admin, 'LBY');
    for (const [method, url, body] of [
      ['GET', `/api/v1/responses/${libya}`],
      ['GET', `/api/v1/responses/${libya}/revisions`],
      ['GET', `/api/v1/responses/${libya}/diff`],
      ['PATCH', `/api/v1/responses/${libya}/review`, { state: 'approved' }],
      ['DELETE', `/api/v1/responses/${libya}`],
      ['PUT', `/api/v1/responses/${libya}`, { data: demoAnswers(), baseRevision: 1 }],
    ] as const) {
      const res = await call(coordinator, method, url, body);
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(JSON.stringify(await res.json())).not.toContain('LBY');
    }
    // Writing to that instance id answers exactly as reading it: no existence oracle.
    const read = await (await call(coordinator, 'GET', `/api/v1/responses/${libya}`)).json();
    for (const [method, url, body] of [
      ['PUT', `/api/v1/questionnaires/demo/versions/1/drafts/${libya}`, { data: {}, country: 'TUN' }],
      ['POST', SUBMIT, { instanceId: libya, data: demoAnswers(), country: 'TUN' }],
    ] as const) {
      const res = await call(coordinator, method, url, body);
      expect(res.status, `${method} ${url}`).toBe(404);
      const error = (await res.json()).error;
      expect({ ...error, requestId: '' }).toEqual({ ...read.error, requestId: '' });
    }
  });

  it('sends a deleted response to the trash, refuses its instance id, restores it, and purges it after the period', async () => {
    const id = await submitted();
    const deleted = await call(coordinator, 'DELETE', `/api/v1/responses/${id}`);
    expect(deleted.status).toBe(200);
    expect((await call(coordinator, 'GET', `/api/v1/responses/${id}`)).status).toBe(404);
    const again = await call(assessor, 'POST', SUBMIT, { instanceId: id, data: demoAnswers(), country: 'TUN' });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({ code: 'instance_deleted', message: expect.stringContaining('deleted') });
    const trash = await (await call(coordinator, 'GET', '/api/v1/trash?questionnaireId=demo')).json();
    expect(trash.items.map((r: { instanceId: string }) => r.instanceId)).toEqual([id]);
    expect((await call(coordinator, 'POST', `/api/v1/responses/${id}/restore`)).status).toBe(200);
    expect((await call(coordinator, 'GET', `/api/v1/responses/${id}`)).status).toBe(200);

    await call(coordinator, 'DELETE', `/api/v1/responses/${id}`);
    t.clock.advance(29 * 86_400_000);
    const { purgeExpiredTrash } = await import('../../src/responses/manage');
    expect(await purgeExpiredTrash(t.deps)).toBe(0);
    t.clock.advance(2 * 86_400_000);
    expect(await purgeExpiredTrash(t.deps)).toBe(1);
    const row = t.handle.sqlite.prepare('select data, purged_at from responses where instance_id = ?').get(id) as {
      data: string;
      purged_at: number;
    };
    expect(row.data).toBe('{}');
    expect(t.handle.sqlite.prepare('select count(*) n from response_revisions').get()).toEqual({ n: 0 });
    expect((await call(coordinator, 'POST', `/api/v1/responses/${id}/restore`)).status).toBe(404);
    expect((await call(assessor, 'POST', SUBMIT, { instanceId: id, data: demoAnswers(), country: 'TUN' })).status).toBe(409);
  });

  it('writes one audit entry per audited action, never answer values, and none for a no-op retry', async () => {
    const body = { instanceId: instanceId(), data: demoAnswers({ employer: 'SecretEmployer' }), country: 'TUN' };
    expect((await call(assessor, 'POST', SUBMIT, body)).status).toBe(201);
    expect((await call(assessor, 'POST', SUBMIT, body)).status).toBe(200);
    await call(coordinator, 'PATCH', `/api/v1/responses/${body.instanceId}/review`, { state: 'approved', comment: 'ok' });
    await call(assessor, 'PUT', `/api/v1/responses/${body.instanceId}`, {
      data: demoAnswers({ employer: 'OtherSecret' }),
      baseRevision: 1,
    });
    await call(coordinator, 'DELETE', `/api/v1/responses/${body.instanceId}`);
    await call(coordinator, 'POST', `/api/v1/responses/${body.instanceId}/restore`);
    await call(assessor, 'PUT', `/api/v1/questionnaires/demo/versions/1/drafts/${instanceId()}`, {
      data: { employed: 'yes' },
      country: 'TUN',
    });
    await call(admin, 'POST', '/api/v1/users', {
      username: 'newbie',
      displayName: 'N',
      password: 'a long enough passphrase',
      role: 'researcher',
      countries: ['TUN'],
    });
    const users = (await (await call(admin, 'GET', '/api/v1/users')).json()).items as Array<{ id: string; username: string }>;
    const newbie = users.find((u) => u.username === 'newbie')!;
    await call(admin, 'PATCH', `/api/v1/users/${newbie.id}`, { role: 'coordinator', countries: ['TUN', 'LBY'] });
    await call(coordinator, 'PUT', `/api/v1/users/${assessor.id}/assignments`, { questionnaires: ['demo'] });
    const device = await (
      await call(coordinator, 'POST', '/api/v1/devices', { name: 'T1', questionnaires: ['demo'], country: 'TUN' })
    ).json();
    await call(coordinator, 'DELETE', `/api/v1/devices/${device.id}`);
    await call(coordinator, 'DELETE', `/api/v1/devices/${device.id}`);
    await t.app.request('/api/v1/session', jsonRequest('POST', { username: assessor.username, password: 'wrong one' }));

    for (const [action, n] of [
      ['response.submit', 1],
      ['response.review', 1],
      ['response.edit', 1],
      ['response.delete', 1],
      ['response.restore', 1],
      ['response.draft_save', 1],
      ['user.create', 1],
      ['user.update', 1],
      ['user.assignments', 1],
      ['token.revoke', 1],
      ['session.sign_in_failed', 1],
    ] as const) {
      const entries = await audit(action);
      expect(entries, action).toHaveLength(n);
      expect(entries[0]).toMatchObject({
        action,
        actor: expect.any(String),
        targetId: expect.any(String),
        requestId: expect.any(String),
        at: expect.any(String),
      });
    }
    expect((await audit('user.update'))[0]!.details).toMatchObject({ role: 'coordinator', countries: ['TUN', 'LBY'] });
    const everything = JSON.stringify(t.handle.sqlite.prepare('select * from audit_log').all());
    expect(everything).not.toContain('SecretEmployer');
    expect(everything).not.toContain('OtherSecret');
    expect(everything).not.toContain('a long enough passphrase');
  });

  it('filters the audit log by actor and time, newest first, page by page', async () => {
    await submitted();
    t.clock.advance(60_000);
    await submitted(coordinator);
    const byActor = await (await call(admin, 'GET', `/api/v1/audit?actor=user:${coordinator.id}&action=response.submit`)).json();
    expect(byActor.items).toHaveLength(1);
    const page = await (await call(admin, 'GET', '/api/v1/audit?action=response.submit&limit=1')).json();
    expect(page.items[0].actor).toBe(`user:${coordinator.id}`);
    const next = await (await call(admin, 'GET', `/api/v1/audit?action=response.submit&limit=1&cursor=${page.next}`)).json();
    expect(next.items[0].actor).toBe(`user:${assessor.id}`);
    const late = await (
      await call(admin, 'GET', `/api/v1/audit?action=response.submit&from=${encodeURIComponent(t.clock.now().toISOString())}`)
    ).json();
    expect(late.items).toHaveLength(1);
    expect((await call(coordinator, 'GET', '/api/v1/audit')).status).toBe(403);
  });
});
