// The release ledger as stored: what approved releases published of their records, read back by
// every later release (its cells are republished exactly, so releases cannot be differenced).
import { gunzipSync, gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  decodeLedger,
  encodeLedger,
  newLedger,
  priorReleases,
  type LedgerRecords,
  type PriorReleases,
} from '../../src/datasets/anonymize/ledger';
import { toBase64 } from '../../src/shared/base64';

describe('the release ledger', () => {
  it('gives back every cell and sequence number it was given, coded against each column’s values', async () => {
    const ledger = newLedger(['nationality', 'age_band', 'route']);
    const cells = (i: number) => [
      ['ERI', 'SDN', '.s', 'other', 'دارفور'][i % 5]!,
      `${18 + (i % 7) * 5}-${22 + (i % 7) * 5}`,
      i % 3 ? 'central' : '',
    ];
    for (let i = 0; i < 5000; i++) {
      ledger.seqs.push(2 ** 40 + i * 3);
      cells(i).forEach((c, j) => ledger.values[j]!.push(c));
    }
    const stored = encodeLedger(ledger);
    const back = decodeLedger(stored);
    expect(back.columns).toEqual(ledger.columns);
    expect(back.seqs).toEqual(ledger.seqs);
    for (let i = 0; i < 5000; i++) expect(back.values.map((c) => c.at(i))).toEqual(cells(i));
    // Read as a release reads it: in chunks, in step with the responses.
    const prior = await priorReleases([{ seq: 1, chunks: chunked(stored, 400) }]);
    expect(prior.size).toBe(5000);
    await prior.readTo(2 ** 40 + 1);
    expect(prior.cohortOf(2 ** 40 + 1)).toBeUndefined();
    await prior.readTo(2 ** 40 + 12);
    expect(prior.cellOf(2 ** 40 + 9, 'unknown')).toBeUndefined();
    expect(prior.cellOf(2 ** 40 + 12, 'nationality')).toBe('دارفور');
    for (let i = 0; i < 5000; i += 1) {
      await prior.readTo(2 ** 40 + i * 3);
      if (i >= 5) expect(['nationality', 'age_band', 'route'].map((c) => prior.cellOf(2 ** 40 + i * 3, c))).toEqual(cells(i));
    }
  });

  it('is stored in sequence-number order, so that a release reads it a chunk at a time alongside the responses', async () => {
    const ledger = newLedger(['route']);
    // Published in a shuffled order, as pass two writes them.
    for (let i = 0; i < 20_000; i++) {
      const seq = (i * 7_919) % 20_000;
      ledger.seqs.push(seq);
      ledger.values[0]!.push(`r${seq % 13}`);
    }
    const stored = encodeLedger(ledger);
    const back = decodeLedger(stored);
    expect(back.seqs).toEqual(Array.from({ length: 20_000 }, (_, i) => i));
    // Reading the first records asks for the first chunks only.
    let asked = 0;
    const chunks = chunked(stored, 400);
    const counting = (async function* () {
      for await (const c of chunks) {
        asked++;
        yield c;
      }
    })();
    const prior = await priorReleases([{ seq: 3, chunks: counting }]);
    await prior.readTo(10);
    expect(prior.cellOf(10, 'route')).toBe('r10');
    const total = Math.ceil(stored.length / 400);
    expect(asked).toBeLessThan(total / 4);
    await prior.readTo(19_999);
    expect(prior.cohortOf(19_999)).toBe(3);
    expect(asked).toBe(total);
  });

  it('is asked of records in order, each once read to', async () => {
    const ledger = newLedger(['route']);
    for (const seq of [1, 2, 3]) {
      ledger.seqs.push(seq);
      ledger.values[0]!.push('x');
    }
    const prior = await priorReleases([{ seq: 1, chunks: chunked(encodeLedger(ledger), 8) }]);
    expect(() => prior.cohortOf(1)).toThrow(/not read to 1/);
    await prior.readTo(2);
    expect(prior.cohortOf(2)).toBe(1);
    expect(() => prior.cohortOf(1)).toThrow(/in order/);
  });

  it('merges overlapping ledgers, of any version, in any record order: a record keeps its first release and the cells it was published with', async () => {
    const ledger = (seqs: number[], route: (seq: number) => string) => {
      const l = newLedger(['route']);
      for (const seq of seqs) {
        l.seqs.push(seq);
        l.values[0]!.push(route(seq));
      }
      return l;
    };
    // Release 1 published records 0..999 (shuffled), release 2 records 500..1999 (shuffled again),
    // release 1 stored in version 3 (records column by column, in the order published).
    const shuffled = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + ((i * 7_919) % (to - from)));
    const prior = await priorReleases([
      { seq: 1, chunks: chunked(version3(ledger(shuffled(0, 1000), (s) => `first-${s}`)), 400) },
      { seq: 2, chunks: chunked(encodeLedger(ledger(shuffled(500, 2000), (s) => `second-${s}`)), 400) },
    ]);
    // Each ledger holds what its release published first: their sizes add up.
    expect(prior.size).toBe(2500);
    const asked = [-1, 0, 0.5, 3, 500, 750, 750, 999, 1000, 1999, 2000];
    for (const seq of asked) {
      await prior.readTo(seq);
      const expected = !Number.isInteger(seq) || seq < 0 || seq >= 2000 ? undefined : seq < 1000 ? 1 : 2;
      expect(prior.cohortOf(seq)).toBe(expected);
      expect(prior.cellOf(seq, 'route')).toBe(expected === undefined ? undefined : expected === 1 ? `first-${seq}` : `second-${seq}`);
    }
  });

  it('codes a column in one byte a record up to 256 values, two up to 65,536, four past that', () => {
    const ledger = newLedger(['few', 'hundreds', 'many']);
    const cells = (i: number) => [`f${i % 256}`, `h${i % 300}`, `m${i}`];
    const n = 70_000;
    for (let i = 0; i < n; i++) {
      ledger.seqs.push(i);
      cells(i).forEach((c, j) => ledger.values[j]!.push(c));
    }
    expect(ledger.values.map((c) => c.coded().BYTES_PER_ELEMENT)).toEqual([1, 2, 4]);
    const stored = encodeLedger(ledger);
    expect(decodeBytes(stored).length).toBeLessThan(8 * n + (1 + 2 + 4) * n + 2 ** 21);
    const back = decodeLedger(stored);
    for (const i of [0, 255, 256, 299, 300, 65_535, 65_536, n - 1]) expect(back.values.map((c) => c.at(i))).toEqual(cells(i));
  });

  it('reads the ledgers of releases stored in version 2 (every code in four bytes)', () => {
    const header = strToU8(JSON.stringify({ columns: ['nationality'], dicts: [['ERI', 'SDN']], n: 3 }));
    const bytes = new Uint8Array(8 + header.length + 3 * 8 + 3 * 4);
    const view = new DataView(bytes.buffer);
    bytes.set([0x50, 0x4c, 0x44, 0x32]);
    view.setUint32(4, header.length, true);
    bytes.set(header, 8);
    [5, 7, 11].forEach((seq, i) => view.setFloat64(8 + header.length + i * 8, seq, true));
    [1, 0, 1].forEach((code, i) => view.setUint32(8 + header.length + 24 + i * 4, code, true));
    const back = decodeLedger(toBase64(gzipSync(bytes)));
    expect(back.seqs).toEqual([5, 7, 11]);
    expect([0, 1, 2].map((i) => back.values[0]!.at(i))).toEqual(['SDN', 'ERI', 'SDN']);
  });

  it('reads the ledgers of releases stored before (version 1: JSON, every cell as text)', async () => {
    const v1 = {
      v: 1,
      columns: ['nationality', 'route'],
      seqs: [4, 9, 12],
      values: [
        ['ERI', '.s', 'ERI'],
        ['central', 'western', ''],
      ],
    };
    const back = decodeLedger(toBase64(gzipSync(strToU8(JSON.stringify(v1)))));
    expect(back.seqs).toEqual([4, 9, 12]);
    expect(back.values.map((c) => [0, 1, 2].map((i) => c.at(i)))).toEqual(v1.values);
    const prior = await priorReleases([{ seq: 2, chunks: chunked(toBase64(gzipSync(strToU8(JSON.stringify(v1)))), 4) }]);
    await prior.readTo(12);
    expect(prior.cohortOf(9)).toBe(2);
    expect(prior.cellOf(9, 'route')).toBe('western');
    expect(prior.cellOf(12, 'nationality')).toBe('ERI');
  });

  it('refuses a stored ledger cut short or with a code outside its column’s values, read whole or in chunks', async () => {
    const ledger = newLedger(['x']);
    ledger.seqs.push(2, 1);
    ledger.values[0]!.push('a');
    ledger.values[0]!.push('b');
    const bytes = decodeBytes(encodeLedger(ledger));
    const cut = toBase64(gzipSync(bytes.subarray(0, bytes.length - 1)));
    expect(() => decodeLedger(cut)).toThrow(/truncated/);
    await expect(readAll(cut)).rejects.toThrow(/truncated/);
    const bad = bytes.slice();
    bad[bad.length - 1] = 7; // the second record's code (one byte): 7, where the column has two values
    expect(() => decodeLedger(toBase64(gzipSync(bad)))).toThrow(/outside its values/);
    await expect(readAll(toBase64(gzipSync(bad)))).rejects.toThrow(/outside its values/);
    // Records stored out of order (the second record's sequence number before the first's).
    const disordered = bytes.slice();
    new DataView(disordered.buffer).setFloat64(disordered.length - 9, 0, true);
    await expect(readAll(toBase64(gzipSync(disordered)))).rejects.toThrow(/out of order/);
  });
});

function decodeBytes(stored: string): Uint8Array {
  // The stored text is gzip in base64; the test reaches under it to damage the ledger itself.
  return gunzipSync(Uint8Array.from(Buffer.from(stored, 'base64')));
}

/** Stored text as the database holds it: chunks of `size` characters (a multiple of 4), each base64 of its own. */
async function* chunked(stored: string, size: number): AsyncGenerator<string> {
  for (let at = 0; at < stored.length; at += size) yield stored.slice(at, at + size);
}

/** Reads every record of a stored ledger as a release would, asking for each of its cells. */
async function readAll(stored: string): Promise<void> {
  const prior: PriorReleases = await priorReleases([{ seq: 1, chunks: chunked(stored, 8) }]);
  for (let seq = 0; seq <= 3; seq++) {
    await prior.readTo(seq);
    prior.cellOf(seq, 'x');
  }
}

/** A ledger as version 3 stored it: gzip in base64 of the sequence numbers, then each column's codes (little-endian). */
function version3(l: LedgerRecords): string {
  const codes = l.values.map((v) => v.coded());
  const widths = codes.map((c) => c.BYTES_PER_ELEMENT);
  const header = strToU8(JSON.stringify({ columns: l.columns, dicts: l.values.map((v) => v.dict), n: l.seqs.length, widths }));
  const n = l.seqs.length;
  const bytes = new Uint8Array(8 + header.length + n * 8 + n * widths.reduce((a, w) => a + w, 0));
  const view = new DataView(bytes.buffer);
  bytes.set([0x50, 0x4c, 0x44, 0x33]);
  view.setUint32(4, header.length, true);
  bytes.set(header, 8);
  l.seqs.forEach((seq, i) => view.setFloat64(8 + header.length + i * 8, seq, true));
  let at = 8 + header.length + n * 8;
  codes.forEach((c) => {
    for (let i = 0; i < n; i++, at += c.BYTES_PER_ELEMENT)
      if (c.BYTES_PER_ELEMENT === 1) view.setUint8(at, c[i]!);
      else if (c.BYTES_PER_ELEMENT === 2) view.setUint16(at, c[i]!, true);
      else view.setUint32(at, c[i]!, true);
  });
  return toBase64(gzipSync(bytes));
}
