// Sending queued interviews. An interview leaves the outbox only after the server acknowledged it
// (201 stored, 200 already stored: the instance id makes resends safe). Network errors, 5xx, 408
// and 429 retry with exponential backoff; a refusal by the server (4xx) keeps the interview as
// failed, with the server's reason, until someone sends it again or a coordinator looks at it.
import { api, errorText } from './api';
import { acknowledge, outbox, type OutboxItem } from './store';

const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 10 * 60_000;

export interface SentRecord {
  instanceId: string;
  questionnaireId: string;
  at: string;
  refusal: boolean;
}

/** How long to wait before attempt n+1 (with jitter, so devices coming online together spread out). */
export function backoff(attempts: number, random = Math.random()): number {
  const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(delay * (0.75 + random * 0.5));
}

const retryable = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;

let running: Promise<void> | undefined;

/**
 * Whether the server answered the last attempt to reach it (null before any). The browser's
 * `navigator.onLine` only says a network interface is up: behind a dead hotspot, a captive portal
 * or in some Chromium versions' offline emulation it stays true. What the app shows and does
 * rests on what its requests met.
 */
let reachable: boolean | null = null;

/** Called with the outcome of every request to the server. */
export function noteReachable(answered: boolean): void {
  reachable = answered;
}

/** Online as far as the app can tell: a network interface, and the server answered the last request. */
export const isOnline = () => navigator.onLine && reachable !== false;

/**
 * Sends every due interview (all waiting and failed ones when `force`), one at a time, oldest
 * first. Concurrent calls share one run. Calls `changed` after each item so the counts stay true.
 */
export function sendQueued(opts: { force?: boolean; changed?: () => void } = {}): Promise<void> {
  return (running ??= sendAll(opts).finally(() => (running = undefined)));
}

async function sendAll({ force = false, changed }: { force?: boolean; changed?: () => void }): Promise<void> {
  const items = (await outbox.all()).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  for (const item of items) {
    const due = force || (item.state === 'waiting' && item.nextAttemptAt <= Date.now());
    if (!due) continue;
    const outcome = await sendOne(item);
    changed?.();
    if (outcome === 'offline') break; // no network: the rest would fail the same way
  }
}

async function sendOne(item: OutboxItem): Promise<'sent' | 'retry' | 'failed' | 'offline'> {
  let status = 0;
  let reason = '';
  try {
    const r = await api(
      `/questionnaires/${encodeURIComponent(item.questionnaireId)}/versions/${encodeURIComponent(item.version)}/responses`,
      {
        method: 'POST',
        body: {
          instanceId: item.instanceId,
          data: item.data,
          locale: item.locale,
          startedAt: item.startedAt,
          endedAt: item.endedAt,
          ...(item.withdrawn ? { withdrawn: true } : {}),
          ...(item.distress ? { distress: true } : {}),
          ...(item.childReferral ? { childReferral: true } : {}),
        },
      },
    );
    status = r.status;
    noteReachable(true);
    // The device was revoked: nothing more can be sent, and the app is wiping itself (api.ts).
    if (r.body?.error?.code === 'device_revoked') return 'offline';
    if (r.status === 200 || r.status === 201) {
      const record: SentRecord = {
        instanceId: item.instanceId,
        questionnaireId: item.questionnaireId,
        at: new Date().toISOString(),
        refusal: item.refusal || r.body?.refused === true,
      };
      await acknowledge(item.instanceId, record);
      return 'sent';
    }
    reason = errorText(r);
    if (r.status === 422 && Array.isArray(r.body?.error?.details))
      reason += ` (${r.body.error.details.map((d: { path: string; message: string }) => `${d.path}: ${d.message}`).join('; ')})`;
  } catch (e) {
    noteReachable(false);
    reason = navigator.onLine ? `network error (${(e as Error).message})` : 'offline';
  }
  const attempts = item.attempts + 1;
  if (retryable(status) || status === 401) {
    // Unreachable: try again soon (5-10 s), however long it lasted; the server's own refusals back off.
    const delay = status === 0 ? backoff(Math.min(attempts, 2)) : backoff(attempts);
    await outbox.update({ ...item, state: 'waiting', attempts, nextAttemptAt: Date.now() + delay, lastError: reason });
    return status === 0 ? 'offline' : 'retry';
  }
  await outbox.update({ ...item, state: 'failed', attempts, nextAttemptAt: Number.MAX_SAFE_INTEGER, lastError: reason });
  return 'failed';
}

/** When the next automatic attempt is due, if any interview waits. */
export async function nextAttempt(): Promise<number | undefined> {
  const times = (await outbox.all()).filter((i) => i.state === 'waiting').map((i) => i.nextAttemptAt);
  return times.length ? Math.min(...times) : undefined;
}
