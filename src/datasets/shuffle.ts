// The public profile's row order: each record is published at a random position drawn per export,
// under a row key that links nothing across exports, and rows wait for their turn in compressed
// buckets, so memory follows the compressed output, not the number of rows.
import { type Compression, portableCompression } from './compression';
import { memorySpill, type Spill } from './spill';

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
 * main table and the repeat tables agree without keeping a key per row in memory. The keystream
 * is kept as bytes (off the JS heap); `key(i)` spells row from + i's key when it is written.
 */
export async function rowKeys(key: CryptoKey, from: number, count: number): Promise<{ key(i: number): string }> {
  const counter = new Uint8Array(16);
  const view = new DataView(counter.buffer);
  view.setUint32(8, Math.floor(from / 2 ** 32));
  view.setUint32(12, from >>> 0);
  const stream = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CTR', counter, length: 64 }, key, new Uint8Array(16 * count)));
  return {
    key(i) {
      let k = '';
      for (let b = 16 * i; b < 16 * i + 8; b++) k += HEX[stream[b]!];
      return k;
    },
  };
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

/** A row as a bucket gives it back: its position, three numbers describing it, and its text. */
export type BucketRow = (position: number, a: number, b: number, c: number, text: string) => void;

/** Bytes of a record's fixed part: position, a, b (u32), c (f64), the text's byte length (u32). */
const HEAD = 24;
/** A bucket compresses what it holds once this many bytes wait. */
const BLOCK = 64 * 1024;
/** A bucket's buffer: a block and room for the row that fills it. */
const ROOM = BLOCK + 16 * 1024;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Where buckets are inflated, one at a time (take() runs to its end without yielding). */
let scratch = new Uint8Array(0);

/**
 * Rows waiting to be written in a shuffled order: pass two reads the responses in stored order
 * (one sequential read) and files each treated row under its published position, in the bucket of
 * that position's range, compressed in blocks; the table is then written bucket by bucket, in
 * position order. Each row is encoded into the bucket's byte buffer as it comes (off the JS heap):
 * no string waits for a block to fill, so nothing of a row outlives its turn in the young
 * generation, and memory follows the compressed output, not the rows.
 */
export class Bucket {
  constructor(
    private readonly compression: Compression = portableCompression,
    /** Where its compressed blocks wait (Node: a temporary file); shared by an export's buckets. */
    private readonly spill: Spill = memorySpill(),
  ) {}

  private buf = new Uint8Array(ROOM);
  private view = new DataView(this.buf.buffer);
  private len = 0;
  /** The spill's handles of the compressed blocks, in order. */
  private blocks: number[] = [];
  /** Uncompressed bytes of all blocks: they are inflated back into one buffer of that size. */
  private inflated = 0;

  /** `a` and `b` below 2^32 and `c` below 2^53 (non-negative integers) describe the row; `text` is its content. */
  add(position: number, a: number, b: number, c: number, text: string): void {
    const most = HEAD + text.length * 3;
    if (this.len + most > this.buf.length) {
      this.flush();
      if (most > this.buf.length) {
        this.buf = new Uint8Array(Math.max(most, ROOM));
        this.view = new DataView(this.buf.buffer);
      }
    }
    const at = this.len;
    const { written } = encoder.encodeInto(text, this.buf.subarray(at + HEAD));
    this.view.setUint32(at, position);
    this.view.setUint32(at + 4, a);
    this.view.setUint32(at + 8, b);
    this.view.setFloat64(at + 12, c);
    this.view.setUint32(at + 20, written);
    this.len = at + HEAD + written;
    if (this.len >= BLOCK) this.flush();
  }

  /**
   * Every row is filed: what waits is compressed and the buffer rows were filed in is let go (an
   * export's buckets held 10 MB of them at a million records). A row added later takes a new one.
   */
  seal(): void {
    this.flush();
    this.buf = new Uint8Array(0);
    this.view = new DataView(this.buf.buffer);
  }

  private flush(): void {
    if (this.len > 0) this.blocks.push(this.spill.put(this.compression.deflate(this.buf.subarray(0, this.len))));
    this.inflated += this.len;
    this.len = 0;
  }

  /**
   * Visits the rows filed, by position from `from` up (rows of one position in the order they
   * came: a stable counting sort), and empties the bucket.
   */
  take(from: number, span: number, visit: BucketRow): void {
    this.flush();
    // Inflated into one buffer reused from bucket to bucket: a million rows pass through a few
    // megabytes instead of leaving a fresh buffer per bucket for the collector.
    if (scratch.length < this.inflated) scratch = new Uint8Array(Math.max(this.inflated, 2 * scratch.length));
    const all = scratch.subarray(0, this.inflated);
    let filled = 0;
    for (const block of this.blocks) filled += this.compression.inflate(this.spill.take(block), all.subarray(filled));
    if (filled !== this.inflated) throw new Error('a bucket did not inflate to what was filed in it');
    this.blocks = [];
    this.inflated = 0;
    const view = new DataView(all.buffer, all.byteOffset, all.byteLength);
    const starts = new Int32Array(span + 1);
    let rows = 0;
    for (let at = 0; at < all.length; at += HEAD + view.getUint32(at + 20), rows++) starts[view.getUint32(at) - from + 1]!++;
    for (let i = 0; i < span; i++) starts[i + 1]! += starts[i]!;
    const order = new Int32Array(rows);
    for (let at = 0; at < all.length; at += HEAD + view.getUint32(at + 20)) order[starts[view.getUint32(at) - from]!++] = at;
    for (const at of order) {
      const length = view.getUint32(at + 20);
      visit(
        view.getUint32(at),
        view.getUint32(at + 4),
        view.getUint32(at + 8),
        view.getFloat64(at + 12),
        decoder.decode(all.subarray(at + HEAD, at + HEAD + length)),
      );
    }
  }
}
