// Canonical JSON (sorted keys, no insignificant white space) and its SHA-256: the identity of a
// published version, and the identity of a submitted payload for idempotent retries.
import { createHash } from 'node:crypto';

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
 * Hex SHA-256, computed in the calling thread by node:crypto (native on Node; on Workers through
 * the nodejs_compat flag). WebCrypto's digest is asynchronous: on Node each call waits for a
 * thread-pool round trip, a sizeable share of a submission's time for a few kilobytes hashed; a
 * JavaScript SHA-256 (@noble/hashes) took ~40 µs of every submission (its payload and token).
 */
export async function sha256Hex(text: string): Promise<string> {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * An incremental SHA-256 by node:crypto, as above: a release's snapshot and its bundle's files are
 * hashed as they stream by (a JavaScript SHA-256 took 3 s of 200,000 records' release).
 */
export interface Sha256 {
  update(data: Uint8Array | string): Sha256;
  hex(): string;
}

export function sha256Hasher(): Sha256 {
  const hash = createHash('sha256');
  const self: Sha256 = {
    update(data) {
      hash.update(data);
      return self;
    },
    hex: () => hash.digest('hex'),
  };
  return self;
}
