// The enumerator app's storage in IndexedDB: the outbox of completed interviews (kept until the
// server acknowledges each one), the pinned questionnaire definitions, the interview in progress,
// and small settings. IndexedDB survives reloads, closing the browser and going offline.
// Interviews (queued or in progress) and the device token are sealed with the PIN's key
// (vault.ts): a record holds its key field and ciphertext only. Definitions, counts and the
// vault's salt stay in clear: they say nothing of any respondent.
import { type Box, deriveKey, PIN_ITERATIONS, seal, unseal, useKey } from './vault';

export interface OutboxItem {
  instanceId: string;
  questionnaireId: string;
  /** The version the interview was answered on: kept, whatever version is current later. */
  version: string;
  data: Record<string, unknown>;
  locale: string;
  startedAt: string;
  endedAt: string;
  /** Screening stopped it: data holds only what the screening rules read. */
  refusal: boolean;
  /**
   * The respondent stopped it: data is empty and the server counts it (reason withdrawn), or, when
   * the respondent allowed it, data holds the answers given so far (refusal is then false).
   */
  withdrawn?: boolean;
  /** It was paused for the respondent's distress: the flag goes with the interview, or with its count. */
  distress?: boolean;
  /** The stop showed the child-protection referral (recorded with the count, nothing else). */
  childReferral?: boolean;
  state: 'waiting' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  queuedAt: string;
}

export interface StoredDefinition {
  key: string; // questionnaireId@version
  questionnaireId: string;
  version: string;
  title: string;
  json: Record<string, unknown>;
  current: boolean;
}

export interface InProgress {
  key: 'current';
  instanceId: string;
  questionnaireId: string;
  version: string;
  data: Record<string, unknown>;
  page: number;
  locale: string;
  startedAt: string;
  /** Paused for the respondent's distress at least once. */
  distress?: boolean;
}

const DB_NAME = 'periplus';
const STORES = ['outbox', 'definitions', 'settings', 'progress'] as const;
type StoreName = (typeof STORES)[number];

let opened: Promise<IDBDatabase> | undefined;

/** Set once the database is wiped: nothing may write it again (a late send would recreate it) until the page reloads. */
let wiped = false;

function open(): Promise<IDBDatabase> {
  if (wiped) return Promise.reject(new Error('this device was wiped'));
  return (opened ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'instanceId' });
      if (!db.objectStoreNames.contains('definitions')) db.createObjectStore('definitions', { keyPath: 'key' });
      if (!db.objectStoreNames.contains('settings')) db.createObjectStore('settings');
      if (!db.objectStoreNames.contains('progress')) db.createObjectStore('progress', { keyPath: 'key' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  }));
}

/** Runs `body` in one durable transaction over `stores`; resolves with its result once committed. */
async function transaction<T>(stores: StoreName[], mode: IDBTransactionMode, body: (tx: IDBTransaction) => () => T): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(stores, mode, { durability: 'strict' } as IDBTransactionOptions);
    const result = body(tx);
    tx.oncomplete = () => resolve(result());
    // A failed request's error bubbles to the transaction.
    tx.onerror = (e) => reject((e.target as IDBRequest | null)?.error ?? tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** One request in its own transaction. */
function run<T>(store: StoreName, mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return transaction([store], mode, (tx) => {
    const req = op(tx.objectStore(store));
    return () => req.result;
  });
}

export const store = {
  put: (name: StoreName, value: unknown, key?: IDBValidKey) => run(name, 'readwrite', (s) => s.put(value, key)),
  get: <T>(name: StoreName, key: IDBValidKey) => run<T | undefined>(name, 'readonly', (s) => s.get(key) as IDBRequest<T | undefined>),
  all: <T>(name: StoreName) => run<T[]>(name, 'readonly', (s) => s.getAll() as IDBRequest<T[]>),
  delete: (name: StoreName, key: IDBValidKey) => run(name, 'readwrite', (s) => s.delete(key)),
  clear: (name: StoreName) => run(name, 'readwrite', (s) => s.clear()),
};

/** What IndexedDB holds of a sealed record: its key and the ciphertext of the whole record. */
interface Sealed {
  box: Box;
}
const isSealed = (v: unknown): v is Sealed => typeof v === 'object' && v !== null && 'box' in v;

export const outbox = {
  add: async (item: OutboxItem) => store.put('outbox', { instanceId: item.instanceId, box: await seal(item) }),
  all: async () => Promise.all((await store.all<Sealed>('outbox')).map((r) => unseal<OutboxItem>(r.box))),
  update: (item: OutboxItem) => outbox.add(item),
  /** How many interviews wait, readable while the app is locked (records are counted, not opened). */
  count: async () => (await store.all<unknown>('outbox')).length,
};

export const progress = {
  get: async () => {
    const r = await store.get<Sealed & { key: 'current' }>('progress', 'current');
    return r ? unseal<InProgress>(r.box) : undefined;
  },
  put: async (value: InProgress) => store.put('progress', { key: 'current', box: await seal(value) }),
  delete: () => store.delete('progress', 'current'),
};

export const deviceToken = {
  get: async () => {
    const v = await setting<Box | string>('deviceToken');
    return v === undefined ? undefined : typeof v === 'string' ? v : unseal<string>(v);
  },
  set: async (token: string) => setSetting('deviceToken', await seal(token)),
};

/** The PIN's salt, iterations and a sealed check value: enough to know a PIN, never the key. */
interface VaultRecord {
  salt: Uint8Array;
  iterations: number;
  check: Box;
}
const CHECK = 'periplus-pin-check';
export const MAX_PIN_FAILURES = 5;

export const hasPin = async () => (await setting<VaultRecord>('vault')) !== undefined;

/**
 * Sets the PIN of this device: a new salt and key, and everything already stored in clear (by
 * an earlier version of the app) sealed with it.
 */
export async function choosePin(pin: string): Promise<void> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveKey(pin, salt, PIN_ITERATIONS);
  useKey(key);
  const legacyToken = await setting<unknown>('deviceToken');
  if (typeof legacyToken === 'string') await deviceToken.set(legacyToken);
  for (const item of await store.all<unknown>('outbox')) if (!isSealed(item)) await outbox.add(item as OutboxItem);
  const current = await store.get<unknown>('progress', 'current');
  if (current && !isSealed(current)) await progress.put(current as InProgress);
  await setSetting('vault', { salt, iterations: PIN_ITERATIONS, check: await seal(CHECK, key) } satisfies VaultRecord);
  await setSetting('pinFailures', 0);
}

/**
 * Unlocks with a PIN. A wrong one is counted before it is checked (a closed tab cannot undo the
 * count); at MAX_PIN_FAILURES everything on the device is wiped.
 */
export async function unlock(pin: string): Promise<{ ok: true } | { ok: false; left: number } | { wiped: true }> {
  const vault = await setting<VaultRecord>('vault');
  if (!vault) throw new Error('no PIN set');
  const failures = ((await setting<number>('pinFailures')) ?? 0) + 1;
  await setSetting('pinFailures', failures);
  const key = await deriveKey(pin, vault.salt, vault.iterations);
  const right = await unseal<string>(vault.check, key).then(
    (v) => v === CHECK,
    () => false,
  );
  if (right) {
    await setSetting('pinFailures', 0);
    useKey(key);
    return { ok: true };
  }
  if (failures >= MAX_PIN_FAILURES) {
    await wipeDevice();
    return { wiped: true };
  }
  return { ok: false, left: MAX_PIN_FAILURES - failures };
}

/** Deletes the whole database: interviews, token, definitions, PIN. The app starts from enrolment. */
export async function wipeDevice(): Promise<void> {
  wiped = true;
  if (opened) (await opened.catch(() => undefined))?.close();
  opened = undefined;
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    req.onblocked = () => resolve(); // another tab holds it: deleted as soon as that tab lets go
  });
}

/**
 * The server acknowledged an interview: it leaves the outbox and joins the sent count in one
 * transaction, so a crash in between can neither lose it nor count it twice. The list of recently
 * sent interviews is sealed too: their instance ids are keys to what the server holds.
 */
export async function acknowledge(instanceId: string, record: unknown, keepRecent = 50): Promise<void> {
  // Sealed before the transaction opens: an IndexedDB transaction cannot wait for Web Crypto.
  const sealed = await seal(record);
  return transaction(['outbox', 'settings'], 'readwrite', (tx) => {
    const settings = tx.objectStore('settings');
    tx.objectStore('outbox').delete(instanceId);
    const count = settings.get('sentCount');
    count.onsuccess = () => settings.put(((count.result as number | undefined) ?? 0) + 1, 'sentCount');
    const recent = settings.get('sentRecent');
    recent.onsuccess = () => {
      // Entries an earlier version of the app kept in clear are dropped, not carried on.
      const kept = ((recent.result as unknown[] | undefined) ?? []).filter(
        (r): r is Box => typeof r === 'object' && r !== null && 'ct' in r,
      );
      settings.put([sealed, ...kept].slice(0, keepRecent), 'sentRecent');
    };
    return () => undefined;
  });
}

/** The recently sent interviews, newest first. */
export async function sentRecently<T>(): Promise<T[]> {
  const boxes = ((await setting<unknown[]>('sentRecent')) ?? []).filter((r): r is Box => typeof r === 'object' && r !== null && 'ct' in r);
  return Promise.all(boxes.map((b) => unseal<T>(b)));
}

export async function setting<T>(key: string): Promise<T | undefined> {
  return store.get<T>('settings', key);
}
export async function setSetting(key: string, value: unknown): Promise<void> {
  await store.put('settings', value, key);
}
