// The loading scripts of a bundle, run in the real programs: R (load.R) and GNU PSPP (load.sps,
// SPSS syntax). Needs Debian's r-base-core and pspp: `npm run test:stats` (CI installs them).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, jsonRequest, tempDir } from '../support/app';
import { definitionFile, instanceId } from '../support/factories';
import { seedRealistic } from '../support/realistic';

const definition = {
  title: 'Loaders',
  elements: [
    {
      type: 'radiogroup',
      name: 'sex',
      choices: [
        { value: 'm', text: 'Male' },
        { value: 'f', text: "Female 'quoted'" },
      ],
    },
    { type: 'text', name: 'age', inputType: 'number' },
    { type: 'radiogroup', name: 'score', choices: [1, 2, 3] },
    { type: 'boolean', name: 'ok' },
    { type: 'radiogroup', name: 'smuggler', choices: ['yes', 'no'] },
    { type: 'radiogroup', name: 'paid', visibleIf: "{smuggler} = 'yes'", choices: ['cash', 'hawala'] },
    {
      type: 'paneldynamic',
      name: 'legs',
      templateElements: [
        { type: 'dropdown', name: 'leg_country', choices: ['NE', 'LY'] },
        { type: 'text', name: 'cost', inputType: 'number' },
      ],
    },
  ],
};

describe('loading scripts in R and PSPP', () => {
  const tmp = tempDir();
  beforeAll(async () => {
    const t = createTestApp();
    await t.publish([definitionFile(definition, { questionnaireId: 'loaders' })]);
    const admin = await t.user('admin', { countries: ['*'] });
    for (let i = 0; i < 6; i++) {
      const data = {
        sex: i % 2 ? 'm' : 'f',
        age: 20 + i,
        score: 1 + (i % 3),
        ok: i % 2 === 0,
        smuggler: i < 3 ? 'yes' : 'no',
        ...(i < 3 ? { paid: 'cash' } : {}),
        legs: [
          { leg_country: 'NE', cost: 100 * i },
          { leg_country: 'LY', cost: 5 },
        ],
      };
      const res = await t.app.request(
        '/api/v1/questionnaires/loaders/versions/1/responses',
        jsonRequest('POST', { instanceId: instanceId(), country: 'TUN', data }, admin.headers),
      );
      expect(res.status).toBe(201);
    }
    const res = await t.app.request('/api/v1/questionnaires/loaders/export?profile=full', { headers: admin.headers });
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(await res.arrayBuffer()))))
      writeFileSync(join(tmp.dir, name), bytes);
    t.close();
  });
  afterAll(() => tmp.cleanup());

  it('load.R gives factors with labels, numbers, NA for "not asked", and the repeat table', () => {
    const out = execFileSync(
      'Rscript',
      [
        '-e',
        [
          'source("load.R")',
          'm <- periplus[["main"]]; l <- periplus[["legs"]]',
          'cat("rows", nrow(m), nrow(l), "\\n")',
          'cat("sex", levels(m$sex), "\\n")',
          'cat("age", class(m$age), sum(m$age), "\\n")',
          'cat("ok", as.character(m$ok[1]), "\\n")',
          'cat("paid_na", sum(is.na(m$paid)), "\\n")',
          'cat("label", attr(m$sex, "label"), "\\n")',
          'cat("legs", as.character(l$leg_country[2]), l$PARENT_KEY[1] == m$KEY[1], "\\n")',
        ].join('; '),
      ],
      { cwd: tmp.dir, encoding: 'utf8' },
    );
    expect(out).toContain('rows 6 12');
    expect(out).toContain("sex Male Female 'quoted'");
    expect(out).toContain('age numeric 135');
    expect(out).toContain('ok Yes');
    expect(out).toContain('paid_na 3');
    expect(out).toContain('legs LY TRUE');
  });

  it('load.sps reads every file into its own dataset with variable and value labels (GNU PSPP)', () => {
    writeFileSync(
      join(tmp.dir, 'check.sps'),
      [
        'INSERT FILE="load.sps".',
        'DATASET ACTIVATE main.',
        'FREQUENCIES /VARIABLES=sex ok paid.',
        'DATASET ACTIVATE legs.',
        'FREQUENCIES /VARIABLES=leg_country.',
        '',
      ].join('\n'),
    );
    const out = execFileSync('pspp', ['-O', 'format=txt', 'check.sps'], { cwd: tmp.dir, encoding: 'utf8' });
    expect(out).not.toMatch(/error|warning/i);
    expect(out).toContain("Female 'quoted'");
    expect(out).toMatch(/Valid Yes|Yes\s*\|\s*3/);
    expect(out).toMatch(/Missing\s+\.n\s*\|\s*3/);
    expect(out).toContain('LY');
  });
});

// Interviews of version 3 (versions 3 and 4 published), and of version 5 with every shipped version
// published: its release spans the columns of all five.
describe.each([
  { label: 'version 3', shipped: false },
  { label: 'version 5, every shipped version published', shipped: true },
])('a public release of realistic interviews ($label) in R and PSPP', ({ shipped }) => {
  const tmp = tempDir();
  let header: string[] = [];
  let rows: string[][] = [];
  beforeAll(async () => {
    const t = createTestApp();
    await seedRealistic(t, 2000, { shipped });
    const admin = await t.user('admin', { countries: ['*'] });
    const created = await t.app.request('/api/v1/questionnaires/migrant-scoping/releases', jsonRequest('POST', {}, admin.headers));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const bytes = new Uint8Array(await (await t.app.request(`/api/v1/releases/${id}/bundle`, { headers: admin.headers })).arrayBuffer());
    for (const [name, data] of Object.entries(unzipSync(bytes))) writeFileSync(join(tmp.dir, name), data);
    const [h, ...r] = parse(readFileSync(join(tmp.dir, 'migrant-scoping.csv'), 'utf8'), { bom: true }) as string[][];
    header = h!;
    rows = r;
    t.close();
  }, 120_000);
  afterAll(() => tmp.cleanup());

  it('load.R reads every published value: recoded bands, regions and years are levels, nothing turns NA', () => {
    // Per column: values present in the CSV (not empty, .n or .s) and values left after loading.
    const out = execFileSync(
      'Rscript',
      [
        '-e',
        [
          'source("load.R")',
          'm <- periplus[["main"]]',
          'for (n in names(m)) cat(n, sum(!is.na(m[[n]])), "\\n")',
          'cat("age_levels", levels(m$age_band), "\\n")',
        ].join('; '),
      ],
      { cwd: tmp.dir, encoding: 'utf8' },
    );
    const loaded = new Map(
      out
        .trim()
        .split('\n')
        .map((l) => l.trim().split(' '))
        .filter((p) => p.length === 2)
        .map(([n, c]) => [n!, Number(c)]),
    );
    const lost = header.filter((name, j) => {
      const present = rows.filter((r) => r[j] !== '' && !r[j]!.startsWith('.')).length;
      return loaded.get(name) !== present;
    });
    expect(lost).toEqual([]);
    expect(out).toMatch(/age_levels \S+/);
  });

  it('load.sps labels the published categories of recoded variables (GNU PSPP)', () => {
    writeFileSync(
      join(tmp.dir, 'check.sps'),
      ['INSERT FILE="load.sps".', 'DATASET ACTIVATE main.', 'FREQUENCIES /VARIABLES=age_band nationality left_month.', ''].join('\n'),
    );
    const out = execFileSync('pspp', ['-O', 'format=txt', 'check.sps'], { cwd: tmp.dir, encoding: 'utf8' });
    expect(out).not.toMatch(/error/i);
    const codebook = parse(readFileSync(join(tmp.dir, 'codebook.csv'), 'utf8'), { bom: true }) as string[][];
    const nationality = codebook.find((r) => r[1] === 'nationality')!;
    // Every published nationality category is in the codebook, so SPSS has its label.
    const published = new Set(rows.map((r) => r[header.indexOf('nationality')]!).filter((v) => v && !v.startsWith('.')));
    for (const value of published) expect(nationality[4]).toContain(`${value}=`);
  });
});
