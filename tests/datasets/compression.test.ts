// Node's native DEFLATE where exports use it: zip entries written piece by piece, and the buckets
// rows wait in; each read back by another implementation (fflate) or by the other compression.
import { strFromU8, unzipSync, Zip } from 'fflate';
import { describe, expect, it } from 'vitest';
import { portableCompression, zipEntry } from '../../src/datasets/compression';
import { Bucket } from '../../src/datasets/shuffle';
import { nodeCompression } from '../../src/entry/compression';

const text = (i: number) => `${i},row ${i} ${'é'.repeat(i % 7)},${(i * 7919) % 1000}\n`;

describe('compression', () => {
  for (const [name, c] of [
    ['node', nodeCompression],
    ['portable', portableCompression],
  ] as const)
    it(`writes zip entries piece by piece that any unzip reads back (${name})`, () => {
      const parts: Uint8Array[] = [];
      const zip = new Zip((err, chunk) => {
        if (err) throw err;
        parts.push(chunk);
      });
      const entry = zipEntry('data.csv', c);
      zip.add(entry);
      let want = '';
      for (let piece = 0; piece < 40; piece++) {
        let lines = '';
        for (let i = piece * 500; i < (piece + 1) * 500; i++) lines += text(i);
        want += lines;
        entry.push(new TextEncoder().encode(lines));
      }
      entry.push(new Uint8Array(0), true);
      const empty = zipEntry('empty.txt', c);
      zip.add(empty);
      empty.push(new Uint8Array(0), true);
      zip.end();
      const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
      const files = unzipSync(bytes);
      expect(strFromU8(files['data.csv']!)).toBe(want);
      expect(files['empty.txt']!.length).toBe(0);
      // Compressed, not stored.
      expect(bytes.length).toBeLessThan(want.length / 2);
    });

  it('gives back from a bucket every row filed, compressed by one and inflated by the other', () => {
    const rows: Array<[number, string]> = [];
    const bucket = new Bucket(nodeCompression);
    for (let i = 0; i < 20_000; i++) {
      const position = (i * 7919) % 20_000;
      rows.push([position, text(i)]);
      bucket.add(position, i, 0, 0, text(i));
    }
    const seen: Array<[number, string]> = [];
    bucket.take(0, 20_000, (position, _a, _b, _c, t) => seen.push([position, t]));
    expect(seen).toEqual(rows.sort((a, b) => a[0] - b[0]));
    // The two compressions read each other's blocks.
    const block = new TextEncoder().encode(rows.map((r) => r[1]).join(''));
    const out = new Uint8Array(block.length);
    expect(portableCompression.inflate(nodeCompression.deflate(block), out)).toBe(block.length);
    expect(out).toEqual(block);
    expect(nodeCompression.inflate(portableCompression.deflate(block), out.fill(0))).toBe(block.length);
    expect(out).toEqual(block);
  });
});

describe('a file spill', () => {
  it('gives back every block once, leaves no name in the directory, and frees its file when closed', async () => {
    const { readdirSync } = await import('node:fs');
    const { openFiles } = await import('../support/process');
    const { tempDir } = await import('../support/app');
    const { fileSpill } = await import('../../src/entry/spill');
    const dir = tempDir('periplus-spill-test-');
    try {
      const spill = fileSpill(dir.dir);
      // No other process can open it by name: it was unlinked as soon as it was open.
      expect(readdirSync(dir.dir)).toEqual([]);
      const blocks = Array.from({ length: 50 }, (_, i) =>
        Uint8Array.from({ length: 1 + ((i * 7_919) % 100_000) }, (_, j) => (i + j) % 251),
      );
      const handles = blocks.map((b) => spill.put(b));
      // Taken out of order, each read back before the next take (the buffer is reused).
      for (const i of [...handles.keys()].reverse()) expect(spill.take(handles[i]!)).toEqual(blocks[i]);
      expect(() => spill.take(handles[0]!)).toThrow(/already taken/);
      const open = () => openFiles('periplus-spill-');
      expect(open()).toBe(1);
      spill.close();
      spill.close();
      expect(open()).toBe(0);
    } finally {
      dir.cleanup();
    }
  });

  it("holds a bucket's blocks: rows come back as filed", async () => {
    const { fileSpill } = await import('../../src/entry/spill');
    const spill = fileSpill();
    const bucket = new Bucket(nodeCompression, spill);
    const rows: Array<[number, string]> = [];
    for (let i = 0; i < 20_000; i++) {
      const position = (i * 7919) % 20_000;
      rows.push([position, text(i)]);
      bucket.add(position, i, 0, 0, text(i));
      // Sealed (its buffer let go) part way: rows added after it are kept as well.
      if (i === 15_000) bucket.seal();
    }
    bucket.seal();
    const seen: Array<[number, string]> = [];
    bucket.take(0, 20_000, (position, _a, _b, _c, t) => seen.push([position, t]));
    spill.close();
    expect(seen).toEqual(rows.sort((a, b) => a[0] - b[0]));
  });
});
