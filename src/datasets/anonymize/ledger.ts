// What each approved release published of the records it released first: the treated cells of
// its key and sensitive columns. A later release publishes those records with exactly these cells
// (or blanks more), and keeps each cohort (the records first released together) k-anonymous on
// its own, so that differencing two releases, or linking their rows, tells an attacker nothing
// the first release did not already say.
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { fromBase64, toBase64 } from '../../shared/base64';

export interface LedgerRecords {
  /** Main-table column names whose treated cells are kept. */
  columns: string[];
  /** Response sequence numbers, one per record. */
  seqs: number[];
  /** Per column, per record: the cell as published. */
  values: string[][];
}

/** Empty records to collect into, for these columns. */
export function newLedger(columns: string[]): LedgerRecords {
  return { columns, seqs: [], values: columns.map(() => []) };
}

/** The ledger as stored: JSON, gzip, base64. */
export function encodeLedger(l: LedgerRecords): string {
  return toBase64(gzipSync(strToU8(JSON.stringify({ v: 1, ...l })), { level: 6 }));
}

export function decodeLedger(stored: string): LedgerRecords {
  const parsed = JSON.parse(strFromU8(gunzipSync(fromBase64(stored)))) as LedgerRecords & { v: number };
  if (parsed.v !== 1) throw new Error(`unknown ledger format ${parsed.v}`);
  return { columns: parsed.columns, seqs: parsed.seqs, values: parsed.values };
}

/** Every approved release's ledger, merged: a record's cohort and the cells first published for it. */
export interface PriorReleases {
  /** The release (its number) that first published the record, or undefined for a new record. */
  cohortOf(seq: number): number | undefined;
  /** The cell first published for the record in that column, or undefined. */
  cellOf(seq: number, column: string): string | undefined;
  /** Records released before. */
  size: number;
}

/** Merges the ledgers of the approved releases, oldest first: the first release of a record wins. */
export function priorReleases(ledgers: ReadonlyArray<{ seq: number; records: LedgerRecords }>): PriorReleases {
  const where = new Map<number, { release: number; ledger: number; row: number }>();
  const columnIndex = ledgers.map((l) => new Map(l.records.columns.map((c, i) => [c, i])));
  ledgers.forEach((l, li) => {
    l.records.seqs.forEach((seq, row) => {
      if (!where.has(seq)) where.set(seq, { release: l.seq, ledger: li, row });
    });
  });
  return {
    size: where.size,
    cohortOf: (seq) => where.get(seq)?.release,
    cellOf(seq, column) {
      const w = where.get(seq);
      if (!w) return undefined;
      const c = columnIndex[w.ledger]!.get(column);
      return c === undefined ? undefined : ledgers[w.ledger]!.records.values[c]![w.row];
    },
  };
}
