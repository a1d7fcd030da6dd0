// Disclosure control on public benchmark data with known answers (ARX's adult extract, sdcMicro's
// own semantics), checked by an independent k-anonymity counter.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { anonymizeTable, type SdcPolicy, type SdcReport } from '../../src/datasets/anonymize/anonymize';
import { createSdcPool, heapBoundFor, SDC_HEAP_MB } from '../../src/entry/sdc-pool';
import { strictFrequencies, wildcardFrequencies } from '../../src/datasets/anonymize/frequencies';
import { mergeRareSensitive, rareValues, recodeColumn, recodeValue } from '../../src/datasets/anonymize/recode';
import {
  blank,
  isBlanked,
  codesKey,
  groupedTableBuilder,
  recordPlacer,
  splitRow,
  SUPPRESSED,
  tableFromRows,
  valuesAt,
  type SdcTable,
} from '../../src/datasets/anonymize/table';
import { checkK } from '../support/kcheck';
import { withholdShort } from '../../src/datasets/anonymize/withhold';
import { tempDir } from '../support/app';
import { runCli } from '../support/process';
import { sharedData } from '../support/shared-data';

const adultData = sharedData('arx-adult/adult.csv');
const ADULT = adultData.path;
const QIS = ['age', 'sex', 'race', 'marital-status'];
const [header, ...adultRows] = adultData.present
  ? (parse(readFileSync(ADULT, 'utf8'), { delimiter: ';', bom: true, skip_empty_lines: true }) as string[][])
  : [[]];
const policy = (over: Partial<SdcPolicy> = {}): SdcPolicy => ({
  quasiIdentifiers: QIS,
  strata: [],
  sensitive: [],
  k: 5,
  l: 1,
  maxIndividualRisk: 0.2,
  maxGlobalRisk: 0.03,
  ...over,
});

function adult(vars: string[], recode: (name: string, values: string[]) => string[] = (_, v) => v): SdcTable {
  const columns = vars.map((v) =>
    recode(
      v,
      adultRows.map((r) => r[header!.indexOf(v)]!),
    ),
  );
  return tableFromRows(
    vars,
    adultRows.map((_, i) => vars.map((__, j) => columns[j]![i]!)),
  );
}
/** The treated table as text rows, a blank for every suppressed cell. */
const rowsOf = (t: SdcTable) =>
  Array.from({ length: t.n }, (_, i) => t.vars.map((_, v) => (t.codes[v]![i] === SUPPRESSED ? '' : t.labels[v]![t.codes[v]![i]!]!)));

adultData.describe('disclosure control on the ARX adult benchmark', () => {
  it('reproduces the known figures before treatment', () => {
    const { report } = anonymizeTable(adult(QIS), policy());
    expect(report.before.records).toBe(30162);
    expect(report.before.keys).toBe(1690);
    expect(report.before.violators.strict).toEqual({ 2: 543, 3: 1045, 5: 1824 });
  });

  it('reaches strict 5-anonymity by local suppression alone (sdcMicro: 1,836 cells, 28 records still unique strictly)', () => {
    const t = adult(QIS);
    const { table, report } = anonymizeTable(t, policy());
    expect(report.passed).toBe(true);
    expect(report.after.violators.strict).toEqual({ 2: 0, 3: 0, 5: 0 });
    const cells = Object.values(report.suppressions).reduce((a, s) => a + s.count, 0);
    // Every one of the 1,824 violators must lose at least one cell; we stay within 2% of that bound.
    expect(cells).toBeGreaterThanOrEqual(1824);
    expect(cells).toBeLessThan(1824 * 1.02);
    expect(checkK(QIS, rowsOf(table), QIS).below(5)).toBe(0);
    // The input is left untouched.
    expect(t.codes[0]!.includes(SUPPRESSED)).toBe(false);
  });

  it('suppresses far fewer cells than sdcMicro once age is recoded into five-year bands', () => {
    const breaks = [17, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75];
    const t = adult(QIS, (name, values) => (name === 'age' ? recodeColumn(values, { kind: 'bands', breaks }) : values));
    const { table, report } = anonymizeTable(t, policy());
    const cells = Object.values(report.suppressions).reduce((a, s) => a + s.count, 0);
    expect(report.passed).toBe(true);
    expect(cells).toBeLessThan(1836 / 2);
    expect(checkK(QIS, rowsOf(table), QIS).smallestClass).toBeGreaterThanOrEqual(5);
  });

  it('applies k within each stratum', () => {
    const vars = ['native-country', ...QIS];
    const t = adult(vars, (name, values) =>
      name === 'native-country' ? recodeColumn(values, { kind: 'merge-rare', min: 500, into: 'Other' }) : values,
    );
    const { table, report } = anonymizeTable(t, policy({ strata: ['native-country'] }));
    expect(report.passed).toBe(true);
    expect(checkK(vars, rowsOf(table), vars).below(5)).toBe(0);
    expect(report.suppressions).not.toHaveProperty('native-country');
  });

  it('enforces l-diversity of a sensitive variable and reports the smallest l', () => {
    const vars = [...QIS, 'salary-class'];
    const { report } = anonymizeTable(adult(vars), policy({ sensitive: ['salary-class'], l: 2 }));
    expect(report.minL['salary-class']).toEqual({ before: 1, after: 2 });
    expect(report.suppressions['salary-class']!.count).toBeGreaterThan(0);
    expect(report.passed).toBe(true);
  });

  it('refuses (fails closed) when a stratum is too small to reach k, or the global risk is too high', () => {
    const tiny = tableFromRows(
      ['a', 'b'],
      [
        ['1', 'x'],
        ['2', 'y'],
        ['3', 'z'],
      ],
    );
    const { report } = anonymizeTable(tiny, policy({ quasiIdentifiers: ['a', 'b'] }));
    expect(report.passed).toBe(false);
    expect(report.failures.join()).toMatch(/classes smaller than k=5/);
    const strict = anonymizeTable(adult(QIS), policy({ maxGlobalRisk: 0.01 })).report;
    expect(strict.passed).toBe(false);
    expect(strict.failures.join()).toMatch(/global risk 2\.\d+% exceeds 1\.00%/);
  });
});

adultData.describe('disclosure control in a worker thread (the Node server)', () => {
  it('gives the same treated table and report as in the calling thread', async () => {
    const pool = createSdcPool();
    try {
      const p = policy({ k: 5 });
      const inline = anonymizeTable(adult(QIS), p);
      const threaded = await pool(adult(QIS), p);
      expect(threaded.report).toEqual(inline.report);
      expect(rowsOf(threaded.table)).toEqual(rowsOf(inline.table));
      expect(threaded.report.after.violators.strict['5']).toBe(0);
      // The thread's heap bound is no constraint on a table of this size.
      expect(pool.retries()).toBe(0);
    } finally {
      await pool.close();
    }
  });
});

describe('the bounded disclosure-control thread', () => {
  const p = policy({ quasiIdentifiers: ['a', 'b', 'c', 'd', 'e', 'f'], k: 5, maxGlobalRisk: 0.01 });
  // 300,000 nearly unique records: the search's key maps do not fit in 8 MB.
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
  const rows = Array.from({ length: 300_000 }, () => p.quasiIdentifiers.map((v) => `${v}${next() % 60}`));
  const inline = anonymizeTable(tableFromRows(p.quasiIdentifiers, rows), p);
  const expectSameAsInline = (threaded: { report: SdcReport; table: SdcTable }) => {
    expect(threaded.report).toEqual(inline.report);
    expect(rowsOf(threaded.table)).toEqual(rowsOf(inline.table));
  };

  it('computes a table too large for its heap again in a thread without a bound: the bound costs memory, never a result', async () => {
    const pool = createSdcPool(8, { scaleWithTable: false });
    try {
      // A small table fits the bound.
      await pool(tableFromRows(['a'], [['x'], ['x'], ['x']]), policy({ quasiIdentifiers: ['a'] }));
      expect(pool.retries()).toBe(0);
      const threaded = await pool(tableFromRows(p.quasiIdentifiers, rows), p);
      expect(pool.retries()).toBe(1);
      expectSameAsInline(threaded);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('moves a large table to the thread and back instead of copying it, with the same result', async () => {
    const pool = createSdcPool(SDC_HEAP_MB, { moveAbove: 1024 });
    try {
      const table = tableFromRows(p.quasiIdentifiers, rows);
      const threaded = await pool(table, p);
      // Moved: the arrays this thread handed over are gone from it (detached), none copied.
      expect(table.codes.every((c) => c.byteLength === 0)).toBe(true);
      expectSameAsInline(threaded);
      // A small table is copied: the caller keeps its own.
      const small = tableFromRows(['a'], [['x'], ['x'], ['x']]);
      const copying = createSdcPool();
      await copying(small, policy({ quasiIdentifiers: ['a'] }));
      await copying.close();
      expect(small.codes[0]!.byteLength).toBe(3);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('bounds a large table by its size, so that the bound is not reached (reaching it can end the whole process)', async () => {
    const pool = createSdcPool(8);
    try {
      const small = tableFromRows(['a'], [['x'], ['x'], ['x']]);
      // A small table keeps the server's default bound.
      expect(heapBoundFor(small)).toBe(96);
      await pool(small, policy({ quasiIdentifiers: ['a'] }));
      expect(pool.lastBound()).toBe(heapBoundFor(small, 8));
      const table = tableFromRows(p.quasiIdentifiers, rows);
      expect(heapBoundFor(table, 8)).toBeGreaterThan(8 * 4);
      const threaded = await pool(table, p);
      expect(pool.lastBound()).toBe(heapBoundFor(tableFromRows(p.quasiIdentifiers, rows), 8));
      expect(pool.retries()).toBe(0);
      expectSameAsInline(threaded);
    } finally {
      await pool.close();
    }
  }, 60_000);
});

adultData.describe('the grouped table (one row per key, as the export uses it)', () => {
  const keyVars = ['native-country', ...QIS];
  const vars = [...keyVars, 'salary-class'];
  const country = recodeColumn(
    adultRows.map((r) => r[header!.indexOf('native-country')]!),
    { kind: 'merge-rare', min: 500, into: 'Other' },
  );
  const records = adultRows.map((r, i) => vars.map((v) => (v === 'native-country' ? country[i]! : r[header!.indexOf(v)]!)));
  const treat = (t: SdcTable) =>
    anonymizeTable(t, policy({ strata: ['native-country'], sensitive: ['salary-class'], l: 2, maxGlobalRisk: 0.05 }), { inPlace: true });
  function grouped() {
    const b = groupedTableBuilder(keyVars, ['salary-class']);
    const rowOf = records.map((r) => b.push(r.slice(0, 5), r.slice(5)));
    return { table: b.build(), rowOf };
  }
  const cells = (r: SdcReport, names: string[]) => names.reduce((a, n) => a + r.suppressions[n]!.count, 0);

  it('measures and treats exactly as many records as the table of records, in far fewer rows', () => {
    const { table } = grouped();
    expect(table.n).toBeLessThan(records.length / 5);
    const perRecord = treat(tableFromRows(vars, records)).report;
    const byGroup = treat(table).report;
    expect({ ...byGroup.before, globalRisk: 0 }).toEqual({ ...perRecord.before, globalRisk: 0 });
    expect(byGroup.before.globalRisk).toBeCloseTo(perRecord.before.globalRisk, 12);
    expect(byGroup.minL['salary-class']!.before).toBe(perRecord.minL['salary-class']!.before);
    expect(byGroup.passed).toBe(perRecord.passed);
    expect(byGroup.after.records).toBe(30162);
    // Donors are taken row by row rather than record by record: the same cells within 1%.
    expect(Math.abs(cells(byGroup, QIS) - cells(perRecord, QIS))).toBeLessThan(cells(perRecord, QIS) / 100);
    // A split row's sensitive values count as "at least one": diversity may blank a little more, never less.
    expect(cells(byGroup, ['salary-class'])).toBeGreaterThanOrEqual(cells(perRecord, ['salary-class']));
  });

  it('places every record of a second pass on its treated row; independent checks of k and l agree', () => {
    const { table, rowOf } = grouped();
    const inputRows = table.n;
    const { table: t, report } = treat(table);
    expect(report.failures).toEqual([]);
    expect(t.n).toBeGreaterThan(inputRows); // some classes lent part of their records
    const salary = t.sensitive![0]!;
    // A record's rank within its row, in the order of the first pass.
    const seen = new Map<number, number>();
    const ranks = rowOf.map((r) => {
      const rank = seen.get(r) ?? 0;
      seen.set(r, rank + 1);
      return rank;
    });
    const place = (order: number[]) => {
      const placer = recordPlacer(t, inputRows);
      const out: string[][] = [];
      for (const i of order) {
        const r = records[i]!;
        const j = placer.place(rowOf[i]!, ranks[i]!);
        out[i] = [
          ...keyVars.map((_, v) => (t.codes[v]![j] === SUPPRESSED ? '' : t.labels[v]![t.codes[v]![j]!]!)),
          isBlanked(salary, j) ? '' : r[5]!,
        ];
      }
      placer.finish();
      return out;
    };
    const out = place(records.map((_, i) => i));
    // In any other order (a shuffled release), every record gets the same treated cells.
    const shuffled = records.map((_, i) => i).sort((a, b) => ((a * 7919) % 1009) - ((b * 7919) % 1009) || a - b);
    expect(place(shuffled)).toEqual(out);
    expect(checkK(vars, out, keyVars).below(5)).toBe(0);
    const blanks = out.reduce((s, r) => s + r.slice(1, 5).filter((c) => c === '').length, 0);
    expect(blanks).toBe(cells(report, QIS));
    expect(out.filter((r) => r[5] === '').length).toBe(cells(report, ['salary-class']));
    // l = 2 checked on the output itself: every class shows two salary classes or none at all.
    const classes = new Map<string, Set<string>>();
    for (const r of out) {
      const key = r.slice(0, 5).join('|');
      if (!classes.has(key)) classes.set(key, new Set());
      if (r[5] !== '') classes.get(key)!.add(r[5]!);
    }
    expect([...classes.values()].filter((v) => v.size === 1)).toEqual([]);
  });

  it('notices records that are not those the table was built from', () => {
    const { table } = grouped();
    const inputRows = table.n;
    const placer = recordPlacer(treat(table).table, inputRows);
    expect(() => placer.finish()).toThrow(/changed while the export was running/);
    const one = recordPlacer(anonymizeTable(tableFromRowsGrouped([['a', 'b']]), policy({ quasiIdentifiers: ['x'] })).table, 1);
    one.place(0, 0);
    expect(() => one.place(0, 0)).toThrow(/changed while the export was running/);
    expect(() =>
      recordPlacer(anonymizeTable(tableFromRowsGrouped([['a', 'b']]), policy({ quasiIdentifiers: ['x'] })).table, 1).place(0, 1),
    ).toThrow(/changed while/);
  });
});

function tableFromRowsGrouped(rows: string[][]): SdcTable {
  const b = groupedTableBuilder(['x', 'y']);
  for (const r of rows) b.push(r);
  return b.build();
}

describe('withholding across attacker scenarios', () => {
  // Scenario A knows x, scenario B knows y. Record 0 is unique to A; each next record shares its
  // class of exactly two with the one before, alternately in B and in A, so withholding one leaves
  // the next alone in the other scenario: a chain withheld one link a round. Twelve further
  // records share x and y and can spare some. (A cap of ten rounds left the chain's tail unique.)
  const LINKS = 25;
  function chain(): SdcTable {
    const rows: string[][] = [['S', 'u0', 'p0']];
    for (let j = 1; j <= LINKS; j++) rows.push(['S', j % 2 ? `q${j}` : `q${j - 1}`, j % 2 ? `p${j - 1}` : `p${j}`]);
    rows[LINKS]![j2(LINKS)] = 'pool';
    for (let d = 0; d < 12; d++) rows.push(['S', 'pool', 'pool']);
    return tableFromRows(['stratum', 'x', 'y'], rows);
  }
  /** The variable whose class the last link does not share with the link before: it joins the pool there. */
  const j2 = (j: number) => (j % 2 ? 1 : 2);

  it('withholds a chain of any length to its end: no scenario keeps a record below k', () => {
    const t = chain();
    const before = strictFrequencies(t, [0, 1]);
    expect(before[0]).toBe(1);
    const withheld = withholdShort(t, [[1], [2]], [0], 2, { x: 0, y: 0 });
    for (const vars of [
      [0, 1],
      [0, 2],
    ])
      expect(Math.min(...strictFrequencies(t, vars))).toBeGreaterThanOrEqual(2);
    // Every link, and one record of the pool so that the first withheld is not alone.
    expect(withheld).toBe(LINKS + 2);
    for (const vars of [
      ['stratum', 'x'],
      ['stratum', 'y'],
    ])
      expect(checkK(t.vars, rowsOf(t), vars).below(2)).toBe(0);
  });
});

describe('sdcMicro frequency semantics', () => {
  it('counts suppressed cells as wildcards the way freqCalc does, and strictly as categories', () => {
    // Keys (1,1), (1,1), (NA,NA), (2,2): sdcMicro gives fk = 2, 2, 4, 1 (fully suppressed keys do not pad complete ones).
    const t = tableFromRows(
      ['a', 'b'],
      [
        ['1', '1'],
        ['1', '1'],
        ['x', 'x'],
        ['2', '2'],
      ],
    );
    t.codes[0]![2] = SUPPRESSED;
    t.codes[1]![2] = SUPPRESSED;
    expect([...wildcardFrequencies(t, [0, 1])]).toEqual([2, 2, 4, 1]);
    expect([...strictFrequencies(t, [0, 1])]).toEqual([2, 2, 1, 1]);
  });

  it('lets a partly suppressed key match every compatible key', () => {
    const t = tableFromRows(
      ['a', 'b'],
      [
        ['1', '1'],
        ['1', '2'],
        ['1', 'x'],
        ['2', '2'],
      ],
    );
    t.codes[1]![2] = SUPPRESSED;
    expect([...wildcardFrequencies(t, [0, 1])]).toEqual([2, 2, 3, 1]);
  });

  it('agrees with freqCalc pair by pair on random tables with many blank patterns', () => {
    // freqCalc's definition applied record by record, O(n^2): the reference.
    const reference = (rows: string[][]) =>
      rows.map((r) => {
        const blanks = r.filter((c) => c === '').length;
        if (blanks === r.length) return rows.length;
        const compatible = (o: string[]) => o.every((c, j) => c === r[j] || c === '' || r[j] === '');
        return rows.filter((o) => {
          const oBlanks = o.filter((c) => c === '').length;
          if (!compatible(o)) return false;
          // A complete key adds its equals and the partly suppressed keys, not the fully suppressed ones.
          return blanks > 0 || oBlanks < o.length;
        }).length;
      });
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 20; round++) {
      // Blanks in every column, more in some, and now and then a record blank throughout.
      const rows = Array.from({ length: 300 }, (_, i) =>
        ['a', 'b', 'c', 'd'].map((v, j) => (i % 37 === 0 || next() < 0.1 + 0.1 * (j % 3) ? '' : `${v}${Math.floor(next() * (2 + j))}`)),
      );
      const t = tableFromRows(['a', 'b', 'c', 'd'], rows);
      rows.forEach((r, i) => r.forEach((c, v) => c === '' && (t.codes[v]![i] = SUPPRESSED)));
      expect([...wildcardFrequencies(t, [0, 1, 2, 3])]).toEqual(reference(rows));
    }
  });
});

describe('the code table', () => {
  it('keeps 8-bit codes while it can and widens a variable past 127, then past 32,767 categories', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => [`v${i}`, i % 2 ? 'a' : 'b', `m${i % 200}`]);
    const t = tableFromRows(['many', 'few', 'some'], rows);
    expect(t.codes[0]).toBeInstanceOf(Int32Array);
    expect(t.codes[1]).toBeInstanceOf(Int8Array);
    expect(t.codes[2]).toBeInstanceOf(Int16Array);
    expect(t.codes[0]![39_999]).toBe(39_999);
    expect(t.labels[0]![t.codes[0]![35_000]!]).toBe('v35000');
    expect(t.labels[2]![t.codes[2]![39_999]!]).toBe('m199');
    expect([...strictFrequencies(t, [1]).slice(0, 2)]).toEqual([20_000, 20_000]);
  });

  it('widens a grouped table’s sensitive codes past 127 values, keeping every value', () => {
    const b = groupedTableBuilder(['k'], ['s']);
    for (let i = 0; i < 1000; i++) b.push([`k${i % 3}`], [`s${i}`]);
    for (let i = 0; i < 300; i++) b.push([`k${3 + i}`], [`t${i}`]);
    const t = b.build();
    const s = t.sensitive![0]!;
    expect(s.one).toBeInstanceOf(Int16Array);
    // Each of the last 300 rows holds its one value, the 1,000th to the 1,299th of the column.
    for (let r = 3; r < 303; r++) expect(s.labels[valuesAt(s, r)![0]!]).toBe(`t${r - 3}`);
    expect(valuesAt(s, 0)!.length).toBe(32);
  });

  it('keeps the distinct sensitive values of each row: one code, several, or "at least one" once split', () => {
    /** A grouped table of a key x and a sensitive route, from [x, route] records. */
    const routes = (records: string[][]) => {
      const b = groupedTableBuilder(['x'], ['route']);
      for (const [x, route] of records) b.push([x!], [route!]);
      return b.build();
    };
    /** Row i's route values by name, or null for "at least one". */
    const valuesOf = (table: SdcTable, i: number) => {
      const values = valuesAt(table.sensitive![0]!, i);
      return values && Array.from(values, (c) => table.sensitive![0]!.labels[c]);
    };
    const t = routes([
      ['a', 'central'],
      ['a', 'western'],
      ['a', 'central'],
      ['b', 'eastern'],
      ['b', 'eastern'],
      ['c', ''],
    ]);
    const named = (i: number) => valuesOf(t, i);
    expect([0, 1, 2].map(named)).toEqual([['central', 'western'], ['eastern'], ['']]);
    // Which records leave a row that holds two values is not known: both parts hold "at least one".
    const j = splitRow(t, 0, 1);
    expect([named(0), named(j)]).toEqual([null, null]);
    const k = splitRow(t, 1, 1);
    expect([named(1), named(k)]).toEqual([['eastern'], ['eastern']]);
    // Splitting past the room the table was built with grows every array, values kept.
    const w = routes(Array.from({ length: 80 }, (_, i) => [`x${i % 40}`, i % 40 < 20 || i < 40 ? 'central' : 'western']));
    const parts = Array.from({ length: 40 }, (_, i) => splitRow(w, i, 1));
    expect(w.n).toBe(80);
    expect(parts.map((p) => valuesOf(w, p))).toEqual(Array.from({ length: 40 }, (_, i) => (i < 20 ? ['central'] : null)));
    expect([...w.weights!.subarray(0, 80)]).toEqual(Array(80).fill(1));
    // A table of few keys among many records has arrays longer than its rows: rows split past its
    // room keep their origin and their blanked bits (an origin sized to the rows lost them), and
    // every record is placed.
    const few = groupedTableBuilder(['k'], ['route'], 5_000);
    for (let i = 0; i < 5_000; i++) few.push([`k${i % 700}`], [i % 3 ? 'central' : 'western']);
    const f = few.build();
    expect(f.n).toBe(700);
    const split = Array.from({ length: 300 }, (_, i) => splitRow(f, i, 1));
    blank(f.sensitive![0]!, split.at(-1)!);
    expect([...split.map((j) => f.origin![j])]).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(isBlanked(f.sensitive![0]!, split.at(-1)!)).toBe(true);
    expect(isBlanked(f.sensitive![0]!, split.at(-2)!)).toBe(false);
    const placer = recordPlacer(f, 700);
    const rank = new Int32Array(700);
    for (let i = 0; i < 5_000; i++) placer.place(i % 700, rank[i % 700]!++);
    expect(() => placer.finish()).not.toThrow();
    // Merging rare values remaps every row; a row whose values merge into one holds one.
    const u = routes([
      ['a', 'central'],
      ['a', 'western'],
      ['b', 'central'],
      ['b', 'eastern'],
      ['c', 'western'],
    ]);
    mergeRareSensitive(u.sensitive![0]!, new Set(['central', 'eastern']), 'other');
    const v = u.sensitive![0]!;
    const merged = (i: number) => new Set(Array.from(valuesAt(v, i)!, (code) => v.labels[code]));
    expect([0, 1, 2].map(merged)).toEqual([new Set(['western', 'other']), new Set(['other']), new Set(['western'])]);
    expect(v.one[1]).toBeGreaterThanOrEqual(0); // two values merged into one: a row of one value again
  });

  it('keys records apart exactly: blanks, codes that spell digits and commas, and codes past 55,000', () => {
    const vectors = [
      [0, 1],
      [1, 0],
      [SUPPRESSED, 0],
      [0, SUPPRESSED],
      [44, 48],
      [55_296, 0],
      [0, 55_296],
      [5, 5, 2, 9, 6],
      [70_000, 12],
    ];
    const keys = vectors.map(codesKey);
    expect(new Set(keys).size).toBe(vectors.length);
    // One character a code while codes are small: a key of a few dozen bytes, not a rope of digits.
    expect(codesKey([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8])).toHaveLength(19);
    // A grouped table keeps records with the same cells together and apart from every other.
    const b = groupedTableBuilder(['x', 'y']);
    const rows = Array.from({ length: 60_000 }, (_, i) => [`x${i % 56_000}`, `y${i % 3}`]);
    const at = rows.map((r) => b.push(r));
    const t = b.build();
    expect(new Set(rows.map((r) => r.join('|'))).size).toBe(t.n);
    // Each record's row holds the record's cells.
    rows.forEach((r, i) => expect([0, 1].map((v) => t.labels[v]![t.codes[v]![at[i]!]!])).toEqual(r));
  });
});

describe('recoding', () => {
  it('recodes further when l-diversity would otherwise blank most of a sensitive variable', () => {
    // 5,000 records: every age holds 100 (k is met as collected), but within one age everyone
    // answers 'intercepted' alike, so l = 2 would blank it everywhere. Ages in bands mix them.
    const rows = Array.from({ length: 5000 }, (_, i) => [String(i % 50), ['N', 'S'][Math.floor(i / 50) % 2]!, (i % 50) % 2 ? 'yes' : 'no']);
    const t = tableFromRows(['age', 'region', 'intercepted'], rows);
    const { table, report } = anonymizeTable(
      t,
      policy({
        quasiIdentifiers: ['age', 'region'],
        sensitive: ['intercepted'],
        l: 2,
        maxGlobalRisk: 0.05,
        hierarchies: { age: { kind: 'ordered' }, region: { kind: 'categorical' } },
      }),
    );
    expect(report.failures).toEqual([]);
    expect(report.recoding!.levels.age!.level).toBeGreaterThan(0);
    expect(report.informationLoss.intercepted!.suppressedPercent).toBeLessThan(10);
    // Independently: every class of the published key holds both answers.
    const out = rowsOf(table);
    const answers = new Map<string, Set<string>>();
    for (const r of out) answers.set(`${r[0]}|${r[1]}`, (answers.get(`${r[0]}|${r[1]}`) ?? new Set()).add(r[2]!));
    expect([...answers.values()].filter((a) => a.size < 2)).toEqual([]);
  });

  it('blanks no empty cell for l-diversity, and leaves a class that shows no value as it is', () => {
    // Class 'a': one value shown among empty cells (the empty cells are a category: 2 values);
    // class 'b': nothing shown (a question the records' version did not ask); class 'c': one
    // value and nothing else, to blank.
    const rows = [
      ...Array.from({ length: 6 }, (_, i) => ['a', i ? '' : 'kidnapped']),
      ...Array.from({ length: 6 }, () => ['b', '']),
      ...Array.from({ length: 6 }, () => ['c', 'robbed']),
    ];
    const { table, report } = anonymizeTable(
      tableFromRows(['hub', 'abuse'], rows),
      policy({ quasiIdentifiers: ['hub'], sensitive: ['abuse'], l: 2, maxGlobalRisk: 1 }),
    );
    expect(report.suppressions.abuse!.count).toBe(6);
    expect(rowsOf(table).map((r) => r[1])).toEqual(['kidnapped', ...Array(5).fill(''), ...Array(6).fill(''), ...Array(6).fill('')]);
    expect(table.codes[1]!.subarray(0, 12).every((c) => c !== SUPPRESSED)).toBe(true);
    expect(report.minL.abuse).toEqual({ before: 1, after: 2 });
  });

  it('measures a sensitive variable only in the classes of scenarios that do not know it', () => {
    // The journey attacker knows the sea crossings: within its classes (keyed by them) each shows
    // one value, which tells that attacker nothing new. The community attacker does not know them,
    // and its classes hold several.
    const rows = Array.from({ length: 60 }, (_, i) => [['N', 'S'][i % 2]!, ['0', '1', '2-3'][i % 3]!, ['m', 'f'][Math.floor(i / 2) % 2]!]);
    const { report } = anonymizeTable(
      tableFromRows(['nationality', 'sea', 'sex'], rows),
      policy({
        quasiIdentifiers: ['nationality', 'sea', 'sex'],
        sensitive: ['sea'],
        l: 2,
        maxGlobalRisk: 1,
        maxIndividualRisk: 1,
        scenarios: [
          { name: 'journey', variables: ['nationality', 'sea'], unpublished: [] },
          { name: 'community', variables: ['nationality', 'sex'], unpublished: [] },
        ],
      }),
    );
    expect(report.failures).toEqual([]);
    expect(report.suppressions.sea?.count ?? 0).toBe(0);
    expect(report.minL.sea).toEqual({ before: 3, after: 3 });
  });

  it('bands numbers, coarsens dates, maps hierarchies and merges rare categories', () => {
    expect(['17', '18', '24', '25', '70'].map((v) => recodeValue(v, { kind: 'bands', breaks: [18, 25, 35] }))).toEqual([
      '<18',
      '18-24',
      '18-24',
      '25-34',
      '35+',
    ]);
    expect(recodeValue('2026-11-29', { kind: 'month' })).toBe('2026-11');
    expect(recodeValue('2026-11-29', { kind: 'quarter' })).toBe('2026-Q4');
    expect(recodeValue('Sfax', { kind: 'map', map: { Sfax: 'TN-Sfax region' } })).toBe('TN-Sfax region');
    expect(recodeColumn(['a', 'a', 'b', ''], { kind: 'merge-rare', min: 2, into: 'other' })).toEqual(['a', 'a', 'other', '']);
  });

  it('merges rare values of a sensitive variable before l-diversity: a class left with one value is blanked', () => {
    // Class f holds two values, both rare: diverse as collected, one value ('other') once merged.
    const b = groupedTableBuilder(['sex'], ['route']);
    const records = [
      ...Array(6).fill(['m', 'central']),
      ...Array(6).fill(['m', 'western']),
      ['f', 'eastern'],
      ['f', 'atlantic'],
      ['f', 'eastern'],
    ];
    const counts = new Map<string, number>();
    for (const [sex, route] of records) {
      b.push([sex], [route]);
      counts.set(route, (counts.get(route) ?? 0) + 1);
    }
    const rare = rareValues(counts, 5);
    expect([...rare].sort()).toEqual(['atlantic', 'eastern']);
    const t = b.build();
    mergeRareSensitive(t.sensitive![0]!, rare, 'other');
    expect(t.sensitive![0]!.labels).toEqual(['central', 'western', 'other']);
    const { table, report } = anonymizeTable(t, {
      ...policy(),
      quasiIdentifiers: ['sex'],
      sensitive: ['route'],
      k: 3,
      l: 2,
      maxIndividualRisk: 1,
      maxGlobalRisk: 1,
    });
    expect(report.minL.route!.before).toBe(1);
    const f = table.labels[0]!.indexOf('f');
    const rowF = Array.from({ length: table.n }, (_, i) => i).find((i) => table.codes[0]![i] === f)!;
    expect(isBlanked(table.sensitive![0]!, rowF)).toBe(true);
  });
});

adultData.describe('periplus sdc (the CLI on a plain CSV)', () => {
  it('writes the treated CSV and the risk report, and the independent checker agrees', async () => {
    const tmp = tempDir();
    try {
      const out = join(tmp.dir, 'adult-k5.csv');
      const res = await runCli([
        'sdc',
        ADULT,
        '--sep',
        ';',
        '--qi',
        QIS.join(','),
        '--k',
        '5',
        '--recode',
        'age=bands:17,20,25,30,35,40,45,50,55,60,65,70,75',
        '--out',
        out,
      ]);
      expect(res.code).toBe(0);
      expect(res.stdout).toContain('violators of 2/3/5-anonymity (strict) before: ');
      const [h, ...rows] = parse(readFileSync(out, 'utf8'), { delimiter: ';' }) as string[][];
      expect(rows).toHaveLength(30162);
      expect(checkK(h!, rows, QIS).below(5)).toBe(0);
      const report = JSON.parse(readFileSync(`${out}.risk.json`, 'utf8'));
      expect(report).toMatchObject({ passed: true, parameters: { k: 5, quasiIdentifiers: QIS } });
      expect(readFileSync(`${out}.risk.html`, 'utf8')).toContain('Violators of k-anonymity');
      const refused = await runCli(['sdc', ADULT, '--sep', ';', '--qi', QIS.join(','), '--k', '5', '--max-global-risk', '0.001']);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain('REFUSED');
    } finally {
      tmp.cleanup();
    }
  });
});
