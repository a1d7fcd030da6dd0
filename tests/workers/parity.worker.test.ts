// The Worker half of the parity suite: the same sequence inside workerd against local D1, and the
// same transcript the Node app produced (tests/parity/parity.test.ts).
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createUser, issueApiToken } from '../../src/access/accounts';
import worker from '../../src/entry/worker';
import { workerDeps } from '../../src/entry/workers-runtime';
import { paritySequence } from '../parity/sequence';
import transcript from '../parity/transcript.json';

describe('parity: the Worker on D1', () => {
  it('answers the parity sequence as the Node app does', async () => {
    const deps = workerDeps(env);
    // The first request publishes the shipped questionnaires, as on a fresh deployment.
    expect((await worker.fetch(new Request('http://periplus.test/api/v1/openapi.json'), env, {})).status).toBe(200);
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
    const steps = await paritySequence((path, init) => worker.fetch(new Request(`http://periplus.test${path}`, init), env, {}), token);
    expect(steps).toEqual(transcript);
  });
});
