// Releases end to end over HTTP: computed on a snapshot, reviewed, approved or discarded by a
// named person, downloaded by researchers only when approved; and the differencing attack on two
// overlapping releases, run on the downloaded bundles alone.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, jsonRequest, type TestApp, type TestUser } from '../support/app';
import { definitionFile, instanceId } from '../support/factories';
import { checkK } from '../support/kcheck';
import { bundleOf } from '../support/bundle';
import { approvedLedgers, insertReleaseStatements } from '../../src/storage/releases';
import { CHUNK, stageChunks } from '../../src/datasets/releases';
import { toBase64 } from '../../src/shared/base64';

const K = 3;
const definition = {
  title: 'Routes',
  disclosure: { k: K, l: 1, maxGlobalRisk: 0.5 },
  elements: [
    { type: 'radiogroup', name: 'sex', sdcRole: 'quasi', choices: ['m', 'f'] },
    { type: 'radiogroup', name: 'age_band', sdcRole: 'quasi', choices: ['18-24', '25-34', '35-44'] },
    {
      type: 'dropdown',
      name: 'nationality',
      sdcRole: 'quasi',
      choices: ['ERI', 'SDN', 'NGA', 'MLI'],
      sdcRecode: { kind: 'merge-rare', min: 6, into: 'other' },
    },
    { type: 'radiogroup', name: 'route', sdcRole: 'sensitive', choices: ['central', 'western'] },
    // Published as collected: stands for the many answers that let an attacker link two releases.
    { type: 'text', name: 'order', inputType: 'number', sdcRole: 'none' },
  ],
};

/** 40 records a country; NGA and MLI are rare in one country and common across both. */
function answers(i: number) {
  const j = i % 40;
  const nationality = j < 4 ? 'NGA' : j < 6 ? 'MLI' : j % 2 ? 'ERI' : 'SDN';
  return {
    sex: j % 3 ? 'm' : 'f',
    age_band: ['18-24', '25-34', '35-44'][j % 3]!,
    nationality,
    route: j % 4 ? 'central' : 'western',
    order: i,
  };
}

function bundle(bytes: Uint8Array) {
  const b = bundleOf(bytes);
  return { files: b.files, ...b.csv('routes.csv') };
}

describe('releases', () => {
  let t: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  let researcher: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    t = createTestApp();
    await t.publish([definitionFile(definition, { questionnaireId: 'routes' })]);
    admin = await t.user('admin', { countries: ['*'] });
    coordinator = await t.user('coordinator', { countries: ['TUN', 'LBY'] });
    researcher = await t.user('researcher', { countries: ['TUN', 'LBY'] });
    outsider = await t.user('researcher', { countries: ['LBY'] });
    for (let i = 0; i < 80; i++) {
      const res = await t.app.request(
        '/api/v1/questionnaires/routes/versions/1/responses',
        jsonRequest('POST', { instanceId: instanceId(), data: answers(i), country: i < 40 ? 'TUN' : 'LBY' }, admin.headers),
      );
      expect(res.status, await res.clone().text()).toBe(201);
    }
  }, 60_000);
  afterAll(() => t.close());

  const post = (u: TestUser, path: string, body: unknown = {}) => t.app.request(`/api/v1${path}`, jsonRequest('POST', body, u.headers));
  const get = (u: TestUser, path: string) => t.app.request(`/api/v1${path}`, { headers: u.headers });
  const create = async (u: TestUser, body: unknown) => {
    const res = await post(u, '/questionnaires/routes/releases', body);
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as {
      id: string;
      number: number;
      state: string;
      countries: string[];
      records: number;
      snapshotHash: string;
      bundle: { sha256: string; bytes: number };
      parameters: any;
      report: any;
    };
  };
  const download = async (u: TestUser, id: string) => {
    const res = await get(u, `/releases/${id}/bundle`);
    expect(res.status, await res.clone().text()).toBe(200);
    return new Uint8Array(await res.arrayBuffer());
  };

  it('is computed by a coordinator, reviewed, approved by a named person, and only then downloaded by researchers of its countries', async () => {
    const r = await create(coordinator, { countries: ['TUN'], note: 'first look' });
    expect(r).toMatchObject({ number: 1, state: 'pending', countries: ['TUN'], records: 40 });
    expect(r.parameters.applied).toMatchObject({ k: K, l: 1, maxGlobalRisk: 0.5 });
    expect(r.report.passed).toBe(true);
    expect(r.snapshotHash).toMatch(/^[0-9a-f]{64}$/);
    // Pending: invisible to researchers, who may not compute, approve or export ad hoc either.
    expect((await (await get(researcher, '/questionnaires/routes/releases')).json()).items).toEqual([]);
    expect((await get(researcher, `/releases/${r.id}`)).status).toBe(404);
    expect((await get(researcher, `/releases/${r.id}/bundle`)).status).toBe(404);
    expect((await post(researcher, `/releases/${r.id}/approve`)).status).toBe(403);
    expect((await post(researcher, '/questionnaires/routes/releases')).status).toBe(403);
    expect((await get(researcher, '/questionnaires/routes/export?profile=public')).status).toBe(403);
    // The coordinator reviews the very bytes researchers will get.
    const reviewed = await download(coordinator, r.id);
    expect(createHash('sha256').update(reviewed).digest('hex')).toBe(r.bundle.sha256);
    const approved = await (await post(coordinator, `/releases/${r.id}/approve`, { note: 'checked the report' })).json();
    expect(approved).toMatchObject({ state: 'approved', decidedBy: `user:${coordinator.id}`, note: 'checked the report' });
    expect((await post(admin, `/releases/${r.id}/discard`)).status).toBe(409);
    const got = await download(researcher, r.id);
    expect(createHash('sha256').update(got).digest('hex')).toBe(r.bundle.sha256);
    const b = bundle(got);
    expect(checkK(b.header, b.rows, ['country', 'sex', 'age_band', 'nationality']).below(K)).toBe(0);
    // A researcher without Tunisia in scope does not see it.
    expect((await get(outsider, `/releases/${r.id}`)).status).toBe(404);
    const audit = await (await get(admin, `/audit?target=${r.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'release.approve',
      'release.create',
      'release.download',
      'release.download',
    ]);
    const created = audit.items.find((e: { action: string }) => e.action === 'release.create');
    expect(created.details).toMatchObject({
      questionnaireId: 'routes',
      applied: { k: K, l: 1, maxGlobalRisk: 0.5, maxIndividualRisk: 1 / K },
      snapshotHash: r.snapshotHash,
      note: 'first look',
    });
  });

  it('holds one pending release at a time; a discarded one keeps its record and loses its bundle', async () => {
    const r = await create(admin, {});
    const staged = () => t.handle.sqlite.prepare('select count(*) as n from staged_chunks').get();
    // Its bundle was staged as it was made, then moved in by the transaction that recorded it.
    expect(staged()).toEqual({ n: 0 });
    expect(t.handle.sqlite.prepare('select count(*) as n from release_chunks where release_id = ?').get(r.id)).toEqual({ n: 1 });
    expect((await post(coordinator, '/questionnaires/routes/releases', {})).status).toBe(409);
    // The refused computation staged its bundle too, and nothing of it is left.
    expect(staged()).toEqual({ n: 0 });
    // A coordinator of fewer countries does not see a release of more.
    const narrow = await t.user('coordinator', { countries: ['TUN'] });
    expect((await post(narrow, `/releases/${r.id}/discard`)).status).toBe(404);
    expect((await (await post(admin, `/releases/${r.id}/discard`, { note: 'wrong filters' })).json()).state).toBe('discarded');
    expect((await get(admin, `/releases/${r.id}/bundle`)).status).toBe(409);
    expect(t.handle.sqlite.prepare('select count(*) as n from release_chunks where release_id = ?').get(r.id)).toEqual({ n: 0 });
  });

  it('refuses looser thresholds and data that cannot meet the policy, and audits both', async () => {
    const loose = await post(coordinator, '/questionnaires/routes/releases', { k: 2 });
    expect(loose.status).toBe(403);
    expect((await loose.json()).error.code).toBe('policy_loosened');
    const strict = await post(coordinator, '/questionnaires/routes/releases', { k: 60 });
    expect(strict.status).toBe(422);
    const audit = await (await get(admin, '/audit?action=release.refused')).json();
    expect(audit.items.map((e: any) => e.details.reason).sort()).toEqual(['disclosure_risk', 'policy_loosened']);
  });

  it('is reproducible: the same parameters on the same snapshot give the same treated rows', async () => {
    const a = await create(coordinator, { countries: ['LBY'] });
    const rowsA = bundle(await download(coordinator, a.id))
      .rows.map((r) => r.slice(1).join())
      .sort();
    await post(coordinator, `/releases/${a.id}/discard`);
    const b = await create(coordinator, { countries: ['LBY'] });
    expect(b.snapshotHash).toBe(a.snapshotHash);
    expect(
      bundle(await download(coordinator, b.id))
        .rows.map((r) => r.slice(1).join())
        .sort(),
    ).toEqual(rowsA);
    await post(coordinator, `/releases/${b.id}/discard`);
  });

  it('cannot be differenced: linking the rows of an earlier release of one country with a later one of all countries reveals no record', async () => {
    // Release 1 (Tunisia) is approved above. Release 2 holds every country.
    const second = await create(admin, {});
    await post(admin, `/releases/${second.id}/approve`);
    const list = (await (await get(researcher, '/questionnaires/routes/releases')).json()).items as Array<{ id: string; number: number }>;
    const [one, two] = [list.find((r) => r.number === 1)!, list.find((r) => r.id === second.id)!];
    const a = bundle(await download(researcher, one.id));
    const b = bundle(await download(researcher, two.id));
    // The attacker links rows on what both publish as collected, and keeps from each release
    // whatever it says more precisely (a value over a blank, a code over 'other').
    const qi = ['sex', 'age_band', 'nationality'];
    const col = (x: { header: string[] }, c: string) => x.header.indexOf(c);
    const byOrder = new Map(a.rows.map((r) => [r[col(a, 'order')]!, r]));
    const finer = (x: string, y: string) => (x === '.s' || x === 'other' ? y : x);
    const combined = b.rows.map((rb) => {
      const ra = byOrder.get(rb[col(b, 'order')]!);
      return [rb[col(b, 'country')]!, ...qi.map((c) => (ra ? finer(ra[col(a, c)]!, rb[col(b, c)]!) : rb[col(b, c)]!))];
    });
    expect(byOrder.size).toBe(40);
    expect(combined.filter((r) => r[0] === 'TUN')).toHaveLength(40);
    // No record is alone (or in a class below k) on what the attacker now knows.
    const header = ['country', ...qi];
    expect(checkK(header, combined, header).below(K)).toBe(0);
    // Each release on its own is k-anonymous too (strictly).
    expect(checkK(b.header, b.rows, header).below(K)).toBe(0);
    // The Tunisian records are published exactly as in the first release.
    for (const rb of b.rows.filter((r) => r[col(b, 'country')] === 'TUN')) {
      const ra = byOrder.get(rb[col(b, 'order')]!)!;
      expect(qi.map((c) => rb[col(b, c)])).toEqual(qi.map((c) => ra[col(a, c)]));
    }
    expect(second.parameters).toMatchObject({ priorRecords: 40, newRecords: 40 });
  });

  it('streams a stored bundle of many chunks exactly, and ends a download whose stored bundle changed in an error', async () => {
    // A bundle of 5 MB stands in the stored one: 27 chunks of base64, read 16 at a time.
    const r = await create(admin, { countries: ['LBY'] });
    const payload = new Uint8Array(5 * 2 ** 20);
    for (let i = 0; i < payload.length; i += 65_536) crypto.getRandomValues(payload.subarray(i, i + 65_536));
    const text = Buffer.from(payload).toString('base64');
    t.sql('delete from release_chunks where release_id = ?', r.id);
    let chunks = 0;
    for (; chunks * 196_608 < text.length; chunks++)
      t.sql(
        'insert into release_chunks (release_id, n, data) values (?, ?, ?)',
        r.id,
        chunks,
        text.slice(chunks * 196_608, (chunks + 1) * 196_608),
      );
    expect(chunks).toBeGreaterThan(16);
    t.sql(
      'update releases set bundle_sha256 = ?, bundle_bytes = ? where id = ?',
      createHash('sha256').update(payload).digest('hex'),
      payload.length,
      r.id,
    );
    const res = await get(admin, `/releases/${r.id}/bundle`);
    expect(res.headers.get('content-length')).toBe(String(payload.length));
    expect(Buffer.compare(new Uint8Array(await res.arrayBuffer()), payload)).toBe(0);
    // One stored character changed: the bytes no longer hash to what the release recorded.
    t.sql("update release_chunks set data = 'AAAA' || substr(data, 5) where release_id = ? and n = ?", r.id, chunks - 1);
    const changed = await get(admin, `/releases/${r.id}/bundle`);
    await expect(changed.arrayBuffer()).rejects.toThrow(/does not match its record/);
    await post(admin, `/releases/${r.id}/discard`);
  });

  it('stores a ledger in chunks of one D1 value each, staged as it is made, reads it back whole, and still reads a ledger stored whole', async () => {
    // A ledger of 375,000 bytes, 500,000 characters stored (a release of about 19,000 records)
    // where D1 takes 2 MB a value, staged in pieces of every size as a release makes it.
    let seed = 5;
    const bytes = Uint8Array.from({ length: 375_000 }, () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) >>> 24);
    const ledger = toBase64(bytes);
    const pieces = function* () {
      for (let at = 0, size = 1; at < bytes.length; at += size, size = (size * 7 + 3) % 70_001) yield bytes.subarray(at, at + size);
    };
    await stageChunks({ atomic: t.handle.atomic, clock: t.clock }, 'ledger-upload', pieces());
    const release = (id: string) => ({
      id,
      questionnaireId: 'routes',
      countries: ['TUN'],
      parameters: {},
      snapshotHash: 'test',
      records: 1,
      bundleSha256: 'test',
      bundleBytes: 0,
      report: {},
      createdBy: 'test',
      createdAt: new Date(),
    });
    await t.handle.atomic((db) => insertReleaseStatements(db, release('chunked-ledger'), { bundle: 'none', ledger: 'ledger-upload' }));
    expect(t.handle.sqlite.prepare('select count(*) as n from staged_chunks').get()).toEqual({ n: 0 });
    t.sql("update releases set state = 'approved' where id = 'chunked-ledger'");
    const rows = t.handle.sqlite
      .prepare("select n, length(data) as chars from release_ledger_chunks where release_id = 'chunked-ledger' order by n")
      .all() as Array<{ n: number; chars: number }>;
    expect(rows.length).toBe(Math.ceil(500_000 / CHUNK));
    expect(Math.max(...rows.map((r) => r.chars))).toBeLessThanOrEqual(CHUNK);
    expect(t.handle.sqlite.prepare("select ledger from releases where id = 'chunked-ledger'").get()).toEqual({ ledger: '' });
    // A release recorded before the ledger was chunked: its ledger whole in its row.
    t.sql(
      "insert into releases (id, questionnaire_id, seq, state, countries, parameters, snapshot_hash, records, bundle_sha256, bundle_bytes, report, ledger, created_by, created_at) values ('whole-ledger', 'routes', 1000, 'approved', '[]', '{}', 'x', 1, 'x', 0, '{}', ?, 'test', 0)",
      'whole',
    );
    // Read back a few chunks at a time (here two: this ledger is three chunks), in order and
    // joined as they were staged.
    const ledgers = await approvedLedgers(t.handle.db, 'routes', 2);
    const text = async (chunks: AsyncIterable<string>) => {
      let all = '';
      for await (const c of chunks) all += c;
      return all;
    };
    const bySeq = new Map(await Promise.all(ledgers.map(async (l) => [l.seq, await text(l.chunks)] as const)));
    expect([...bySeq.values()].filter((l) => l === ledger)).toHaveLength(1);
    expect(bySeq.get(1000)).toBe('whole');
  });
});
