// Records asked on a version without the screening rules a later version has (the scoping survey's
// version 1: no consent, age or repeat-interview check at the time) are flagged in every export
// profile by a `screened` column (issue 20), so that no analysis takes them for screened ones.
// Over HTTP on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleOf } from '../support/bundle';
import { createTestApp, jsonRequest, type TestApp, type TestUser } from '../support/app';
import { definitionFile, instanceId } from '../support/factories';

const v1 = {
  title: 'Journeys',
  family: 'scoping',
  pages: [{ name: 'p', elements: [{ type: 'radiogroup', name: 'route', isRequired: true, choices: ['sea', 'land'] }] }],
};
const v2 = {
  ...v1,
  screening: [{ reason: 'no-consent', if: "{consent} = 'no'" }],
  pages: [
    { name: 'p', elements: [{ type: 'radiogroup', name: 'consent', isRequired: true, choices: ['yes', 'no'] }, ...v1.pages[0]!.elements] },
  ],
};

describe('records of a version without screening rules', () => {
  let t: TestApp;
  let coordinator: TestUser;
  beforeEach(async () => {
    t = createTestApp();
    coordinator = await t.user('coordinator', { countries: ['TUN'] });
  });
  afterEach(() => t.close());

  const submit = (version: string, data: object) =>
    t.app.request(
      `/api/v1/questionnaires/journeys/versions/${version}/responses`,
      jsonRequest('POST', { instanceId: instanceId(), country: 'TUN', data }, coordinator.headers),
    );
  const screenedColumn = async (query: string) => {
    const res = await t.app.request(`/api/v1/questionnaires/journeys/export?${query}`, { headers: coordinator.headers });
    expect(res.status, await res.clone().text()).toBe(200);
    const b = bundleOf(new Uint8Array(await res.arrayBuffer()));
    const main = b.csv('journeys.csv');
    const col = main.header.indexOf('screened');
    return {
      values: col < 0 ? null : main.rows.map((r) => `${r[main.header.indexOf('version')]}:${r[col]}`).sort(),
      codebook: b.csv('codebook.csv'),
    };
  };

  it('are flagged screened=0 in every profile, even when only that version is exported; the codebook says why', async () => {
    await t.publish([definitionFile(v1, { questionnaireId: 'journeys' })]);
    expect((await submit('1', { route: 'sea' })).status).toBe(201);
    // One version only, without screening anywhere: nothing to flag.
    expect((await screenedColumn('profile=full')).values).toBeNull();
    await t.publish([
      definitionFile(v1, { questionnaireId: 'journeys' }),
      definitionFile(v2, { questionnaireId: 'journeys', version: '2' }),
    ]);
    expect((await submit('2', { consent: 'yes', route: 'land' })).status).toBe(201);
    for (const profile of ['full', 'pseudonymized'])
      expect((await screenedColumn(`profile=${profile}`)).values, profile).toEqual(['1:0', '2:1']);
    const onlyV1 = await screenedColumn('profile=full&version=1');
    expect(onlyV1.values).toEqual(['1:0']);
    expect(onlyV1.codebook.rows.find((r) => r.includes('screened'))!.join(' ')).toMatch(/without the screening rules/);
  });
});

describe('a version closed for new data', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeEach(async () => {
    t = createTestApp();
    admin = await t.user('admin');
    await t.publish([
      definitionFile(v1, { questionnaireId: 'journeys' }),
      definitionFile(v2, { questionnaireId: 'journeys', version: '2' }),
    ]);
  });
  afterEach(() => t.close());

  const submit = (version: string, data: object, startedAt?: string) =>
    t.app.request(
      `/api/v1/questionnaires/journeys/versions/${version}/responses`,
      jsonRequest('POST', { instanceId: instanceId(), country: 'TUN', data, ...(startedAt ? { startedAt } : {}) }, admin.headers),
    );

  it('refuses new interviews with 409 version_closed, takes those begun before it closed, and leaves the other versions open', async () => {
    expect((await t.app.request('/api/v1/questionnaires/journeys/versions/1', { headers: admin.headers })).status).toBe(200);
    const before = t.clock.now().toISOString();
    t.clock.advance(60_000);
    const close = await t.app.request(
      '/api/v1/questionnaires/journeys/versions/1',
      jsonRequest('PATCH', { acceptsNewData: false }, admin.headers),
    );
    expect(close.status).toBe(200);
    const closedAt = ((await close.json()) as { closedAt: string }).closedAt;
    expect(closedAt).toBe(t.clock.now().toISOString());
    // The version's metadata says so at once, although the version row was read (and kept) before.
    const meta = await t.app.request('/api/v1/questionnaires/journeys/versions/1', { headers: admin.headers });
    expect(((await meta.json()) as { closedAt: string }).closedAt).toBe(closedAt);
    t.clock.advance(60_000);
    const refused = await submit('1', { route: 'sea' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'version_closed', context: { closedSince: closedAt } } });
    // An interview a phone began before the version closed still arrives.
    const begun = await submit('1', { route: 'land' }, before);
    expect(begun.status, await begun.clone().text()).toBe(201);
    expect((await submit('2', { consent: 'yes', route: 'land' })).status).toBe(201);
    // Closing again keeps the first time; the audit log has each request; opening takes new data again.
    const again = await t.app.request(
      '/api/v1/questionnaires/journeys/versions/1',
      jsonRequest('PATCH', { acceptsNewData: false }, admin.headers),
    );
    expect(((await again.json()) as { closedAt: string }).closedAt).toBe(closedAt);
    const audit = (await (await t.app.request('/api/v1/audit?action=questionnaire.version.close', { headers: admin.headers })).json()) as {
      items: Array<{ details: { version: string } }>;
    };
    expect(audit.items.map((i) => i.details.version)).toEqual(['1', '1']);
    const reopen = await t.app.request(
      '/api/v1/questionnaires/journeys/versions/1',
      jsonRequest('PATCH', { acceptsNewData: true }, admin.headers),
    );
    expect(((await reopen.json()) as { closedAt: null }).closedAt).toBeNull();
    expect((await submit('1', { route: 'sea' })).status).toBe(201);
    // Coordinators may not close a version.
    const coordinator = await t.user('coordinator', { countries: ['TUN'] });
    expect(
      (
        await t.app.request(
          '/api/v1/questionnaires/journeys/versions/1',
          jsonRequest('PATCH', { acceptsNewData: false }, coordinator.headers),
        )
      ).status,
    ).toBe(403);
  });
});

describe('a version that closes an earlier one as it is published (closesVersions)', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeEach(async () => {
    t = createTestApp();
    admin = await t.user('admin');
  });
  afterEach(() => t.close());
  const submit = (version: string, data: object) =>
    t.app.request(
      `/api/v1/questionnaires/journeys/versions/${version}/responses`,
      jsonRequest('POST', { instanceId: instanceId(), country: 'TUN', data }, admin.headers),
    );
  const closedAt = async (version: string) =>
    (await (await t.app.request(`/api/v1/questionnaires/journeys/versions/${version}`, { headers: admin.headers })).json()).closedAt;

  it('closes version 1 once, with the first run that publishes version 2 (as the shipped scoping survey 5 closes 1); an admin may open it again', async () => {
    const files = [
      definitionFile(v1, { questionnaireId: 'journeys' }),
      definitionFile({ ...v2, closesVersions: ['1'] }, { questionnaireId: 'journeys', version: '2' }),
    ];
    // Both in one run, as npm start publishes surveys/ on a fresh database.
    const outcomes = await t.publish(files);
    expect(outcomes.map((o) => [o.version, o.status, o.closed])).toEqual([
      ['1', 'published', undefined],
      ['2', 'published', ['1']],
    ]);
    expect(await closedAt('1')).not.toBeNull();
    expect(await closedAt('2')).toBeNull();
    const refused = await submit('1', { route: 'sea' });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe('version_closed');
    expect((await submit('2', { consent: 'yes', route: 'land' })).status).toBe(201);
    // Opened again by an admin, it stays open when the same files are published again.
    const opened = await t.app.request(
      '/api/v1/questionnaires/journeys/versions/1',
      jsonRequest('PATCH', { acceptsNewData: true }, admin.headers),
    );
    expect(opened.status).toBe(200);
    expect((await t.publish(files)).map((o) => o.status)).toEqual(['unchanged', 'unchanged']);
    expect(await closedAt('1')).toBeNull();
    expect((await submit('1', { route: 'sea' })).status).toBe(201);
  });
});
