// The real server process on a real SQLite file: durability across SIGKILL, validation in the
// worker pool, refusal to start on a changed frozen file, and the CLI commands.
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { connect } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, jsonRequest, tempDir } from '../support/app';
import { instanceId, scopingAnswers } from '../support/factories';
import { ROOT, runCli, startServerProcess } from '../support/process';
import { journeyBook, xlsx } from '../xlsform/workbooks';

/** Writes raw HTTP on one connection; resolves with what came back once the server closes it (or after 5 s). */
function rawExchange(url: string, writes: Array<string | Buffer>): Promise<{ text: string; closed: boolean; error: string | null }> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    let error: string | null = null;
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    const timer = setTimeout(() => (socket.destroy(), done({ text, closed: false, error })), 5000);
    socket.on('close', () => (clearTimeout(timer), done({ text, closed: true, error })));
    void (async () => {
      for (const w of writes) {
        if (socket.destroyed) return;
        socket.write(w);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
  });
}

const followUp = {
  title: 'Follow-up',
  family: 'other',
  triggers: [{ type: 'setvalue', expression: "{contacted} = 'yes'", setToName: 'note', setValue: 'reached' }],
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'contacted', choices: ['yes', 'no'], isRequired: true },
        { type: 'text', name: 'note' },
      ],
    },
  ],
};

describe('the server process', () => {
  const tmp = tempDir();
  const db = join(tmp.dir, 'periplus.sqlite');
  const surveys = join(tmp.dir, 'surveys');
  let auth: Record<string, string> = {};
  afterAll(() => tmp.cleanup());
  beforeAll(async () => {
    cpSync(join(ROOT, 'surveys'), surveys, { recursive: true });
    // A version whose setValue trigger the validation plan does not reproduce: it goes to the worker pool.
    mkdirSync(join(surveys, 'follow-up'));
    writeFileSync(join(surveys, 'follow-up/1.json'), JSON.stringify(followUp));
    // The first admin comes from the CLI; a script token is then made through the API, as a user would.
    const add = await runCli(['users', 'add', 'ada', '--role', 'admin', '--db', db], { PERIPLUS_PASSWORD: 'a long enough passphrase' });
    expect(add.stdout).toContain('user ada (admin, *) created');
    const server = await startServerProcess(['--db', db, '--surveys', surveys]);
    try {
      const signIn = await fetch(`${server.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ada', password: 'a long enough passphrase' }),
      });
      expect(signIn.status).toBe(200);
      const { csrfToken } = await signIn.json();
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      const made = await fetch(`${server.url}/api/v1/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ name: 'tests' }),
      });
      expect(made.status).toBe(201);
      auth = { authorization: `Bearer ${(await made.json()).token}` };
      // Publishing scoping 5 closed version 1 (closesVersions); these tests send version 1's answers.
      const reopened = await fetch(`${server.url}/api/v1/questionnaires/migrant-scoping/versions/1`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ acceptsNewData: true }),
      });
      expect(reopened.status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  const submit = (url: string, id: string, data = scopingAnswers) =>
    fetch(`${url}/api/v1/questionnaires/migrant-scoping/versions/1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ instanceId: id, data, locale: 'fr', country: 'TUN', site: 'Sfax' }),
    });

  it('keeps an acknowledged response when killed with SIGKILL right after the 2xx', async () => {
    const server = await startServerProcess(['--db', db, '--surveys', surveys]);
    const ids = [instanceId(), instanceId(), instanceId()];
    const statuses = await Promise.all(ids.map(async (id) => (await submit(server.url, id)).status));
    expect(statuses).toEqual([201, 201, 201]);
    await server.stop('SIGKILL');

    const again = await startServerProcess(['--db', db, '--surveys', surveys]);
    try {
      for (const id of ids) {
        const res = await fetch(`${again.url}/api/v1/responses/${id}`, { headers: auth });
        expect(res.status).toBe(200);
        expect((await res.json()).status).toBe('submitted');
      }
    } finally {
      await again.stop();
    }
  });

  it('validates on the compiled plan, or in the worker pool where the plan does not reach, and logs one JSON line per request', async () => {
    const server = await startServerProcess(['--db', db, '--surveys', surveys]);
    try {
      // Which path each version takes is said at start.
      expect(server.output()).toMatch(/validation +migrant-scoping 1: compiled plan/);
      expect(server.output()).toMatch(/validation +follow-up 1: full survey-core model \(worker pool\), because: survey: setvaluetrigger/);
      const post = (data: Record<string, unknown>) =>
        fetch(`${server.url}/api/v1/questionnaires/follow-up/versions/1/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth },
          body: JSON.stringify({ instanceId: instanceId(), data, country: 'TUN' }),
        });
      const missing = await post({ note: 'x' });
      expect(missing.status).toBe(422);
      expect((await missing.json()).error.details.map((d: { path: string; type: string }) => `${d.path}:${d.type}`)).toEqual([
        'contacted:required',
      ]);
      expect((await post({ contacted: 'no' })).status).toBe(201);

      const bad = await submit(server.url, instanceId(), { ...scopingAnswers, hub: 'Paris', secret_name: 'Ali' } as typeof scopingAnswers);
      expect(bad.status).toBe(422);
      const details = (await bad.json()).error.details;
      expect(details.map((d: { path: string; type: string }) => `${d.path}:${d.type}`).sort()).toEqual([
        'hub:choice',
        'secret_name:unknown_key',
      ]);
      expect(details[0].message).toMatch(/choix|question/);
      // Many at once: the pool queues them and every one gets its own verdict.
      const many = await Promise.all(Array.from({ length: 12 }, () => submit(server.url, instanceId())));
      expect(many.map((r) => r.status)).toEqual(Array(12).fill(201));
    } finally {
      await server.stop();
    }
    const lines = server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    const posts = lines.map((l) => JSON.parse(l)).filter((l) => l.method === 'POST' && l.route?.endsWith('/responses'));
    expect(posts).toHaveLength(15);
    expect(posts[2]).toMatchObject({ route: '/api/v1/questionnaires/:questionnaireId/versions/:version/responses', status: 422 });
    expect(server.output()).not.toContain('Ali');
  });

  it('answers a body over the limit with 413 whether its length is declared or it comes chunked, and stores nothing', async () => {
    const server = await startServerProcess(['--db', db, '--surveys', surveys], { PERIPLUS_BODY_LIMIT: '4096' });
    try {
      const id = instanceId();
      const body = JSON.stringify({ instanceId: id, data: { ...scopingAnswers, hub: 'x'.repeat(5000) }, country: 'TUN' });
      const url = `${server.url}/api/v1/questionnaires/migrant-scoping/versions/1/responses`;
      const declared = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body });
      expect(declared.status).toBe(413);
      expect((await declared.json()).error.code).toBe('payload_too_large');
      // A stream body goes out chunked, without a Content-Length: counted while it is read.
      const chunked = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: new Blob([body]).stream(),
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(413);
      expect((await fetch(`${server.url}/api/v1/responses/${id}`, { headers: auth })).status).toBe(404);
      // Under the limit, both ways are accepted.
      const small = JSON.stringify({ instanceId: id, data: scopingAnswers, country: 'TUN' });
      const ok = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: new Blob([small]).stream(),
        duplex: 'half',
      } as RequestInit);
      expect(ok.status).toBe(201);

      // On one kept-alive connection: the refused body is not read as a next request; the 413 says
      // Connection: close and the connection ends, so the client opens a new one.
      const head = (extra: string) =>
        `POST /api/v1/questionnaires/migrant-scoping/versions/1/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: ${auth.authorization}\r\n${extra}\r\n`;
      const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
      const kept = await rawExchange(server.url, [
        head('Transfer-Encoding: chunked\r\n'),
        chunk(body.slice(0, 3000)),
        chunk(body.slice(3000)),
        '0\r\n\r\n',
        'GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n',
      ]);
      expect(kept.text).toMatch(/^HTTP\/1\.1 413 /);
      expect(kept.text).toMatch(/\r\nconnection: close\r\n/i);
      expect(kept.closed).toBe(true);
      expect(kept.error).toBeNull();
      // Expect: 100-continue with a declared length over the limit: 413 before any of the body is sent.
      const expecting = await rawExchange(server.url, [head(`Content-Length: ${5 * 1024 * 1024}\r\nExpect: 100-continue\r\n`)]);
      expect(expecting.text).toMatch(/^HTTP\/1\.1 413 /);
      expect(expecting.text).not.toContain('100 Continue');
      expect(JSON.parse(expecting.text.slice(expecting.text.indexOf('\r\n\r\n') + 4)).error).toMatchObject({
        code: 'payload_too_large',
        context: { limitBytes: 4096 },
      });
      // A 10 MB body with its length declared, sent at once: the server reads the rest before it closes, so
      // the client, still writing, is not reset and reads the 413.
      const big = await rawExchange(server.url, [
        Buffer.concat([Buffer.from(head(`Content-Length: ${10 * 1024 * 1024}\r\n`)), Buffer.alloc(10 * 1024 * 1024, 0x20)]),
      ]);
      expect(big.text).toMatch(/^HTTP\/1\.1 413 /);
      expect(big.error).toBeNull();
    } finally {
      await server.stop();
    }
  });

  it('prints a first admin as SQL for a D1 deployment, and that account signs in once the SQL is applied', async () => {
    const out = await runCli(['users', 'add', 'root', '--role', 'admin', '--sql'], { PERIPLUS_PASSWORD: 'a long enough passphrase' });
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^INSERT INTO "users" /m);
    expect(out.stdout).not.toContain('a long enough passphrase');
    const t = createTestApp();
    try {
      t.sql(out.stdout);
      const res = await t.app.request('/api/v1/session', jsonRequest('POST', { username: 'root', password: 'a long enough passphrase' }));
      expect(res.status).toBe(200);
      expect((await res.json()).role).toBe('admin');
    } finally {
      t.close();
    }
  });

  it('refuses to start when the file of a published version was edited, naming file and question', async () => {
    const file = join(surveys, 'migrant-scoping/1.json');
    const original = readFileSync(file, 'utf8');
    const json = JSON.parse(original);
    json.pages[1].elements[0].title = 'Age band';
    writeFileSync(file, JSON.stringify(json, null, 2));
    try {
      await expect(startServerProcess(['--db', db, '--surveys', surveys])).rejects.toThrow(
        /migrant-scoping\/1\.json changed[\s\S]*Changed: age_band/,
      );
      const publish = await runCli(['publish', '--db', db, '--surveys', surveys]);
      expect(publish.code).toBe(1);
      expect(publish.stdout).toMatch(/refused\s+migrant-scoping 1/);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('publishes a new version with the CLI and lists it', async () => {
    // The next version after the newest shipped one, made from it.
    const newest = Math.max(
      ...readdirSync(join(surveys, 'migrant-scoping'))
        .map((f) => Number.parseInt(f, 10))
        .filter(Number.isFinite),
    );
    const next = newest + 1;
    const json = JSON.parse(readFileSync(join(surveys, `migrant-scoping/${newest}.json`), 'utf8'));
    json.pages[2].elements.push({ type: 'radiogroup', name: 'would_leave_again', choices: ['yes', 'no', 'unsure'], sdcRole: 'sensitive' });
    // Its disclosure policy (the newest version's applies) is one the test's few interviews meet.
    json.disclosure = { k: 2, l: 1, maxGlobalRisk: 1, maxIndividualRisk: 1 };
    // Version 1 was opened again for these tests: the copy does not close it a second time.
    delete json.closesVersions;
    writeFileSync(join(surveys, `migrant-scoping/${next}.json`), JSON.stringify(json));
    const publish = await runCli(['publish', '--db', db, '--surveys', surveys]);
    expect(publish.code).toBe(0);
    expect(publish.stdout).toMatch(/unchanged\s+migrant-scoping 1/);
    expect(publish.stdout).toMatch(/unchanged\s+migrant-scoping 2/);
    expect(publish.stdout).toMatch(/unchanged\s+migrant-scoping 3/);
    expect(publish.stdout).toMatch(new RegExp(`unchanged\\s+migrant-scoping ${newest}\\b`));
    expect(publish.stdout).toMatch(new RegExp(`published\\s+migrant-scoping ${next}[\\s\\S]*added: would_leave_again`));
    const list = await runCli(['list', '--db', db]);
    expect(list.stdout).toMatch(/migrant-scoping\s+\[open\]/);
    expect(list.stdout).toMatch(new RegExp(`\\* ${next}\\s+\\d+ questions`));
  });

  it('converts an XLSForm with the CLI (warnings and errors named by cell) and publishes a workbook put in surveys/', async () => {
    const dir = join(surveys, 'journeys');
    mkdirSync(dir, { recursive: true });
    const book = structuredClone(journeyBook);
    book.survey[0]!.push('notes');
    book.survey[2]!.push('remember to translate');
    writeFileSync(join(dir, '1.xlsx'), await xlsx(book));
    const converted = await runCli(['xlsform', join(dir, '1.xlsx'), '--out', join(tmp.dir, 'journeys.json')]);
    expect(converted.code).toBe(0);
    expect(converted.stderr).toMatch(/warning survey!L1: column 'notes' is not read/);
    expect(JSON.parse(readFileSync(join(tmp.dir, 'journeys.json'), 'utf8')).languages).toEqual(['en', 'ar']);
    const publish = await runCli(['publish', '--db', db, '--surveys', surveys]);
    expect(publish.code).toBe(0);
    expect(publish.stdout).toMatch(/published\s+journeys 1 .*1\.xlsx[\s\S]*added: .*consent[\s\S]*~ survey!L1: column 'notes' is not read/);
    const broken = structuredClone(journeyBook);
    broken.survey[5]![7] = '. >=';
    writeFileSync(join(tmp.dir, 'broken.xlsx'), await xlsx(broken));
    const refused = await runCli(['xlsform', join(tmp.dir, 'broken.xlsx')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/error survey!H6: constraint "\. >=": the expression ends too early/);
  });

  it('validates a response file offline with the server rules (exit 0 valid, 1 invalid)', async () => {
    const good = join(tmp.dir, 'good.json');
    const bad = join(tmp.dir, 'bad.json');
    writeFileSync(good, JSON.stringify({ data: scopingAnswers, locale: 'fr' }));
    writeFileSync(bad, JSON.stringify({ ...scopingAnswers, age_band: '12-17' }));
    const ok = await runCli(['validate', 'migrant-scoping', '1', good, '--surveys', surveys]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, errors: [] });
    const ko = await runCli(['validate', 'migrant-scoping', '1', bad, '--surveys', surveys, '--locale', 'fr']);
    expect(ko.code).toBe(1);
    expect(JSON.parse(ko.stdout).errors).toEqual([expect.objectContaining({ path: 'age_band', type: 'choice' })]);
    const usage = await runCli(['validate', 'migrant-scoping']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('validate needs');
  });

  it('backs up the live database while the server keeps writing', async () => {
    const count = (file: string) => {
      const sqlite = new Database(file, { readonly: true });
      try {
        return (sqlite.prepare('select count(*) n from responses').get() as { n: number }).n;
      } finally {
        sqlite.close();
      }
    };
    const before = count(db);
    const server = await startServerProcess(['--db', db, '--surveys', surveys]);
    const copy = join(tmp.dir, 'backup', 'copy.sqlite');
    mkdirSync(join(tmp.dir, 'backup'));
    try {
      const writes = Promise.all(Array.from({ length: 10 }, () => submit(server.url, instanceId())));
      const backup = await runCli(['backup', copy, '--db', db]);
      expect(backup.code).toBe(0);
      expect(backup.stdout).toContain('integrity ok');
      expect((await writes).every((r) => r.status === 201)).toBe(true);
      // Answers about people: the database, its WAL and the backup are readable by their owner only.
      for (const file of [db, `${db}-wal`, copy]) expect(statSync(file).mode & 0o777, file).toBe(0o600);
    } finally {
      await server.stop();
    }
    // Everything acknowledged before the backup began is in it; the concurrent writes may or may not be.
    const n = count(copy);
    expect(n).toBeGreaterThanOrEqual(before);
    expect(n).toBeLessThanOrEqual(before + 10);
  });

  it('streams a dataset bundle over HTTP from the real server, with a pseudonym key file kept beside the database', async () => {
    const server = await startServerProcess(['--db', db, '--surveys', surveys]);
    try {
      const res = await fetch(`${server.url}/api/v1/questionnaires/migrant-scoping/export?profile=pseudonymized`, { headers: auth });
      expect(res.status).toBe(200);
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      const manifest = JSON.parse(strFromU8(files['manifest.json']!));
      expect(manifest.responses).toBe(Number(res.headers.get('x-periplus-rows')));
      expect(manifest.responses).toBeGreaterThanOrEqual(15);
      expect(strFromU8(files['migrant-scoping.csv']!).trim().split('\n')).toHaveLength(manifest.responses + 1);
      // The public profile's disclosure control runs in the server's worker thread.
      const publicRes = await fetch(`${server.url}/api/v1/questionnaires/migrant-scoping/export?profile=public`, { headers: auth });
      expect(publicRes.status, await publicRes.clone().text()).toBe(200);
      const publicFiles = unzipSync(new Uint8Array(await publicRes.arrayBuffer()));
      expect(JSON.parse(strFromU8(publicFiles['manifest.json']!)).profile).toBe('public');
      expect(strFromU8(publicFiles['migrant-scoping.csv']!).trim().split('\n')).toHaveLength(manifest.responses + 1);
    } finally {
      await server.stop();
    }
    expect(statSync(`${db}.key`).mode & 0o777).toBe(0o600);
  });

  it('turns a questionnaire closed with the CLI', async () => {
    const res = await runCli(['state', 'migrant-scoping', 'closed', '--db', db]);
    expect(res.code).toBe(0);
    const server = await startServerProcess(['--db', db, '--surveys', surveys]);
    try {
      expect((await submit(server.url, instanceId())).status).toBe(409);
    } finally {
      await server.stop();
    }
  });
});
