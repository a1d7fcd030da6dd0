// Questionnaire versions uploaded as XLSForm or SurveyJS JSON (issue 21), over HTTP on a real
// SQLite file: published as a file of surveys/ would be, checked only with dryRun, refused with
// every problem located (sheet!cell), hostile workbooks refused with a 4xx, and any version
// downloaded as a workbook that converts back to the same definition.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { canonicalJson } from '../../src/questionnaires/canonical';
import { readXlsx } from '../../src/xlsform/read-xlsx';
import { convertXlsForm } from '../../src/xlsform/convert';
import { XLSX_TYPE } from '../../src/http/middleware';
import { createTestApp, jsonRequest, type TestApp, type TestUser } from '../support/app';
import { journeyBook, xlsx, zipBomb } from '../xlsform/workbooks';

const URL = '/api/v1/questionnaires/journeys/versions';
const upload = (body: Uint8Array, headers: Record<string, string>) =>
  ({ method: 'POST', headers: { 'content-type': XLSX_TYPE, ...headers }, body }) as RequestInit;

describe('uploading a questionnaire version', () => {
  let t: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;

  beforeEach(async () => {
    t = createTestApp();
    admin = await t.user('admin');
    coordinator = await t.user('coordinator', { countries: ['TUN'] });
  });
  afterEach(() => t.close());

  it('publishes an XLSForm workbook as version 1, then refuses a changed type and lists added questions in version 2', async () => {
    const res = await t.app.request(URL, upload(await xlsx(journeyBook), coordinator.headers));
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, any>;
    expect(body).toMatchObject({ questionnaireId: 'journeys', version: '1', status: 'published' });
    expect(body.added).toEqual(expect.arrayContaining(['consent', 'age', 'transport', 'boat_detail', 'legs']));
    const def = (await (await t.app.request(`${URL}/1/definition`, { headers: admin.headers })).json()) as Record<string, any>;
    expect(def.languages).toEqual(['en', 'ar']);
    const age = def.pages[1].elements.find((e: { name: string }) => e.name === 'age');
    expect(age.title).toEqual({ default: 'Age', ar: 'العمر' });
    expect(age.sdcRole).toBe('quasi');
    // A submission is validated by the converted rules: 17 is refused with the constraint message.
    const submit = (data: object) =>
      t.app.request(`${URL}/1/responses`, jsonRequest('POST', { instanceId: crypto.randomUUID(), country: 'TUN', data }, admin.headers));
    const refused = await submit({ consent: 'yes', age: 17, transport: ['boat'], boat_detail: 'wood' });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain('Adults only');
    expect((await submit({ consent: 'yes', age: 30, transport: ['boat'], boat_detail: 'wood' })).status).toBe(201);
    expect((await submit({ consent: 'yes', age: 30.5, transport: ['truck'] })).status).toBe(422);

    // Version 2: age becomes text (a type change under the same name) -> refused, nothing written.
    const changed = structuredClone(journeyBook);
    changed.survey[5]![0] = 'text';
    const bad = await t.app.request(URL, upload(await xlsx(changed), admin.headers));
    expect(bad.status).toBe(422);
    const problem = (await bad.json()) as { error: { code: string; details: Array<{ message: string }> } };
    expect(problem.error.code).toBe('invalid_definition');
    expect(problem.error.details.map((d) => d.message).join(' ')).toContain("question 'age'");
    // A new question: listed as added in a dry run, and nothing is published by it.
    const more = structuredClone(journeyBook);
    more.survey.splice(8, 0, ['text', 'destination', 'Destination', 'الوجهة', '', '', '', '', '', '', 'quasi']);
    const dry = await t.app.request(`${URL}?dryRun=true`, upload(await xlsx(more), admin.headers));
    expect(dry.status).toBe(200);
    const checked = (await dry.json()) as Record<string, any>;
    expect(checked).toMatchObject({ version: '2', status: 'checked', added: ['destination'], removed: [] });
    expect(checked.definition.pages[1].elements.map((e: { name: string }) => e.name)).toContain('destination');
    expect((await t.app.request(`${URL}/2`, { headers: admin.headers })).status).toBe(404);
    const real = await t.app.request(URL, upload(await xlsx(more), admin.headers));
    expect(real.status).toBe(201);
    expect(((await real.json()) as { version: string }).version).toBe('2');
  });

  it('names the sheet, row and column of every problem in a workbook', async () => {
    const broken = structuredClone(journeyBook);
    broken.survey[5]![7] = '. >= 18 and'; // constraint cut short
    broken.survey[6]![0] = 'select_multiple vehicles'; // a list that does not exist
    broken.survey.push(['geopoint', 'where', 'Where', '', '', '', '', '', '', '', '']);
    const res = await t.app.request(URL, upload(await xlsx(broken), admin.headers));
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { details: Array<{ path: string; message: string }> } };
    const byPath = Object.fromEntries(error.details.map((d) => [d.path, d.message]));
    expect(byPath['survey!H6']).toMatch(/constraint/);
    expect(byPath['survey!A7']).toMatch(/vehicles/);
    expect(byPath['survey!A11']).toMatch(/geo questions/);
  });

  it("takes the workbook's own version from its settings sheet, and warns when form_id or version differ from where it is published", async () => {
    const book = structuredClone(journeyBook);
    book.settings = [
      ['form_title', 'default_language', 'family', 'form_id', 'version'],
      ['Journeys', 'English (en)', 'scoping', 'journeys', '2026.12'],
    ];
    const res = await t.app.request(URL, upload(await xlsx(book), admin.headers));
    expect(res.status).toBe(201);
    expect(((await res.json()) as { version: string }).version).toBe('2026.12');
    book.settings[1]![3] = 'kobo_journeys';
    const other = await t.app.request(`${URL}?version=3&dryRun=true`, upload(await xlsx(book), admin.headers));
    const { warnings } = (await other.json()) as { warnings: Array<{ message: string }> };
    expect(warnings.map((w) => w.message)).toEqual([
      "form_id 'kobo_journeys' is not the questionnaire 'journeys' it is published as",
      "version '2026.12' is not the version '3' it is published as",
    ]);
  });

  it('takes a zip of the workbook and the CSV lists of its select_one_from_file questions, and refuses a zip without exactly one workbook', async () => {
    const book = structuredClone(journeyBook);
    book.survey.splice(8, 0, ['select_one_from_file hubs.csv', 'hub', 'Hub', 'المحور', '', '', '', '', '', '', 'quasi']);
    const zip = (files: Record<string, Uint8Array>) =>
      ({ method: 'POST', headers: { 'content-type': 'application/zip', ...admin.headers }, body: zipSync(files) }) as RequestInit;
    const csv = strToU8('name,label::English (en),label::Arabic (ar)\nagadez,Agadez,أغاديس\nsebha,Sebha,سبها\n');
    const res = await t.app.request(URL, zip({ 'journeys/form.xlsx': await xlsx(book), 'journeys/hubs.csv': csv }));
    expect(res.status, await res.clone().text()).toBe(201);
    const def = (await (await t.app.request(`${URL}/1/definition`, { headers: admin.headers })).json()) as Record<string, any>;
    const hub = def.pages[1].elements.find((e: { name: string }) => e.name === 'hub');
    expect(hub.choices).toEqual([
      { value: 'agadez', text: { default: 'Agadez', ar: 'أغاديس' } },
      { value: 'sebha', text: { default: 'Sebha', ar: 'سبها' } },
    ]);
    // Without the CSV, the workbook alone says what is missing, by cell.
    const alone = await t.app.request(`${URL}?dryRun=true`, upload(await xlsx(book), admin.headers));
    expect(JSON.stringify(await alone.json())).toContain("the file 'hubs.csv' was not given");
    const two = await t.app.request(URL, zip({ 'a.xlsx': await xlsx(book), 'b.xlsx': await xlsx(book) }));
    expect(two.status).toBe(422);
    expect(JSON.stringify(await two.json())).toContain('exactly one .xlsx workbook (it holds 2)');
    const bomb = await t.app.request(URL, { ...zip({}), body: zipBomb(80) } as RequestInit);
    expect(bomb.status).toBe(422);
  });

  it('takes a SurveyJS JSON body too, and refuses researchers, enumerators and assessors', async () => {
    const json = { title: 'Plain', pages: [{ name: 'p', elements: [{ type: 'text', name: 'q' }] }] };
    expect((await t.app.request(URL, jsonRequest('POST', json, admin.headers))).status).toBe(201);
    for (const role of ['researcher', 'enumerator', 'assessor'] as const) {
      const user = await t.user(role, { countries: ['TUN'], questionnaires: ['journeys'] });
      expect((await t.app.request(URL, jsonRequest('POST', json, user.headers))).status).toBe(403);
    }
  });

  it('refuses hostile and malformed workbooks with a 4xx, never a 5xx, and publishes nothing', async () => {
    const cases: Array<[string, Uint8Array]> = [
      ['not a workbook', strToU8('<html>hello</html>')],
      ['a zip bomb', zipBomb(80)],
      ['a legacy .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
      ['a zip that is no workbook', zipSync({ 'hello.txt': strToU8('hi') })],
    ];
    // A sheet longer than any form (20,000 rows at most are read).
    const long = structuredClone(journeyBook);
    for (let i = 0; i < 20_001; i++) long.survey.push(['text', `q${i}`, 'Q', '', '', '', '', '', '', '', '']);
    cases.push(['a huge sheet', await xlsx(long)]);
    // A real workbook with an external link added.
    const files = unzipSync(await xlsx(journeyBook));
    files['xl/externalLinks/externalLink1.xml'] = strToU8('<externalLink/>');
    cases.push(['a workbook with external links', zipSync(files)]);
    for (const [what, body] of cases) {
      const res = await t.app.request(URL, upload(body, admin.headers));
      expect(res.status, what).toBeGreaterThanOrEqual(400);
      expect(res.status, what).toBeLessThan(500);
      const { error } = (await res.json()) as { error: { details: Array<{ message: string }> } };
      expect(error.details.length, what).toBeGreaterThan(0);
    }
    expect((await t.app.request('/api/v1/questionnaires/journeys', { headers: admin.headers })).status).toBe(404);
  });

  it('downloads a version as XLSForm that converts back to the same definition, and a translation comes back as the next version', async () => {
    await t.app.request(URL, upload(await xlsx(journeyBook), admin.headers));
    const res = await t.app.request(`${URL}/1/xlsform`, { headers: admin.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const published = await (await t.app.request(`${URL}/1/definition`, { headers: admin.headers })).json();
    const { sheets } = await readXlsx(bytes);
    expect(canonicalJson(convertXlsForm(sheets).definition)).toBe(canonicalJson(published));
    // A translator fills a French column: uploaded as version 2, the translation table counts it.
    const survey = sheets.find((s) => s.name === 'survey')!;
    const header = survey.rows[0]!.cells;
    header.push('label::French (fr)');
    for (const r of survey.rows.slice(1)) if (r.cells[2]) r.cells[header.length - 1] = `FR ${r.cells[2]}`;
    const { writeXlsx } = await import('../../src/xlsform/write-xlsx');
    const up = await t.app.request(URL, upload(await writeXlsx(sheets), admin.headers));
    expect(up.status).toBe(201);
    const v2 = (await (await t.app.request(`${URL}/2/definition`, { headers: admin.headers })).json()) as Record<string, any>;
    expect(v2.languages).toEqual(['en', 'ar', 'fr']);
    expect(v2.pages[1].elements.find((e: { name: string }) => e.name === 'age').title).toEqual({
      default: 'Age',
      ar: 'العمر',
      fr: 'FR Age',
    });
  });
});
