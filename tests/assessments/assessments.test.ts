// The shipped questionnaires, gap-analysis scoring on worked examples, reports over HTTP, the
// consent-refusal path (nothing kept), assessor agreement and the fieldwork dashboard.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreement, weightedKappa } from '../../src/assessments/agreement';
import { comparability, removedElements } from '../../src/assessments/comparability';
import { assess, elementsOf, isGoodPractice, score, type ElementDef, type Status } from '../../src/assessments/scoring';
import { directionOf, translationsOf } from '../../src/questionnaires/translations';
import { lintDefinition } from '../../src/questionnaires/lint';
import { SHIPPED, surveyText } from '../../scripts/questionnaires/build';
import { createTestApp, jsonRequest, type TestApp, type TestUser } from '../support/app';
import { columnsFor } from '../../src/datasets/columns';
import { datasetLayout } from '../../src/datasets/variables';
import { bundleOf } from '../support/bundle';
import { definitionFile, instanceId } from '../support/factories';
import { generateFullResponse } from '../support/generate';

const SURVEYS = join(import.meta.dirname, '../../surveys');
const load = (file: string) => JSON.parse(readFileSync(join(SURVEYS, file), 'utf8')) as Record<string, unknown>;

const el = (id: string, over: Partial<ElementDef> = {}): ElementDef => ({
  id,
  question: `${id}_status`,
  prefix: id,
  article: 'SOM 6(1)',
  articleGroup: 'SOM 6',
  cluster: 'criminalization',
  obligation: 'M',
  core: false,
  essence: false,
  title: id,
  signature: '',
  ...over,
});

describe('gap-analysis scoring (domain.md D)', () => {
  const elements = Array.from({ length: 14 }, (_, i) =>
    el(`E${i + 1}`, i === 13 ? { id: 'S6.3a', question: 'S6_3a_status', core: true, article: 'SOM 6(3)(a)' } : {}),
  );
  const statuses = (list: Status[]) => elements.map((e, i) => ({ e, status: list[i]! }));
  const nine3two: Status[] = [...Array<Status>(9).fill('fully'), ...Array<Status>(3).fill('partly'), 'not', 'not'];

  it('9 fully, 3 partly, 2 not met -> 21/28 = 75%, largely compliant', () => {
    const s = score(statuses(nine3two).map(({ e, status }) => ({ e: { ...e, core: false }, status })));
    expect(s.confirmed).toEqual({ points: 21, max: 28, percent: 75 });
    expect(s.band).toBe('largely');
    expect(s.counts).toEqual({ fully: 9, partly: 3, not: 2, na: 0, nd: 0 });
  });

  it('makes the cluster non-compliant, not amber, when a core element (6(3)) is among those not met', () => {
    // The same counts, with the core element S6.3a one of the two not met.
    const s = score(statuses(nine3two));
    expect(s.coreNotMet).toEqual(['S6.3a']);
    const capped = assess(elements, Object.fromEntries(elements.map((e, i) => [e.question, nine3two[i]])));
    expect(capped.clusters[0]!.score).toMatchObject({
      band: 'non',
      uncapped: 'largely',
      confirmed: { percent: 75 },
      rules: [{ rule: 'core-not-met', elements: ['S6.3a'] }],
    });
    expect(capped.coreNotMet.map((r) => r.e.id)).toEqual(['S6.3a']);
    // Without the core element among them, no rule applies.
    const swapped: Status[] = [...nine3two.slice(0, 11), 'not', 'not', 'fully'];
    expect(score(statuses(swapped))).toMatchObject({ band: 'largely', coreNotMet: [], rules: [] });
  });

  // The three cases of the UNODC review (issue 20), on the shipped gap analysis's own elements.
  describe.each(['1', '2'])('rules that keep a score from flattering, each on its worked example (gap analysis %s)', (version) => {
    const all = elementsOf(load(`som-gap-analysis/${version}.json`));
    const criminalization = all.filter((e) => e.cluster === 'criminalization' && !isGoodPractice(e.obligation));
    const answers = (over: Record<string, Status>) =>
      Object.fromEntries(all.map((e) => [e.question, over[e.id] ?? (isGoodPractice(e.obligation) ? 'not' : 'fully')]));
    const cluster = (a: ReturnType<typeof assess>) => a.clusters.find((c) => c.cluster === 'criminalization')!.score;

    it('a law without the smuggling offence itself (6(1)(a) not met) is non-compliant on criminalization, not 96% amber', () => {
      const a = assess(all, answers({ 'S6.1a': 'not' }));
      expect(cluster(a).band).toBe('non');
      expect(cluster(a).confirmed.percent).toBe(0);
      expect(cluster(a).rules.map((r) => r.rule)).toEqual(['essence', 'core-not-met']);
      expect(a.articles.find((x) => x.article === 'SOM 6')!.score.band).toBe('non');
      expect(a.coreIssues.map((r) => r.e.id)).toEqual(['S6.1a']);
    });

    it('6(1)(a) not determined leaves criminalization not rated, never largely compliant', () => {
      const a = assess(all, answers({ 'S6.1a': 'nd' }));
      expect(cluster(a).band).toBe('unrated');
      expect(cluster(a).rules).toEqual([{ rule: 'core-not-determined', elements: ['S6.1a'] }]);
      expect(a.coreIssues.map((r) => [r.e.id, r.status])).toEqual([['S6.1a', 'nd']]);
    });

    it('every core element partly met cannot be largely compliant (was 92.9%)', () => {
      const partly = Object.fromEntries(all.filter((e) => e.core).map((e) => [e.id, 'partly' as Status]));
      const a = assess(all, answers(partly));
      for (const c of a.clusters.filter((x) => x.score.counts.partly > 0)) expect(['partially', 'non'], c.cluster).toContain(c.score.band);
      expect(['partially', 'non']).toContain(a.legal.band);
      expect(a.legal.rules.length).toBeGreaterThan(0);
      // Where the offence itself is not among them, the core rule alone holds the band.
      const withoutEssence = assess(all, answers({ ...partly, 'S6.1a': 'fully' }));
      const sea = withoutEssence.clusters.find((c) => c.score.counts.partly > 0 && c.cluster !== 'criminalization')!;
      expect(sea.score.band).toBe('partially');
      expect(sea.score.rules.map((r) => r.rule)).toEqual(['core-partly']);
    });

    it('the offence itself partly met caps its article and cluster at 50%: attempts, participation and aggravation cannot outweigh it', () => {
      const a = assess(all, answers({ 'S6.1a': 'partly' }));
      const article6 = a.articles.find((x) => x.article === 'SOM 6')!.score;
      expect(article6.confirmed.percent).toBe(50);
      expect(article6.rules.map((r) => r.rule)).toEqual(['essence']);
      expect(article6.band).toBe('partially');
      expect(cluster(a).confirmed.percent).toBeLessThanOrEqual(50);
      expect(criminalization.find((e) => e.id === 'S6.1a')!.essence).toBe(true);
      expect(criminalization.filter((e) => e.essence)).toHaveLength(1);
    });

    it('percentages are whole numbers, with their counts', () => {
      const a = assess(all, answers({ 'S6.2a': 'partly' }));
      for (const s of [a.legal, ...a.clusters.map((c) => c.score)]) expect(Number.isInteger(s.confirmed.percent ?? 0)).toBe(true);
    });
  });

  // Version 2's corrections, each on the case a reviewer raised against version 1.
  describe('gap analysis 2: what the treaty does not require never caps a score', () => {
    const all = elementsOf(load('som-gap-analysis/2.json'));
    const answers = (over: Record<string, Status>) => Object.fromEntries(all.map((e) => [e.question, over[e.id] ?? 'fully']));
    const cluster = (a: ReturnType<typeof assess>, c: string) => a.clusters.find((x) => x.cluster === c)!.score;

    it('a maximum penalty under four years (S6.1f not met) leaves criminalization compliant: guidance, not an obligation', () => {
      const a = assess(all, answers({ 'S6.1f': 'not' }));
      expect(cluster(a, 'criminalization')).toMatchObject({ band: 'compliant', rules: [] });
      expect(a.coreIssues).toEqual([]);
      expect(a.goodPractice.counts.not).toBe(1);
    });

    it('a State party to no refugee instrument (Libya: S19.3 not applicable) is not capped on protection', () => {
      const a = assess(all, answers({ 'S19.3': 'na' }));
      expect(cluster(a, 'protection')).toMatchObject({ band: 'compliant', rules: [] });
    });

    it('irregular-exit offences used against smuggled migrants (S5.3 not met) count against criminalization', () => {
      const a = assess(all, answers({ 'S5.3': 'not' }));
      expect(cluster(a, 'criminalization').confirmed.percent).toBeLessThan(100);
      expect(a.articles.find((x) => x.article === 'SOM 5')!.score.band).not.toBe('compliant');
    });

    it('an accomplice offence for possessing a document (6(1)(b)(ii)) is subject to basic concepts; for the other offences it is mandatory', () => {
      expect(all.find((e) => e.id === 'S6.2b')!.obligation).toBe('M');
      expect(all.find((e) => e.id === 'S6.2b.ii')!.obligation).toBe('C');
      expect(all.find((e) => e.id === 'S6.3d')!.obligation).toBe('C');
    });
  });

  it('confirmed counts "not determined" as 0, provisional leaves it out; N/A leaves both; O elements score apart', () => {
    const withNd: Status[] = [...nine3two.slice(0, 12), 'nd', 'na'];
    const s = score(statuses(withNd));
    expect(s.confirmed).toEqual({ points: 21, max: 26, percent: 81 });
    expect(s.provisional).toEqual({ points: 21, max: 24, percent: 88 });
    const half = score(statuses(['fully', 'nd', 'nd', 'fully', ...Array<Status>(10).fill('na')]));
    expect(half.hatched).toBe(true);
    const optional = [el('O1', { obligation: 'O' }), el('M1')];
    const a = assess(optional, { O1_status: 'not', M1_status: 'fully' });
    expect(a.legal.confirmed).toEqual({ points: 2, max: 2, percent: 100 });
    expect(a.goodPractice.confirmed).toEqual({ points: 0, max: 2, percent: 0 });
    expect(score([]).band).toBe('na');
  });

  it('weighted kappa: 1 for identical ratings, the textbook value otherwise, and the differences listed', () => {
    expect(
      weightedKappa([
        [0, 0],
        [1, 1],
        [2, 2],
      ]),
    ).toBe(1);
    // Linear weights, 3x3: observed disagreement 2/10, expected 0.5 -> kappa = 1 - 0.2/0.5... computed by hand:
    const pairs: Array<[number, number]> = [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 1],
      [2, 2],
      [2, 2],
      [2, 1],
      [0, 0],
      [1, 2],
      [2, 2],
    ];
    // po = (3 disagreements x 0.5) / 10 = 0.15; row totals 3,3,4; column totals 2,4,4;
    // pe = sum |i-j|/2 * r_i c_j / 100 = (0.5*(3*4 + 3*2 + 3*4 + 4*4) + 1*(3*4 + 4*2)) / 100 = 0.43
    expect(weightedKappa(pairs)).toBeCloseTo(1 - 0.15 / 0.43, 10);
    const els = [el('A'), el('B'), el('C')];
    const r = agreement(
      els,
      { A_status: 'fully', B_status: 'partly', C_status: 'na' },
      { A_status: 'fully', B_status: 'not', C_status: 'nd' },
    );
    expect(r.compared).toBe(2);
    expect(r.differences.map((d) => [d.id, d.a, d.b])).toEqual([
      ['B', 'partly', 'not'],
      ['C', 'na', 'nd'],
    ]);
  });
});

describe('the shipped questionnaires', () => {
  it('are what the sources build (npm run surveys:build leaves no diff)', () => {
    for (const s of SHIPPED) expect(readFileSync(join(SURVEYS, s.file), 'utf8'), s.file).toBe(surveyText(s.build()));
  });

  it('gap analysis 1 stays as it was published: its core elements included the four-year penalty', () => {
    expect(
      elementsOf(load('som-gap-analysis/1.json'))
        .filter((e) => e.core)
        .map((e) => e.id)
        .sort(),
    ).toEqual(['S16.1', 'S18.1', 'S19.1', 'S5.1', 'S6.1a', 'S6.1b', 'S6.1c', 'S6.1f', 'S6.3a', 'S6.3b']);
  });

  it('gap analysis 2: every element shows the treaty text it tests (English and French), with article, cluster, obligation and the A.0 template; core elements are treaty duties', () => {
    const def = load('som-gap-analysis/2.json');
    const elements = elementsOf(def);
    expect(elements.length).toBeGreaterThanOrEqual(60);
    expect(new Set(elements.map((e) => e.cluster))).toEqual(new Set(['criminalization', 'sea', 'prevention', 'protection', 'cooperation']));
    for (const e of elements) expect(e.article, e.id).toMatch(e.obligation === 'G' ? /^Good practice \(/ : /^(SOM|UNTOC) \d/);
    expect(
      elements
        .filter((e) => e.core)
        .map((e) => e.id)
        .sort(),
    ).toEqual(['S16.1', 'S18.1', 'S19.1', 'S5.1', 'S6.1a', 'S6.1b', 'S6.1c', 'S6.3a', 'S6.3b']);
    // No core element is good practice or conditional, and no element mixes two obligation kinds.
    for (const e of elements.filter((x) => x.core)) expect(e.obligation, e.id).toBe('M');
    const panels = new Map<string, Record<string, any>>();
    const walk = (n: any) => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') {
        if (n.type === 'panel' && typeof n.name === 'string' && n.name.startsWith('element_')) panels.set(n.name.slice(8), n);
        for (const k of ['pages', 'elements']) if (k in n) walk(n[k]);
      }
    };
    walk(def);
    for (const e of elements) {
      const panel = panels.get(e.prefix)!;
      const [treaty, status] = panel.elements as Array<Record<string, any>>;
      expect(treaty!.type, e.id).toBe('html');
      // The quoted paragraph is the one the element cites: its article number appears in the quote's reference.
      const articleNo = e.article.match(/(?:SOM|UNTOC) (\d+)/)?.[1];
      if (articleNo) expect(treaty!.html.default, e.id).toMatch(new RegExp(`<strong>(SOM|UNTOC) ${articleNo}\\b`));
      expect(treaty!.html.fr, e.id).toMatch(/<blockquote class="treaty" lang="fr">/);
      expect(treaty!.html.ar, e.id).toContain('النص العربي الرسمي لم يُدرج');
      expect(status!.isRequired, e.id).toBe(true);
      // "Fully met" must cite the provision: instrument and article required when fully met.
      const cite = (panel.elements as Array<Record<string, any>>).filter((q) => /_(instrument|article)$/.test(q.name));
      expect(
        cite.map((q) => q.requiredIf),
        e.id,
      ).toEqual([`{${e.prefix}_status} = 'fully'`, `{${e.prefix}_status} = 'fully'`]);
    }
    // Arabic: "board and search" (اعتلاء ... وتفتيشها), never "search and search".
    expect(JSON.stringify(def)).not.toContain('بتفتيش السفينة وتفتيشها');
    const text = JSON.stringify(def);
    for (const field of ['status', 'instrument', 'article', 'in_force', 'evidence', 'gap', 'recommendation', 'priority', 'confidence'])
      expect(text).toContain(`"S6_3a_${field}"`);
    const t = translationsOf(def, def.languages as string[]);
    expect(t.map((x) => [x.lang, x.status, x.dir])).toEqual([
      ['en', 'source', 'ltr'],
      ['fr', 'machine-draft', 'ltr'],
      ['ar', 'machine-draft', 'rtl'],
    ]);
    expect(t.every((x) => x.coverage === 1)).toBe(true);
  });

  it.each(['3', '5'])(
    'scoping survey %s: M0-M9, eight languages with declared status and measured coverage, none posing as field-tested, the right direction each',
    (version) => {
      const def = load(`migrant-scoping/${version}.json`);
      const pages = (def.pages as Array<{ name: string }>).map((p) => p.name);
      for (const m of ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9'])
        expect(
          pages.some((p) => p.startsWith(`${m}_`)),
          m,
        ).toBe(true);
      const t = translationsOf(def, def.languages as string[]);
      expect(t.map((x) => x.lang)).toEqual(['en', 'fr', 'ar', 'fa', 'ps', 'ti', 'am', 'so']);
      expect(t.filter((x) => x.dir === 'rtl').map((x) => x.lang)).toEqual(['ar', 'fa', 'ps']);
      expect(t.filter((x) => x.status === 'field-tested')).toEqual([]);
      expect(t.slice(1).map((x) => [x.lang, x.status, x.coverage])).toEqual(
        ['fr', 'ar', 'fa', 'ps', 'ti', 'am', 'so'].map((l) => [l, 'machine-draft', 1]),
      );
      // Every question says its disclosure role; no direct identifier is asked.
      const roles = JSON.stringify(def).match(/"sdcRole":"[a-z-]+"/g) ?? [];
      expect(roles.some((r) => r.includes('"direct"'))).toBe(false);
      const questions = (def.pages as Array<{ elements: Array<{ type: string; sdcRole?: string; name: string }> }>)
        .flatMap((p) => p.elements)
        .filter((e) => e.type !== 'html');
      expect(questions.filter((q) => !q.sdcRole).map((q) => q.name)).toEqual([]);
      for (const banned of ['name', 'phone', 'passport', 'steer', 'gps'])
        expect(
          questions.some((q) => q.name.includes(banned)),
          banned,
        ).toBe(false);
    },
  );

  it('scoping survey 5: "prefer not to say" on every sensitive question, sea events told apart, no self-incriminating service, abuses per incident, the route in order', () => {
    const def = load('migrant-scoping/5.json');
    const all: Array<Record<string, any>> = [];
    const walk = (n: any) => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') {
        if (typeof n.name === 'string' && n.type) all.push(n);
        for (const k of ['pages', 'elements', 'templateElements']) if (k in n) walk(n[k]);
      }
    };
    walk(def.pages);
    const byName = new Map(all.map((q) => [q.name, q]));
    const values = (name: string) =>
      (byName.get(name)!.choices as Array<string | { value: string }>).map((c) => (typeof c === 'string' ? c : c.value));
    // Every sensitive closed question offers it; the amount's currency carries it for the amount.
    const sensitive = all.filter((q) => q.sdcRole === 'sensitive' && Array.isArray(q.choices));
    expect(sensitive.length).toBeGreaterThan(20);
    for (const q of sensitive) expect(values(q.name), q.name).toContain('refused');
    for (const name of ['reasons', 'main_reason', 'financing', 'intention', 'cost_basis', 'legs_count', 'cost_currency', 'sea_crossings'])
      expect(values(name), name).toContain('refused');
    expect(byName.get('cost_amount')!.visibleIf).toContain("{cost_currency} <> 'refused'");
    // Irregular exit is an offence in several countries of departure: sea questions are sensitive.
    expect(byName.get('sea_crossings')!.sdcRole).toBe('sensitive');
    expect(values('sea_events')).toEqual(expect.arrayContaining(['rescued', 'pulled_back', 'pushed_back']));
    expect(byName.has('sea_attempts')).toBe(false);
    expect(values('services')).not.toEqual(expect.arrayContaining(['documents']));
    expect(values('services')).not.toContain('bribes');
    // Experienced (the respondent) apart from witnessed (others), within two years, where and by whom per incident.
    expect(byName.get('abuse_experienced')!.title.default).toMatch(/last two years.*you yourself/);
    expect(byName.get('abuse_witnessed')!.title.default).toMatch(/people travelling with you or to others/);
    for (const kind of ['experienced', 'witnessed'])
      for (const incident of ['detention', 'held', 'kidnapping', 'sexual_violence']) {
        expect(byName.get(`abuse_${kind}_${incident}_where`)!.visibleIf).toBe(
          incident === 'sexual_violence' ? `{abuse_${kind}_sexual_violence} = 'yes'` : `{abuse_${kind}} contains '${incident}'`,
        );
        expect(values(`abuse_${kind}_${incident}_by`)).toContain('refused');
      }
    // Sexual violence: asked on its own, only by an enumerator of the respondent's sex.
    expect(values('abuse_experienced')).not.toContain('sexual_violence');
    expect(byName.get('abuse_experienced_sexual_violence')!.visibleIf).toBe('{enumerator_sex} = {sex}');
    // Detention by the authorities and being held by others are distinct in Arabic too.
    const abuseText = (v: string) => byName.get('abuse_experienced')!.choices.find((c: { value: string }) => c.value === v).text;
    expect(abuseText('detention').ar).toContain('السلطات');
    expect(abuseText('held').ar).toContain('ليسوا من السلطات');
    expect(byName.get('route_legs')!.type).toBe('paneldynamic');
    expect(byName.has('transit_countries')).toBe(false);
    for (const hub of [
      'Tripoli',
      'Sabratha',
      'Kufra',
      'Benghazi',
      'Zarzis',
      'Lampedusa',
      'Tangier',
      'Nador',
      'Laayoune',
      'Oran',
      'Maghnia',
      'Gao',
    ])
      expect(values('hub')).toContain(hub);
    for (const n of ['MRT', 'SLE', 'BEN', 'COD', 'YEM', 'PSE']) expect(values('nationality')).toContain(n);
    for (const l of ['bm', 'ff', 'wo', 'pcm', 'bn']) expect(values('interview_language')).toContain(l);
    for (const cur of ['DZD', 'EGP', 'NGN', 'XAF', 'XOF']) expect(values('cost_currency')).toContain(cur);
    expect(byName.get('enumerator_sex')!.isRequired).toBe(true);
    expect(values('distress_end')).toEqual(['no', 'referred', 'declined']);
    expect(byName.get('interview_month')!.inputType).toBe('month');
    expect(byName.get('left_month')!.inputType).toBe('month');
    // French: "pénibles", "migrants de retour".
    const text = JSON.stringify(def);
    expect(text).not.toContain('sont difficiles');
    expect(text).not.toContain('Personnes revenues');
  });

  it('scoping survey 5: a public release bands the cost in US dollars, converted at the rate of its own currency: 1,000 XOF is never banded with 1,000 EUR', () => {
    const def = load('migrant-scoping/5.json');
    const layout = datasetLayout([{ version: '5', definition: def }], { lang: '', splitMultiple: false });
    const keys = { pseudonymKey: new Uint8Array(32) };
    const cost = columnsFor('public', keys, '', layout.variables).find((c) => c.name === 'cost_amount')!;
    const inCurrency = (amount: string, currency: string) => cost.transform!(amount, {} as never, { cost_currency: currency });
    expect(inCurrency('1000', 'XOF')).toBe('0-499');
    expect(inCurrency('1000', 'EUR')).toBe('1000-1999');
    expect(inCurrency('1000000', 'XOF')).toBe('1000-1999');
    expect(inCurrency('3000', 'USD')).toBe('2000-4999');
    // No rate (another currency, or none given): blank, never banded as if it were dollars.
    expect(inCurrency('1000', 'other')).toBe('');
    expect(inCurrency('1000', '')).toBe('');
    // Pseudonymized data keep the amount and its currency as given.
    const pseudo = columnsFor('pseudonymized', keys, '', layout.variables);
    expect(pseudo.find((c) => c.name === 'cost_amount')!.transform).toBeUndefined();
    expect(pseudo.map((c) => c.name)).toContain('cost_currency');
  });

  it('refuses a field-tested status on a partial translation', () => {
    const def = { ...load('migrant-scoping/2.json'), translationStatus: { en: 'source', so: 'field-tested' } };
    expect(
      lintDefinition(def)
        .map((p) => p.message)
        .join(),
    ).toMatch(/'so' says field-tested, but only \d+% of the texts are translated/);
    expect(directionOf('ff-Adlm')).toBe('rtl');
    expect(directionOf('ti')).toBe('ltr');
  });

  it('institutional checklist 2: the sections the review asked for, every item linked to elements that exist, and every practice item the gap analysis dropped asked here', () => {
    const def = load('som-institutional/2.json');
    const pages = (def.pages as Array<{ name: string }>).map((p) => p.name);
    for (const section of ['situation', 'resources', 'maritime', 'corruption', 'training', 'humanitarian', 'prevention'])
      expect(pages).toContain(`actor_${section}`);
    const ids = new Set(elementsOf(load('som-gap-analysis/2.json')).map((e) => e.id));
    const text = JSON.stringify(def);
    for (const [, list] of text.matchAll(/"legalElements":\[([^\]]*)\]/g))
      for (const id of JSON.parse(`[${list}]`) as string[]) expect(ids.has(id), id).toBe(true);
    const moved = Object.values((def.versionNotes as { fromGapAnalysis: Record<string, string> }).fromGapAnalysis);
    for (const dropped of Object.keys(removedElements(load('som-gap-analysis/2.json')))) expect(moved, dropped).toContain(dropped);
    // Each answer records its source, a confidence and (for interviews) a key-informant reference, a direct identifier.
    expect(text).toContain('"name":"pt_consular_source"');
    expect(text).toMatch(
      /"name":"pt_consular_informant","title":\{[^}]*\},"visibleIf":"\{pt_consular_source\} contains 'interview'","maxLength":40,"sdcRole":"direct"/,
    );
  });

  it('says what changed between gap analysis 1 and 2, element by element', () => {
    const v1 = load('som-gap-analysis/1.json');
    const v2 = load('som-gap-analysis/2.json');
    const c = comparability(elementsOf(v1), elementsOf(v2), { ...removedElements(v1), ...removedElements(v2) });
    expect(c.changed).toContain('S6.1f');
    expect(c.notes['S6.1f']).toMatch(/good practice \(G\), never a cap; article .*; obligation M vs G; core true vs false/);
    expect(c.notes['S11.2']).toMatch(/obligation C vs O/);
    expect(c.onlyInFirst).toContain('U27.1');
    expect(c.notes['U27.1']).toMatch(/som-institutional 2/);
    expect(c.onlyInSecond).toContain('S5.3');
    expect(c.notes['S5.3']).toBe('new in version 2');
    expect(c.comparable).toContain('S6.1a');
    expect(c.comparable).not.toContain('S3.1');
    for (const id of [...c.changed, ...c.onlyInFirst, ...c.onlyInSecond]) expect(c.notes[id], id).toBeTruthy();
  });

  it('reports elements comparable across versions', () => {
    const a = elementsOf(load('som-gap-analysis/1.json'));
    const changed = a.map((e) => (e.id === 'S6.1f' ? { ...e, signature: `${e.signature}x` } : e)).filter((e) => e.id !== 'U27.1');
    const c = comparability(a, changed);
    expect(c.changed).toEqual(['S6.1f']);
    expect(c.onlyInFirst).toEqual(['U27.1']);
    expect(c.comparable).toHaveLength(a.length - 2);
  });
});

describe('over HTTP', () => {
  let t: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  let assessor: TestUser;
  let assessor2: TestUser;
  const submit = (u: TestUser, q: string, v: string, body: unknown) =>
    t.app.request(`/api/v1/questionnaires/${q}/versions/${v}/responses`, jsonRequest('POST', body, u.headers));

  beforeAll(async () => {
    t = createTestApp();
    const outcomes = await t.publish(
      SHIPPED.map((s) =>
        definitionFile(load(s.file), { questionnaireId: s.file.split('/')[0]!, version: s.file.split('/')[1]!.replace('.json', '') }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['published', 'published', 'published']);
    // Earlier versions stay published beside the newest: their responses stay readable and scored.
    const earlier: Array<[string, string]> = [
      ['som-gap-analysis', '1'],
      ['som-institutional', '1'],
      ['migrant-scoping', '4'],
    ];
    const firsts = await t.publish(earlier.map(([q, v]) => definitionFile(load(`${q}/${v}.json`), { questionnaireId: q, version: v })));
    expect(firsts.map((o) => o.status)).toEqual(['published', 'published', 'published']);
    admin = await t.user('admin', { countries: ['*'] });
    coordinator = await t.user('coordinator', { countries: ['TUN', 'LBY'] });
    assessor = await t.user('assessor', { countries: ['TUN'], questionnaires: ['som-gap-analysis', 'som-institutional'] });
    assessor2 = await t.user('assessor', { countries: ['TUN'], questionnaires: ['som-gap-analysis'] });
  }, 120_000);
  afterAll(() => t.close());

  it('accepts a complete generated response to every shipped questionnaire', async () => {
    for (const s of SHIPPED) {
      const [q, file] = s.file.split('/') as [string, string];
      const def = load(s.file);
      const data = {
        ...generateFullResponse(def),
        ...(q === 'migrant-scoping'
          ? { interviewed_before: 'no', age_eligible: 'yes', consent: 'yes', consent_sensitive: 'yes', smuggler_use: 'all' }
          : {}),
      };
      const res = await submit(admin, q, file.replace('.json', ''), { instanceId: instanceId(), data, country: 'TUN' });
      expect(res.status, `${q}: ${await res.clone().text()}`).toBe(201);
      const body = await res.json();
      expect(body.refused).toBeUndefined();
    }
  }, 120_000);

  it('keeps nothing but a refusal count when screening stops the interview, once per instance id', async () => {
    const count = () =>
      (t.handle.sqlite.prepare(`select count(*) n from responses where questionnaire_id = 'migrant-scoping'`).get() as { n: number }).n;
    const before = count();
    const id = instanceId();
    const refusal = {
      instanceId: id,
      data: {
        interview_language: 'ar',
        hub: 'Sfax',
        interview_month: '2026-11',
        interviewed_before: 'no',
        age_eligible: 'yes',
        consent: 'no',
      },
      country: 'TUN',
      site: 'Sfax',
    };
    const first = await submit(admin, 'migrant-scoping', '4', refusal);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ instanceId: id, refused: true, reason: 'no-consent' });
    expect((await submit(admin, 'migrant-scoping', '4', refusal)).status).toBe(200);
    expect(count()).toBe(before);
    expect(t.handle.sqlite.prepare('select * from refusals where instance_id = ?').all(id)).toEqual([
      {
        instance_id: id,
        questionnaire_id: 'migrant-scoping',
        version_id: expect.any(String),
        reason: 'no-consent',
        country: 'TUN',
        site: 'Sfax',
        day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        collector: expect.any(String),
        distress: 0,
        child_referral: 0,
      },
    ]);
    // The same id cannot come back as an interview.
    expect(
      (await submit(admin, 'migrant-scoping', '4', { ...refusal, data: { ...refusal.data, consent: 'yes', age_band: '18-24' } })).status,
    ).toBe(409);
    // A draft saved before the person was found to be under age is deleted with its revisions.
    const draftId = instanceId();
    const draftUrl = `/api/v1/questionnaires/migrant-scoping/versions/4/drafts/${draftId}`;
    expect(
      (
        await t.app.request(
          draftUrl,
          jsonRequest('PUT', { data: { hub: 'Sfax', interviewed_before: 'no' }, country: 'TUN' }, admin.headers),
        )
      ).status,
    ).toBe(201);
    const seq = (t.handle.sqlite.prepare('select seq from responses where instance_id = ?').get(draftId) as { seq: number }).seq;
    const stopped = await t.app.request(
      draftUrl,
      jsonRequest('PUT', { data: { hub: 'Sfax', interviewed_before: 'no', age_eligible: 'no' }, country: 'TUN' }, admin.headers),
    );
    expect(await stopped.json()).toMatchObject({ refused: true, reason: 'under-age' });
    expect(t.handle.sqlite.prepare('select count(*) n from responses where instance_id = ?').get(draftId)).toEqual({ n: 0 });
    expect(t.handle.sqlite.prepare('select count(*) n from response_revisions where response_seq = ?').get(seq)).toEqual({ n: 0 });
    const dash = await (
      await t.app.request('/api/v1/questionnaires/migrant-scoping/fieldwork?format=json', { headers: coordinator.headers })
    ).json();
    expect(dash.refusals.byReason).toEqual({ 'no-consent': 1, 'under-age': 1 });
  });

  it('records with the count that the child-protection referral was shown at a stop, and refuses it on an interview that goes on', async () => {
    const data = { interview_language: 'fr', hub: 'Sfax', interview_month: '2026-11', interviewed_before: 'no', age_eligible: 'no' };
    const dashboard = async () =>
      (await (await t.app.request('/api/v1/questionnaires/migrant-scoping/fieldwork?format=json', { headers: coordinator.headers })).json())
        .refusals;
    const before = await dashboard();
    const id = instanceId();
    const shown = await submit(admin, 'migrant-scoping', '4', { instanceId: id, data, country: 'TUN', site: 'Sfax', childReferral: true });
    expect(await shown.json()).toEqual({ instanceId: id, refused: true, reason: 'under-age' });
    expect(t.handle.sqlite.prepare('select reason, child_referral from refusals where instance_id = ?').get(id)).toEqual({
      reason: 'under-age',
      child_referral: 1,
    });
    const after = await dashboard();
    expect(after.childReferrals).toBe(before.childReferrals + 1);
    // An interview that screening does not stop showed no referral: the claim is refused, nothing stored.
    const goesOn = instanceId();
    const refused = await submit(admin, 'migrant-scoping', '4', {
      instanceId: goesOn,
      data: { ...data, age_eligible: 'yes', consent: 'yes' },
      country: 'TUN',
      site: 'Sfax',
      childReferral: true,
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.details[0].path).toBe('childReferral');
    expect(t.handle.sqlite.prepare('select count(*) n from responses where instance_id = ?').get(goesOn)).toEqual({ n: 0 });
    expect(t.handle.sqlite.prepare('select count(*) n from refusals where instance_id = ?').get(goesOn)).toEqual({ n: 0 });
    expect(
      (await submit(admin, 'migrant-scoping', '4', { instanceId: instanceId(), data, country: 'TUN', childReferral: false })).status,
    ).toBe(400);
  });

  it('gap analysis 2 refuses "fully met" without the provision, an unanswered element and an unexplained N/A, and its report says what changed since version 1', async () => {
    const def = load('som-gap-analysis/2.json');
    const elements = elementsOf(def);
    const complete: Record<string, unknown> = { snapshot_date: '2026-11-01' };
    for (const e of elements)
      Object.assign(complete, { [e.question]: 'fully', [`${e.prefix}_instrument`]: 'Law 2004-6', [`${e.prefix}_article`]: '38' });
    const tried: string[] = [];
    const refused = async (data: Record<string, unknown>, field: string) => {
      tried.push(instanceId());
      const res = await submit(assessor, 'som-gap-analysis', '2', { instanceId: tried.at(-1), data, country: 'TUN' });
      expect(res.status, await res.clone().text()).toBe(422);
      expect((await res.json()).error.details.map((d: { path: string }) => d.path)).toContain(field);
    };
    const { S6_1a_article: _, ...uncited } = complete;
    await refused(uncited, 'S6_1a_article');
    const { S8_10_status: __, ...unanswered } = complete;
    await refused(unanswered, 'S8_10_status');
    await refused({ ...complete, U6_1_status: 'na' }, 'U6_1_na_reason');
    for (const id of tried)
      expect(t.handle.sqlite.prepare('select count(*) n from responses where instance_id = ?').get(id)).toEqual({ n: 0 });
    const id = instanceId();
    const ok = await submit(assessor, 'som-gap-analysis', '2', {
      instanceId: id,
      data: { ...complete, U6_1_status: 'na', U6_1_na_reason: 'maximum penalty of three years', S6_1f_status: 'not' },
      country: 'TUN',
    });
    expect(ok.status, await ok.clone().text()).toBe(201);
    const json = await (await t.app.request(`/api/v1/responses/${id}/report?format=json`, { headers: assessor.headers })).json();
    expect(json.clusters.find((c: { cluster: string }) => c.cluster === 'criminalization').score.band).toBe('compliant');
    expect(json.goodPractice.counts.not).toBe(1);
    const html = await (await t.app.request(`/api/v1/responses/${id}/report`, { headers: assessor.headers })).text();
    const comparabilityPart = html.slice(html.indexOf('Comparability with other versions'));
    expect(comparabilityPart).toContain('S6.1f: was mandatory and core; no article requires a four-year maximum');
    expect(comparabilityPart).toContain('U27.1: practice, not law: som-institutional 2');
    expect(comparabilityPart).toContain('S5.3: new in version 2');
  });

  it('institutional checklist 2: broken-down counts, the source of each answer, a key-informant reference that no export carries, and practice linked to the law it tests', async () => {
    const planted = 'KI-07 Sfax prosecutor Mohamed';
    const data = {
      reference_year: 2025,
      pr_outcomes: 'partly',
      pr_outcomes_source: ['statistics', 'interview'],
      pr_outcomes_informant: planted,
      pr_outcomes_confidence: 'medium',
      pr_outcomes_count_total: 120,
      pr_outcomes_count_organizers: 14,
      pr_outcomes_count_drivers: 71,
      pr_outcomes_count_by_nationality: [
        { pr_outcomes_nationality: 'EGY', pr_outcomes_number: 40 },
        { pr_outcomes_nationality: 'TUN', pr_outcomes_number: 55 },
      ],
      pt_consular: 'no',
      pt_consular_source: ['document'],
      ju_confiscation: 'yes',
      ju_confiscation_value: 250000,
      ju_confiscation_value_currency: 'TND',
      hu_not_prosecuted: 'no',
      hu_not_prosecuted_count_rescuers: 3,
    };
    const bad = await submit(assessor, 'som-institutional', '2', {
      instanceId: instanceId(),
      data: {
        ...data,
        ju_confiscation_value_currency: 'dinars',
        pr_outcomes_count_by_nationality: [{ pr_outcomes_nationality: 'XXX', pr_outcomes_number: 1 }],
      },
      country: 'TUN',
    });
    expect(bad.status).toBe(422);
    const badPaths = (await bad.json()).error.details.map((d: { path: string }) => d.path);
    expect(badPaths).toEqual(
      expect.arrayContaining(['ju_confiscation_value_currency', 'pr_outcomes_count_by_nationality[0].pr_outcomes_nationality']),
    );
    const id = instanceId();
    const ok = await submit(assessor, 'som-institutional', '2', { instanceId: id, data, country: 'TUN' });
    expect(ok.status, await ok.clone().text()).toBe(201);

    // The reference is kept on the server and read there, never exported, not even in the full profile.
    expect((await (await t.app.request(`/api/v1/responses/${id}`, { headers: assessor.headers })).json()).data.pr_outcomes_informant).toBe(
      planted,
    );
    const res = await t.app.request('/api/v1/questionnaires/som-institutional/export?profile=full', { headers: admin.headers });
    expect(res.status, await res.clone().text()).toBe(200);
    const bundle = bundleOf(new Uint8Array(await res.arrayBuffer()));
    expect(bundle.all).not.toContain('KI-07');
    expect(bundle.all).toContain('pr_outcomes_count_organizers');

    // The gap-analysis report of the same country shows the counts and the practice that falls short of the law.
    const gap: Record<string, unknown> = { snapshot_date: '2026-11-01' };
    for (const e of elementsOf(load('som-gap-analysis/2.json')))
      Object.assign(gap, { [e.question]: 'fully', [`${e.prefix}_instrument`]: 'Law 2004-6', [`${e.prefix}_article`]: '38' });
    const gapId = instanceId();
    expect((await submit(assessor, 'som-gap-analysis', '2', { instanceId: gapId, data: gap, country: 'TUN' })).status).toBe(201);
    const report = await (await t.app.request(`/api/v1/responses/${gapId}/report?format=json`, { headers: assessor.headers })).json();
    expect(report.context.practice.version).toBe('2');
    const prosecution = report.context.practice.actors.find((a: { actor: string }) => a.actor === 'prosecution');
    expect(prosecution.counts).toEqual(
      expect.arrayContaining([
        { indicator: 'pr_outcomes_count_total', value: 120 },
        { indicator: 'pr_outcomes_count_drivers', value: 71 },
      ]),
    );
    const protection = report.context.practice.actors.find((a: { actor: string }) => a.actor === 'protection');
    expect(protection.shortfalls).toEqual([{ indicator: 'pt_consular', answer: 'no', elements: ['S16.5'] }]);
    const html = await (await t.app.request(`/api/v1/responses/${gapId}/report`, { headers: assessor.headers })).text();
    expect(html).toContain('Practice that falls short of the law it tests');
    expect(html).toMatch(/hu_not_prosecuted<\/td><td>no<\/td><td>S6\.1d, S6\.1e/);
  });

  it('scoping survey 5: refuses a main reason that was not given, and the answers version 5 no longer offers', async () => {
    const data = {
      ...generateFullResponse(load('migrant-scoping/5.json')),
      interviewed_before: 'no',
      age_eligible: 'yes',
      consent: 'yes',
      consent_sensitive: 'yes',
      smuggler_use: 'all',
      reasons: ['economic', 'violence'],
      main_reason: 'violence',
    };
    const ok = await submit(admin, 'migrant-scoping', '5', { instanceId: instanceId(), data, country: 'TUN' });
    expect(ok.status, await ok.clone().text()).toBe(201);
    for (const [change, field] of [
      [{ main_reason: 'rights' }, 'main_reason'],
      [{ services: ['transport', 'bribes'] }, 'services'],
      [{ sea_crossings: '7' }, 'sea_crossings'],
    ] as const) {
      const refused = await submit(admin, 'migrant-scoping', '5', {
        instanceId: instanceId(),
        data: { ...data, ...change },
        country: 'TUN',
      });
      expect(refused.status, field).toBe(422);
      const paths: string[] = (await refused.json()).error.details.map((d: { path: string }) => d.path);
      expect(
        paths.some((p) => p === field || p.startsWith(`${field}[`)),
        `${field}: ${paths}`,
      ).toBe(true);
    }
  });

  it('scores a country assessment into a printable report, a CSV matrix and the heatmap; practice indicators apart', async () => {
    const def = load('som-gap-analysis/1.json');
    const elements = elementsOf(def);
    const data: Record<string, unknown> = { snapshot_date: '2026-10-01' };
    elements.forEach((e, i) => {
      data[e.question] = e.id === 'S6.3a' ? 'not' : (['fully', 'fully', 'partly', 'not', 'na'] as const)[i % 5];
      if (data[e.question] === 'not' || data[e.question] === 'partly')
        Object.assign(data, {
          [`${e.prefix}_gap`]: e.id === 'S6.3a' ? '=HYPERLINK("http://evil.example","gap")' : `gap of ${e.id}`,
          [`${e.prefix}_recommendation`]: `amend for ${e.id}`,
          [`${e.prefix}_priority`]: 'high',
        });
      if (data[e.question] === 'na') data[`${e.prefix}_na_reason`] = 'landlocked';
      if (data[e.question] === 'fully') Object.assign(data, { [`${e.prefix}_instrument`]: 'Law 2004-6', [`${e.prefix}_article`]: '41' });
    });
    const id = instanceId();
    const res = await submit(assessor, 'som-gap-analysis', '1', { instanceId: id, data, country: 'TUN' });
    expect(res.status, await res.clone().text()).toBe(201);
    const practice = {
      reference_year: 2025,
      gov_strategy: 'yes',
      le_unit: 'partly',
      le_investigations: 'yes',
      le_investigations_count: 42,
      pr_specialized: 'no',
    };
    expect((await submit(assessor, 'som-institutional', '1', { instanceId: instanceId(), data: practice, country: 'TUN' })).status).toBe(
      201,
    );

    const json = await (await t.app.request(`/api/v1/responses/${id}/report?format=json`, { headers: assessor.headers })).json();
    const crim = json.clusters.find((c: { cluster: string }) => c.cluster === 'criminalization');
    expect(crim.score.coreNotMet).toContain('S6.3a');
    expect(['partially', 'non']).toContain(crim.score.band);
    expect(json.context.practice.actors.find((a: { actor: string }) => a.actor === 'law_enforcement')).toMatchObject({
      yes: 1,
      partly: 1,
      counts: [{ indicator: 'le_investigations', value: 42 }],
    });
    const expected = assess(elements, data);
    expect(json.legal.confirmed).toEqual(expected.legal.confirmed);

    const html = await (await t.app.request(`/api/v1/responses/${id}/report`, { headers: assessor.headers })).text();
    expect(html).toContain('@media print');
    // The report opens with the summary in sentences and the core elements not fully met, then the matrix.
    expect(html.indexOf('<h2>Summary</h2>')).toBeLessThan(html.indexOf('<h2>Core elements not fully met</h2>'));
    expect(html.indexOf('<h2>Core elements not fully met</h2>')).toBeLessThan(html.indexOf('<h2>Element matrix</h2>'));
    expect(html.indexOf('<h2>Element matrix</h2>')).toBeLessThan(html.indexOf('<h2>Clusters</h2>'));
    expect(html).toContain('S6.3a (SOM 6(3)(a))');
    expect(html).toMatch(/Core element S6\.3a \(SOM 6\(3\)\(a\), [^)]*\) is not met\. Criminalization is therefore non-compliant\./);
    expect(html).not.toMatch(/\d+\.\d%/);
    expect(html).toContain('amend for S6.3a');
    expect(html).toContain('never averaged into the legal score');
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script');

    const csvRes = await t.app.request(`/api/v1/responses/${id}/report?format=csv`, { headers: assessor.headers });
    expect(csvRes.headers.get('content-type')).toMatch(/text\/csv/);
    const [header, ...rows] = parse(await csvRes.text()) as string[][];
    expect(header!.slice(0, 5)).toEqual(['country', 'version', 'snapshot_date', 'element', 'article']);
    expect(rows).toHaveLength(elements.length);
    // A formula typed as a gap is text in a spreadsheet, as in dataset exports.
    expect(rows.find((r) => r[3] === 'S6.3a')![header!.indexOf('gap')]).toBe('\'=HYPERLINK("http://evil.example","gap")');
    expect(csvRes.headers.get('cache-control')).toBe('no-store');
    for (const [url, who] of [
      [`/api/v1/responses/${id}/report`, assessor],
      ['/api/v1/questionnaires/som-gap-analysis/heatmap?purpose=internal-coordination', coordinator],
      ['/api/v1/questionnaires/som-gap-analysis/fieldwork', coordinator],
    ] as const) {
      const r = await t.app.request(url, { headers: who.headers });
      expect(r.headers.get('content-security-policy'), url).toMatch(/default-src 'none'/);
      expect(r.headers.get('cache-control'), url).toBe('no-store');
    }
    expect((await t.app.request(`/api/v1/responses/${id}`, { headers: assessor.headers })).headers.get('cache-control')).toBe('no-store');

    // The heatmap ranks countries: never on by default, asked for deliberately, and said so on it.
    const refused = await t.app.request('/api/v1/questionnaires/som-gap-analysis/heatmap', { headers: coordinator.headers });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('purpose');
    expect(html).not.toContain('heatmap');
    const svgRes = await t.app.request('/api/v1/questionnaires/som-gap-analysis/heatmap?purpose=internal-coordination', {
      headers: coordinator.headers,
    });
    expect(svgRes.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    const svg = await svgRes.text();
    expect(svg).toContain('>TUN</text>');
    expect(svg).toMatch(/>\d+% (C|LC|PC|NC|NR)</);
    expect(svg).toContain('Internal coordination only');
    expect(svg).toContain('#E69F00');
    // A coordinator of other countries sees no row for TUN.
    const other = await t.user('coordinator', { countries: ['MAR'] });
    expect(
      await (
        await t.app.request('/api/v1/questionnaires/som-gap-analysis/heatmap?format=json&purpose=internal-coordination', {
          headers: other.headers,
        })
      ).json(),
    ).toEqual({ countries: [] });
    // Researchers never see assessments.
    const researcher = await t.user('researcher', { countries: ['TUN'] });
    expect((await t.app.request(`/api/v1/responses/${id}/report`, { headers: researcher.headers })).status).toBe(403);

    // A second assessor of the same country: agreement and the elements to adjudicate.
    const data2 = { ...data, S3_1_status: data.S3_1_status === 'fully' ? 'partly' : 'fully', S5_1_status: 'nd' };
    const id2 = instanceId();
    expect((await submit(assessor2, 'som-gap-analysis', '1', { instanceId: id2, data: data2, country: 'TUN' })).status).toBe(201);
    const agree = await (
      await t.app.request(`/api/v1/questionnaires/som-gap-analysis/agreement?a=${id}&b=${id2}`, { headers: coordinator.headers })
    ).json();
    expect(agree.differences.map((d: { id: string }) => d.id)).toEqual(['S3.1', 'S5.1']);
    expect(agree.weightedKappa).toBeGreaterThan(0.9);
    expect(agree.weightedKappa).toBeLessThan(1);
  });

  it('shows coordinators fieldwork per day, site and enumerator with progress to targets, as SVG charts', async () => {
    const device = await t.device({ questionnaires: ['migrant-scoping'], country: 'LBY', site: 'Zuwara' });
    const def = load('migrant-scoping/3.json');
    for (let i = 0; i < 3; i++) {
      const data = { ...generateFullResponse(def), interviewed_before: 'no', age_eligible: 'yes', consent: 'yes', consent_sensitive: 'no' };
      const r = await t.app.request(
        '/api/v1/questionnaires/migrant-scoping/versions/4/responses',
        jsonRequest('POST', { instanceId: instanceId(), data }, device.headers),
      );
      expect(r.status, await r.clone().text()).toBe(201);
    }
    const put = await t.app.request(
      '/api/v1/questionnaires/migrant-scoping/fieldwork/targets',
      jsonRequest('PUT', { targets: [{ country: 'LBY', site: 'Zuwara', target: 12 }] }, coordinator.headers),
    );
    expect(put.status).toBe(200);
    const f = await (
      await t.app.request('/api/v1/questionnaires/migrant-scoping/fieldwork?format=json', { headers: coordinator.headers })
    ).json();
    expect(f.perSite).toContainEqual({ key: 'LBY / Zuwara', n: 3 });
    // Devices and enumerators by the names people gave them, ids kept as keys.
    expect(f.perCollector).toContainEqual({ key: `device:${device.id}`, n: 3, name: 'tablet' });
    expect(f.targets).toEqual([{ country: 'LBY', site: 'Zuwara', target: 12, done: 3, percent: 25 }]);
    const html = await (await t.app.request('/api/v1/questionnaires/migrant-scoping/fieldwork', { headers: coordinator.headers })).text();
    expect(html).toContain('Interviews per day');
    expect(html).toContain('3 of 12 (25%)');
    expect(html).toContain('>tablet<');
    expect(html).not.toContain(`device:${device.id}`);
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(4);
    // Targets outside one's countries are refused.
    expect(
      (
        await t.app.request(
          '/api/v1/questionnaires/migrant-scoping/fieldwork/targets',
          jsonRequest('PUT', { targets: [{ country: 'EGY', target: 5 }] }, coordinator.headers),
        )
      ).status,
    ).toBe(403);
  });

  it("lists each version's translations with status, coverage and direction for coordinators", async () => {
    const q = await (await t.app.request('/api/v1/questionnaires/migrant-scoping', { headers: coordinator.headers })).json();
    const v4 = q.versions.find((v: { version: string }) => v.version === '4');
    expect(v4.translations.find((x: { lang: string }) => x.lang === 'ps')).toEqual({
      lang: 'ps',
      status: 'machine-draft',
      coverage: 1,
      dir: 'rtl',
    });
    expect(v4.translations.find((x: { lang: string }) => x.lang === 'en')).toEqual({
      lang: 'en',
      status: 'source',
      coverage: 1,
      dir: 'ltr',
    });
  });
});
