// The export as an attacker tries it: identifiers typed where a closed value belongs, thresholds
// turned down, rows lined up with another download. Each attack reads only finished bundles (no
// exporter code), and each names the finding it protects against.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, jsonRequest, type TestApp, type TestUser } from '../support/app';
import { definitionFile, instanceId } from '../support/factories';
import { bundleOf } from '../support/bundle';

const PLANTED = ['Amadou Diallo', '+218 91 555 0101', 'amadou@example.org', 'P1234567', 'Fatima Zahra'];

const definition = {
  title: 'Attacks',
  disclosure: { k: 3, maxGlobalRisk: 0.5 },
  sites: { TUN: ['Sfax', 'Zarzis'] },
  elements: [
    { type: 'radiogroup', name: 'sex', sdcRole: 'quasi', choices: ['m', 'f'] },
    { type: 'text', name: 'left_month', inputType: 'month', sdcRole: 'date' },
    { type: 'text', name: 'seen_on', inputType: 'date', sdcRole: 'date' },
    // "other" stored as the value itself: any text is accepted there.
    { type: 'dropdown', name: 'nationality', sdcRole: 'quasi', choices: ['ERI', 'SDN'], showOtherItem: true, storeOthersAsComment: false },
    { type: 'radiogroup', name: 'route', sdcRole: 'sensitive', choices: ['central', 'western'], showOtherItem: true },
    // Text with a closed-looking role: still typed freely.
    { type: 'text', name: 'hometown', sdcRole: 'quasi' },
    { type: 'text', name: 'remark', sdcRole: 'none' },
    { type: 'text', name: 'order', inputType: 'number', sdcRole: 'none' },
  ],
};

describe('attacks on anonymized exports', () => {
  let t: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  let researcher: TestUser;
  const N = 60;

  beforeAll(async () => {
    t = createTestApp();
    expect((await t.publish([definitionFile(definition, { questionnaireId: 'attacks' })]))[0]!.status).toBe('published');
    admin = await t.user('admin', { countries: ['*'] });
    coordinator = await t.user('coordinator', { countries: ['TUN'] });
    researcher = await t.user('researcher', { countries: ['TUN'] });
    for (let i = 0; i < N; i++) {
      const data = {
        sex: i % 2 ? 'm' : 'f',
        left_month: `2026-0${1 + (i % 3)}`,
        seen_on: `2026-0${4 + (i % 3)}-1${i % 10}`,
        nationality: i === 5 ? PLANTED[4] : i % 3 ? 'ERI' : 'SDN',
        route: i % 2 ? 'central' : 'other',
        'route-Comment': i % 2 ? undefined : i === 8 ? PLANTED[2] : 'by the desert',
        hometown: i === 9 ? PLANTED[3] : 'Asmara',
        remark: i === 11 ? PLANTED[1] : 'fine',
        order: i,
      };
      const site = i % 2 ? 'Sfax' : 'Zarzis';
      const res = await t.app.request(
        '/api/v1/questionnaires/attacks/versions/1/responses',
        jsonRequest('POST', { instanceId: instanceId(), data, country: 'TUN', site }, admin.headers),
      );
      expect(res.status, await res.clone().text()).toBe(201);
    }
    // A name typed into the site before the questionnaire declared its sites: free text already stored.
    t.sql(
      `update responses set site = ? where questionnaire_id = 'attacks' and seq = (select min(seq) + 3 from responses where questionnaire_id = 'attacks')`,
      PLANTED[0],
    );
    // Month values stored before months were validated: free text already in the database.
    t.sql(
      `update responses set data = json_set(data, '$.left_month', ?) where questionnaire_id = 'attacks' and seq = (select min(seq) from responses where questionnaire_id = 'attacks')`,
      PLANTED[1],
    );
  }, 60_000);
  afterAll(() => t.close());

  const exportAs = async (u: TestUser, query: string) => {
    const res = await t.app.request(`/api/v1/questionnaires/attacks/export?${query}`, { headers: u.headers });
    return { res, b: res.status === 200 ? bundleOf(new Uint8Array(await res.arrayBuffer())) : undefined };
  };

  it('finding 1: no identifier typed into the site, a month, an "other" value or a text with a closed role leaves in a pseudonymized or public bundle', async () => {
    const full = (await exportAs(coordinator, 'profile=full')).b!;
    // The plant is really there: the full profile carries what was typed.
    expect(full.all).toContain(PLANTED[0]);
    expect(full.all).toContain(PLANTED[1]);
    expect(full.all).toContain(PLANTED[4]);
    for (const profile of ['pseudonymized', 'public']) {
      const { res, b } = await exportAs(coordinator, `profile=${profile}`);
      expect(res.status, profile).toBe(200);
      for (const planted of PLANTED) expect(b!.all, `${profile}: ${planted}`).not.toContain(planted);
      const main = b!.csv('attacks.csv');
      expect(main.header).not.toContain('hometown');
      expect(main.header).not.toContain('remark');
      expect(main.header).not.toContain('route-Comment');
      // Closed columns hold only their codes, numbers, well-formed dates, or a code for "withheld".
      expect(new Set(main.col('nationality'))).toEqual(new Set(['ERI', 'SDN', '.s']));
    }
  });

  it('finding 1: a questionnaire that declares its sites takes only those, from people and devices alike', async () => {
    const send = (site: string, country = 'TUN') =>
      t.app.request(
        '/api/v1/questionnaires/attacks/versions/1/responses',
        jsonRequest('POST', { instanceId: instanceId(), data: { sex: 'm' }, country, site }, admin.headers),
      );
    const refused = await send(PLANTED[0]!);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.details).toEqual([
      { path: 'site', type: 'not_declared', message: expect.stringContaining('Sfax, Zarzis') },
    ]);
    // A country without a list files any site as before.
    expect((await send('Misrata', 'LBY')).status).toBe(201);
    const device = await t.app.request(
      '/api/v1/devices',
      jsonRequest('POST', { name: 'tablet', questionnaires: ['attacks'], country: 'TUN', site: 'Tunis centre' }, coordinator.headers),
    );
    expect(device.status).toBe(400);
    expect(
      (
        await t.app.request(
          '/api/v1/devices',
          jsonRequest('POST', { name: 'tablet', questionnaires: ['attacks'], country: 'TUN', site: 'Zarzis' }, coordinator.headers),
        )
      ).status,
    ).toBe(201);
  });

  it('finding 1: the pseudonymized profile shifts month and date values per record and writes only declared sites', async () => {
    const full = (await exportAs(coordinator, 'profile=full')).b!.csv('attacks.csv');
    const pseudo = (await exportAs(coordinator, 'profile=pseudonymized')).b!.csv('attacks.csv');
    expect(new Set(pseudo.col('site'))).toEqual(new Set(['Sfax', 'Zarzis', '.s']));
    const months = pseudo.col('left_month');
    expect(months.filter((m) => m === '.s')).toHaveLength(1);
    expect(months.filter((m) => m !== '.s').every((m) => /^\d{4}-\d{2}$/.test(m))).toBe(true);
    // Shifted: the multiset of months is not the collected one (offsets of 0-364 days).
    const collected = full.col('left_month').filter((m) => /^\d{4}-\d{2}$/.test(m));
    expect(months.filter((m) => m !== '.s').sort()).not.toEqual(collected.sort());
    // One offset per record: a month moves with the record's date (within the month's width).
    const days = (a: string, b: string) => (Date.parse(a) - Date.parse(b)) / 86_400_000;
    for (let r = 0; r < pseudo.rows.length; r++) {
      const m = months[r]!;
      if (m === '.s') continue;
      const id = pseudo.col('KEY')[r]!;
      expect(id).toMatch(/^[0-9a-f]{16}$/);
      const seen = pseudo.col('seen_on')[r]!;
      const gap = days(`${seen}`, `${m}-15`);
      // Collected: seen_on is 3 months after left_month (+/- the day in the month).
      expect(gap).toBeGreaterThan(60);
      expect(gap).toBeLessThan(130);
    }
  });

  it('finding 2: no one can turn the protection down; researchers have no ad-hoc export at all; a refusal is audited with what was asked', async () => {
    for (const query of ['profile=public&k=2&maxGlobalRisk=1', 'profile=public', 'profile=pseudonymized'])
      expect((await exportAs(researcher, query)).res.status).toBe(403);
    const { res } = await exportAs(coordinator, 'profile=public&k=2&maxGlobalRisk=1&l=1');
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body.error.code).toBe('policy_loosened');
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['k', 'l', 'maxGlobalRisk']);
    const audit = await (await t.app.request('/api/v1/audit?action=dataset.export_refused', { headers: admin.headers })).json();
    expect(audit.items[0]).toMatchObject({
      actor: `user:${coordinator.id}`,
      details: { profile: 'public', requested: { k: 2, l: 1, maxGlobalRisk: 1 } },
    });
    // Stricter is allowed, and the audit says which thresholds were applied.
    const strict = await exportAs(coordinator, 'profile=public&k=4');
    expect(strict.res.status).toBe(200);
    const done = await (await t.app.request('/api/v1/audit?action=dataset.export&limit=1', { headers: admin.headers })).json();
    expect(done.items[0].details).toMatchObject({
      requested: { k: 4 },
      applied: { k: 4, l: 2, maxGlobalRisk: 0.5, maxIndividualRisk: 0.25 },
    });
  });

  it('finding 8: l-diversity of 2 applies to sensitive variables by default, reported per variable', async () => {
    const { b } = await exportAs(coordinator, 'profile=public');
    const report = JSON.parse(b!.files['risk-report.json']!);
    expect(report.parameters.l).toBe(2);
    expect(report.minL.route.after === 0 || report.minL.route.after >= 2).toBe(true);
  });

  it('finding 3: public rows do not keep the stored order, and two downloads do not line up', async () => {
    const one = (await exportAs(coordinator, 'profile=public')).b!.csv('attacks.csv').col('order').map(Number);
    const two = (await exportAs(coordinator, 'profile=public')).b!.csv('attacks.csv').col('order').map(Number);
    expect([...one].sort((a, b) => a - b)).toEqual([...Array(N).keys()]);
    expect(two).not.toEqual(one);
    // Rank correlation with the stored order: near 0 for a random order (sd about 0.13 for 60 rows).
    const spearman = (xs: number[]) => {
      const n = xs.length;
      const d2 = xs.reduce((s, x, i) => s + (x - i) ** 2, 0);
      return 1 - (6 * d2) / (n * (n * n - 1));
    };
    expect(Math.abs(spearman(one))).toBeLessThan(0.6);
    expect(Math.abs(spearman(two))).toBeLessThan(0.6);
  });
});
