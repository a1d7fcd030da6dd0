// The parity sequence: the same requests sent to the Node app (better-sqlite3) and to the Worker
// (workerd + D1); each side's normalized answers must equal tests/parity/transcript.json, so the
// two runtimes answer alike. Runs in Node and in workerd: no node:* imports here.
//
// Normalized away: ids, times, tokens, hashes, request ids, durations (they differ by nature).
// Everything else (statuses, error codes and details, stored answers, dropped and hidden paths,
// lists, counts, export headers) must match.

import { scopingAnswers } from '../support/factories';
import { generateFullResponse } from '../support/generate';

export type Send = (path: string, init?: RequestInit) => Promise<Response>;

export interface Step {
  step: string;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const HEX = /^[0-9a-f]{40,64}$/i;
const TOKEN = /^p[sad]_[A-Za-z0-9_-]{20,}$/;
const VARYING_KEYS = new Set(['requestId', 'durationMs', 'csrfToken', 'token', 'userId', 'tokenId', 'seq', 'next', 'tokenHash', 'etag']);

/**
 * Pages and scripts are compared by the SHA-256 of their text (the same files on both runtimes),
 * with ids, times, days and tokens inside HTML replaced first (the fieldwork page names its devices
 * and counts by day).
 */
async function digest(bytes: ArrayBuffer, html: boolean): Promise<string> {
  const text = new TextDecoder().decode(bytes);
  const comparable = html
    ? text
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
        .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
        // Days too: the fieldwork page counts interviews by the day they came in.
        .replace(/\b\d{4}-\d{2}-\d{2}\b/g, '<day>')
        .replace(/p[sad]_[A-Za-z0-9_-]{20,}/g, '<token>')
    : text;
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(comparable)));
  return `${bytes.byteLength} bytes, sha256 ${Array.from(hash, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 16)}`;
}

/** Ids, times, tokens and hashes replaced by placeholders, at any depth. */
export function normalize(value: unknown, key = ''): unknown {
  if (VARYING_KEYS.has(key) && value !== null && value !== undefined) return `<${key}>`;
  if (typeof value === 'string') {
    if (UUID.test(value)) return '<uuid>';
    if (TIME.test(value)) return '<time>';
    if (HEX.test(value)) return '<hash>';
    if (TOKEN.test(value)) return '<token>';
    if (/^user:/.test(value)) return 'user:<id>';
    if (/^device:/.test(value)) return 'device:<id>';
    return value.replace(/p[sad]_[A-Za-z0-9_-]{20,}/g, '<token>');
  }
  if (Array.isArray(value)) return value.map((v) => normalize(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, k)]));
  return value;
}

const json = (method: string, body: unknown, headers: Record<string, string>): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/**
 * Runs the sequence as a coordinator would through the API, from an admin API token that the
 * runtime's own set-up made (the first admin is never made through the API).
 */
export async function paritySequence(send: Send, adminToken: string): Promise<Step[]> {
  const steps: Step[] = [];
  const admin = { authorization: `Bearer ${adminToken}` };
  const record = async (step: string, res: Response, headerNames: string[] = []): Promise<any> => {
    const type = res.headers.get('content-type') ?? '';
    const body = type.includes('json')
      ? await res.json()
      : type.includes('zip')
        ? `${type.split(';')[0]} (${(await res.arrayBuffer()).byteLength > 0 ? 'body' : 'empty'})`
        : await digest(await res.arrayBuffer(), type.includes('html'));
    const headers = Object.fromEntries(headerNames.map((h) => [h, res.headers.get(h) ?? '']));
    // Large JSON (reports, the heatmap) is kept as the digest of its normalized text, so the
    // transcript stays readable; a difference still fails, and UPDATE_PARITY shows the new digest.
    const normalized = normalize(body);
    const text = JSON.stringify(normalized);
    const kept =
      typeof normalized === 'object' && text.length > 8000
        ? `JSON ${await digest(new TextEncoder().encode(text).buffer as ArrayBuffer, false)}`
        : normalized;
    steps.push({ step, status: res.status, body: kept, ...(headerNames.length ? { headers } : {}) });
    return body;
  };

  await record('list questionnaires', await send('/api/v1/questionnaires', { headers: admin }));
  // Publishing scoping 5 closed version 1 (closesVersions); the sequence sends version 1's answers.
  await record(
    'open version 1 again',
    await send('/api/v1/questionnaires/migrant-scoping/versions/1', json('PATCH', { acceptsNewData: true }, admin)),
  );
  await record('one version', await send('/api/v1/questionnaires/migrant-scoping/versions/1', { headers: admin }));
  await record('no such questionnaire', await send('/api/v1/questionnaires/nope', { headers: admin }));
  await record('no credentials', await send('/api/v1/questionnaires'));

  const device = await record(
    'enrol a device',
    await send(
      '/api/v1/devices',
      json('POST', { name: 'tablet 1', questionnaires: ['migrant-scoping'], country: 'TUN', site: 'Sfax' }, admin),
    ),
  );
  const tablet = { authorization: `Bearer ${device.token}` };
  const submit = (instanceId: string, data: unknown, headers = tablet) =>
    send(
      '/api/v1/questionnaires/migrant-scoping/versions/1/responses',
      json('POST', { instanceId, data, locale: 'fr', startedAt: '2026-11-02T09:12:00Z' }, headers),
    );

  const first = '11111111-1111-4111-8111-111111111111';
  await record('submit', await submit(first, scopingAnswers));
  await record('submit again (safe retry)', await submit(first, scopingAnswers));
  await record('same id, other answers', await submit(first, { ...scopingAnswers, hub: 'Zuwara' }));
  await record(
    'answers that fail the rules',
    await submit('22222222-2222-4222-8222-222222222222', { ...scopingAnswers, hub: 'Paris', secret_name: 'x', age_band: undefined }),
  );
  await record(
    'hidden answer dropped',
    await submit('33333333-3333-4333-8333-333333333333', { ...scopingAnswers, interviewed_before: 'yes' }),
  );
  await record(
    'malformed JSON',
    await send('/api/v1/questionnaires/migrant-scoping/versions/1/responses', json('POST', '{"instanceId":', tablet)),
  );
  await record(
    'not JSON',
    await send('/api/v1/questionnaires/migrant-scoping/versions/1/responses', {
      method: 'POST',
      headers: { ...tablet, 'content-type': 'text/plain' },
      body: 'x',
    }),
  );
  await record(
    'wrong country for the device',
    await send(
      '/api/v1/questionnaires/migrant-scoping/versions/1/responses',
      json('POST', { instanceId: '44444444-4444-4444-8444-444444444444', data: scopingAnswers, country: 'LBY' }, tablet),
    ),
  );

  const draftId = '55555555-5555-4555-8555-555555555555';
  const draftPath = `/api/v1/questionnaires/migrant-scoping/versions/1/drafts/${draftId}`;
  await record('save a draft', await send(draftPath, json('PUT', { data: { hub: 'Sfax' }, country: 'TUN', page: 'p2' }, admin)));
  await record(
    'save it again at revision 1',
    await send(draftPath, json('PUT', { data: { hub: 'Sfax', interview_month: '2026-10' }, country: 'TUN', baseRevision: 1 }, admin)),
  );
  await record('stale draft', await send(draftPath, json('PUT', { data: { hub: 'Oujda' }, country: 'TUN', baseRevision: 1 }, admin)));
  await record('read the draft', await send(`/api/v1/responses/${draftId}`, { headers: admin }));
  await record('read a response', await send(`/api/v1/responses/${first}`, { headers: admin }));
  await record('list responses', await send('/api/v1/questionnaires/migrant-scoping/responses', { headers: admin }));

  await record(
    'create an assessor',
    await send(
      '/api/v1/users',
      json(
        'POST',
        { username: 'amina', displayName: 'Amina', password: 'a long enough passphrase', role: 'assessor', countries: ['TUN'] },
        admin,
      ),
    ),
  );
  await record(
    'weak password',
    await send(
      '/api/v1/users',
      json('POST', { username: 'bilal', displayName: 'Bilal', password: 'short', role: 'assessor', countries: ['TUN'] }, admin),
    ),
  );
  const signIn = await send('/api/v1/session', json('POST', { username: 'amina', password: 'a long enough passphrase' }, {}));
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  await record('sign in', signIn);
  await record('who am I', await send('/api/v1/session', { headers: { cookie } }));
  await record('cookie write without CSRF token', await send('/api/v1/tokens', json('POST', { name: 'x' }, { cookie })));
  await record('wrong password', await send('/api/v1/session', json('POST', { username: 'amina', password: 'not the passphrase' }, {})));

  await record('export', await send('/api/v1/questionnaires/migrant-scoping/export?profile=pseudonymized', { headers: admin }), [
    'content-type',
    'x-periplus-rows',
  ]);
  await record('export with a bad filter', await send('/api/v1/questionnaires/migrant-scoping/export?from=yesterday', { headers: admin }));
  await record(
    'release below the policy',
    await send('/api/v1/questionnaires/migrant-scoping/releases', json('POST', { note: 'too few' }, admin)),
  );
  await record('release with a looser k', await send('/api/v1/questionnaires/migrant-scoping/releases', json('POST', { k: 2 }, admin)));
  await record('releases', await send('/api/v1/questionnaires/migrant-scoping/releases', { headers: admin }));

  // After submission: review, edit with revisions and a diff, the trash; fieldwork views.
  const responsePath = `/api/v1/responses/${first}`;
  await record(
    'review a response',
    await send(`${responsePath}/review`, json('PATCH', { state: 'has_issues', comment: 'check the month' }, admin)),
  );
  await record('its reviews', await send(`${responsePath}/reviews`, { headers: admin }));
  await record(
    'edit it',
    await send(responsePath, json('PUT', { data: { ...scopingAnswers, interview_month: '2026-09' }, baseRevision: 1 }, admin)),
  );
  await record('its revisions', await send(`${responsePath}/revisions`, { headers: admin }));
  await record('the diff', await send(`${responsePath}/diff?from=1&to=2`, { headers: admin }));
  await record(
    'move to the trash',
    await send('/api/v1/responses/33333333-3333-4333-8333-333333333333', { method: 'DELETE', headers: admin }),
  );
  await record('the trash', await send('/api/v1/trash?questionnaireId=migrant-scoping', { headers: admin }));
  await record(
    'restore it',
    await send('/api/v1/responses/33333333-3333-4333-8333-333333333333/restore', { method: 'POST', headers: admin }),
  );
  await record('fieldwork', await send('/api/v1/questionnaires/migrant-scoping/fieldwork', { headers: admin }));
  await record('devices', await send('/api/v1/devices', { headers: admin }));
  await record('users', await send('/api/v1/users', { headers: admin }));
  // The gap analysis: two assessments of one country, its scored report, the heatmap, agreement.
  const gap = (await (await send('/api/v1/questionnaires/som-gap-analysis/versions/1/definition', { headers: admin })).json()) as object;
  const assessment = generateFullResponse(gap);
  const [a, b] = ['99999999-9999-4999-8999-999999999991', '99999999-9999-4999-8999-999999999992'];
  for (const id of [a, b])
    await record(
      'submit a gap analysis',
      await send(
        '/api/v1/questionnaires/som-gap-analysis/versions/1/responses',
        json('POST', { instanceId: id, data: assessment, country: 'TUN' }, admin),
      ),
    );
  await record('its report (JSON)', await send(`/api/v1/responses/${a}/report?format=json`, { headers: admin }));
  await record('its report (CSV)', await send(`/api/v1/responses/${a}/report?format=csv`, { headers: admin }), ['content-type']);
  await record('its report (HTML)', await send(`/api/v1/responses/${a}/report`, { headers: admin }), ['content-type']);
  await record(
    'the heatmap',
    await send('/api/v1/questionnaires/som-gap-analysis/heatmap?format=json&purpose=internal-coordination', { headers: admin }),
  );
  await record('assessor agreement', await send(`/api/v1/questionnaires/som-gap-analysis/agreement?a=${a}&b=${b}`, { headers: admin }));

  await record('close the questionnaire', await send('/api/v1/questionnaires/migrant-scoping', json('PATCH', { state: 'closed' }, admin)));
  await record('a submission once closed', await submit('77777777-7777-4777-8777-777777777777', scopingAnswers));
  await record('audit log', await send('/api/v1/audit?limit=50', { headers: admin }));

  // The browser pages and their files: the same shells, scripts and headers.
  const pageHeaders = ['content-type', 'cache-control', 'content-security-policy'];
  const home = await send('/', {});
  const html = await home.clone().text();
  await record('home page', home, pageHeaders);
  await record('enumerator app', await send('/collect/', {}), pageHeaders);
  await record('service worker', await send('/collect/sw.js', {}), ['content-type', 'cache-control']);
  const script = /src="(\/assets\/[^"]+\/home\.js)"/.exec(html)?.[1] ?? '/assets/missing/home.js';
  await record('a page script under its content hash', await send(script, {}), ['content-type', 'cache-control']);
  await record(
    'the renderer, gzipped',
    await send(script.replace('home.js', 'survey.core.min.js'), { headers: { 'accept-encoding': 'gzip' } }),
    ['content-type', 'cache-control', 'content-encoding'],
  );
  await record('a file outside the whitelist', await send(script.replace('home.js', 'package.json'), {}));
  return steps;
}
