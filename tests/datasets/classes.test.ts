// The grouping every disclosure measure rests on, against the plainest reference: rows keyed by
// their codes joined as text in a Map.
import { describe, expect, it } from 'vitest';
import { classesOf, classSizes, denseIds } from '../../src/datasets/anonymize/classes';
import { groupedTableBuilder } from '../../src/datasets/anonymize/table';

function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

/** Ids by first appearance of each row's codes joined as text. */
function reference(n: number, columns: ArrayLike<number>[], rows?: number[]): number[] {
  const seen = new Map<string, number>();
  return Array.from({ length: rows ? rows.length : n }, (_, j) => {
    const i = rows ? rows[j]! : j;
    const key = columns.map((c) => c[i]).join(',');
    if (!seen.has(key)) seen.set(key, seen.size);
    return seen.get(key)!;
  });
}

describe('classes of rows', () => {
  const cases = [
    // A few categories: keys are addressed directly.
    { name: 'few categories', n: 5000, sizes: [3, 4, 2] },
    // Many combinations: keys are hashed.
    { name: 'many combinations', n: 20_000, sizes: [60, 60, 60, 60, 60] },
    // More combinations than 2^53: the leading columns are narrowed to their ids first.
    { name: 'combinations past 2^53', n: 20_000, sizes: [30_000, 30_000, 30_000, 30_000, 7, 2] },
  ];
  for (const { name, n, sizes } of cases)
    it(`groups exactly as a map of the codes as text (${name}), suppressed cells as one more category`, () => {
      const r = random(n + sizes.length);
      // Skewed codes, so that classes of several rows exist beside unique ones; -1 is suppressed.
      const columns = sizes.map((size) => Int32Array.from({ length: n }, () => Math.floor((size - 1) * r() ** 4) - (r() < 0.05 ? 1 : 0)));
      for (const c of columns) for (let i = 0; i < n; i++) if (c[i]! < 0) c[i] = -1;
      // Every fifth row repeats an earlier one, so that wide keys have classes of several rows too,
      // and every tenth differs from an earlier one in its last column only (a key that lost its
      // last digits past 2^53 would merge the two).
      for (const c of columns) for (let i = 5; i < n; i += 5) c[i] = c[i - 3]!;
      const last = columns.at(-1)!;
      for (let i = 10; i < n; i += 10) last[i] = last[i - 3]! === 0 ? 1 : 0;
      const plus = sizes.map((s) => s + 1);
      const got = classesOf(n, columns, plus);
      const want = reference(n, columns);
      expect(Array.from(got.ids)).toEqual(want);
      expect(got.count).toBe(Math.max(...want) + 1);
      expect(got.count).toBeGreaterThan(1);
      expect(got.count).toBeLessThan(n);
      // A subset of the rows, in an order of its own.
      const rows = Array.from({ length: n / 4 }, () => Math.floor(r() * n));
      expect(Array.from(classesOf(n, columns, plus, rows).ids)).toEqual(reference(n, columns, rows));
    });

  it('counts the records of each class, with weights', () => {
    const classes = classesOf(6, [Int32Array.of(0, 1, 0, 2, 1, 0)], [4]);
    expect(Array.from(classSizes(classes, 6))).toEqual([3, 2, 1]);
    expect(Array.from(classSizes(classes, 6, Int32Array.of(1, 2, 3, 4, 5, 6)))).toEqual([10, 7, 4]);
  });

  it('gives keys that collide in their low 32 bits distinct ids', () => {
    const keys = Float64Array.of(5, 5 + 2 ** 32, 5 + 2 ** 40, 5, 2 ** 52 + 5, 5 + 2 ** 32);
    expect(Array.from(denseIds(keys, keys.length).ids)).toEqual([0, 1, 2, 0, 3, 1]);
  });
});

describe('the grouped table builder', () => {
  it('gives records with the same key one row, over many rows (its index grows)', () => {
    const r = random(11);
    const records = Array.from({ length: 30_000 }, () => [
      `a${Math.floor(r() ** 3 * 200)}`,
      `b${Math.floor(r() * 40)}`,
      `c${Math.floor(r() * 3)}`,
    ]);
    const b = groupedTableBuilder(['a', 'b', 'c']);
    const rows = records.map((rec) => b.push(rec));
    // The reference: the first record of each key as text.
    const first = new Map<string, number>();
    const want = records.map((rec) => {
      const key = rec.join('\u0000');
      if (!first.has(key)) first.set(key, first.size);
      return first.get(key)!;
    });
    expect(rows).toEqual(want);
    expect(first.size).toBeGreaterThan(5000);
    const t = b.build();
    expect(t.n).toBe(first.size);
    // Each row holds its key's codes.
    records.forEach((rec, i) => {
      if (i % 7 === 0) expect(t.vars.map((_, v) => t.labels[v]![t.codes[v]![want[i]!]!])).toEqual(rec);
    });
    expect(Array.from(t.weights!.subarray(0, t.n)).reduce((x, y) => x + y, 0)).toBe(records.length);
  });
});

describe('the grouped table of nearly unique records', () => {
  it('grows no longer than the records allow, and is built in its own arrays without a copy', () => {
    const n = 5000;
    const b = groupedTableBuilder(['a', 'b'], ['s'], n);
    for (let i = 0; i < n; i++) b.push([`a${i}`, `b${i % 3}`], [`s${i % 4}`]);
    const t = b.build();
    expect(t.n).toBe(n);
    // Room for an eighth more rows (split off in suppression), and no more than that.
    for (const c of [...t.codes, t.weights!, t.sensitive![0]!.one]) expect(c.length).toBe(n + (n >> 3));
    expect(t.codes[0]![n - 1]).toBe(n - 1);
    expect(t.labels[1]![t.codes[1]![n - 1]!]).toBe(`b${(n - 1) % 3}`);
  });
});
