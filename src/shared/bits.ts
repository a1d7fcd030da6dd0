// Arrays of one bit an index (bit i & 7 of byte i >> 3): a flag per row of a million-row table or
// export in 125 KB, where a byte each was 1 MB and a Set of indexes far more.

/** Room for `n` bits, all clear. */
export const bitArray = (n: number): Uint8Array => new Uint8Array((n + 7) >> 3);

/** Whether bit i is set. */
export const hasBit = (bits: Uint8Array, i: number): boolean => ((bits[i >> 3]! >> (i & 7)) & 1) === 1;

/** Sets bit i. */
export function setBit(bits: Uint8Array, i: number): void {
  bits[i >> 3]! |= 1 << (i & 7);
}
