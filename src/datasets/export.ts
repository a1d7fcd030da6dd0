// A dataset bundle as a stream: keyset pages of responses -> flatten -> anonymize -> CSV -> zip,
// one page per pull, so memory stays flat in the number of rows. The public profile reads the
// disclosure-relevant cells once first, grouped by distinct combination (memory follows the
// categories, not the records), decides every suppression, refuses to start when a threshold
// fails, then streams, placing each record on its treated row. The manifest (row counts, SHA-256) comes last:
// a truncated download lacks it.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { stringify } from 'csv-stringify/sync';
import { deflateSync, inflateSync, strFromU8, strToU8, Zip, ZipDeflate } from 'fflate';
import type { Deps } from '../deps';
import { AppError, notFound } from '../errors';
import { findQuestionnaire, listVersions } from '../storage/questionnaires';
import { countExportRows, exportBound, exportPage, type ExportFilters, type ExportRow } from '../storage/exports';
import { inlineAnonymizer, type SdcReport } from './anonymize/anonymize';
import { reportHtml } from './anonymize/report-html';
import { groupedTableBuilder, recordPlacer, SUPPRESSED, type SdcTable } from './anonymize/table';
import { mergeRareCodes, mergeRareSensitive, rareValues } from './anonymize/recode';
import { csvLine, maskFormula } from './csv-cells';
import { codebookCsv, readmeText, rScript, spssScript, stataScript, type TableFile } from './bundle-files';
import { columnsFor, type Column, type ColumnKeys, type Profile } from './columns';
import { flattenResponse, mainCellText, SUPPRESSED_CELL } from './flatten';
import { datasetLayout, type Layout } from './variables';
import { isCountryList, REGION, SUBREGION } from './anonymize/regions';
import { isOrdered, type HierarchySpec } from './anonymize/generalize';
import { newLedger, type LedgerRecords, type PriorReleases } from './anonymize/ledger';
import { declaredSites, policyOf, tightened, type DisclosurePolicy, type Thresholds } from '../questionnaires/disclosure-policy';

export interface ExportSpec {
  questionnaireId: string;
  profile: Profile;
  /** Choice labels (in `lang`) instead of codes. */
  labels: boolean;
  lang: string;
  splitMultiple: boolean;
  bom: boolean;
  /** Prefix cells that start with = + - @ (and are not numbers) with ' against CSV injection. */
  maskFormulas: boolean;
  filters: ExportFilters;
  /** Thresholds asked for: each may tighten the questionnaire's disclosure policy, never loosen it. */
  requested: Partial<Thresholds>;
}

export type ExportDeps = Pick<Deps, 'db' | 'clock' | 'anonymizer'> & { pseudonymKey: Uint8Array };

interface SdcPlan {
  report: SdcReport;
  /** The treated table: one row per combination of the chosen columns (plus rows split off). */
  table: SdcTable;
  inputRows: number;
  records: number;
  /**
   * The responses as pass one read them (the only read): each main row filed under the random
   * position it is published at, with its input row and its rank among that row's records, and
   * the rows of each repeat table likewise. Pass two writes them treated, position by position.
   */
  rows: Bucket[];
  repeats: Bucket[][];
  /** Main-table columns of the key variables, in table order. */
  keyColumns: number[];
  /** Main-table columns of the sensitive variables, in the table's sensitive order. */
  sensitiveColumns: number[];
  /** Per sensitive variable with a merge-rare rule: its rare values and what they become. */
  sensitiveMerges: Array<{ rare: ReadonlySet<string>; into: string } | undefined>;
  /** Per-export random key of the row keys: public keys link nothing across exports. */
  rowKeyKey: CryptoKey;
  /** Main-table columns a release's ledger keeps: the key and sensitive columns. */
  ledgerColumns: number[];
}

/**
 * A release: computed against what approved releases published before (their records keep the
 * cells they were published with, and each cohort of first-released records is a stratum of its
 * own), and recording what it publishes of the records it releases first.
 */
export interface ReleaseRun {
  prior: PriorReleases;
  /** Filled by pass one: SHA-256 of the responses read, in order, and their countries. */
  snapshotHash?: string;
  countries?: string[];
  /** Filled by pass two: the treated cells of the records this release publishes first. */
  ledger?: LedgerRecords;
}

/** The stratum of a release's record: the release that first published it, or 'new'. */
const COHORT = 'release_cohort';
const cohortOf = (prior: PriorReleases, seq: number) => String(prior.cohortOf(seq) ?? 'new');

/** Replaces, in place, the cells of a record published before with those it was published with. */
function applyPrior(prior: PriorReleases, seq: number, names: readonly string[], cells: string[], at: readonly number[]): void {
  if (prior.cohortOf(seq) === undefined) return;
  at.forEach((ci, j) => {
    const was = prior.cellOf(seq, names[j]!);
    if (was !== undefined) cells[ci] = was;
  });
}

/** A random permutation of 0..n-1 (Fisher-Yates with the Web Crypto generator): where each record is published. */
function randomPositions(n: number): Int32Array {
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
async function rowKeys(key: CryptoKey, from: number, count: number): Promise<string[]> {
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

export interface PreparedExport {
  spec: ExportSpec;
  title: string;
  versions: string[];
  layout: Layout;
  files: TableFile[];
  bound: number;
  rows: number;
  keys: ColumnKeys;
  /** The disclosure policy applied (the questionnaire's, tightened by the request). */
  policy: DisclosurePolicy;
  sdc?: SdcPlan;
  release?: ReleaseRun;
  /** Per table + column: what disclosure control did to it, for the codebook. */
  treatments: Map<string, string>;
}

const PAGE = 500;

async function* pages(deps: ExportDeps, p: Pick<PreparedExport, 'spec' | 'bound'>): AsyncGenerator<ExportRow[]> {
  let after = 0;
  for (;;) {
    const rows = await exportPage(deps.db, p.spec.questionnaireId, p.spec.filters, p.bound, after, PAGE);
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)!.seq;
  }
}

/** Main-table cells of one row before disclosure control: all columns, or only those in `only`. */
function mainCells(p: Pick<PreparedExport, 'spec' | 'files'>, row: ExportRow, only?: readonly number[]): string[] {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const hidden = new Set(row.hidden);
  const columns = p.files[0]!.columns;
  const cell = (ci: number) => {
    const c = columns[ci]!;
    return cellOf(c, row, c.variable ? mainCellText(c.variable, data, hidden, p.spec.labels, p.spec.profile !== 'full') : '');
  };
  return only ? only.map(cell) : columns.map((_, ci) => cell(ci));
}

function cellOf(c: Column, row: ExportRow, raw: string): string {
  const cell = c.system ? c.system(row) : raw;
  return c.transform ? c.transform(cell, row) : cell;
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

/**
 * Loads the questionnaire, lays out the tables, counts the rows and, for public, decides
 * suppression; `release` makes it a release (public profile only) against earlier ones.
 */
export async function prepareExport(deps: ExportDeps, spec: ExportSpec, release?: ReleaseRun): Promise<PreparedExport> {
  if (release && spec.profile !== 'public') throw new Error('a release is of the public profile');
  const q = await findQuestionnaire(deps.db, spec.questionnaireId);
  if (!q) throw notFound(`Questionnaire '${spec.questionnaireId}'`);
  const versions = await listVersions(deps.db, q.id);
  const wanted = spec.filters.versions?.length ? versions.filter((v) => spec.filters.versions!.includes(v.version)) : versions;
  const definitions = wanted.map((v) => JSON.parse(v.definition) as Record<string, unknown>);
  // The policy is the questionnaire's as it stands now: its newest version's.
  const policy = tightened(policyOf(JSON.parse(versions.at(-1)?.definition ?? '{}') as Record<string, unknown>), spec.requested);
  const layout = datasetLayout(
    wanted.map((v, i) => ({ version: v.version, definition: definitions[i]! })),
    { lang: spec.lang, splitMultiple: spec.splitMultiple },
  );
  const keys: ColumnKeys = { pseudonymKey: deps.pseudonymKey, sites: declaredSites(definitions) };
  const files: TableFile[] = [
    {
      file: `${q.id}.csv`,
      table: '',
      columns: columnsFor(
        spec.profile,
        keys,
        '',
        layout.variables.filter((v) => v.table === ''),
      ),
    },
    ...layout.repeats.map((r) => ({
      file: `${q.id}-${r.name.replace(/[^A-Za-z0-9_.-]/g, '_')}.csv`,
      table: r.name,
      columns: columnsFor(
        spec.profile,
        keys,
        r.name,
        layout.variables.filter((v) => v.table === r.name),
      ),
    })),
  ];
  const bound = await exportBound(deps.db);
  const rows = await countExportRows(deps.db, q.id, spec.filters, bound);
  const treatments = new Map<string, string>();
  const prepared: PreparedExport = {
    spec,
    title: q.title,
    versions: wanted.map((v) => v.version),
    layout,
    files,
    bound,
    rows,
    keys,
    policy,
    treatments,
    release,
  };
  for (const f of files)
    for (const c of f.columns)
      if (c.transform) treatments.set(`${f.table}\u0000${c.name}`, spec.profile === 'public' ? 'recoded' : 'shifted per record');
  if (spec.profile === 'public') prepared.sdc = await planSuppression(deps, prepared);
  return prepared;
}

async function planSuppression(deps: ExportDeps, p: PreparedExport): Promise<SdcPlan> {
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
  // Pass one keeps one row per key (stratum and quasi-identifiers) with the distinct values of
  // each sensitive variable, not one per record: memory follows the categories, whatever the
  // number of responses.
  const prior = p.release?.prior;
  const builder = groupedTableBuilder(
    [...keyed.map(([c]) => c.name), ...(prior ? [COHORT] : [])],
    sensitive.map(([c]) => c.name),
  );
  const keyColumns = keyed.map(([, i]) => i);
  const sensitiveColumns = sensitive.map(([, i]) => i);
  const readColumns = [...keyColumns, ...sensitiveColumns];
  const readNames = readColumns.map((ci) => columns[ci]!.name);
  // Where each response is published: a random permutation of the rows counted, drawn before the
  // one read of the responses, so each row goes to its bucket as soon as it is read.
  const positions = randomPositions(p.rows);
  const buckets = Math.max(1, Math.ceil(p.rows / BUCKET));
  const rows = Array.from({ length: buckets }, () => new Bucket());
  const repeats = p.files.slice(1).map(() => Array.from({ length: buckets }, () => new Bucket()));
  const snapshot = p.release ? sha256.create() : undefined;
  const countries = new Set<string>();
  const encoder = new TextEncoder();
  // Sensitive variables whose rare values are merged: their values are counted in pass one.
  const mergeRules = sensitive.map(([c]) => (c.variable?.recode?.kind === 'merge-rare' ? c.variable.recode : undefined));
  const sensitiveCounts = mergeRules.map((rule) => (rule ? new Map<string, number>() : undefined));
  let records = 0;
  const perRow: number[] = [];
  for await (const page of pages(deps, p))
    for (const row of page) {
      // A response restored from the trash since the count: the positions drawn do not cover it.
      if (records >= p.rows) throw new Error('responses changed while the export was being prepared; export again');
      const cells = mainCells(p, row);
      if (prior) applyPrior(prior, row.seq, readNames, cells, readColumns);
      const sensitiveCells = sensitiveColumns.map((ci) => cells[ci]!);
      const keyCells = keyColumns.map((ci) => cells[ci]!);
      if (prior) keyCells.push(cohortOf(prior, row.seq));
      const r = builder.push(keyCells, sensitiveCells);
      const rank = (perRow[r] = (perRow[r] ?? -1) + 1);
      const position = positions[records]!;
      const b = Math.floor(position / BUCKET);
      rows[b]!.add(`${position} ${r} ${rank} ${row.seq}`, packCells(cells));
      if (repeats.length)
        repeatRows(p, row).forEach((lines, t) => {
          for (const line of lines)
            repeats[t]![b]!.add(
              JSON.stringify([position, line.parent, line.key]),
              line.cells.length ? csvLine(line.cells, p.spec.maskFormulas) : '',
            );
        });
      if (snapshot) {
        snapshot.update(
          encoder.encode(
            `${row.seq}\t${row.country}\t${row.site ?? ''}\t${row.submittedAt?.getTime() ?? ''}\t${JSON.stringify(row.hidden)}\t${row.data}\n`,
          ),
        );
        countries.add(row.country);
      }
      sensitiveCounts.forEach((counts, s) => counts?.set(sensitiveCells[s]!, (counts.get(sensitiveCells[s]!) ?? 0) + 1));
      records++;
    }
  if (p.release && snapshot) {
    p.release.snapshotHash = bytesToHex(snapshot.digest());
    p.release.countries = [...countries].sort();
  }
  const table = builder.build();
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
  return {
    report,
    table: treated,
    inputRows,
    records,
    rows,
    repeats,
    keyColumns,
    sensitiveColumns,
    sensitiveMerges,
    rowKeyKey: await crypto.subtle.generateKey({ name: 'AES-CTR', length: 128 }, false, ['encrypt']),
    ledgerColumns: readColumns,
  };
}

function csvText(rows: string[][], mask: boolean): string {
  return stringify(mask ? rows.map((r) => r.map(maskFormula)) : rows);
}

/**
 * The main table's columns with the values they were published with as their choices: a
 * questionnaire code keeps its label, a recoded value (a band, a region, a quarter, 'other') is
 * its own label, and numbers or dates recoded into categories become categories. Codes for no
 * answer, not asked and suppressed are not values.
 */
function withPublishedValues(files: TableFile[], published: ReadonlyMap<number, ReadonlySet<string>>): TableFile[] {
  const [main, ...rest] = files;
  const columns = main!.columns.map((c, ci) => {
    const seen = published.get(ci);
    const v = c.variable;
    if (!seen || !v) return c;
    const values = new Set<string>();
    for (const cell of seen) {
      if (cell === '' || cell.startsWith('.')) continue;
      if (v.type === 'choices') for (const code of cell.split(' ')) values.add(code);
      else values.add(cell);
    }
    const label = new Map(v.choices.map((ch) => [ch.value, ch.label]));
    const recoded = [...values].some((x) => !label.has(x));
    const asCollected =
      v.type === 'number'
        ? [...values].every((x) => /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(x))
        : v.type === 'date'
          ? [...values].every((x) => /^\d{4}-\d{2}(-\d{2})?$/.test(x))
          : !recoded;
    if (asCollected) return c;
    const ordered = [...values].sort((a, b) => bandStart(a) - bandStart(b) || a.localeCompare(b));
    const choices = [
      ...v.choices.filter((ch) => values.has(ch.value)),
      ...ordered.filter((x) => !label.has(x)).map((x) => ({ value: x, label: x })),
    ];
    return { ...c, variable: { ...v, type: v.type === 'choices' ? ('choices' as const) : ('choice' as const), choices } };
  });
  return [{ ...main!, columns }, ...rest];
}

/** Where a band or number starts (`<18` before `18-24` before `35+`), for ordering categories. */
function bandStart(label: string): number {
  const m = /^(<)?(-?\d+(?:\.\d+)?)/.exec(label);
  return m ? Number(m[2]) - (m[1] ? 0.5 : 0) : Infinity;
}

/**
 * A response's rows in every repeat table (in the order of the files after the main one), from
 * one flattening of its answers: suffixes of their keys and their cells.
 */
function repeatRows(p: PreparedExport, row: ExportRow): Array<Array<{ parent: string; key: string; cells: string[] }>> {
  const flat = flattenResponse(p.layout, JSON.parse(row.data), row.hidden, p.spec.labels, false, p.spec.profile !== 'full');
  return p.files.slice(1).map((f) => {
    const vars = p.layout.variables.filter((v) => v.table === f.table);
    return (flat.repeats.get(f.table) ?? []).map((line) => {
      const byName = new Map(vars.map((v, i) => [v.name, line.cells[i]!]));
      return { parent: line.parent, key: line.key, cells: f.columns.map((c) => cellOf(c, row, byName.get(c.name) ?? '')) };
    });
  });
}

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
const BUCKET = 16_384;

/**
 * Rows waiting to be written in a shuffled order: pass two reads the responses in stored order
 * (one sequential read) and files each treated row under its published position, in the bucket of
 * that position's range, compressed in blocks; the table is then written bucket by bucket, each
 * sorted by position. Memory follows the compressed output, not the rows.
 */
class Bucket {
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

/** The bundle as a zip stream, one page of rows per pull. */
export function exportStream(
  deps: ExportDeps,
  p: PreparedExport,
  onProgress?: (done: number, total: number) => void,
): ReadableStream<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let zipError: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) zipError = err;
    else chunks.push(chunk);
  });
  const manifest: Array<{ name: string; rows: number | null; bytes: number; sha256: string }> = [];
  const encoder = new TextEncoder();

  function file(name: string, rowsCounted = false) {
    const entry = new ZipDeflate(name, { level: 1 });
    zip.add(entry);
    const hash = sha256.create();
    let bytes = 0;
    let rows = 0;
    return {
      write(text: string, addRows = 0) {
        const data = encoder.encode(text);
        hash.update(data);
        bytes += data.length;
        rows += addRows;
        entry.push(data);
      },
      close() {
        entry.push(new Uint8Array(0), true);
        manifest.push({ name, rows: rowsCounted ? rows : null, bytes, sha256: bytesToHex(hash.digest()) });
      },
    };
  }
  const whole = (name: string, text: string) => {
    const f = file(name);
    f.write(text);
    f.close();
  };

  /** Full and pseudonymized profiles: the tables in stored order, each repeat table in a pass of its own. */
  async function* storedOrderTables(bom: string): AsyncGenerator<void> {
    const main = file(p.files[0]!.file, true);
    main.write(bom + csvText([p.files[0]!.columns.map((c) => c.name)], false));
    let done = 0;
    for await (const page of pages(deps, p)) {
      main.write(
        csvText(
          page.map((row) => mainCells(p, row)),
          p.spec.maskFormulas,
        ),
        page.length,
      );
      done += page.length;
      onProgress?.(done, p.rows);
      yield;
    }
    main.close();
    // Zip entries are written one after another: each repeat table reads the rows again.
    for (const [i, f] of p.files.slice(1).entries()) {
      const out = file(f.file, true);
      out.write(bom + csvText([['PARENT_KEY', 'KEY', ...f.columns.map((c) => c.name)]], false));
      for await (const page of pages(deps, p)) {
        const rows: string[][] = [];
        for (const row of page) {
          const mainKey = p.files[0]!.columns[0]!.system!(row);
          for (const line of repeatRows(p, row)[i]!) rows.push([mainKey + line.parent, mainKey + line.key, ...line.cells]);
        }
        out.write(csvText(rows, p.spec.maskFormulas), rows.length);
        yield;
      }
      out.close();
    }
  }

  /**
   * The public profile: the responses pass one filed under their random positions are treated as
   * disclosure control decided and written bucket by bucket in position order, with the keys of
   * those positions. Nothing is read again: the bundle is the responses as they were read once.
   */
  async function* shuffledTables(sdc: SdcPlan, bom: string, published: Map<number, Set<string>>): AsyncGenerator<void> {
    const t = sdc.table;
    const placer = recordPlacer(t, sdc.inputRows);
    const release = p.release;
    const ledgerNames = sdc.ledgerColumns.map((ci) => p.files[0]!.columns[ci]!.name);
    if (release) release.ledger = newLedger(ledgerNames);
    // The values of key and sensitive columns are those of the treated table; only other recoded
    // columns are followed row by row.
    const tracked = [...published].filter(([ci]) => !sdc.keyColumns.includes(ci) && !sdc.sensitiveColumns.includes(ci));
    sdc.keyColumns.forEach((ci, v) => {
      const inUse = new Set<number>();
      for (let j = 0; j < t.n; j++) if (t.weights![j]! > 0) inUse.add(t.codes[v]![j]!);
      published.get(ci)?.add(SUPPRESSED_CELL);
      for (const code of inUse) if (code !== SUPPRESSED) published.get(ci)?.add(t.labels[v]![code]!);
    });
    sdc.sensitiveColumns.forEach((ci, s) => {
      const merge = sdc.sensitiveMerges[s];
      for (const label of t.sensitive![s]!.labels) published.get(ci)?.add(merge?.rare.has(label) ? merge.into : label);
    });
    const main = file(p.files[0]!.file, true);
    main.write(bom + csvText([p.files[0]!.columns.map((c) => c.name)], false));
    let done = 0;
    for (const [b, bucket] of sdc.rows.entries()) {
      const from = b * BUCKET;
      const rows = bucket.take().map((e) => {
        const [position, r, rank, seq] = e.head.split(' ').map(Number) as [number, number, number, number];
        return { position, r, rank, seq, cells: unpackCells(e.text) };
      });
      rows.sort((x, y) => x.position - y.position);
      const keys = await rowKeys(sdc.rowKeyKey, from, Math.min(BUCKET, p.rows - from));
      const lines: string[] = [];
      for (const { position, r, rank, seq, cells } of rows) {
        const j = placer.place(r, rank);
        sdc.keyColumns.forEach((ci, v) => {
          const code = t.codes[v]![j]!;
          cells[ci] = code === SUPPRESSED ? SUPPRESSED_CELL : t.labels[v]![code]!;
        });
        sdc.sensitiveColumns.forEach((ci, s) => {
          const merge = sdc.sensitiveMerges[s];
          if (t.sensitive![s]!.blanked[j]) cells[ci] = SUPPRESSED_CELL;
          else if (merge?.rare.has(cells[ci]!)) cells[ci] = merge.into;
        });
        // What this release publishes of a record no release published before.
        if (release?.ledger && release.prior.cohortOf(seq) === undefined) {
          release.ledger.seqs.push(seq);
          sdc.ledgerColumns.forEach((ci, c) => release.ledger!.values[c]!.push(cells[ci]!));
        }
        for (const [ci, seen] of tracked) seen.add(cells[ci]!);
        cells[0] = keys[position - from]!;
        lines.push(csvLine(cells, p.spec.maskFormulas));
      }
      main.write(lines.join(''), lines.length);
      done += lines.length;
      onProgress?.(done, p.rows);
      yield;
    }
    placer.finish();
    main.close();
    for (const [i, f] of p.files.slice(1).entries()) {
      const out = file(f.file, true);
      out.write(bom + csvText([['PARENT_KEY', 'KEY', ...f.columns.map((c) => c.name)]], false));
      for (const [b, bucket] of sdc.repeats[i]!.entries()) {
        const from = b * BUCKET;
        const keys = await rowKeys(sdc.rowKeyKey, from, Math.min(BUCKET, p.rows - from));
        // Rows of one response keep their order (a stable sort by position).
        const rows = bucket.take().map((e) => {
          const [position, parent, key] = JSON.parse(e.head) as [number, string, string];
          return { position, parent, key, text: e.text };
        });
        rows.sort((x, y) => x.position - y.position);
        out.write(
          rows
            .map((e) => {
              const head = csvLine([keys[e.position - from]! + e.parent, keys[e.position - from]! + e.key], false);
              return e.text ? `${head.slice(0, -1)},${e.text}` : head;
            })
            .join(''),
          rows.length,
        );
        yield;
      }
      out.close();
    }
  }

  async function* work(): AsyncGenerator<void> {
    const bom = p.spec.bom ? '\uFEFF' : '';
    // Publicly, key, sensitive and recoded columns hold values the questionnaire never listed
    // (bands, regions, quarters, 'other'): the codebook and loaders describe what was published.
    const published = new Map<number, Set<string>>(
      p.spec.profile === 'public'
        ? p.files[0]!.columns.flatMap((c, ci) =>
            c.variable && (c.transform || p.sdc?.keyColumns.includes(ci) || p.sdc?.sensitiveColumns.includes(ci))
              ? [[ci, new Set<string>()] as const]
              : [],
          )
        : [],
    );
    if (p.sdc) yield* shuffledTables(p.sdc, bom, published);
    else yield* storedOrderTables(bom);
    const files = published.size ? withPublishedValues(p.files, published) : p.files;
    whole('codebook.csv', bom + codebookCsv(files, p.treatments));
    whole('README.txt', readmeText(p.spec.profile, p.spec.questionnaireId));
    whole('load.R', rScript(files));
    whole('load.do', stataScript(files));
    whole('load.sps', spssScript(files));
    if (p.sdc) {
      whole('risk-report.json', JSON.stringify(p.sdc.report, null, 2));
      whole('risk-report.html', reportHtml(p.sdc.report, `Disclosure risk: ${p.title}`));
    }
    const m = {
      questionnaire: p.spec.questionnaireId,
      title: p.title,
      profile: p.spec.profile,
      generatedAt: deps.clock.now().toISOString(),
      versions: p.versions,
      options: {
        labels: p.spec.labels,
        lang: p.spec.lang,
        splitMultiple: p.spec.splitMultiple,
        bom: p.spec.bom,
        maskFormulas: p.spec.maskFormulas,
      },
      filters: { ...p.spec.filters, from: p.spec.filters.from?.toISOString(), to: p.spec.filters.to?.toISOString() },
      responses: p.rows,
      files: manifest,
    };
    whole('manifest.json', JSON.stringify(m, null, 2));
    zip.end();
  }

  const steps = work();
  let ended = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(ctrl) {
        try {
          // fflate emits synchronously: after each step the produced bytes are in `chunks`.
          while (chunks.length === 0 && !ended) {
            ended = Boolean((await steps.next()).done);
            if (zipError) throw zipError;
          }
          for (const c of chunks.splice(0)) ctrl.enqueue(c);
          if (ended) ctrl.close();
        } catch (e) {
          ctrl.error(e);
        }
      },
      cancel: () => void steps.return(undefined),
    },
    { highWaterMark: 0 },
  );
}
