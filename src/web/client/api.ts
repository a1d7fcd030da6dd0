// Calls to our API: same origin, JSON both ways. Signed-in people send the CSRF token on writes;
// a device sends its token. Bodies over 1 KB go gzip-compressed where the browser can (a long
// interview is a fifth of the bytes on a slow link). Errors come back as { error: { code, message, details } }.

export interface ApiResult<T = any> {
  status: number;
  ok: boolean;
  body: T;
}

let csrfToken = '';
let bearer = '';

let onRevoked: (() => void) | undefined;

export const useCsrf = (token: string) => (csrfToken = token);
/** Called when the server says this device's token was revoked (the enumerator app wipes itself). */
export const whenRevoked = (handler: () => void) => (onRevoked = handler);
export const useBearer = (token: string) => (bearer = token);

export async function api<T = any>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal; file?: { bytes: Blob; type: string } } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  // A file sent as it is (an XLSForm workbook), with its own media type.
  if (init.file) headers['content-type'] = init.file.type;
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  else if (csrfToken && init.method && init.method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined = init.file ? init.file.bytes : init.body === undefined ? undefined : JSON.stringify(init.body);
  if (typeof body === 'string' && body.length > 1024 && typeof CompressionStream === 'function') {
    body = await new Response(new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    headers['content-encoding'] = 'gzip';
  }
  const res = await fetch(`/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers,
    body,
    credentials: 'same-origin',
    cache: 'no-store',
    signal: init.signal,
  });
  const text = await res.text();
  let reply: any = null;
  try {
    reply = text ? JSON.parse(text) : null;
  } catch {
    reply = { error: { code: 'not_json', message: text.slice(0, 200), details: [] } };
  }
  if (res.status === 401 && reply?.error?.code === 'device_revoked') onRevoked?.();
  return { status: res.status, ok: res.ok, body: reply };
}

/** The message of an error reply, for people. */
export const errorText = (r: ApiResult) => r.body?.error?.message ?? `HTTP ${r.status}`;

/** The signed-in person, or null (and the CSRF token is remembered for writes). */
export interface Session {
  actor: string;
  role: string;
  countries: '*' | string[];
  csrfToken?: string;
  username?: string;
  displayName?: string;
}

export async function currentSession(): Promise<Session | null> {
  const r = await api('/session');
  if (!r.ok) return null;
  if (r.body.csrfToken) useCsrf(r.body.csrfToken);
  return r.body;
}

/** A random (v4) UUID; randomUUID needs a secure context, getRandomValues does not. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
