// What ODK stores without showing it (a calculation, a hidden field, start/today/end) is stored by
// Periplus too (issue 21): the server keeps these values where it drops the answers of questions
// skip logic hides, and computes a calculation itself rather than taking the device's value.
// Over HTTP on a real SQLite file.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { convertXlsForm } from '../../src/xlsform/convert';
import { createTestApp, jsonRequest, type TestApp, type TestUser } from '../support/app';
import { definitionFile, instanceId } from '../support/factories';
import { sheets } from './workbooks';

let t: TestApp;
let admin: TestUser;
beforeEach(async () => {
  t = createTestApp();
  admin = await t.user('admin');
  const { definition } = convertXlsForm(
    sheets({
      survey: [
        ['type', 'name', 'label', 'calculation', 'default', 'relevant'],
        ['integer', 'n', 'N', '', '', ''],
        ['calculate', 'double', '', '${n} * 2', '', ''],
        ['calculate', 'big', '', "'yes'", '', '${n} > 10'],
        ['hidden', 'batch', '', '', 'B1', ''],
        ['start', 'started', '', '', '', ''],
        ['text', 'why', 'Why?', '', '', '${n} > 10'],
      ],
    }),
  );
  await t.publish([definitionFile(definition, { questionnaireId: 'c' })]);
});
afterEach(() => t.close());

it('keeps calculations (computed by the server), hidden fields and start, and still drops answers skip logic hides', async () => {
  const r = await t.app.request(
    '/api/v1/questionnaires/c/versions/1/responses',
    jsonRequest(
      'POST',
      {
        instanceId: instanceId(),
        country: 'TUN',
        data: { n: 3, double: 999, big: 'forged', batch: 'B1', started: '2026-12-06T10:00:00Z', why: 'hidden' },
      },
      admin.headers,
    ),
  );
  expect(r.status).toBe(201);
  const { data, dropped } = (await r.json()) as { data: Record<string, unknown>; dropped: string[] };
  expect(data).toMatchObject({ n: 3, double: 6, batch: 'B1', started: '2026-12-06T10:00:00Z' });
  expect(data.why).toBeUndefined();
  expect(data.big ?? '').toBe('');
  expect(dropped).toContain('why');
});
