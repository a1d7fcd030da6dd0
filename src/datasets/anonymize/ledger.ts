// What each approved release published of the records it released first: the treated cells of
// its key and sensitive columns. A later release publishes those records with exactly these cells
// (or blanks more), and keeps each cohort (the records first released together) k-anonymous on
// its own, so that differencing two releases, or linking their rows, tells an attacker nothing
// the first release did not already say.
import { Gzip, gunzipSync, strFromU8, strToU8 } from 'fflate';
import { fromBase64, toBase64 } from '../../shared/base64';

export interface LedgerRecords {
  /** Main-table column names whose treated cells are kept. */
  columns: string[];
  /** Response sequence numbers, one per record. */
  seqs: number[];
  /** Per column, per record: the cell as published. */
  values: LedgerColumn[];
}

/** A column's codes: one byte each while it has at most 256 values, two to 65,536, else four. */
type CodeArray = Uint8Array | Uint16Array | Uint32Array;

const widthFor = (values: number) => (values <= 0x100 ? 1 : values <= 0x10000 ? 2 : 4);
const codeArray = (width: number, n: number): CodeArray =>
  width === 1 ? new Uint8Array(n) : width === 2 ? new Uint16Array(n) : new Uint32Array(n);

/**
 * One column's published cells, coded against the column's distinct values (key and sensitive
 * columns hold a few dozen each): a byte a record while a column has at most 256 values, instead
 * of a string. 200,000 records of 50 columns held as strings took ~170 MB of a release's peak;
 * as four-byte codes a million records still took 150 MB, and as much again to store.
 */
export class LedgerColumn {
  readonly dict: string[];
  private readonly index: Map<string, number>;
  private codes: CodeArray;
  length: number;

  constructor(dict: string[] = [], codes: CodeArray = new Uint8Array(1024), length = 0) {
    this.dict = dict;
    this.index = new Map(dict.map((v, c) => [v, c]));
    this.codes = codes;
    this.length = length;
  }

  push(cell: string): void {
    let c = this.index.get(cell);
    if (c === undefined) {
      c = this.dict.length;
      this.dict.push(cell);
      this.index.set(cell, c);
    }
    const width = widthFor(this.dict.length);
    if (this.length === this.codes.length || width > this.codes.BYTES_PER_ELEMENT) {
      const bigger = codeArray(
        Math.max(width, this.codes.BYTES_PER_ELEMENT),
        this.length === this.codes.length ? this.codes.length * 2 : this.codes.length,
      );
      bigger.set(this.codes);
      this.codes = bigger;
    }
    this.codes[this.length++] = c;
  }

  at(row: number): string | undefined {
    return row < this.length ? this.dict[this.codes[row]!] : undefined;
  }

  /** The codes of the records pushed. */
  coded(): CodeArray {
    return this.codes.subarray(0, this.length);
  }
}

/** Empty records to collect into, for these columns. */
export function newLedger(columns: string[]): LedgerRecords {
  return { columns, seqs: [], values: columns.map(() => new LedgerColumn()) };
}

/** Stored ledgers of version 3 start with these bytes; version 2 with "PLD2"; version 1 was JSON. */
const MAGIC = [0x50, 0x4c, 0x44, 0x33]; // "PLD3"
const MAGIC_2 = [0x50, 0x4c, 0x44, 0x32]; // "PLD2"

/**
 * The ledger as stored, gzipped and in base64: the magic, the byte length of a JSON header
 * (columns, their distinct values, the record count, each column's code width in bytes), the
 * header, then the records' sequence numbers (float64), then each column's codes (its width a
 * code), little-endian.
 */
export function encodeLedger(l: LedgerRecords): string {
  const parts = [...ledgerBytes(l)];
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return toBase64(out);
}

/**
 * The stored ledger's gzipped bytes, piece by piece as they are laid out and compressed: a
 * release stages them as they come (a million records' ledger, gzipped whole, joined and spelled
 * in base64, held 90 MB at the end of the release).
 */
export function* ledgerBytes(l: LedgerRecords): Generator<Uint8Array> {
  const n = l.seqs.length;
  const widths = l.values.map((c) => widthFor(c.dict.length));
  const header = strToU8(JSON.stringify({ columns: l.columns, dicts: l.values.map((c) => c.dict), n, widths }));
  // Gzipped as it is laid out, piece by piece: the whole layout, as large as the ledger, is never
  // held (a million records' took 50 MB at a release's peak). Level 1: level 6 took a second more
  // for a few percent less.
  const parts: Uint8Array[] = [];
  const gzip = new Gzip({ level: 1 }, (chunk) => parts.push(chunk));
  const head = new Uint8Array(8 + header.length);
  head.set(MAGIC, 0);
  new DataView(head.buffer).setUint32(4, header.length, true);
  head.set(header, 8);
  gzip.push(head);
  yield* parts.splice(0);
  const piece = new Uint8Array(PIECE * 8);
  const view = new DataView(piece.buffer);
  for (let from = 0; from < n; from += PIECE) {
    const to = Math.min(n, from + PIECE);
    for (let i = from; i < to; i++) view.setFloat64((i - from) * 8, l.seqs[i]!, true);
    gzip.push(piece.subarray(0, (to - from) * 8));
    yield* parts.splice(0);
  }
  for (const [c, column] of l.values.entries()) {
    if (column.length !== n) throw new Error(`ledger column ${l.columns[c]} has ${column.length} records, not ${n}`);
    const codes = column.coded();
    const width = widths[c]!;
    // The codes' own bytes where they are laid out as stored (one byte, or little-endian and as wide).
    if (codes.BYTES_PER_ELEMENT === width && (width === 1 || LITTLE_ENDIAN)) {
      gzip.push(new Uint8Array(codes.buffer, codes.byteOffset, codes.byteLength));
      yield* parts.splice(0);
      continue;
    }
    for (let from = 0; from < n; from += PIECE) {
      const to = Math.min(n, from + PIECE);
      for (let i = from; i < to; i++) {
        const at = (i - from) * width;
        if (width === 1) piece[at] = codes[i]!;
        else if (width === 2) view.setUint16(at, codes[i]!, true);
        else view.setUint32(at, codes[i]!, true);
      }
      gzip.push(piece.subarray(0, (to - from) * width));
      yield* parts.splice(0);
    }
  }
  gzip.push(new Uint8Array(0), true);
  yield* parts.splice(0);
}

/** Records laid out at a time when the ledger is gzipped. */
const PIECE = 65_536;
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

export function decodeLedger(stored: string): LedgerRecords {
  const bytes = gunzipSync(fromBase64(stored));
  const version = MAGIC.every((b, i) => bytes[i] === b) ? 3 : MAGIC_2.every((b, i) => bytes[i] === b) ? 2 : 1;
  if (version === 1) return decodeVersion1(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(4, true);
  const header = JSON.parse(strFromU8(bytes.subarray(8, 8 + headerLength))) as {
    columns: string[];
    dicts: string[][];
    n: number;
    widths?: number[];
  };
  const { columns, dicts, n } = header;
  // Version 2 coded every column in four bytes.
  const widths = version === 3 ? header.widths : columns.map(() => 4);
  if (!widths || widths.length !== columns.length || widths.some((w) => w !== 1 && w !== 2 && w !== 4))
    throw new Error('a stored ledger has no valid code widths');
  const start = 8 + headerLength;
  if (bytes.length !== start + n * 8 + widths.reduce((a, w) => a + w * n, 0)) throw new Error('a stored ledger is truncated');
  const seqs = Array.from({ length: n }, (_, i) => view.getFloat64(start + i * 8, true));
  let at = start + n * 8;
  const values = columns.map((_, c) => {
    const width = widths[c]!;
    const codes = codeArray(Math.max(width, widthFor(dicts[c]!.length)), n);
    for (let i = 0; i < n; i++)
      codes[i] = width === 1 ? bytes[at + i]! : width === 2 ? view.getUint16(at + i * 2, true) : view.getUint32(at + i * 4, true);
    at += width * n;
    if (codes.some((code) => code >= dicts[c]!.length)) throw new Error('a stored ledger has a code outside its values');
    return new LedgerColumn(dicts[c]!, codes, n);
  });
  return { columns, seqs, values };
}

/** Ledgers stored before version 2: JSON with every cell as text. */
function decodeVersion1(bytes: Uint8Array): LedgerRecords {
  const parsed = JSON.parse(strFromU8(bytes)) as { v: number; columns: string[]; seqs: number[]; values: string[][] };
  if (parsed.v !== 1) throw new Error(`unknown ledger format ${parsed.v}`);
  return {
    columns: parsed.columns,
    seqs: parsed.seqs,
    values: parsed.values.map((cells) => {
      const column = new LedgerColumn();
      for (const cell of cells) column.push(cell);
      return column;
    }),
  };
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

/**
 * Merges the ledgers of the approved releases, oldest first: the first release of a record wins.
 * Records are found by binary search in typed arrays sorted by sequence number, the last one
 * found kept (a record's cells are asked for one after another): a Map entry a record was about
 * 100 MB of a second release at a million records.
 */
export function priorReleases(ledgers: ReadonlyArray<{ seq: number; records: LedgerRecords }>): PriorReleases {
  const columnIndex = ledgers.map((l) => new Map(l.records.columns.map((c, i) => [c, i])));
  let total = 0;
  for (const l of ledgers) total += l.records.seqs.length;
  const allSeqs = new Float64Array(total);
  const allLedgers = new Int32Array(total);
  const allRows = new Int32Array(total);
  let at = 0;
  ledgers.forEach((l, li) =>
    l.records.seqs.forEach((seq, row) => {
      allSeqs[at] = seq;
      allLedgers[at] = li;
      allRows[at++] = row;
    }),
  );
  // By sequence number, then oldest ledger first; only a record's first release is kept.
  const order = Int32Array.from({ length: total }, (_, i) => i).sort(
    (a, b) => allSeqs[a]! - allSeqs[b]! || allLedgers[a]! - allLedgers[b]!,
  );
  const seqs = new Float64Array(total);
  const ledgerOf = new Int32Array(total);
  const rowOf = new Int32Array(total);
  let size = 0;
  for (const i of order) {
    if (size && seqs[size - 1] === allSeqs[i]) continue;
    seqs[size] = allSeqs[i]!;
    ledgerOf[size] = allLedgers[i]!;
    rowOf[size++] = allRows[i]!;
  }
  let lastSeq = Number.NaN;
  let lastAt = -1;
  const find = (seq: number): number => {
    if (seq === lastSeq) return lastAt;
    let lo = 0;
    let hi = size - 1;
    lastAt = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = seqs[mid]!;
      if (s === seq) {
        lastAt = mid;
        break;
      }
      if (s < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    lastSeq = seq;
    return lastAt;
  };
  return {
    size,
    cohortOf(seq) {
      const w = find(seq);
      return w < 0 ? undefined : ledgers[ledgerOf[w]!]!.seq;
    },
    cellOf(seq, column) {
      const w = find(seq);
      if (w < 0) return undefined;
      const l = ledgerOf[w]!;
      const c = columnIndex[l]!.get(column);
      return c === undefined ? undefined : ledgers[l]!.records.values[c]!.at(rowOf[w]!);
    },
  };
}
