// Base64 as stored for release bundles and ledgers, against Node's own encoder.
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../src/shared/base64';

describe('base64', () => {
  it('encodes every length and every byte as Node does, and decodes back', () => {
    let seed = 3;
    const byte = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) >>> 24;
    for (const length of [0, 1, 2, 3, 4, 5, 6, 7, 255, 256, 257, 100_000, 100_001, 100_002]) {
      const bytes = Uint8Array.from({ length }, byte);
      const text = toBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(fromBase64(text)).toEqual(bytes);
    }
    expect(toBase64(Uint8Array.from({ length: 256 }, (_, i) => i))).toBe(
      Buffer.from(Uint8Array.from({ length: 256 }, (_, i) => i)).toString('base64'),
    );
  });

  it('refuses text that is not base64 rather than decoding it to other bytes', () => {
    for (const bad of ['A', 'AB', 'ABC', 'AB=C', 'A===', 'AB\u00e9=', 'AB-_', 'AB C'])
      expect(() => fromBase64(bad), bad).toThrow(/invalid base64/);
    expect(fromBase64('')).toEqual(new Uint8Array(0));
  });
});
