// What differs on Workers, tested inside workerd on a local D1: atomic() as a D1 batch, the
// export cap that keeps one request inside D1's per-invocation query limit, and the secret.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { createUser, issueApiToken } from '../../src/access/accounts';
import worker from '../../src/entry/worker';
import { workerDeps } from '../../src/entry/workers-runtime';
import { isUniqueViolation } from '../../src/storage/errors';
import { insertUserStatement } from '../../src/storage/users';
import { findVersion } from '../../src/storage/questionnaires';
import { insertSubmissionStatement } from '../../src/storage/responses';
import { publishDefinitions } from '../../src/questionnaires/publish';
import { shippedDefinitions } from '../../src/entry/shipped';
import { scopingAnswers } from '../support/factories';

const user = (id: string, username: string) => ({
  id,
  username,
  displayName: username,
  passwordHash: 'x',
  role: 'assessor' as const,
  countries: ['TUN'],
  disabledAt: null,
  createdAt: new Date(0),
});

describe('the Worker on D1', () => {
  it('writes a batch all or nothing: a unique violation rolls back the statements before it', async () => {
    const { atomic, db } = workerDeps(env);
    await atomic((d) => [insertUserStatement(d, user('d1-u1', 'dawit'))]);
    const failed = await atomic((d) => [
      insertUserStatement(d, user('d1-u2', 'eyerusalem')),
      insertUserStatement(d, user('d1-u3', 'dawit')),
    ]).catch((e: unknown) => e);
    expect(isUniqueViolation(failed)).toBe(true);
    const names = (await db.query.users.findMany()).map((u) => u.username);
    expect(names).toContain('dawit');
    expect(names).not.toContain('eyerusalem');
  });

  it('refuses an export larger than one request may stream, with the figures, instead of a truncated file', async () => {
    const deps = workerDeps(env);
    await publishDefinitions(deps, shippedDefinitions(), 'system', { reportValidation: false });
    const admin = await createUser(
      deps,
      { actor: 'setup', requestId: 'setup' },
      { username: 'exporter', displayName: 'Ex', password: 'a long enough passphrase', role: 'admin', countries: ['*'] },
    );
    const principal = {
      actor: `user:${admin.id}`,
      userId: admin.id,
      role: admin.role,
      countries: '*' as const,
      questionnaires: '*' as const,
      site: null,
      via: 'session' as const,
    };
    const { token } = await issueApiToken(deps, { principal, requestId: 'setup' }, 'export', 1);
    const app = createApp({ ...deps, config: { ...deps.config, exportRowLimit: 1 } });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    // Publishing scoping 5 closed version 1 (closesVersions); this test sends version 1's answers.
    const reopened = await app.request('/api/v1/questionnaires/migrant-scoping/versions/1', {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ acceptsNewData: true }),
    });
    expect(reopened.status, await reopened.clone().text()).toBe(200);
    for (const id of ['66666666-6666-4666-8666-666666666661', '66666666-6666-4666-8666-666666666662']) {
      const res = await app.request('/api/v1/questionnaires/migrant-scoping/versions/1/responses', {
        method: 'POST',
        headers,
        body: JSON.stringify({ instanceId: id, data: scopingAnswers, country: 'TUN' }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const res = await app.request('/api/v1/questionnaires/migrant-scoping/export?profile=pseudonymized', { headers });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; context: { rows: number; limit: number } } };
    expect(body.error.code).toBe('export_too_large');
    expect(body.error.context.limit).toBe(1);
    expect(body.error.context.rows).toBeGreaterThanOrEqual(2);
  });

  it('computes, stores, approves and serves a release on D1: the bundle comes back byte for byte', async () => {
    const deps = workerDeps(env);
    const definition = {
      title: 'Small',
      disclosure: { k: 2, l: 1, maxGlobalRisk: 1 },
      elements: [{ type: 'radiogroup', name: 'sex', sdcRole: 'quasi', choices: ['m', 'f'] }],
    };
    expect(
      (
        await publishDefinitions(deps, [{ file: 'small/1.json', questionnaireId: 'small', version: '1', json: definition }], 'system', {
          reportValidation: false,
        })
      )[0]!.status,
    ).toBe('published');
    const admin = await createUser(
      deps,
      { actor: 'setup', requestId: 'setup' },
      { username: 'releaser', displayName: 'Rel', password: 'a long enough passphrase', role: 'admin', countries: ['*'] },
    );
    const principal = {
      actor: `user:${admin.id}`,
      userId: admin.id,
      role: admin.role,
      countries: '*' as const,
      questionnaires: '*' as const,
      site: null,
      via: 'session' as const,
    };
    const { token } = await issueApiToken(deps, { principal, requestId: 'setup' }, 'release', 1);
    const app = createApp(deps);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    for (let i = 0; i < 4; i++) {
      const res = await app.request('/api/v1/questionnaires/small/versions/1/responses', {
        method: 'POST',
        headers,
        body: JSON.stringify({ instanceId: `77777777-7777-4777-8777-77777777777${i}`, data: { sex: 'f' }, country: 'TUN' }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const created = await app.request('/api/v1/questionnaires/small/releases', { method: 'POST', headers, body: '{}' });
    expect(created.status, await created.clone().text()).toBe(201);
    const release = (await created.json()) as { id: string; bundle: { sha256: string; bytes: number } };
    expect((await app.request('/api/v1/questionnaires/small/releases', { method: 'POST', headers, body: '{}' })).status).toBe(409);
    expect((await app.request(`/api/v1/releases/${release.id}/approve`, { method: 'POST', headers, body: '{}' })).status).toBe(200);
    const bundle = new Uint8Array(await (await app.request(`/api/v1/releases/${release.id}/bundle`, { headers })).arrayBuffer());
    expect(bundle.length).toBe(release.bundle.bytes);
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bundle))].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(digest).toBe(release.bundle.sha256);
  });

  it('runs the hourly upkeep from its cron trigger: a response in the trash past its period is purged', async () => {
    const deps = workerDeps(env);
    const id = '88888888-8888-4888-8888-888888888888';
    const version = (await findVersion(deps.db, 'migrant-scoping', '1'))!;
    const long = new Date(Date.now() - 400 * 86_400_000);
    await deps.atomic((db) => [
      insertSubmissionStatement(db, {
        instanceId: id,
        questionnaireId: 'migrant-scoping',
        versionId: version.id,
        data: scopingAnswers,
        payloadHash: 'x',
        dropped: [],
        hidden: [],
        locale: '',
        deviceStartedAt: null,
        deviceEndedAt: null,
        country: 'TUN',
        site: null,
        actor: 'test',
        at: long,
      }),
    ]);
    await env.DB.prepare('UPDATE responses SET deleted_at = ? WHERE instance_id = ?').bind(long.getTime(), id).run();
    await worker.scheduled({}, env);
    const row = await env.DB.prepare('SELECT data, purged_at FROM responses WHERE instance_id = ?')
      .bind(id)
      .first<{ data: string; purged_at: number | null }>();
    expect(row?.purged_at).not.toBeNull();
    expect(row?.data).toBe('{}');
  });

  it('answers 503 with what to fix when the PSEUDONYM_KEY secret is missing', async () => {
    const res = await worker.fetch(new Request('http://periplus.test/api/v1/questionnaires'), { DB: env.DB }, {});
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/wrangler secret put PSEUDONYM_KEY/);
  });
});
