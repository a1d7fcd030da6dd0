// npm run bench:ingest [-- --n 400 --clients 8]
// Where the time of one submission goes, all measured in this run on this machine:
//   1. HTTP ingest: N responses to a 100-question questionnaire posted on loopback to a real
//      `periplus serve` process by several concurrent clients (validation in its worker pool,
//      SQLite in WAL with synchronous=FULL);
//   2. the same N rows written straight into a database through the same storage function;
//   3. survey-core validation alone, in this process, one response after another.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/entry/sqlite';
import { publishDefinitions } from '../src/questionnaires/publish';
import { canonicalJson, sha256Hex } from '../src/questionnaires/canonical';
import { findVersion } from '../src/storage/questionnaires';
import { insertSubmissionStatement } from '../src/storage/responses';
import { createUser, issueApiToken } from '../src/access/accounts';
import { runValidation } from '../src/validation/run';
import { tempDir } from '../tests/support/app';
import { startServerProcess } from '../tests/support/process';
import { questionnaire100q, response100q } from './lib/questionnaire-100q';

const { values } = parseArgs({ options: { n: { type: 'string' }, clients: { type: 'string' }, 'validate-n': { type: 'string' } } });
const N = Number(values.n ?? 400);
const CLIENTS = Number(values.clients ?? 8);
const VALIDATE_N = Number(values['validate-n'] ?? Math.min(N, 60));

const uuid = (i: number, run: number) => `00000000-0000-4000-8${run}00-${i.toString(16).padStart(12, '0')}`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const fmt = (x: number, d = 1) => x.toFixed(d);

async function httpIngest(dir: string) {
  const surveys = join(dir, 'surveys');
  mkdirSync(join(surveys, 'bench'), { recursive: true });
  writeFileSync(join(surveys, 'bench/1.json'), JSON.stringify(questionnaire100q()));
  const dbFile = join(dir, 'http.sqlite');
  const authorization = await benchToken(dbFile);
  // The per-caller rate limit would throttle a benchmark's single token: off for this run.
  const server = await startServerProcess(['--db', dbFile, '--surveys', surveys], { PERIPLUS_RATE_LIMIT: '0' });
  const url = `${server.url}/api/v1/questionnaires/bench/versions/1/responses`;
  const headers = { 'content-type': 'application/json', authorization };
  const post = (i: number) => fetch(url, { method: 'POST', headers, body: JSON.stringify({ instanceId: uuid(i, 1), data: response100q(i), country: 'TUN' }) });
  try {
    // Warm the pool's threads (survey-core load) before timing.
    for (let w = 0; w < 4; w++) await (await post(N + w)).arrayBuffer();
    const latencies: number[] = [];
    let next = 0;
    let failures = 0;
    // Meanwhile, a reader: if validation blocked the event loop, these reads would wait for it.
    const reads: number[] = [];
    let loading = true;
    const reader = (async () => {
      while (loading) {
        const t0 = performance.now();
        await (await fetch(`${server.url}/api/v1/questionnaires/bench`, { headers })).arrayBuffer();
        reads.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < N) {
          const i = next++;
          const t0 = performance.now();
          const res = await post(i);
          await res.arrayBuffer();
          latencies.push(performance.now() - t0);
          if (res.status !== 201) failures++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    loading = false;
    await reader;
    latencies.sort((a, b) => a - b);
    reads.sort((a, b) => a - b);
    return { perSecond: N / seconds, p50: pct(latencies, 50), p99: pct(latencies, 99), failures, readP50: pct(reads, 50), readP99: pct(reads, 99) };
  } finally {
    await server.stop();
  }
}

/** A coordinator with an API token, made in the database before the server starts. */
async function benchToken(dbFile: string): Promise<string> {
  const handle = openDatabase(dbFile);
  const deps = { db: handle.db, atomic: handle.atomic, clock: { now: () => new Date() }, newId: () => crypto.randomUUID() };
  const user = await createUser(deps, { actor: 'bench', requestId: 'bench' }, { username: 'bench', displayName: 'bench', password: 'benchmark passphrase', role: 'coordinator', countries: ['TUN'] });
  const principal = { actor: `user:${user.id}`, userId: user.id, role: user.role, countries: user.countries, questionnaires: '*' as const, site: null, via: 'session' as const };
  const { token } = await issueApiToken(deps, { principal, requestId: 'bench' }, 'bench', 1);
  handle.close();
  return `Bearer ${token}`;
}

async function directInsert(dir: string) {
  const handle = openDatabase(join(dir, 'direct.sqlite'));
  const deps = { db: handle.db, atomic: handle.atomic, clock: { now: () => new Date() }, newId: () => crypto.randomUUID() };
  await publishDefinitions(deps, [{ file: 'bench/1.json', questionnaireId: 'bench', version: '1', json: questionnaire100q() }]);
  const version = (await findVersion(handle.db, 'bench', '1'))!;
  const rows = await Promise.all(Array.from({ length: N }, async (_, i) => ({ data: response100q(i), hash: await sha256Hex(canonicalJson(response100q(i))) })));
  const started = performance.now();
  for (let i = 0; i < N; i++) {
    await handle.atomic((db) => [insertSubmissionStatement(db, {
      instanceId: uuid(i, 2),
      questionnaireId: 'bench',
      versionId: version.id,
      data: rows[i]!.data,
      payloadHash: rows[i]!.hash,
      dropped: [],
      hidden: [],
      locale: '',
      deviceStartedAt: null,
      deviceEndedAt: null,
      country: 'TUN',
      site: null,
      actor: 'bench',
      at: new Date(),
    })]);
  }
  const seconds = (performance.now() - started) / 1000;
  handle.close();
  return { perSecond: N / seconds };
}

async function validationAlone() {
  const definition = JSON.stringify(questionnaire100q());
  await runValidation({ definitionKey: 'bench', definition, data: response100q(0), locale: '', mode: 'submit' });
  const times: number[] = [];
  for (let i = 0; i < VALIDATE_N; i++) {
    const t0 = performance.now();
    const r = await runValidation({ definitionKey: 'bench', definition, data: response100q(i), locale: '', mode: 'submit' });
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(`response ${i} did not validate: ${JSON.stringify(r.errors)}`);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return { perSecondPerCore: 1000 / mean, meanMs: mean, p50: pct(times, 50), p99: pct(times, 99) };
}

const tmp = tempDir('periplus-bench-');
try {
  console.log(`bench:ingest  N=${N}  clients=${CLIENTS}  cores=${availableParallelism()}  questionnaire: 100 questions, 10 pages  durability: WAL + synchronous=FULL`);
  const validation = await validationAlone();
  const insert = await directInsert(tmp.dir);
  const http = await httpIngest(tmp.dir);
  console.log('');
  console.log('path                                   per second      p50 ms    p99 ms');
  console.log(`HTTP ingest (server, ${CLIENTS} clients)        ${fmt(http.perSecond).padStart(10)}   ${fmt(http.p50).padStart(9)} ${fmt(http.p99).padStart(9)}   failures: ${http.failures}`);
  console.log(`GET during the load (event loop free)              ${fmt(http.readP50).padStart(9)} ${fmt(http.readP99).padStart(9)}`);
  console.log(`direct insert (same storage fn)        ${fmt(insert.perSecond).padStart(10)}`);
  console.log(`survey-core validation alone (1 core)  ${fmt(validation.perSecondPerCore).padStart(10)}   ${fmt(validation.p50).padStart(9)} ${fmt(validation.p99).padStart(9)}   (${VALIDATE_N} responses)`);
  console.log('');
  console.log(`ratio direct insert / HTTP ingest:            ${fmt(insert.perSecond / http.perSecond)}x  (storage is not the bottleneck when this is large)`);
  console.log(`ratio HTTP ingest / validation on one core:   ${fmt(http.perSecond / validation.perSecondPerCore, 2)}x  (the pool spreads validation over ${availableParallelism()} cores)`);
} finally {
  tmp.cleanup();
}
