// The Node half of the parity suite (the Worker half: tests/workers/parity.worker.test.ts). Both
// must produce tests/parity/transcript.json; UPDATE_PARITY=1 rewrites it from the Node run, and a
// Worker run that then differs shows what the runtimes answer differently.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { createUser, issueApiToken } from '../../src/access/accounts';
import { publishDefinitions } from '../../src/questionnaires/publish';
import { shippedDefinitions } from '../../src/entry/shipped';
import { createTestApp, type TestApp } from '../support/app';
import { readSurveyFiles } from '../../src/entry/survey-files';
import { ROOT } from '../support/process';
import { paritySequence } from './sequence';

const TRANSCRIPT = join(import.meta.dirname, 'transcript.json');

describe('parity: the Node app', () => {
  let t: TestApp | undefined;
  afterAll(() => t?.close());

  it('answers the parity sequence as recorded in the transcript', async () => {
    t = createTestApp({ clock: { now: () => new Date() }, newId: () => crypto.randomUUID() });
    const deps = t.deps;
    await publishDefinitions(deps, shippedDefinitions(), 'system', { reportValidation: false });
    const admin = await createUser(
      deps,
      { actor: 'setup', requestId: 'setup' },
      { username: 'ada', displayName: 'Ada', password: 'a long enough passphrase', role: 'admin', countries: ['*'] },
    );
    const principal = {
      actor: `user:${admin.id}`,
      userId: admin.id,
      role: admin.role,
      countries: '*' as const,
      questionnaires: '*' as const,
      site: null,
      via: 'session' as const,
    };
    const { token } = await issueApiToken(deps, { principal, requestId: 'setup' }, 'parity', 30);
    const app = createApp(deps);
    const steps = await paritySequence((path, init) => Promise.resolve(app.request(`http://periplus.test${path}`, init)), token);
    // Only an explicit UPDATE_PARITY=1 writes the transcript: a missing one is a failure, not a run
    // compared with itself.
    if (process.env.UPDATE_PARITY) writeFileSync(TRANSCRIPT, `${JSON.stringify(steps, null, 1)}\n`);
    expect(existsSync(TRANSCRIPT), `${TRANSCRIPT} is missing: run UPDATE_PARITY=1 npm test and commit it`).toBe(true);
    expect(steps).toEqual(JSON.parse(readFileSync(TRANSCRIPT, 'utf8')));
  });
});

describe('the Worker bundle', () => {
  it('ships exactly the questionnaire files of surveys/, unchanged', async () => {
    const { files } = await readSurveyFiles(join(ROOT, 'surveys'));
    const key = (f: { questionnaireId: string; version: string }) => `${f.questionnaireId}/${f.version}`;
    const bundled = new Map(shippedDefinitions().map((f) => [key(f), f.json]));
    expect([...bundled.keys()].sort()).toEqual(files.map(key).sort());
    for (const f of files) expect(bundled.get(key(f)), key(f)).toEqual(f.json);
  });

  it('takes no secret from wrangler.toml', () => {
    const toml = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8').replace(/#[^\n]*/g, '');
    expect(toml).not.toMatch(/PSEUDONYM_KEY|SECRET|PASSWORD/i);
    expect(toml).toMatch(/migrations_dir = "db\/migrations"/);
  });
});
