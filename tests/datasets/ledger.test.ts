// The release ledger as stored: what approved releases published of their records, read back by
// every later release (its cells are republished exactly, so releases cannot be differenced).
import { gunzipSync, gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeLedger, encodeLedger, newLedger, priorReleases } from '../../src/datasets/anonymize/ledger';
import { toBase64 } from '../../src/shared/base64';

describe('the release ledger', () => {
  it('gives back every cell and sequence number it was given, coded against each column’s values', () => {
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
    const prior = priorReleases([{ seq: 1, records: back }]);
    expect(prior.size).toBe(5000);
    expect(prior.cellOf(2 ** 40 + 12, 'nationality')).toBe('دارفور');
    expect(prior.cellOf(2 ** 40 + 9, 'unknown')).toBeUndefined();
    expect(prior.cohortOf(2 ** 40 + 1)).toBeUndefined();
  });

  it('merges overlapping ledgers in any record order: a record keeps its first release and the cells it was published with', () => {
    const ledger = (seqs: number[], route: (seq: number) => string) => {
      const l = newLedger(['route']);
      for (const seq of seqs) {
        l.seqs.push(seq);
        l.values[0]!.push(route(seq));
      }
      return l;
    };
    // Release 1 published records 0..999 (shuffled), release 2 records 500..1999 (shuffled again).
    const shuffled = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + ((i * 7_919) % (to - from)));
    const prior = priorReleases([
      { seq: 1, records: ledger(shuffled(0, 1000), (s) => `first-${s}`) },
      { seq: 2, records: ledger(shuffled(500, 2000), (s) => `second-${s}`) },
    ]);
    expect(prior.size).toBe(2000);
    for (const seq of [1999, 0, 500, 999, 1000, 750, 750, 3]) {
      expect(prior.cohortOf(seq)).toBe(seq < 1000 ? 1 : 2);
      expect(prior.cellOf(seq, 'route')).toBe(seq < 1000 ? `first-${seq}` : `second-${seq}`);
    }
    for (const seq of [-1, 2000, 0.5]) {
      expect(prior.cohortOf(seq)).toBeUndefined();
      expect(prior.cellOf(seq, 'route')).toBeUndefined();
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

  it('reads the ledgers of releases stored before (version 1: JSON, every cell as text)', () => {
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
    const prior = priorReleases([{ seq: 2, records: back }]);
    expect(prior.cohortOf(9)).toBe(2);
    expect(prior.cellOf(9, 'route')).toBe('western');
  });

  it('refuses a stored ledger cut short or with a code outside its column’s values', () => {
    const ledger = newLedger(['x']);
    ledger.seqs.push(1, 2);
    ledger.values[0]!.push('a');
    ledger.values[0]!.push('b');
    const bytes = decodeBytes(encodeLedger(ledger));
    expect(() => decodeLedger(toBase64(gzipSync(bytes.subarray(0, bytes.length - 1))))).toThrow(/truncated/);
    const bad = bytes.slice();
    bad[bad.length - 1] = 7; // the second record's code (one byte): 7, where the column has two values
    expect(() => decodeLedger(toBase64(gzipSync(bad)))).toThrow(/outside its values/);
  });
});

function decodeBytes(stored: string): Uint8Array {
  // The stored text is gzip in base64; the test reaches under it to damage the ledger itself.
  return gunzipSync(Uint8Array.from(Buffer.from(stored, 'base64')));
}
