// What a device is sent of a definition. A device enrolled for its interview languages is sent each questionnaire in those only (a phone
// on a slow link downloads a fraction of an eight-language definition), and any caller may ask for
// some languages with ?languages=. The trimmed definition must behave as the published one in the
// languages it keeps. A device bound to a site gets that site's referral cards.
import { readFileSync } from 'node:fs';
import { Model } from 'survey-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCustomProperties } from '../../src/questionnaires/custom-properties';
import { createTestApp, jsonRequest, type TestApp, type TestUser } from '../support/app';
import { definitionFile, demoDefinition } from '../support/factories';
import { lintDefinition } from '../../src/questionnaires/lint';

const scoping = JSON.parse(readFileSync(new URL('../../surveys/migrant-scoping/4.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;
const URL_4 = '/api/v1/questionnaires/migrant-scoping/versions/4/definition';

/** The language keys of every localizable text (objects with a `default` string). */
function textLanguages(node: unknown, seen = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) textLanguages(n, seen);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.default === 'string') for (const k of Object.keys(o)) seen.add(k);
    else for (const v of Object.values(o)) textLanguages(v, seen);
  }
  return seen;
}

/** What a respondent reads in a language: every question's title and choices, and the pages' titles. */
function readable(json: Record<string, unknown>, locale: string): string[] {
  registerCustomProperties();
  const model = new Model(json);
  model.locale = locale;
  return [
    model.title,
    ...model.pages.map((p) => p.title),
    ...model
      .getAllQuestions()
      .flatMap((q) => [
        q.name,
        q.title,
        q.description ?? '',
        ...((q as unknown as { choices?: Array<{ text: string }> }).choices ?? []).map((c) => c.text),
      ]),
  ];
}

describe('definitions in a device’s languages', () => {
  let t: TestApp;
  let admin: TestUser;
  let device: { id: string; token: string; languages: string[] | null };
  const enrol = (body: Record<string, unknown>) =>
    t.app.request(
      '/api/v1/devices',
      jsonRequest('POST', { name: 'Tablet', questionnaires: ['migrant-scoping'], country: 'TUN', ...body }, admin.headers),
    );
  const asDevice = (url: string) => t.app.request(url, { headers: { authorization: `Bearer ${device.token}` } });

  beforeAll(async () => {
    t = createTestApp();
    admin = await t.user('admin', { countries: ['*'] });
    await t.publish([definitionFile(scoping, { questionnaireId: 'migrant-scoping', version: '4' })]);
    const made = await enrol({ languages: ['ar', 'fr', 'ar'] });
    expect(made.status).toBe(201);
    device = await made.json();
  });
  afterAll(() => t.close());

  it('records the languages with the device, in its listing and in the audit log', async () => {
    expect(device.languages).toEqual(['ar', 'fr']);
    const list = await (await t.app.request('/api/v1/devices', { headers: admin.headers })).json();
    expect(list.items.find((d: { id: string }) => d.id === device.id).languages).toEqual(['ar', 'fr']);
    const audit = t.handle.sqlite
      .prepare("select details from audit_log where action = 'token.issue' and target_id = ?")
      .get(device.id) as {
      details: string;
    };
    expect(JSON.parse(audit.details).languages).toEqual(['ar', 'fr']);
  });

  it('sends the device the questionnaire in its languages and the source only', async () => {
    const full = await (await t.app.request(URL_4, { headers: admin.headers })).text();
    const res = await asDevice(URL_4);
    expect(res.status).toBe(200);
    const body = await res.text();
    const sent = JSON.parse(body) as Record<string, unknown>;
    expect(sent.languages).toEqual(['en', 'fr', 'ar']);
    expect([...textLanguages(sent)].sort()).toEqual(['ar', 'default', 'fr']);
    expect(Object.keys(sent.translationStatus as object).sort()).toEqual(['ar', 'en', 'fr']);
    expect(body.length).toBeLessThan(full.length * 0.6);
    // A different representation: never the published version's ETag.
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{64}-en%2Cfr%2Car"$/);
    // What the respondent reads in the kept languages is unchanged; the others fall back to the source.
    for (const locale of ['', 'fr', 'ar']) expect(readable(sent, locale)).toEqual(readable(scoping, locale));
    expect(readable(sent, 'ps')).toEqual(readable(scoping, ''));
  });

  it('lets any caller ask for some languages; without asking, people get the definition exactly as published', async () => {
    const exact = await t.app.request(URL_4, { headers: admin.headers });
    expect(await exact.json()).toEqual(scoping);
    const pashto = await (await t.app.request(`${URL_4}?languages=ps`, { headers: admin.headers })).json();
    expect(pashto.languages).toEqual(['en', 'ps']);
    expect(readable(pashto, 'ps')).toEqual(readable(scoping, 'ps'));
    // The device may ask for another of the questionnaire's languages (an unplanned respondent).
    expect((await (await asDevice(`${URL_4}?languages=ti`)).json()).languages).toEqual(['en', 'ti']);
    // A language the questionnaire does not have leaves its source language.
    const none = await (await t.app.request(`${URL_4}?languages=ha`, { headers: admin.headers })).json();
    expect(none.languages).toEqual(['en']);
    expect([...textLanguages(none)]).toEqual(['default']);
  });

  it('refuses malformed languages with a 400 that names the field', async () => {
    const bad = await t.app.request(`${URL_4}?languages=Arabic;fr`, { headers: admin.headers });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].path).toBe('query.languages');
    const badDevice = await enrol({ languages: ['Arabic'] });
    expect(badDevice.status).toBe(400);
    expect((await badDevice.json()).error.details[0].path).toMatch(/languages\.0$/);
    expect((await enrol({ languages: [] })).status).toBe(400);
  });
});

describe('referral cards per site', () => {
  const cards = {
    ...demoDefinition,
    languages: ['en', 'ar'],
    sites: { TUN: ['Sfax', 'Zarzis'], LBY: ['Zuwara'] },
    referral: { default: 'National legal aid line', ar: 'الخط الوطني للمساعدة القانونية' },
    childReferral: 'National child protection line',
    siteReferrals: {
      TUN: {
        Sfax: { referral: { default: 'Sfax legal aid desk', ar: 'مكتب المساعدة القانونية في صفاقس' } },
        Zarzis: { referral: 'Zarzis Red Crescent', childReferral: 'Zarzis child protection delegate' },
      },
    },
  };
  let t: TestApp;
  let admin: TestUser;
  const deviceAt = async (site?: string) => {
    const made = await t.app.request(
      '/api/v1/devices',
      jsonRequest('POST', { name: 'Tablet', questionnaires: ['demo'], country: 'TUN', ...(site ? { site } : {}) }, admin.headers),
    );
    expect(made.status).toBe(201);
    const { token } = await made.json();
    const res = await t.app.request('/api/v1/questionnaires/demo/versions/1/definition', { headers: { authorization: `Bearer ${token}` } });
    return { json: (await res.clone().json()) as Record<string, unknown>, text: await res.text(), etag: res.headers.get('etag') };
  };

  beforeAll(async () => {
    t = createTestApp();
    admin = await t.user('admin', { countries: ['*'] });
    await t.publish([definitionFile(cards)]);
  });
  afterAll(() => t.close());

  it("sends a device its site's cards in place of the general ones, and no other site's", async () => {
    const sfax = await deviceAt('Sfax');
    expect(sfax.json.referral).toEqual(cards.siteReferrals.TUN.Sfax.referral);
    expect(sfax.json.childReferral).toBe('National child protection line');
    expect(sfax.json.siteReferrals).toBeUndefined();
    expect(sfax.text).not.toContain('Zarzis Red Crescent');
    expect(sfax.etag).not.toBe((await deviceAt()).etag);
    const zarzis = await deviceAt('Zarzis');
    expect([zarzis.json.referral, zarzis.json.childReferral]).toEqual(['Zarzis Red Crescent', 'Zarzis child protection delegate']);
    expect(zarzis.text).not.toContain('Sfax legal aid desk');
    // No site: the general cards. People get the definition as published.
    const none = await deviceAt();
    expect([none.json.referral, none.json.siteReferrals]).toEqual([cards.referral, undefined]);
    const published = await t.app.request('/api/v1/questionnaires/demo/versions/1/definition', { headers: admin.headers });
    expect(await published.json()).toEqual(cards);
  });

  it('lints cards of sites the questionnaire does not declare, and malformed cards', () => {
    const messages = (json: Record<string, unknown>) => lintDefinition(json).map((p) => p.message);
    expect(messages(cards)).toEqual([]);
    expect(messages({ ...cards, siteReferrals: { TUN: { Tunis: { referral: 'Tunis desk' } } } })).toEqual([
      "siteReferrals.TUN.Tunis: 'Tunis' is not a site this questionnaire declares for TUN",
    ]);
    expect(messages({ ...cards, siteReferrals: { TUN: { Sfax: { referal: 'typo' } } } })[0]).toMatch(/^siteReferrals\.TUN\.Sfax/);
    expect(messages({ ...cards, siteReferrals: { TUN: { Sfax: { referral: { ar: 'no source text' } } } } })[0]).toMatch(
      /^siteReferrals\.TUN\.Sfax\.referral/,
    );
  });
});
