// An interview the respondent stops (issue 23): by default nothing is kept but a count; where the
// questionnaire declares `withdrawal.keepAnswersIf` and the consent answer says so, the answers
// given so far are kept, checked as given (nothing required), marked withdrawn in the response,
// the fieldwork dashboard and every export profile. Over HTTP on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { refusals, responses } from '../../src/storage/schema';
import { createTestApp, jsonRequest, type TestApp, type TestUser } from '../support/app';
import { bundleOf } from '../support/bundle';
import { definitionFile, instanceId } from '../support/factories';

const keepsOnConsent = {
  title: 'Journeys',
  family: 'scoping',
  withdrawal: { keepAnswersIf: "{keep_if_stopped} = 'yes'" },
  screening: [{ reason: 'no-consent', if: "{consent} = 'no'" }],
  pages: [
    {
      name: 'consent',
      elements: [
        { type: 'radiogroup', name: 'consent', isRequired: true, choices: ['yes', 'no'] },
        { type: 'radiogroup', name: 'keep_if_stopped', isRequired: true, choices: ['yes', 'no'] },
      ],
    },
    {
      name: 'journey',
      elements: [
        { type: 'text', name: 'age', inputType: 'number', min: 18, max: 99, isRequired: true },
        { type: 'radiogroup', name: 'route', isRequired: true, choices: ['sea', 'land'] },
        { type: 'radiogroup', name: 'boat', isRequired: true, visibleIf: "{route} = 'sea'", choices: ['rubber', 'wooden'] },
      ],
    },
    { name: 'abuse', elements: [{ type: 'radiogroup', name: 'abuse', isRequired: true, choices: ['yes', 'no', 'prefer_not'] }] },
  ],
};
const URL = '/api/v1/questionnaires/journeys/versions/1/responses';

describe('keeping the answers of an interview the respondent stops', () => {
  let t: TestApp;
  let coordinator: TestUser;
  const post = (body: Record<string, unknown>, url = URL) =>
    t.app.request(url, jsonRequest('POST', { country: 'TUN', ...body }, coordinator.headers));
  const stored = async () => ({
    responses: (await t.deps.db.select({ n: count() }).from(responses))[0]!.n,
    refusals: (await t.deps.db.select({ n: count() }).from(refusals))[0]!.n,
  });
  const given = { consent: 'yes', keep_if_stopped: 'yes', age: 30, route: 'land' };

  beforeEach(async () => {
    t = createTestApp();
    const outcomes = await t.publish([definitionFile(keepsOnConsent, { questionnaireId: 'journeys' })]);
    expect(outcomes.map((o) => o.problems)).toEqual([[]]);
    coordinator = await t.user('coordinator', { countries: ['TUN'] });
  });
  afterEach(() => t.close());

  it('stores the answers given so far, marked withdrawn, with nothing required of the questions not reached', async () => {
    const id = instanceId();
    const res = await post({ instanceId: id, data: { ...given, boat: 'rubber' }, withdrawn: true });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = await res.json();
    // The boat question was hidden (route is land): its answer is dropped as for any submission.
    expect(body).toMatchObject({ status: 'submitted', withdrawn: true, data: given, dropped: ['boat'] });
    expect(await stored()).toEqual({ responses: 1, refusals: 0 });
    // A retry is the same response; other answers under the same id are a conflict.
    expect((await post({ instanceId: id, data: { ...given, boat: 'rubber' }, withdrawn: true })).status).toBe(200);
    expect((await post({ instanceId: id, data: { ...given, age: 31 }, withdrawn: true })).status).toBe(409);
    // The same answers sent as a complete interview are not a retry of the withdrawn one.
    expect((await post({ instanceId: id, data: { ...given, boat: 'rubber' } })).status).toBe(409);
    const read = await (await t.app.request(`/api/v1/responses/${id}`, { headers: coordinator.headers })).json();
    expect(read.withdrawn).toBe(true);
  });

  it('still checks every answer given: a value a rule refuses is a 422 and nothing is stored', async () => {
    const res = await post({ instanceId: instanceId(), data: { ...given, age: 12 }, withdrawn: true });
    expect(res.status).toBe(422);
    expect((await res.json()).error.details).toEqual([expect.objectContaining({ path: 'age' })]);
    const unknown = await post({ instanceId: instanceId(), data: { ...given, route: 'air' }, withdrawn: true });
    expect(unknown.status).toBe(422);
    expect(await stored()).toEqual({ responses: 0, refusals: 0 });
  });

  it('refuses the answers unless the consent answer allows keeping them, naming data, and writes nothing', async () => {
    for (const data of [
      { ...given, keep_if_stopped: 'no' },
      { consent: 'yes', age: 30 },
    ]) {
      const res = await post({ instanceId: instanceId(), data, withdrawn: true });
      expect(res.status).toBe(400);
      expect((await res.json()).error.details).toEqual([expect.objectContaining({ path: 'data', type: 'withdrawn' })]);
    }
    expect(await stored()).toEqual({ responses: 0, refusals: 0 });
    // The count alone is always accepted.
    expect(await (await post({ instanceId: instanceId(), data: {}, withdrawn: true })).json()).toMatchObject({
      refused: true,
      reason: 'withdrawn',
    });
  });

  it('lets a screening stop win: an interview without consent keeps nothing, whatever else it says', async () => {
    const res = await post({ instanceId: instanceId(), data: { consent: 'no', keep_if_stopped: 'yes' }, withdrawn: true });
    expect(await res.json()).toMatchObject({ refused: true, reason: 'no-consent' });
    expect(await stored()).toEqual({ responses: 0, refusals: 1 });
  });

  it('keeps a withdrawn response partial when it is edited, and marks it in the dashboard and every export profile', async () => {
    const id = instanceId();
    expect((await post({ instanceId: id, data: given, withdrawn: true })).status).toBe(201);
    // Enough complete interviews in one quarter for the public profile's default thresholds.
    const complete = { ...given, route: 'sea', boat: 'wooden', abuse: 'prefer_not' };
    for (let i = 0; i < 40; i++) expect((await post({ instanceId: instanceId(), data: complete })).status).toBe(201);
    expect((await post({ instanceId: instanceId(), data: {}, withdrawn: true })).status).toBe(201);

    const edit = await t.app.request(
      `/api/v1/responses/${id}`,
      jsonRequest('PUT', { data: { ...given, age: 40 }, baseRevision: 1 }, coordinator.headers),
    );
    expect(edit.status, await edit.clone().text()).toBe(200);
    expect(await edit.json()).toMatchObject({ withdrawn: true, data: { age: 40 } });

    const fieldwork = await (
      await t.app.request('/api/v1/questionnaires/journeys/fieldwork?format=json', { headers: coordinator.headers })
    ).json();
    expect(fieldwork).toMatchObject({ withdrawnKept: 1, refusals: { total: 1, byReason: { withdrawn: 1 } } });

    const admin = await t.user('admin', { countries: ['*'] });
    for (const profile of ['full', 'pseudonymized', 'public']) {
      const query = `profile=${profile}`;
      const res = await t.app.request(`/api/v1/questionnaires/journeys/export?${query}`, { headers: admin.headers });
      expect(res.status, `${profile}: ${await res.clone().text()}`).toBe(200);
      const main = bundleOf(new Uint8Array(await res.arrayBuffer())).csv('journeys.csv');
      expect(main.col('withdrawn').sort(), profile).toEqual([...Array(40).fill('0'), '1']);
    }
  });

  it('adds no withdrawn column to questionnaires that keep nothing of a stop', async () => {
    await t.publish([definitionFile({ ...keepsOnConsent, withdrawal: undefined, title: 'Plain' }, { questionnaireId: 'plain' })]);
    const admin = await t.user('admin', { countries: ['*'] });
    expect(
      (await post({ instanceId: instanceId(), data: given, withdrawn: true }, '/api/v1/questionnaires/plain/versions/1/responses')).status,
    ).toBe(400);
    const res = await t.app.request('/api/v1/questionnaires/plain/export?profile=full', { headers: admin.headers });
    expect(bundleOf(new Uint8Array(await res.arrayBuffer())).csv('plain.csv').header).not.toContain('withdrawn');
  });
});

describe('publishing a withdrawal policy', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  const problemsOf = async (withdrawal: unknown) =>
    (await t.publish([definitionFile({ ...keepsOnConsent, withdrawal }, { questionnaireId: 'journeys' })]))[0]!.problems.join('\n');

  it('refuses a policy that reads no consent, reads an unknown question, does not parse or has another shape', async () => {
    expect(await problemsOf({ keepAnswersIf: 'true' })).toMatch(/names no question/);
    expect(await problemsOf({ keepAnswersIf: "{keep} = 'yes'" })).toMatch(/reads 'keep', which is not a question/);
    expect(await problemsOf({ keepAnswersIf: "{keep_if_stopped} = = 'yes'" })).toMatch(/keepAnswersIf does not parse/);
    expect(await problemsOf({ keepAnswersIf: '' })).toMatch(/withdrawal.keepAnswersIf must be an expression/);
    expect(await problemsOf({ keepAnswersIf: "{keep_if_stopped} = 'yes'", always: true })).toMatch(/unknown key 'always'/);
    expect(await problemsOf('yes')).toMatch(/withdrawal must be an object/);
  });
});
