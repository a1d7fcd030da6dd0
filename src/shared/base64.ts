// Bytes to base64 text and back, with what every runtime has: stored release bundles and ledgers
// are text, one D1 row at a time. Encoding goes through a table into bytes decoded as ASCII: a
// million-record bundle took 1.2 s through String.fromCharCode and btoa.

const ALPHABET = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const PAD = 0x3d; // '='

export function toBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const whole = bytes.length - (bytes.length % 3);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ALPHABET[n >>> 18]!;
    out[o++] = ALPHABET[(n >>> 12) & 63]!;
    out[o++] = ALPHABET[(n >>> 6) & 63]!;
    out[o++] = ALPHABET[n & 63]!;
  }
  if (whole < bytes.length) {
    const n = (bytes[whole]! << 16) | ((bytes[whole + 1] ?? 0) << 8);
    out[o++] = ALPHABET[n >>> 18]!;
    out[o++] = ALPHABET[(n >>> 12) & 63]!;
    out[o++] = whole + 1 < bytes.length ? ALPHABET[(n >>> 6) & 63]! : PAD;
    out[o++] = PAD;
  }
  return new TextDecoder().decode(out);
}

/** Each character's six bits, or -1. */
const SEXTET = new Int8Array(128).fill(-1);
ALPHABET.forEach((c, i) => {
  SEXTET[c] = i;
});

/**
 * Decoded from the text's characters straight into bytes: atob's string of the bytes, as large
 * again, was garbage in V8's large-object space, freed only by a full collection (a stored chunk
 * is 192 KB of text: a million records' ledger, read by the next release, left 20 MB of them).
 */
export function fromBase64(text: string): Uint8Array {
  let end = text.length;
  if (end % 4 !== 0) throw new Error('invalid base64: its length is not a multiple of 4');
  let pad = 0;
  while (pad < 2 && end > 0 && text.charCodeAt(end - 1) === PAD) {
    end--;
    pad++;
  }
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  const sextet = (i: number) => {
    const c = text.charCodeAt(i);
    const v = c < 128 ? SEXTET[c]! : -1;
    if (v < 0) throw new Error(`invalid base64: character ${i} is not of its alphabet`);
    return v;
  };
  let o = 0;
  let i = 0;
  for (; i + 4 <= end; i += 4) {
    const n = (sextet(i) << 18) | (sextet(i + 1) << 12) | (sextet(i + 2) << 6) | sextet(i + 3);
    out[o++] = n >>> 16;
    out[o++] = (n >>> 8) & 255;
    out[o++] = n & 255;
  }
  if (i < end) {
    // The last group, padded: two or three characters.
    let n = (sextet(i) << 18) | (sextet(i + 1) << 12);
    if (i + 2 < end) n |= sextet(i + 2) << 6;
    out[o++] = n >>> 16;
    if (i + 2 < end) out[o++] = (n >>> 8) & 255;
  }
  return out;
}
