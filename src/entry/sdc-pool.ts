// Disclosure control of a public export in a worker thread: on a million responses it computes for
// seconds, and the event loop must keep taking submissions meanwhile. One thread, started when the
// first public export needs it and stopped after a minute unused.
import { Piscina } from 'piscina';
import type { Anonymizer } from '../datasets/anonymize/anonymize';

export function createSdcPool(): Anonymizer & { close(): Promise<void> } {
  const pool = new Piscina({
    filename: new URL('./sdc-worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 60_000,
  });
  const run: Anonymizer = (table, policy) => pool.run({ table, policy });
  return Object.assign(run, { close: () => pool.destroy() });
}
