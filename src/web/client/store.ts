// The enumerator app's storage in IndexedDB: the outbox of completed interviews (kept until the
// server acknowledges each one), the pinned questionnaire definitions, the interview in progress,
// and small settings. IndexedDB survives reloads, closing the browser and going offline.

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
}

const DB_NAME = 'periplus';
const STORES = ['outbox', 'definitions', 'settings', 'progress'] as const;
type StoreName = (typeof STORES)[number];

let opened: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
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

export const outbox = {
  add: (item: OutboxItem) => store.put('outbox', item),
  all: () => store.all<OutboxItem>('outbox'),
  update: (item: OutboxItem) => store.put('outbox', item),
};

/**
 * The server acknowledged an interview: it leaves the outbox and joins the sent count in one
 * transaction, so a crash in between can neither lose it nor count it twice.
 */
export function acknowledge(instanceId: string, record: unknown, keepRecent = 50): Promise<void> {
  return transaction(['outbox', 'settings'], 'readwrite', (tx) => {
    const settings = tx.objectStore('settings');
    tx.objectStore('outbox').delete(instanceId);
    const count = settings.get('sentCount');
    count.onsuccess = () => settings.put(((count.result as number | undefined) ?? 0) + 1, 'sentCount');
    const recent = settings.get('sentRecent');
    recent.onsuccess = () => settings.put([record, ...((recent.result as unknown[] | undefined) ?? [])].slice(0, keepRecent), 'sentRecent');
    return () => undefined;
  });
}

export async function setting<T>(key: string): Promise<T | undefined> {
  return store.get<T>('settings', key);
}
export async function setSetting(key: string, value: unknown): Promise<void> {
  await store.put('settings', value, key);
}
