// What an export is (its specification, and the export prepared from it) and how it reads the
// responses: keyset pages in stored order, each row turned into the cells of the main table and of
// every repeat table, before disclosure control.
import type { Deps } from '../deps';
import { exportPage, type ExportFilters, type ExportRow } from '../storage/exports';
import type { SdcReport } from './anonymize/anonymize';
import type { LedgerRecords, PriorReleases } from './anonymize/ledger';
import type { SdcTable } from './anonymize/table';
import type { TableFile } from './bundle-files';
import type { Column, ColumnKeys, Profile } from './columns';
import { flattenResponse, mainCellText } from './flatten';
import type { Bucket } from './shuffle';
import type { Spill } from './spill';
import type { Layout } from './variables';
import type { DisclosurePolicy, Thresholds } from '../questionnaires/disclosure-policy';

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

export type ExportDeps = Pick<Deps, 'db' | 'clock' | 'anonymizer' | 'compression' | 'spill'> & { pseudonymKey: Uint8Array };

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

export interface SdcPlan {
  report: SdcReport;
  /**
   * The treated table: one row per combination of the chosen columns (plus rows split off); let
   * go once the main table is written (a million nearly unique records' table is 80 MB). Its
   * sensitive columns keep their labels and blanked flags, not their values per row.
   */
  table?: SdcTable;
  inputRows: number;
  records: number;
  /**
   * The responses as pass one read them (the only read): each main row filed under the random
   * position it is published at, with its input row and its rank among that row's records, and
   * the rows of each repeat table likewise. Pass two writes them treated, position by position.
   */
  rows: Bucket[];
  repeats: Bucket[][];
  /** Where the buckets' blocks wait: closed when the bundle ends (or fails). */
  spill: Spill;
  /** Main-table columns of the key variables, in table order. */
  keyColumns: number[];
  /** Main-table columns of the sensitive variables, in the table's sensitive order. */
  sensitiveColumns: number[];
  /** Per sensitive variable with a merge-rare rule: its rare values and what they become. */
  sensitiveMerges: Array<{ rare: ReadonlySet<string>; into: string } | undefined>;
  /** Per-export random key of the row keys: public keys link nothing across exports. */
  rowKeyCipherKey: CryptoKey;
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
  /**
   * Filled by pass one: a bit per published position (shared/bits.ts), set where the
   * record was published by an earlier release. Pass two leaves those out of this release's ledger.
   */
  publishedBefore?: Uint8Array;
  /** Filled by pass two: the treated cells of the records this release publishes first. */
  ledger?: LedgerRecords;
}

/**
 * Rows per keyset page. Small: the rows of a page wait for their turn, and those of a large page
 * lived through the young generation's collections into the old one; a million-record release's
 * first pass grew V8's heap to 210 MB for 45 MB it kept with pages of 500, 70 MB with pages of 64,
 * in the same time.
 */
const PAGE = 64;

/** The responses in stored order, a keyset page at a time (a caller may empty a page it was given). */
export async function* pages(deps: ExportDeps, p: Pick<PreparedExport, 'spec' | 'bound'>): AsyncGenerator<ExportRow[]> {
  let after = 0;
  for (;;) {
    const rows = await exportPage(deps.db, p.spec.questionnaireId, p.spec.filters, p.bound, after, PAGE);
    if (rows.length === 0) return;
    after = rows.at(-1)!.seq;
    yield rows;
  }
}

/**
 * The rows of a page, each let go by the page as it is handed out: a row is garbage once its
 * caller is done with it. A page kept whole until its last row lived through the collections of
 * its own processing into V8's old generation: ~25 MB of a million-row public export's peak.
 */
export function* taking<T>(page: Array<T | undefined>): Generator<T> {
  for (let i = 0; i < page.length; i++) {
    const row = page[i]!;
    page[i] = undefined;
    yield row;
  }
}

const NONE_HIDDEN: ReadonlySet<string> = new Set();

/** The answers of a row, parsed: once a row where both its main and its repeat cells are wanted. */
export const answersOf = (row: ExportRow) => JSON.parse(row.data) as Record<string, unknown>;

/** Main-table cells of one row before disclosure control. */
export function mainCells(p: Pick<PreparedExport, 'spec' | 'files'>, row: ExportRow, data = answersOf(row)): string[] {
  const hidden = row.hidden.length ? new Set(row.hidden) : NONE_HIDDEN;
  const columns = p.files[0]!.columns;
  const cell = (ci: number) => {
    const c = columns[ci]!;
    return cellOf(c, row, data, c.variable ? mainCellText(c.variable, data, hidden, p.spec.labels, p.spec.profile !== 'full') : '');
  };
  return columns.map((_, ci) => cell(ci));
}

export function cellOf(c: Column, row: ExportRow, data: Record<string, unknown>, raw: string): string {
  const cell = c.system ? c.system(row) : raw;
  return c.transform ? c.transform(cell, row, data) : cell;
}

/**
 * A response's rows in every repeat table (in the order of the files after the main one), from
 * one flattening of its answers: suffixes of their keys and their cells.
 */
export function repeatRows(
  p: PreparedExport,
  row: ExportRow,
  data = answersOf(row),
): Array<Array<{ parent: string; key: string; cells: string[] }>> {
  const flat = flattenResponse(p.layout, data, row.hidden, p.spec.labels, false, p.spec.profile !== 'full');
  return p.files.slice(1).map((f) => {
    const vars = p.layout.variables.filter((v) => v.table === f.table);
    return (flat.repeats.get(f.table) ?? []).map((line) => {
      const byName = new Map(vars.map((v, i) => [v.name, line.cells[i]!]));
      return { parent: line.parent, key: line.key, cells: f.columns.map((c) => cellOf(c, row, data, byName.get(c.name) ?? '')) };
    });
  });
}
