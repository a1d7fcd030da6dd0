// Disclosure control of a public export in a worker thread: on a million responses it computes for
// seconds, and the event loop must keep taking submissions meanwhile. One thread, started when a
// public export needs it and stopped as soon as it has no work: its heap (up to the bound below)
// is returned while the export's second pass writes the bundle, and a release is rare enough
// that starting a thread for each costs nothing worth keeping the memory for.
//
// The thread's heap is bounded: left to itself, V8 lets the search's short-lived key maps pile up
// to 200 MB before collecting them, although what it keeps is a few megabytes. A table too large
// for the bound (ERR_WORKER_OUT_OF_MEMORY: only that thread dies) is computed again in a thread
// without one, so the bound costs memory, never a result.
import { Piscina } from 'piscina';
import type { Anonymizer } from '../datasets/anonymize/anonymize';

/** The bounded thread's old generation, in MB (enough for tables of a few hundred thousand key rows). */
export const SDC_HEAP_MB = 96;

export function createSdcPool(heapMb = SDC_HEAP_MB): Anonymizer & { close(): Promise<void>; retries(): number } {
  const pool = (resourceLimits?: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number }) =>
    new Piscina({
      filename: new URL('./sdc-worker.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: 0,
      ...(resourceLimits ? { resourceLimits } : {}),
    });
  const bounded = pool({ maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16 });
  let roomy: Piscina | undefined;
  let retried = 0;
  const run: Anonymizer = async (table, policy) => {
    try {
      return await bounded.run({ table, policy });
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw e;
      retried++;
      roomy ??= pool();
      return roomy.run({ table, policy });
    }
  };
  return Object.assign(run, {
    close: async () => {
      await Promise.all([bounded.destroy(), roomy?.destroy()]);
    },
    retries: () => retried,
  });
}
