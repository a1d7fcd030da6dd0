// The public profile's first pass: the one read of the responses, which files each row under its
// random position and builds the table of key combinations (memory follows the categories, not
// the records); then rare categories merged, global recoding and local suppression decided on that
// table, and the export refused when a threshold fails. A release reads its records as earlier
// releases published them.
import { AppError } from '../errors';
import { bitArray, setBit } from '../shared/bits';
import { collectGarbage } from '../shared/collect-garbage';
import { sha256Hasher } from '../questionnaires/canonical';
import { inlineAnonymizer } from './anonymize/anonymize';
import { isOrdered, type HierarchySpec } from './anonymize/generalize';
import type { PriorReleases } from './anonymize/ledger';
import { mergeRareCodes, mergeRareSensitive, rareValues } from './anonymize/recode';
import { isCountryList, REGION, SUBREGION } from './anonymize/regions';
import { groupedTableBuilder, type SdcTable } from './anonymize/table';
import { valueLists } from './anonymize/value-lists';
import type { Column } from './columns';
import { csvLine } from './csv-cells';
import { answersOf, mainCells, pages, repeatRows, taking, type ExportDeps, type PreparedExport, type SdcPlan } from './export-rows';
import { Bucket, BUCKET, packCells, randomPositions } from './shuffle';
import { memorySpill, type Spill } from './spill';

/** Records read between two full collections in pass one. */
const COLLECT_EVERY = 32_768;

/** The stratum of a release's record: the release that first published it, or 'new'. */
export const COHORT = 'release_cohort';
const cohortLabels: string[] = [];
const cohortOf = (prior: PriorReleases, seq: number) => {
  const cohort = prior.cohortOf(seq);
  return cohort === undefined ? 'new' : (cohortLabels[cohort] ??= String(cohort));
};

/** Replaces, in place, the cells of a record published before with those it was published with. */
function applyPrior(prior: PriorReleases, seq: number, names: readonly string[], cells: string[], at: readonly number[]): void {
  if (prior.cohortOf(seq) === undefined) return;
  at.forEach((ci, j) => {
    const was = prior.cellOf(seq, names[j]!);
    if (was !== undefined) cells[ci] = was;
  });
}

/**
 * How global recoding may broaden a key column: dates by calendar, numbers and bands in order,
 * country codes by M49 subregion and region, anything else by merging rare categories.
 */
function hierarchyOf(c: Column): HierarchySpec {
  const v = c.variable;
  if (c.role === 'date' || v?.type === 'date') return { kind: 'date' };
  if (v?.type === 'number' || v?.recode?.kind === 'bands' || (v?.type === 'choice' && isOrdered(v.choices.map((x) => x.value))))
    return { kind: 'ordered' };
  if (v && v.type === 'choice' && isCountryList(v.choices.map((x) => x.value)))
    return { kind: 'map', levels: [SUBREGION, REGION], names: ['UN M49 subregion', 'UN M49 region'] };
  return { kind: 'categorical' };
}

export async function planSuppression(deps: ExportDeps, p: PreparedExport): Promise<SdcPlan> {
  const spill = (deps.spill ?? memorySpill)();
  try {
    return await plan(deps, p, spill);
  } catch (e) {
    spill.close();
    throw e;
  }
}

async function plan(deps: ExportDeps, p: PreparedExport, spill: Spill): Promise<SdcPlan> {
  const columns = p.files[0]!.columns;
  const pick = (roles: string[]) => columns.map((c, i) => [c, i] as const).filter(([c]) => roles.includes(c.role));
  const strata = columns.map((c, i) => [c, i] as const).filter(([c]) => c.name === 'country');
  // The key: every declared quasi-identifier, and every variable an attacker scenario knows.
  const known = new Set(p.policy.scenarios.flatMap((s) => s.knows));
  const qis = columns
    .map((c, i) => [c, i] as const)
    .filter(([c]) => c.name !== 'country' && c.name !== 'KEY' && (['quasi', 'location', 'date'].includes(c.role) || known.has(c.name)));
  const sensitive = pick(['sensitive']);
  const keyed = [...strata, ...qis];
  const prior = p.release?.prior;
  const keyColumns = keyed.map(([, i]) => i);
  const sensitiveColumns = sensitive.map(([, i]) => i);
  // Sensitive variables whose rare values are merged: their values are counted in pass one.
  const mergeRules = sensitive.map(([c]) => (c.variable?.recode?.kind === 'merge-rare' ? c.variable.recode : undefined));
  const { table, rows, repeats, records, sensitiveCounts } = await readOnce(deps, p, spill, {
    keyColumns,
    sensitiveColumns,
    counted: mergeRules.map(Boolean),
  });
  // What the pass held (its index of keys, the positions drawn) is gone with it, and its garbage
  // (the rows, parsed and packed) grew the heap: given back before disclosure control, which
  // runs in a thread of its own.
  collectGarbage();
  const inputRows = table.n;
  // Merging rare categories needs the whole column: done on the table, before suppression (and,
  // for sensitive variables, before l-diversity is measured on them).
  keyed.forEach(([c], vi) => {
    const rule = c.variable?.recode;
    if (rule?.kind === 'merge-rare') mergeRareCodes(table, vi, rule.min, rule.into);
  });
  const sensitiveMerges = mergeRules.map((rule, s) => {
    if (!rule) return undefined;
    const rare = rareValues(sensitiveCounts[s]!, rule.min);
    mergeRareSensitive(table.sensitive![s]!, rare, rule.into);
    return { rare, into: rule.into };
  });
  const published = new Set(columns.map((c) => c.name));
  const hierarchies = Object.fromEntries(qis.map(([c]) => [c.name, hierarchyOf(c)]));
  const { table: treated, report } = await (deps.anonymizer ?? inlineAnonymizer)(table, {
    quasiIdentifiers: qis.map(([c]) => c.name),
    strata: [...strata.map(([c]) => c.name), ...(prior ? [COHORT] : [])],
    sensitive: sensitive.map(([c]) => c.name),
    k: p.policy.k,
    l: p.policy.l,
    maxIndividualRisk: p.policy.maxIndividualRisk,
    maxGlobalRisk: p.policy.maxGlobalRisk,
    // Each scenario is measured on what it knows of the published columns.
    scenarios: p.policy.scenarios.map((sc) => ({
      name: sc.name,
      variables: sc.knows.filter((v) => published.has(v) && v !== 'country'),
      unpublished: sc.knows.filter((v) => !published.has(v)),
    })),
    hierarchies,
    keep: p.policy.keep,
  });
  if (!report.passed)
    throw new AppError(
      'disclosure_risk',
      `The public dataset fails its disclosure thresholds: ${report.failures.join('; ')}.`,
      report.failures.map((failure) => ({ path: '(dataset)', type: 'disclosure_risk', message: failure })),
      { quasiIdentifiers: report.parameters.quasiIdentifiers, violators: report.after.violators },
    );
  for (const [c] of qis)
    p.treatments.set(`\u0000${c.name}`, `k-anonymity key (k=${p.policy.k}); ${p.treatments.get(`\u0000${c.name}`) ?? 'as collected'}`);
  sensitive.forEach(([c], s) => {
    const merge = mergeRules[s];
    p.treatments.set(
      `\u0000${c.name}`,
      `l-diversity (l=${p.policy.l})${merge ? `; values of fewer than ${merge.min} records merged into '${merge.into}'` : ''}`,
    );
  });
  // Pass two reads the sensitive values from the records and only the blanked flags from the
  // table: the values per row are let go (25 MB of a million records' table).
  for (const s of treated.sensitive ?? []) {
    s.one = new Int8Array(0);
    s.many = valueLists();
  }
  collectGarbage();
  return {
    report,
    table: treated,
    inputRows,
    records,
    rows,
    repeats,
    spill,
    keyColumns,
    sensitiveColumns,
    sensitiveMerges,
    rowKeyCipherKey: await crypto.subtle.generateKey({ name: 'AES-CTR', length: 128 }, false, ['encrypt']),
    ledgerColumns: [...keyColumns, ...sensitiveColumns],
  };
}

/**
 * Pass one, the one read of the responses: files each row under its random position in its
 * bucket, and builds the grouped table of keys (stratum and quasi-identifiers, and a release's
 * cohort) with the distinct values of each sensitive variable per key: memory follows the
 * categories, whatever the number of responses. Counts the values of the sensitive variables
 * `counted` (their rare values are merged).
 */
async function readOnce(
  deps: ExportDeps,
  p: PreparedExport,
  spill: Spill,
  { keyColumns, sensitiveColumns, counted }: { keyColumns: number[]; sensitiveColumns: number[]; counted: boolean[] },
): Promise<{
  table: SdcTable;
  rows: Bucket[];
  repeats: Bucket[][];
  records: number;
  sensitiveCounts: Array<Map<string, number> | undefined>;
}> {
  const columns = p.files[0]!.columns;
  const prior = p.release?.prior;
  const builder = groupedTableBuilder(
    [...keyColumns.map((ci) => columns[ci]!.name), ...(prior ? [COHORT] : [])],
    sensitiveColumns.map((ci) => columns[ci]!.name),
    p.rows,
  );
  const readColumns = [...keyColumns, ...sensitiveColumns];
  const readNames = readColumns.map((ci) => columns[ci]!.name);
  // Where each response is published: a random permutation of the rows counted, drawn before the
  // one read of the responses, so each row goes to its bucket as soon as it is read.
  const positions = randomPositions(p.rows);
  const buckets = Math.max(1, Math.ceil(p.rows / BUCKET));
  const rows = Array.from({ length: buckets }, () => new Bucket(deps.compression, spill));
  const repeats = p.files.slice(1).map(() => Array.from({ length: buckets }, () => new Bucket(deps.compression, spill)));
  const snapshot = p.release ? sha256Hasher() : undefined;
  const countries = new Set<string>();
  const sensitiveCounts = counted.map((c) => (c ? new Map<string, number>() : undefined));
  let records = 0;
  // Records seen so far per table row (rows number at most the records): a record's rank in its row.
  const perRow = new Int32Array(p.rows);
  const publishedBefore = prior && p.release ? (p.release.publishedBefore = bitArray(p.rows)) : undefined;
  for await (const page of pages(deps, p)) {
    // The ledgers are read in step with the responses, up to the page's last record.
    if (prior) await prior.readTo(page.at(-1)!.seq);
    for (const row of taking(page)) {
      // A response restored from the trash since the count: the positions drawn do not cover it.
      if (records >= p.rows) throw new Error('responses changed while the export was being prepared; export again');
      const data = answersOf(row);
      const cells = mainCells(p, row, data);
      if (prior) applyPrior(prior, row.seq, readNames, cells, readColumns);
      const sensitiveCells = sensitiveColumns.map((ci) => cells[ci]!);
      const keyCells = keyColumns.map((ci) => cells[ci]!);
      if (prior) keyCells.push(cohortOf(prior, row.seq));
      const r = builder.push(keyCells, sensitiveCells);
      const rank = perRow[r]!++;
      const position = positions[records]!;
      if (publishedBefore && prior!.cohortOf(row.seq) !== undefined) setBit(publishedBefore, position);
      const b = Math.floor(position / BUCKET);
      // Pass two writes the key columns from the treated table and the row key from its position:
      // their cells need not wait in the bucket.
      cells[0] = '';
      for (const ci of keyColumns) cells[ci] = '';
      rows[b]!.add(position, r, rank, row.seq, packCells(cells));
      if (repeats.length)
        repeatRows(p, row, data).forEach((lines, t) => {
          for (const line of lines)
            repeats[t]![b]!.add(
              position,
              0,
              0,
              0,
              `${JSON.stringify([line.parent, line.key])}\n${line.cells.length ? csvLine(line.cells, p.spec.maskFormulas) : ''}`,
            );
        });
      if (snapshot) {
        // Hashed as text (UTF-8, as encoded before): a byte array a row was 3 GB of buffers to collect.
        snapshot.update(
          `${row.seq}\t${row.country}\t${row.site ?? ''}\t${row.submittedAt?.getTime() ?? ''}\t${JSON.stringify(row.hidden)}\t${row.data}\n`,
        );
        countries.add(row.country);
      }
      sensitiveCounts.forEach((counts, s) => counts?.set(sensitiveCells[s]!, (counts.get(sensitiveCells[s]!) ?? 0) + 1));
      records++;
      // Rows that outlive a scavenge or two while their page is processed reach the old generation,
      // whose limit V8 sets from the live heap: in the server (a larger live heap, and the newest
      // version's wider rows) pass one grew to 700 MB of dead rows between full collections.
      if (records % COLLECT_EVERY === 0) collectGarbage();
    }
  }
  if (p.release && snapshot) {
    p.release.snapshotHash = snapshot.hex();
    p.release.countries = [...countries].sort();
  }
  // Every row is filed: the buckets let go of the buffers they filled rows in.
  for (const b of [...rows, ...repeats.flat()]) b.seal();
  return { table: builder.build(), rows, repeats, records, sensitiveCounts };
}
