// npm run bench:worker [-- --n 600 --clients 4]
// The ingest path on Workers, measured against `wrangler dev --local` (workerd + local D1, both
// on this machine), with the Node server as the baseline in the same run: N submissions of the
// shipped migrant scoping survey (version 3, 48 questions, on the compiled plan) by concurrent
// clients, through the API as a device would send them.
// Local D1 is SQLite in a file behind workerd: it shows the Worker's own cost per request, not
// production D1's (network round trips, one writer per database, replication).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createUser, issueApiToken } from '../src/access/accounts';
import { openDatabase } from '../src/entry/sqlite';
import type { Atomic, Db } from '../src/storage/db';
import { tempDir } from '../tests/support/app';
import { ROOT, runCli, startServerProcess } from '../tests/support/process';
import { generateFullResponse } from '../tests/support/generate';
import { shippedDefinitions } from '../src/entry/shipped';
import { percentile as pct, runLoad, type LoadRequest } from './lib/http-load';

const { values } = parseArgs({ options: { n: { type: 'string' }, clients: { type: 'string' } } });
const N = Number(values.n ?? 600);
const CLIENTS = Number(values.clients ?? 4);
const KEY = '0f'.repeat(32);
const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', CI: '1' };

/** An admin token made with the app's own account functions on the given database. */
async function adminToken(deps: { db: Db; atomic: Atomic }): Promise<string> {
  const full = { ...deps, clock: { now: () => new Date() }, newId: () => crypto.randomUUID() };
  const user = await createUser(
    full,
    { actor: 'bench', requestId: 'bench' },
    { username: 'bench', displayName: 'bench', password: 'benchmark passphrase', role: 'admin', countries: ['*'] },
  );
  const principal = {
    actor: `user:${user.id}`,
    userId: user.id,
    role: user.role,
    countries: '*' as const,
    questionnaires: '*' as const,
    site: null,
    via: 'session' as const,
  };
  return (await issueApiToken(full, { principal, requestId: 'bench' }, 'bench', 1)).token;
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (out += c));
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out}`))));
  });
}

async function startWranglerDev(persist: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = 8700 + Math.floor(Math.random() * 200);
  const child = spawn(
    join(ROOT, 'node_modules/.bin/wrangler'),
    [
      'dev',
      '--local',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      persist,
      '--var',
      `PSEUDONYM_KEY:${KEY}`,
      '--var',
      'RATE_LIMIT_PER_MINUTE:0',
      '--show-interactive-dev-session=false',
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let out = '';
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`wrangler dev did not start:\n${out}`)), 60_000);
    const onData = (c: Buffer) => {
      out += c;
      if (/Ready on/i.test(out)) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
}

async function load(url: string, token: string, answers: Record<string, unknown>) {
  const request = (i: number): LoadRequest => ({
    method: 'POST',
    path: '/api/v1/questionnaires/migrant-scoping/versions/3/responses',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ instanceId: crypto.randomUUID(), data: answers, country: 'TUN', site: `site ${i % 7}` }),
  });
  // Warm up (and publish, on the Worker).
  const warmUp = await runLoad(
    url,
    1,
    Array.from({ length: 10 }, (_, i) => request(i)),
    201,
  );
  if (warmUp.firstUnexpected) throw new Error(`warm-up failed: ${warmUp.firstUnexpected}`);
  const r = await runLoad(
    url,
    CLIENTS,
    Array.from({ length: N }, (_, i) => request(i)),
    201,
  );
  return { perSecond: N / r.seconds, p50: pct(r.latencies, 50), p99: pct(r.latencies, 99), failures: N - (r.statuses.get(201) ?? 0) };
}

const tmp = tempDir('periplus-bench-worker-');
try {
  const scoping = shippedDefinitions().find((f) => f.questionnaireId === 'migrant-scoping' && f.version === '3')!;
  const answers = generateFullResponse(scoping.json as object);

  // Node: the real server process on a SQLite file (WAL, synchronous=FULL).
  const dbFile = join(tmp.dir, 'node.sqlite');
  const handle = openDatabase(dbFile);
  const nodeToken = await adminToken(handle);
  handle.close();
  const surveys = join(tmp.dir, 'surveys');
  for (const f of shippedDefinitions()) {
    mkdirSync(join(surveys, f.questionnaireId), { recursive: true });
    writeFileSync(join(surveys, f.questionnaireId, `${f.version}.json`), JSON.stringify(f.json));
  }
  const server = await startServerProcess(['--db', dbFile, '--surveys', surveys], { PERIPLUS_RATE_LIMIT: '0' });
  let node: Awaited<ReturnType<typeof load>>;
  try {
    node = await load(server.url, nodeToken, answers);
  } finally {
    await server.stop();
  }

  // Workers, set up as docs/workers.md says: migrations applied to (local) D1, the first admin printed
  // as SQL by the CLI and executed with wrangler, then an API token asked for through the API.
  const persist = join(tmp.dir, 'wrangler');
  const wrangler = join(ROOT, 'node_modules/.bin/wrangler');
  await run(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist]);
  const admin = await runCli(['users', 'add', 'bench', '--role', 'admin', '--sql'], { PERIPLUS_PASSWORD: 'benchmark passphrase' });
  writeFileSync(join(tmp.dir, 'admin.sql'), admin.stdout);
  await run(wrangler, ['d1', 'execute', 'DB', '--local', '--persist-to', persist, '--file', join(tmp.dir, 'admin.sql')]);
  const dev = await startWranglerDev(persist);
  let worker: Awaited<ReturnType<typeof load>>;
  try {
    const signIn = await fetch(`${dev.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: 'benchmark passphrase' }),
    });
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const made = await fetch(`${dev.url}/api/v1/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'bench' }),
    });
    const workerToken = ((await made.json()) as { token: string }).token;
    worker = await load(dev.url, workerToken, answers);
  } finally {
    await dev.stop();
  }

  console.log(`bench:worker  N=${N}  clients=${CLIENTS}  migrant-scoping v3 (compiled plan)`);
  console.log(`${''.padEnd(44)} ${'per sec'.padStart(9)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)}`);
  for (const [name, r] of [
    ['Node server (SQLite WAL, synchronous=FULL)', node],
    ['wrangler dev --local (workerd + local D1)', worker],
  ] as const)
    console.log(
      `${name.padEnd(44)} ${r.perSecond.toFixed(1).padStart(9)} ${r.p50.toFixed(1).padStart(9)} ${r.p99.toFixed(1).padStart(9)}  failures: ${r.failures}`,
    );
  console.log(`wrangler dev / Node: ${(worker.perSecond / node.perSecond).toFixed(2)}x`);
} finally {
  tmp.cleanup();
}
