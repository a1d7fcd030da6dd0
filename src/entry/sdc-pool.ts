// Disclosure control of a public export in a worker thread: on a million responses it computes for
// seconds, and the event loop must keep taking submissions meanwhile. One thread, started when a
// public export needs it and stopped as soon as it has no work: its heap (up to the bound below)
// is returned while the export's second pass writes the bundle, and a release is rare enough
// that starting a thread for each costs nothing worth keeping the memory for.
//
// The thread's heap is bounded: left to itself, V8 lets the search's short-lived key maps pile up
// to 200 MB before collecting them, although what it keeps is a few megabytes. The bound grows
// with the table, so that it is not reached: a thread that reaches its bound in the middle of a
// large allocation (a map growing) can take the whole process down with V8's fatal out-of-memory
// error instead of ending alone, as a million realistic interviews under a fixed 96 MB bound did.
// A table that still outgrows its bound (ERR_WORKER_OUT_OF_MEMORY: only that thread dies) is
// computed again in a thread without one, so the bound costs memory, never a result; except a
// large table, which is moved to the thread rather than copied, and so is no longer here to
// compute again (its run fails instead: the bound is sized for it not to).
import { Piscina } from 'piscina';
import type { Anonymizer } from '../datasets/anonymize/anonymize';
import { tableBuffers, type SdcTable } from '../datasets/anonymize/table';
import { listBytes } from '../datasets/anonymize/value-lists';

/** The bounded thread's old generation, in MB, for small tables. */
export const SDC_HEAP_MB = 96;

/** Tables of more bytes than this are moved to the thread, not copied. */
export const MOVE_BYTES = 16 * 2 ** 20;

/** Bytes of a table's arrays: its codes, weights and sensitive values. */
export function tableBytes(t: SdcTable): number {
  let bytes = 0;
  for (const c of t.codes) bytes += c.byteLength;
  bytes += (t.weights?.byteLength ?? 0) + (t.origin?.byteLength ?? 0);
  for (const s of t.sensitive ?? []) bytes += s.one.byteLength + s.blanked.byteLength + listBytes(s.many);
  return bytes;
}

/**
 * The heap bound for a table: the default, or eight times the table's arrays and 32 MB, whichever
 * is more (the search's key maps and frequency arrays are a few times the table).
 */
export function heapBoundFor(t: SdcTable, heapMb = SDC_HEAP_MB): number {
  return Math.max(heapMb, Math.ceil((8 * tableBytes(t)) / 2 ** 20) + 32);
}

/**
 * `scaleWithTable: false` keeps the bound fixed whatever the table, which only the test of the
 * fallback (a table outgrowing its bound) wants; `moveAbove` sets the bytes past which a table is
 * moved rather than copied (tests move small ones).
 */
export function createSdcPool(
  heapMb = SDC_HEAP_MB,
  opts: { scaleWithTable?: boolean; moveAbove?: number } = {},
): Anonymizer & { close(): Promise<void>; retries(): number; lastBound(): number | undefined } {
  const pool = (maxOldGenerationSizeMb?: number) =>
    new Piscina({
      filename: new URL('./sdc-worker.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: 0,
      ...(maxOldGenerationSizeMb ? { resourceLimits: { maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 16 } } : {}),
    });
  const bounded = pool(heapMb);
  let roomy: Piscina | undefined;
  let retried = 0;
  let last: number | undefined;
  const run: Anonymizer = async (table, policy) => {
    const mb = opts.scaleWithTable === false ? heapMb : heapBoundFor(table, heapMb);
    last = mb;
    // A larger bound is a thread of its own, stopped with its run.
    const own = mb === heapMb ? bounded : pool(mb);
    // A large table is moved to the thread and back, not copied: at a million nearly unique records
    // the copy was 80 MB more while the thread ran. What was moved is gone from this thread, so it
    // cannot be computed again if the thread runs out of memory: its bound is sized not to.
    const move = tableBytes(table) > (opts.moveAbove ?? MOVE_BYTES);
    try {
      return await own.run({ table, policy, move }, move ? { transferList: tableBuffers(table) } : {});
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw e;
      if (move) throw new Error(`disclosure control ran out of its ${mb} MB heap on a table of ${table.n} rows`);
      retried++;
      roomy ??= pool();
      return roomy.run({ table, policy });
    } finally {
      if (own !== bounded) await own.destroy();
    }
  };
  return Object.assign(run, {
    close: async () => {
      await Promise.all([bounded.destroy(), roomy?.destroy()]);
    },
    retries: () => retried,
    /** The heap bound of the last run (a list of every run's would grow with the server's life). */
    lastBound: () => last,
  });
}
