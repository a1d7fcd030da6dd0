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
    bad[bad.length - 4] = 7; // the second record's code: 7, where the column has two values
    expect(() => decodeLedger(toBase64(gzipSync(bad)))).toThrow(/outside its values/);
  });
});

function decodeBytes(stored: string): Uint8Array {
  // The stored text is gzip in base64; the test reaches under it to damage the ledger itself.
  return gunzipSync(Uint8Array.from(Buffer.from(stored, 'base64')));
}
