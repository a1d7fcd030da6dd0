// A release of realistic scoping interviews, attacked the way the outside review did: with each
// scenario's knowledge against the published rows, with what the full export says of everyone,
// and through the interview language. The attacks read only bundles (no exporter code).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPING_DISCLOSURE } from '../../scripts/questionnaires/scoping-disclosure';
import { createTestApp, jsonRequest, type TestApp, type TestUser } from '../support/app';
import { checkK } from '../support/kcheck';
import { bundleOf, type Table } from '../support/bundle';
import { seedRealistic } from '../support/realistic';

const N = 3000;
const PLANTED = ['Moussa Kone +223 70 12 34 56', 'passport B1234567'];

// M49 membership for the attacker (the codebook publishes the category names; the UN publishes the standard).
const M49: Record<string, [string, string]> = Object.fromEntries(
  Object.entries({
    'Northern Africa|Africa': ['DZA', 'EGY', 'LBY', 'MAR', 'SDN', 'TUN'],
    'Western Africa|Africa': ['BFA', 'CIV', 'GMB', 'GHA', 'GIN', 'MLI', 'NER', 'NGA', 'SEN'],
    'Middle Africa|Africa': ['CMR', 'TCD'],
    'Eastern Africa|Africa': ['ERI', 'ETH', 'SOM'],
    'Southern Asia|Asia': ['AFG', 'BGD', 'IRN', 'PAK'],
    'Western Asia|Asia': ['IRQ', 'SYR', 'TUR'],
  }).flatMap(([k, codes]) => codes.map((c) => [c, k.split('|') as [string, string]])),
);

/** Recodings the questionnaire itself declares (sdcRecode maps, public in its definition), by variable. */
const declaredMaps = new Map<string, Record<string, string>>();

/** Whether a published cell can stand for a collected value (the attacker reads the codebook's categories so). */
function covers(published: string, raw: string, variable = ''): boolean {
  if (published === raw || published === '.s') return true;
  const mapped = declaredMaps.get(variable)?.[raw];
  if (mapped !== undefined && mapped !== raw) return covers(published, mapped);
  if (raw === '' || raw.startsWith('.')) return published === raw;
  const [sub, region] = M49[raw] ?? [];
  if (published === sub || published === region) return true;
  if (/^\d{4}$/.test(published)) return raw.startsWith(published);
  const q = /^(\d{4})-Q([1-4])$/.exec(published);
  const m = /^(\d{4})-(\d{2})$/.exec(raw) ?? (/^(\d{4})-Q([1-4])$/.exec(raw) && [raw, raw.slice(0, 4), String(Number(raw.slice(-1)) * 3)]);
  if (q && m) return q[1] === m[1] && Math.ceil(Number(m[2]) / 3) === Number(q[2]);
  const h = /^(\d{4})-H([12])$/.exec(published);
  if (h && m) return h[1] === m[1] && (Number(m[2]) <= 6 ? '1' : '2') === h[2];
  const band = /^(?:(\d+)-(\d+)|(\d+)\+|<(\d+))$/.exec(published);
  const from = /^(\d+)(?:-(\d+)|\+)?$/.exec(raw);
  if (band && from) {
    const [lo, hi] = band[1]
      ? [Number(band[1]), Number(band[2])]
      : band[3]
        ? [Number(band[3]), Infinity]
        : [-Infinity, Number(band[4]) - 1];
    const rawLo = Number(from[1]);
    const rawHi = from[2] ? Number(from[2]) : raw.endsWith('+') ? Infinity : rawLo;
    return rawLo >= lo && rawHi <= hi;
  }
  return false;
}

// Two collections: interviews of version 3 under version 4's policy, and interviews of version 5
// with every shipped version published (as `npm start` publishes them), whose release spans the
// columns of all five versions under version 5's policy: variables an earlier version asked are
// empty for every record, and version 5 asks who did what for each form of abuse (sparse).
const COLLECTIONS = [
  { label: 'interviews of version 3, released under version 4', shipped: false, absent: ['enumerator_sex', 'sea_crossings'] },
  { label: 'interviews of version 5, every shipped version published', shipped: true, absent: [] as string[] },
];

describe.each(COLLECTIONS)('a release of realistic $label, attacked', ({ shipped, absent: neverAsked }) => {
  let t: TestApp;
  let admin: TestUser;
  let release: Table;
  let full: Table;
  let report: any;
  let releaseText = '';

  beforeAll(async () => {
    t = createTestApp();
    admin = await t.user('admin', { countries: ['*'] });
    const answered = await seedRealistic(t, N, { shipped, plant: (i) => (i % 500 === 0 ? PLANTED[(i / 500) % 2] : undefined) });
    const questions = (elements: any[]): any[] => elements.flatMap((q) => [q, ...questions(q.elements ?? q.templateElements ?? [])]);
    for (const page of answered.pages)
      for (const q of questions(page.elements)) if (q.sdcRecode?.kind === 'map') declaredMaps.set(q.name, q.sdcRecode.map);
    const created = await t.app.request('/api/v1/questionnaires/migrant-scoping/releases', jsonRequest('POST', {}, admin.headers));
    expect(created.status, (await created.clone().text()).slice(0, 3000)).toBe(201);
    const r = (await created.json()) as { id: string; report: unknown };
    report = r.report;
    const released = bundleOf(
      new Uint8Array(await (await t.app.request(`/api/v1/releases/${r.id}/bundle`, { headers: admin.headers })).arrayBuffer()),
    );
    release = released.csv('migrant-scoping.csv');
    releaseText = released.all;
    full = bundleOf(
      new Uint8Array(
        await (await t.app.request('/api/v1/questionnaires/migrant-scoping/export?profile=full', { headers: admin.headers })).arrayBuffer(),
      ),
    ).csv('migrant-scoping.csv');
  }, 120_000);
  afterAll(() => t.close());

  // What an attacker knows and the release carries: with versions 3 and 4 only, the variables
  // version 5 asks in place of theirs (sea_crossings, enumerator_sex) are absent, and nothing else is.
  const known = (sc: { knows: string[] }) => sc.knows.filter((v) => release.header.includes(v));
  it('carries every variable an attacker knows that a published version asks', () => {
    const absent = SCOPING_DISCLOSURE.scenarios.flatMap((sc) => sc.knows.filter((v) => !release.header.includes(v)));
    expect([...new Set(absent)].sort()).toEqual(neverAsked);
  });

  it('passes the policy on every scenario, each checked independently and strictly', () => {
    expect(report.passed).toBe(true);
    expect(release.rows).toHaveLength(N);
    for (const sc of SCOPING_DISCLOSURE.scenarios)
      expect(checkK(release.header, release.rows, ['country', ...known(sc)]).below(5), sc.name).toBe(0);
    expect(report.scenarios.map((s: { name: string; passed: boolean }) => [s.name, s.passed])).toEqual(
      SCOPING_DISCLOSURE.scenarios.map((s) => [s.name, true]),
    );
  });

  it('lets no scenario single anyone out: every collected record is covered by at least k published rows', () => {
    for (const sc of SCOPING_DISCLOSURE.scenarios) {
      const vars = ['country', ...known(sc)];
      const pub = release.rows.map((r) => vars.map((v) => r[release.header.indexOf(v)]!));
      // Published rows grouped by their values: the attacker matches a target against each class once.
      const classes = new Map<string, { cells: string[]; n: number }>();
      for (const p of pub) {
        const key = p.join('\u0000');
        classes.set(key, { cells: p, n: (classes.get(key)?.n ?? 0) + 1 });
      }
      const below: number[] = [];
      for (const r of full.rows) {
        const raw = vars.map((v) => r[full.header.indexOf(v)]!);
        let candidates = 0;
        for (const c of classes.values()) if (c.cells.every((cell, j) => covers(cell, raw[j]!, vars[j]))) candidates += c.n;
        if (candidates < 5) below.push(candidates);
      }
      expect(below, `${sc.name}: records an attacker narrows to fewer than k rows`).toEqual([]);
    }
  });

  it('does not let the interview language restore a nationality it withheld', () => {
    const lang = release.col('interview_language');
    const nat = release.col('nationality');
    const country = release.col('country');
    const groups = new Map<string, Set<string>>();
    nat.forEach((n, i) => {
      if (n === '.s') return;
      const key = `${country[i]}\u0000${lang[i]}`;
      groups.set(key, (groups.get(key) ?? new Set()).add(n));
    });
    const restored = nat.filter((n, i) => n === '.s' && groups.get(`${country[i]}\u0000${lang[i]}`)?.size === 1 && lang[i] !== '.s');
    expect(restored).toEqual([]);
  });

  it('blanks for l-diversity only cells that show a value, and measures a variable only against attackers who do not know it', () => {
    const shown = (name: string) => full.col(name).filter((c) => c !== '' && !c.startsWith('.')).length;
    const sensitive = Object.keys(report.minL as Record<string, unknown>);
    expect(sensitive.length).toBeGreaterThan(10);
    const overcounted = sensitive
      .map((name) => [name, report.suppressions[name]?.count ?? 0, shown(name)])
      .filter(([, blanked, values]) => blanked > values);
    expect(overcounted).toEqual([]);
    // Every sensitive variable keeps most of its values (none is blanked whole for want of
    // diversity); one an attacker knows may be withheld whole by the recoding, which says so.
    const withheld = (name: string) => report.recoding?.levels[name]?.describe === 'withheld';
    const lost = sensitive.filter(
      (name) => shown(name) >= 50 && !withheld(name) && release.col(name).filter((c) => c === '.s').length > shown(name) / 2,
    );
    expect(lost).toEqual([]);
  });

  it('lets no planted identifier out, and keeps suppression under 10% on every variable', () => {
    const all = releaseText;
    for (const p of PLANTED) expect(all).not.toContain(p);
    expect(all).not.toContain('00000000-0000-4000-8000-');
    const over = Object.entries(report.informationLoss as Record<string, { suppressedPercent: number }>).filter(
      ([, l]) => l.suppressedPercent >= 10,
    );
    expect(over).toEqual([]);
  });
});
