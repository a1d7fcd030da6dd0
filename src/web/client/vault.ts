// The key that protects what the enumerator's phone keeps of interviews. It is derived from the
// enumerator's PIN (PBKDF2-SHA-256 with a per-device random salt, Web Crypto) into an AES-GCM key
// that cannot be exported, and lives in memory only while the app is unlocked: IndexedDB holds
// the salt, the iteration count and ciphertext, never the key, the PIN or an answer in clear.

/** PBKDF2 iterations: OWASP's figure for PBKDF2-SHA-256; the cost on a phone is stated in docs/pages.md. */
export const PIN_ITERATIONS = 600_000;
export const PIN_MIN_LENGTH = 6;

/** A sealed value: AES-GCM ciphertext (with its tag) and the random 96-bit IV it was sealed with. */
export interface Box {
  iv: Uint8Array;
  ct: ArrayBuffer;
}

let key: CryptoKey | null = null;

/** Web Crypto exists only in a secure context (https, or the device itself): without it nothing is stored. */
export const cryptoAvailable = () => typeof crypto !== 'undefined' && typeof crypto.subtle?.deriveKey === 'function';

export async function deriveKey(pin: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export const useKey = (k: CryptoKey) => (key = k);
export const forgetKey = () => (key = null);
export const unlocked = () => key !== null;

function current(): CryptoKey {
  if (!key) throw new Error('the app is locked');
  return key;
}

export async function seal(value: unknown, with_: CryptoKey = current()): Promise<Box> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, with_, new TextEncoder().encode(JSON.stringify(value)));
  return { iv, ct };
}

/** The sealed value; throws when the key is not the one it was sealed with (GCM's tag fails). */
export async function unseal<T>(box: Box, with_: CryptoKey = current()): Promise<T> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: box.iv as BufferSource }, with_, box.ct);
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** Why a PIN is refused, or null: long enough, not one digit repeated, not a run like 123456. */
export function pinProblem(pin: string): 'short' | 'guessable' | null {
  if (pin.length < PIN_MIN_LENGTH) return 'short';
  if (/^(.)\1*$/.test(pin)) return 'guessable';
  const codes = [...pin].map((c) => c.charCodeAt(0));
  const steps = new Set(codes.slice(1).map((c, i) => c - codes[i]!));
  if (steps.size === 1 && (steps.has(1) || steps.has(-1))) return 'guessable';
  return null;
}
