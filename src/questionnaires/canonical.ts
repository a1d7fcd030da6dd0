// Canonical JSON (sorted keys, no insignificant white space) and its SHA-256: the identity of a
// published version, and the identity of a submitted payload for idempotent retries.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** JSON with object keys sorted at every depth, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/**
 * Hex SHA-256, computed in the calling thread with @noble/hashes (runs on Node and Workers alike).
 * WebCrypto's digest is asynchronous: on Node each call waits for a thread-pool round trip, which
 * was a sizeable share of a submission's time for a few kilobytes hashed.
 */
export async function sha256Hex(text: string): Promise<string> {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
