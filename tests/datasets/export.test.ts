// Dataset bundles over HTTP: layout across versions, repeat tables, profiles, planted identifiers,
// k-anonymity checked by an independent counter, options, filters, scope and audit.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, jsonRequest, tempDir, type TestApp, type TestUser } from '../support/app';
import { openFiles, runCli } from '../support/process';
import { definitionFile, instanceId } from '../support/factories';
import { checkK } from '../support/kcheck';
import { bundleOf, type Bundle } from '../support/bundle';

const yesNo = ['yes', 'no'];
const v1 = {
  title: 'Planted',
  languages: ['en', 'fr'],
  elements: [
    { type: 'text', name: 'full_name', sdcRole: 'direct' },
    { type: 'text', name: 'contact' },
    {
      type: 'radiogroup',
      name: 'sex',
      sdcRole: 'quasi',
      choices: [
        { value: 'm', text: { default: 'Male', fr: 'Homme' } },
        { value: 'f', text: { default: 'Female', fr: 'Femme' } },
      ],
    },
    { type: 'text', name: 'age', inputType: 'number', sdcRole: 'quasi', sdcRecode: { kind: 'bands', breaks: [18, 30, 45] } },
    { type: 'dropdown', name: 'nationality', sdcRole: 'quasi', choices: ['GIN', 'SDN', 'ERI', 'SYR', 'NGA'] },
    { type: 'text', name: 'left_on', inputType: 'date', sdcRole: 'date' },
    { type: 'radiogroup', name: 'used_smuggler', choices: yesNo },
    {
      type: 'checkbox',
      name: 'abuse',
      sdcRole: 'sensitive',
      visibleIf: "{used_smuggler} = 'yes'",
      choices: ['violence', 'extortion', 'detention', 'none'],
    },
    { type: 'comment', name: 'notes' },
    { type: 'radiogroup', name: 'reasons', choices: ['economic', 'conflict'] },
    {
      type: 'paneldynamic',
      name: 'legs',
      templateElements: [
        { type: 'dropdown', name: 'leg_country', choices: ['NE', 'LY', 'TN'] },
        { type: 'text', name: 'cost', inputType: 'number', sdcRole: 'sensitive' },
        { type: 'text', name: 'guide' },
      ],
    },
  ],
};
// The newest version's policy applies: these 60 records cannot reach the default thresholds.
const v2 = {
  ...v1,
  disclosure: { k: 3, l: 1, maxGlobalRisk: 0.5 },
  elements: [...v1.elements.filter((e) => e.name !== 'reasons'), { type: 'radiogroup', name: 'would_return', choices: yesNo }],
};

const PLANTED = ['Amadou Diallo', '+218 91 555 0101', 'amadou@example.org', 'Guide Ibrahim', 'Fatima Zahra'];

function answers(i: number, version: 1 | 2): Record<string, unknown> {
  const common = i % 10 !== 9; // one in ten is a rare combination that needs suppression
  return {
    full_name: i === 0 ? PLANTED[0] : `Person ${i}`,
    contact: i === 1 ? PLANTED[1] : i === 2 ? PLANTED[2] : 'none',
    sex: i % 2 ? 'm' : 'f',
    age: common ? 20 + (i % 2) : 50 + i,
    nationality: common ? 'GIN' : ['SDN', 'ERI', 'SYR', 'NGA'][i % 4],
    left_on: `2026-0${1 + (i % 3)}-1${i % 10}`,
    used_smuggler: i % 3 ? 'yes' : 'no',
    ...(i % 3 ? { abuse: i % 2 ? ['violence', 'extortion'] : ['none'] } : {}),
    notes: i === 3 ? `=cmd|' /C calc'!A0 met ${PLANTED[4]}` : 'ok',
    ...(version === 1 ? { reasons: 'economic' } : { would_return: 'no' }),
    legs: [
      { leg_country: 'NE', cost: 300 + i, guide: i === 4 ? PLANTED[3] : 'x' },
      { leg_country: 'LY', cost: 1000 },
    ],
  };
}

/** An admin running an export from code (no HTTP request), as the benchmark and the CLI do. */
const operator = {
  actor: 'test',
  userId: 'test',
  role: 'admin' as const,
  countries: '*' as const,
  questionnaires: '*' as const,
  site: null,
  via: 'session' as const,
};

describe('dataset export', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let researcher: TestUser;
  let admin: TestUser;
  const N = 60;

  beforeAll(async () => {
    t = createTestApp();
    await t.publish([definitionFile(v1, { questionnaireId: 'planted' }), definitionFile(v2, { questionnaireId: 'planted', version: '2' })]);
    admin = await t.user('admin', { countries: ['*'] });
    coordinator = await t.user('coordinator', { countries: ['TUN', 'LBY'] });
    researcher = await t.user('researcher', { countries: ['TUN'] });
    for (let i = 0; i < N; i++) {
      const version = i < N / 2 ? 1 : 2;
      const res = await t.app.request(
        `/api/v1/questionnaires/planted/versions/${version}/responses`,
        jsonRequest(
          'POST',
          { instanceId: instanceId(), data: answers(i, version), country: i % 4 === 0 ? 'LBY' : 'TUN', site: 'Sfax' },
          admin.headers,
        ),
      );
      expect(res.status, await res.clone().text()).toBe(201);
      t.clock.advance(3_600_000);
    }
  }, 60_000);
  afterAll(() => t.close());

  const exportAs = async (u: TestUser, query: string) => {
    const res = await t.app.request(`/api/v1/questionnaires/planted/export?${query}`, { headers: u.headers });
    if (res.status !== 200) return { res, bundle: undefined, error: await res.clone().text() };
    return { res, bundle: bundleOf(new Uint8Array(await res.arrayBuffer())), error: '' };
  };

  it('writes the full bundle: union of versions, repeat table, codebook, scripts, manifest with counts and checksums', async () => {
    const { res, bundle } = await exportAs(coordinator, 'profile=full');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('x-periplus-rows')).toBe(String(N));
    const b = bundle!;
    expect(Object.keys(b.files).sort()).toEqual([
      'README.txt',
      'codebook.csv',
      'load.R',
      'load.do',
      'load.sps',
      'manifest.json',
      'planted-legs.csv',
      'planted.csv',
    ]);
    expect(Object.keys(b.files).at(-1)).toBe('manifest.json');
    const main = b.csv('planted.csv');
    expect(b.hasBom('planted.csv')).toBe(true);
    expect(main.rows).toHaveLength(N);
    expect(main.header).toEqual(
      expect.arrayContaining(
        ['KEY', 'version', 'country', 'reasons', 'would_return', 'abuse', 'abuse-Comment'].filter((h) => h !== 'abuse-Comment'),
      ),
    );
    const col = (name: string) => main.header.indexOf(name);
    const first = main.rows[0]!;
    expect(first[col('version')]).toBe('1');
    expect(first[col('would_return')]).toBe('');
    expect(main.rows.at(-1)![col('reasons')]).toBe('');
    // Not asked (skip logic) is not the same as no answer.
    const notAsked = main.rows.find((r) => r[col('used_smuggler')] === 'no')!;
    expect(notAsked[col('abuse')]).toBe('.n');
    const legs = b.csv('planted-legs.csv');
    expect(legs.header.slice(0, 2)).toEqual(['PARENT_KEY', 'KEY']);
    expect(legs.rows).toHaveLength(2 * N);
    expect(legs.rows[0]![0]).toBe(first[0]);
    expect(legs.rows[0]![1]).toBe(`${first[0]}/legs[1]`);
    // Formula cells are masked; planted values typed in free text exist in full (it is the full
    // profile), but a direct identifier (sdcRole direct) leaves in no profile, full included.
    expect(b.all).not.toContain(PLANTED[0]);
    expect(main.header).not.toContain('full_name');
    expect(b.files['planted.csv']).toContain(`,'=cmd|' /C calc'!A0 met ${PLANTED[4]},`);
    expect(b.files['planted.csv']).toContain(`'${PLANTED[1]}`);
    const manifest = JSON.parse(b.files['manifest.json']!);
    expect(manifest).toMatchObject({ questionnaire: 'planted', profile: 'full', responses: N, versions: ['1', '2'] });
    for (const f of manifest.files) {
      const bytes = new TextEncoder().encode((b.hasBom(f.name) ? '\uFEFF' : '') + b.files[f.name]!);
      expect(f.bytes, f.name).toBe(bytes.length);
      expect(f.sha256, f.name).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(manifest.files.find((f: { name: string }) => f.name === 'planted.csv').rows).toBe(N);
    expect(manifest.files.find((f: { name: string }) => f.name === 'planted-legs.csv').rows).toBe(2 * N);
    const codebook = b.csv('codebook.csv');
    const age = codebook.rows.find((r) => r[1] === 'age')!;
    expect(age).toEqual(['planted.csv', 'age', 'age', 'number', '', '1 2', 'quasi-identifier', '']);
    expect(codebook.rows.find((r) => r[1] === 'reasons')![5]).toBe('1');
    expect(b.files['load.R']).toContain('factor(');
    expect(b.files['load.do']).toContain('label variable');
    expect(b.files['load.sps']).toContain("VALUE LABELS sex 'm' 'Male' 'f' 'Female'.");
  });

  it('never lets a planted identifier out in the pseudonymized profile, with stable pseudonyms and shifted dates', async () => {
    const one = (await exportAs(coordinator, 'profile=pseudonymized')).bundle!;
    const two = (await exportAs(coordinator, 'profile=pseudonymized')).bundle!;
    for (const planted of PLANTED) expect(one.all).not.toContain(planted);
    const ids = (t.handle.sqlite.prepare('select instance_id from responses').all() as Array<{ instance_id: string }>).map(
      (r) => r.instance_id,
    );
    for (const id of ids) expect(one.all).not.toContain(id);
    const main = one.csv('planted.csv');
    expect(main.header).not.toContain('full_name');
    expect(main.header).not.toContain('contact');
    expect(main.header).not.toContain('notes');
    expect(one.csv('planted-legs.csv').header).not.toContain('guide');
    expect(main.rows.map((r) => r[0])).toEqual(two.csv('planted.csv').rows.map((r) => r[0]));
    const left = main.header.indexOf('left_on');
    const submitted = main.header.indexOf('submitted_date');
    const original = `2026-01-10`;
    expect(main.rows[0]![left]).not.toBe(original);
    // The shift is one offset per record: the interval between two dates of a record is kept.
    const days = (a: string, b: string) => (Date.parse(a) - Date.parse(b)) / 86_400_000;
    expect(days(main.rows[0]![submitted]!, main.rows[0]![left]!)).toBe(days('2026-11-01', original));
  });

  it('makes the public profile strictly k-anonymous within country, checked independently, and drops identifiers', async () => {
    const { res, bundle, error } = await exportAs(coordinator, 'profile=public&k=5&maxGlobalRisk=0.3');
    expect(res.status, error).toBe(200);
    const b = bundle!;
    for (const planted of PLANTED) expect(b.all).not.toContain(planted);
    const main = b.csv('planted.csv');
    const report = JSON.parse(b.files['risk-report.json']!);
    expect(report.passed).toBe(true);
    const keyColumns = ['country', ...report.parameters.quasiIdentifiers];
    expect(report.parameters.quasiIdentifiers).toEqual(['submitted_quarter', 'sex', 'age', 'nationality', 'left_on']);
    expect(checkK(main.header, main.rows, keyColumns).below(5)).toBe(0);
    expect(main.rows.some((r) => r.includes('.s'))).toBe(true);
    const age = main.header.indexOf('age');
    expect(new Set(main.rows.map((r) => r[age]))).toEqual(
      new Set(['18-29', '45+', '.s'].filter((v) => main.rows.some((r) => r[age] === v))),
    );
    expect(main.rows.every((r) => ['18-29', '45+', '.s'].includes(r[age]!))).toBe(true);
    expect(main.rows.every((r) => /^(\d{4}-\d{2}|\.s)$/.test(r[main.header.indexOf('left_on')]!))).toBe(true);
    expect(b.files['risk-report.html']).toContain('Violators of k-anonymity');
    expect(b.files['README.txt']).toContain('.s       suppressed by statistical disclosure control');
    expect(b.csv('codebook.csv').rows.find((r) => r[1] === 'age')![7]).toMatch(/^k-anonymity key \(k=5\)/);
  });

  it('gives public rows random keys that link main and repeat tables within an export and nothing across exports', async () => {
    const one = (await exportAs(coordinator, 'profile=public&k=5&maxGlobalRisk=0.3')).bundle!;
    const two = (await exportAs(coordinator, 'profile=public&k=5&maxGlobalRisk=0.3')).bundle!;
    const keys = (b: Bundle) => b.csv('planted.csv').rows.map((r) => r[0]!);
    expect(keys(one).every((k) => /^[0-9a-f]{16}$/.test(k))).toBe(true);
    expect(new Set(keys(one)).size).toBe(N);
    expect(keys(two).filter((k) => keys(one).includes(k))).toEqual([]);
    const legs = one.csv('planted-legs.csv').rows;
    expect(legs).toHaveLength(2 * N);
    expect(legs.map((r) => r[0]!)).toEqual(keys(one).flatMap((k) => [k, k]));
    // The same records, the same treatment: only the keys and the order differ between the two
    // exports (rows are shuffled anew each time, so two downloads do not line up row by row).
    const body = (b: Bundle) => b.csv('planted.csv').rows.map((r) => r.slice(1).join());
    expect([...body(two)].sort()).toEqual([...body(one)].sort());
    expect(body(two)).not.toEqual(body(one));
  });

  it('writes a public dataset as the responses were when it was prepared: an edit made while it streams neither reaches it nor breaks it', async () => {
    const { prepareExport, exportStream } = await import('../../src/datasets/export');
    const { exportSpec } = await import('../../src/datasets/request');
    const deps = { db: t.deps.db, clock: t.clock, pseudonymKey: new Uint8Array(32) };
    const spec = exportSpec(operator, 'planted', { profile: 'public', k: 5, maxGlobalRisk: 0.3 });
    const prepared = await prepareExport(deps, spec);
    // An edit that would move one record to another, rare class after suppression was decided.
    const row = t.handle.sqlite
      .prepare(`select seq, data from responses where questionnaire_id = 'planted' order by seq limit 1`)
      .get() as { seq: number; data: string };
    t.sql('update responses set data = ? where seq = ?', JSON.stringify({ ...JSON.parse(row.data), nationality: 'SYR', age: 70 }), row.seq);
    let edited: Bundle;
    try {
      edited = bundleOf(new Uint8Array(await new Response(exportStream(deps, prepared)).arrayBuffer()));
    } finally {
      t.sql('update responses set data = ? where seq = ?', row.data, row.seq);
    }
    expect(JSON.parse(edited.files['manifest.json']!).responses).toBe(N);
    const main = edited.csv('planted.csv');
    expect(checkK(main.header, main.rows, ['country', ...prepared.sdc!.report.parameters.quasiIdentifiers]).below(5)).toBe(0);
    // The same rows, treated the same, as an export of the unedited responses.
    const again = bundleOf(new Uint8Array(await new Response(exportStream(deps, await prepareExport(deps, spec))).arrayBuffer())).csv(
      'planted.csv',
    );
    expect(main.rows.map((r) => r.slice(1).join()).sort()).toEqual(again.rows.map((r) => r.slice(1).join()).sort());
  });

  it('keeps the rows between its passes in a temporary file it closes, whether the bundle is written, cancelled or refused', async () => {
    const { prepareExport, exportStream } = await import('../../src/datasets/export');
    const { exportSpec } = await import('../../src/datasets/request');
    const { fileSpill } = await import('../../src/entry/spill');
    const { nodeCompression } = await import('../../src/entry/compression');
    const spills: Array<{ taken: number; closed: boolean }> = [];
    const deps = {
      db: t.deps.db,
      clock: t.clock,
      pseudonymKey: new Uint8Array(32),
      compression: nodeCompression,
      spill: () => {
        const file = fileSpill();
        const seen = { taken: 0, closed: false };
        spills.push(seen);
        return {
          put: (b: Uint8Array) => file.put(b),
          take: (h: number) => (seen.taken++, file.take(h)),
          close: () => ((seen.closed = true), file.close()),
        };
      },
    };
    const spec = exportSpec(operator, 'planted', { profile: 'public', k: 5, maxGlobalRisk: 0.3 });
    // Written: every row came back from the file, and the bundle is the one memory gives.
    const written = bundleOf(new Uint8Array(await new Response(exportStream(deps, await prepareExport(deps, spec))).arrayBuffer()));
    expect(spills[0]).toEqual({ taken: expect.any(Number), closed: true });
    expect(spills[0]!.taken).toBeGreaterThan(0);
    expect(written.csv('planted.csv').rows).toHaveLength(N);
    // Cancelled after its first piece.
    const reader = exportStream(deps, await prepareExport(deps, spec)).getReader();
    await reader.read();
    await reader.cancel();
    expect(spills[1]!.closed).toBe(true);
    // Refused: the thresholds fail after the rows were filed.
    await expect(prepareExport(deps, exportSpec(operator, 'planted', { profile: 'public', k: 100 }))).rejects.toThrow(/thresholds/);
    expect(spills[2]!.closed).toBe(true);
    expect(openFiles('periplus-spill-')).toBe(0);
  });

  it('refuses a public dataset that cannot meet its thresholds, saying why', async () => {
    const { res } = await exportAs(coordinator, 'profile=public&k=100');
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('disclosure_risk');
    expect(body.error.message).toMatch(/classes smaller than k=100/);
  });

  it('merges the rare values of a sensitive variable in public output, as its rule says, before l-diversity is measured', async () => {
    const rare = {
      title: 'Routes',
      disclosure: { k: 3, l: 1, maxGlobalRisk: 0.5 },
      elements: [
        { type: 'radiogroup', name: 'sex', sdcRole: 'quasi', choices: ['m', 'f'] },
        {
          type: 'dropdown',
          name: 'route',
          sdcRole: 'sensitive',
          sdcRecode: { kind: 'merge-rare', min: 5, into: 'other' },
          choices: ['central', 'western', 'eastern', 'atlantic'],
        },
      ],
    };
    await t.publish([definitionFile(rare, { questionnaireId: 'routes' })]);
    // 14 central, 13 western, 2 eastern, 1 atlantic: the last two are rare (fewer than 5 records).
    const routes = [...Array(14).fill('central'), ...Array(13).fill('western'), 'eastern', 'eastern', 'atlantic'];
    for (const [i, route] of routes.entries()) {
      const res = await t.app.request(
        '/api/v1/questionnaires/routes/versions/1/responses',
        jsonRequest('POST', { instanceId: instanceId(), data: { sex: i % 2 ? 'm' : 'f', route }, country: 'TUN' }, admin.headers),
      );
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const res = await t.app.request('/api/v1/questionnaires/routes/export?profile=public&k=3&l=2&maxGlobalRisk=0.5', {
      headers: coordinator.headers,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const b = bundleOf(new Uint8Array(await res.arrayBuffer()));
    const main = b.csv('routes.csv');
    const values = main.rows.map((r) => r[main.header.indexOf('route')]!);
    expect(values).toHaveLength(routes.length);
    expect(values).not.toContain('eastern');
    expect(values).not.toContain('atlantic');
    expect(values.filter((v) => v === 'other')).toHaveLength(3);
    expect(values.filter((v) => v === 'central')).toHaveLength(14);
    const codebook = b.csv('codebook.csv');
    expect(codebook.rows.find((r) => r[1] === 'route')!.at(-1)).toBe(
      "l-diversity (l=2); values of fewer than 5 records merged into 'other'",
    );
  });

  it('gives researchers no ad-hoc export: anonymized data reaches them through approved releases only', async () => {
    for (const profile of ['full', 'pseudonymized', 'public'])
      expect((await exportAs(researcher, `profile=${profile}&k=3&maxGlobalRisk=0.4`)).res.status).toBe(403);
  });

  it('applies labels in a language, split multiple choice, filters and masking options', async () => {
    const b = (await exportAs(coordinator, 'profile=full&labels=true&lang=fr&split=true&version=2&mask=false&bom=false')).bundle!;
    const main = b.csv('planted.csv');
    expect(b.hasBom('planted.csv')).toBe(false);
    expect(main.rows).toHaveLength(N / 2);
    expect(main.header).not.toContain('reasons');
    expect(main.rows.map((r) => r[main.header.indexOf('sex')])).toContain('Homme');
    expect(main.header).toEqual(expect.arrayContaining(['abuse.violence', 'abuse.extortion', 'abuse.detention', 'abuse.none']));
    const flags = main.rows.map((r) => r[main.header.indexOf('abuse.violence')]);
    expect(new Set(flags)).toEqual(new Set(['0', '1', '.n']));
    const late = (await exportAs(coordinator, `profile=full&from=${encodeURIComponent('2026-11-02T12:00:00Z')}`)).bundle!;
    expect(late.csv('planted.csv').rows.length).toBeLessThan(N);
    const approved = (await exportAs(coordinator, 'profile=full&reviewState=approved')).bundle!;
    expect(approved.csv('planted.csv').rows).toHaveLength(0);
    expect((await exportAs(coordinator, 'profile=secret')).res.status).toBe(400);
  });

  it('exports from the command line into a folder, with progress, audited as the operator', async () => {
    const out = tempDir();
    try {
      const res = await runCli(['export', 'planted', '--profile', 'pseudonymized', '--db', t.dbFile, '--out', out.dir]);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stderr).toContain(`${N}/${N} responses`);
      const [file] = readdirSync(out.dir);
      expect(file).toMatch(/^planted-pseudonymized-\d{8}-\d{6}\.zip$/);
      expect(statSync(join(out.dir, file!)).mode & 0o777).toBe(0o600);
      const b = bundleOf(new Uint8Array(readFileSync(join(out.dir, file!))));
      expect(b.csv('planted.csv').rows).toHaveLength(N);
      for (const planted of PLANTED) expect(b.all).not.toContain(planted);
      const refused = await runCli(['export', 'planted', '--profile', 'public', '--k', '100', '--db', t.dbFile, '--out', out.dir]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('fails its disclosure thresholds');
    } finally {
      out.cleanup();
    }
    const entries = t.handle.sqlite.prepare("select actor from audit_log where action = 'dataset.export' and actor = 'cli'").all();
    expect(entries).toHaveLength(1);
  });

  it('writes every export to the audit log with profile, filters and row count', async () => {
    await exportAs(coordinator, 'profile=full&country=LBY');
    const res = await t.app.request('/api/v1/audit?action=dataset.export&limit=1', { headers: admin.headers });
    const [entry] = (await res.json()).items;
    expect(entry).toMatchObject({
      actor: `user:${coordinator.id}`,
      targetId: 'planted',
      details: { profile: 'full', rows: N / 4, filters: { countries: ['LBY'] } },
    });
  });
});

describe('csvLine', () => {
  it('writes a line exactly as csv-stringify does, awkward cells and formula masking included', async () => {
    const { csvLine } = await import('../../src/datasets/csv-cells');
    const { stringify } = await import('csv-stringify/sync');
    const cells = ['plain', '', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', ' spaced ', 'Dédé «ع»', '=1+1', '-5', '+', '@x', '12.5e3'];
    expect(csvLine(cells, false)).toBe(stringify([cells]));
    const masked = cells.map((c) => (/^[=+\-@\t\r]/.test(c) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(c) ? `'${c}` : c));
    expect(csvLine(cells, true)).toBe(stringify([masked]));
  });
});

describe('packCells', () => {
  it('gives back the same cells, separator characters inside a cell included', async () => {
    const { packCells, unpackCells } = await import('../../src/datasets/shuffle');
    for (const cells of [['a', '', 'b c', 'ع'], ['x\u0001y', 'z'], [''], ['j', 's']]) expect(unpackCells(packCells(cells))).toEqual(cells);
  });
});

describe('a shuffle bucket', () => {
  it('gives back every row by position, rows of one position in the order they came, across compressed blocks', async () => {
    const { Bucket } = await import('../../src/datasets/shuffle');
    const bucket = new Bucket();
    const from = 32_768;
    const span = 3_000;
    // Positions filed out of order, some twice (repeat rows of one response), texts of every size:
    // empty, non-ASCII, and one larger than a block.
    const filed: Array<[number, number, number, number, string]> = [];
    for (let i = 0; i < span; i++) {
      const position = from + ((i * 1_777) % span);
      const times = i % 7 === 0 ? 2 : 1;
      for (let k = 0; k < times; k++) {
        const text = i === 5 ? 'x'.repeat(200_000) : i % 11 === 0 ? '' : `row ${i}.${k} «ع» ${'é'.repeat(i % 50)}`;
        filed.push([position, i, k, 2 ** 40 + i, text]);
        bucket.add(position, i, k, 2 ** 40 + i, text);
      }
    }
    const seen: Array<[number, number, number, number, string]> = [];
    bucket.take(from, span, (position, a, b, c, text) => seen.push([position, a, b, c, text]));
    const expected = [...filed].sort((x, y) => x[0] - y[0] || x[2] - y[2]);
    expect(seen).toEqual(expected);
    // Taken once: the bucket is empty afterwards.
    const again: unknown[] = [];
    bucket.take(from, span, (...row) => again.push(row));
    expect(again).toEqual([]);
  });
});
