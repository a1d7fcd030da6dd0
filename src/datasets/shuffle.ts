// The public profile's row order: each record is published at a random position drawn per export,
// under a row key that links nothing across exports, and rows wait for their turn in compressed
// buckets, so memory follows the compressed output, not the number of rows.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

/** A random permutation of 0..n-1 (Fisher-Yates with the Web Crypto generator): where each record is published. */
export function randomPositions(n: number): Int32Array {
  const a = Int32Array.from({ length: n }, (_, i) => i);
  const random = new Uint32Array(1024);
  for (let i = n - 1, r = random.length; i > 0; i--) {
    if (r === random.length) {
      crypto.getRandomValues(random);
      r = 0;
    }
    // A 32-bit draw modulo i + 1: bias below 2^-12 for a million rows, irrelevant to an order.
    const j = random[r++]! % (i + 1);
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a;
}

/**
 * Public row keys for rows [from, from + count): 64 bits of AES-CTR keystream per row, so the
 * main table and the repeat tables agree without keeping a key per row in memory.
 */
export async function rowKeys(key: CryptoKey, from: number, count: number): Promise<string[]> {
  const counter = new Uint8Array(16);
  const view = new DataView(counter.buffer);
  view.setUint32(8, Math.floor(from / 2 ** 32));
  view.setUint32(12, from >>> 0);
  const stream = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CTR', counter, length: 64 }, key, new Uint8Array(16 * count)));
  const keys: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    let k = '';
    for (let b = 16 * i; b < 16 * i + 8; b++) k += HEX[stream[b]!];
    keys[i] = k;
  }
  return keys;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Separates the cells of a row in a bucket; a row holding it anywhere is kept as JSON instead. */
const SEP = '\u0001';

/** A row's cells as one string: joined by SEP (cheap), or JSON (marked) when a cell holds SEP. */
export function packCells(cells: readonly string[]): string {
  for (const c of cells) if (c.includes(SEP)) return `j${JSON.stringify(cells)}`;
  return `s${cells.join(SEP)}`;
}

export function unpackCells(text: string): string[] {
  return text[0] === 'j' ? (JSON.parse(text.slice(1)) as string[]) : text.slice(1).split(SEP);
}

/** Records per bucket of the shuffled public tables: their rows are published together, in order. */
export const BUCKET = 16_384;

/**
 * Rows waiting to be written in a shuffled order: pass two reads the responses in stored order
 * (one sequential read) and files each treated row under its published position, in the bucket of
 * that position's range, compressed in blocks; the table is then written bucket by bucket, each
 * sorted by position. Memory follows the compressed output, not the rows.
 */
export class Bucket {
  private parts: string[] = [];
  private size = 0;
  private blocks: Uint8Array[] = [];

  /** `head` (no NUL) describes the row; `text` is its CSV line(s). */
  add(head: string, text: string): void {
    this.parts.push(`${head}\u0000${text.length}\u0000${text}`);
    this.size += text.length + head.length + 12;
    if (this.size > 64 * 1024) this.flush();
  }

  private flush(): void {
    this.blocks.push(deflateSync(strToU8(this.parts.join('')), { level: 1 }));
    this.parts = [];
    this.size = 0;
  }

  /** The rows filed, in the order they came, and the bucket emptied. */
  take(): Array<{ head: string; text: string }> {
    const all = this.blocks.map((b) => strFromU8(inflateSync(b))).join('') + this.parts.join('');
    this.blocks = [];
    this.parts = [];
    this.size = 0;
    const out: Array<{ head: string; text: string }> = [];
    for (let at = 0; at < all.length; ) {
      const a = all.indexOf('\u0000', at);
      const b = all.indexOf('\u0000', a + 1);
      const length = Number(all.slice(a + 1, b));
      out.push({ head: all.slice(at, a), text: all.slice(b + 1, b + 1 + length) });
      at = b + 1 + length;
    }
    return out;
  }
}
