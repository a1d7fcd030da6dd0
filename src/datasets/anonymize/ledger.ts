// What each approved release published of the records it released first: the treated cells of
// its key and sensitive columns. A later release publishes those records with exactly these cells
// (or blanks more), and keeps each cohort (the records first released together) k-anonymous on
// its own, so that differencing two releases, or linking their rows, tells an attacker nothing
// the first release did not already say.
import { Gunzip, Gzip, gunzipSync, strFromU8, strToU8 } from 'fflate';
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

/** Stored ledgers of version 4 start with these bytes; version 3 with "PLD3", 2 with "PLD2"; version 1 was JSON. */
const MAGIC = [0x50, 0x4c, 0x44, 0x34]; // "PLD4"
const MAGIC_3 = [0x50, 0x4c, 0x44, 0x33];
const MAGIC_2 = [0x50, 0x4c, 0x44, 0x32];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

interface Header {
  columns: string[];
  dicts: string[][];
  n: number;
  widths?: number[];
}

/**
 * The ledger as stored, gzipped and in base64 (see ledgerBytes). A test's helper: a release
 * stages the bytes as they come.
 */
export function encodeLedger(l: LedgerRecords): string {
  const parts = [...ledgerBytes(l)];
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return toBase64(out);
}

/**
 * The stored ledger's gzipped bytes, piece by piece as they are laid out and compressed: the
 * magic, the byte length of a JSON header (columns, their distinct values, the record count, each
 * column's code width in bytes), the header, then the records in sequence-number order, each its
 * sequence number (float64) and its code in each column (its column's width), little-endian.
 * Record by record and in order, so that the next release reads it as it reads the responses, a
 * piece at a time, instead of holding it whole (a million records' ledger, decoded and indexed,
 * held 110 MB of a second release, and 180 MB more while it was decoded). A release stages the
 * pieces as they come (a million records' ledger, gzipped whole, joined and spelled in base64,
 * held 90 MB at the end of the release).
 */
export function* ledgerBytes(l: LedgerRecords): Generator<Uint8Array> {
  const n = l.seqs.length;
  const widths = l.values.map((c) => widthFor(c.dict.length));
  const header = strToU8(JSON.stringify({ columns: l.columns, dicts: l.values.map((c) => c.dict), n, widths }));
  const codes = l.values.map((column, c) => {
    if (column.length !== n) throw new Error(`ledger column ${l.columns[c]} has ${column.length} records, not ${n}`);
    return column.coded();
  });
  // Records come in the order they were published (shuffled): laid out by sequence number.
  const seqs = l.seqs;
  const order = bySequence(seqs);
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
  const size = recordSize(widths);
  const piece = new Uint8Array(PIECE * size);
  const view = new DataView(piece.buffer);
  for (let from = 0; from < n; from += PIECE) {
    const to = Math.min(n, from + PIECE);
    let at = 0;
    for (let k = from; k < to; k++) {
      const i = order[k]!;
      view.setFloat64(at, seqs[i]!, true);
      at += 8;
      for (let c = 0; c < codes.length; c++) {
        const width = widths[c]!;
        if (width === 1) piece[at] = codes[c]![i]!;
        else if (width === 2) view.setUint16(at, codes[c]![i]!, true);
        else view.setUint32(at, codes[c]![i]!, true);
        at += width;
      }
    }
    gzip.push(piece.subarray(0, at));
    yield* parts.splice(0);
  }
  gzip.push(new Uint8Array(0), true);
  yield* parts.splice(0);
}

/** Record indexes in increasing order of their sequence numbers. */
const bySequence = (seqs: readonly number[]): Int32Array =>
  Int32Array.from({ length: seqs.length }, (_, i) => i).sort((a, b) => seqs[a]! - seqs[b]!);

/** Records laid out at a time when the ledger is gzipped. */
const PIECE = 16_384;

/** Bytes of a record of version 4: its sequence number and a code in each column. */
const recordSize = (widths: readonly number[]) => widths.reduce((a, w) => a + w, 8);

function checkedHeader(header: Header, widths: number[] | undefined): number[] {
  if (!widths || widths.length !== header.columns.length || widths.some((w) => w !== 1 && w !== 2 && w !== 4))
    throw new Error('a stored ledger has no valid code widths');
  if (header.dicts.length !== header.columns.length) throw new Error('a stored ledger has no valid column values');
  return widths;
}

/** A stored ledger (gzip in base64), whole: a test's helper, and how ledgers of every version read alike. */
export function decodeLedger(stored: string): LedgerRecords {
  return decodeLedgerBytes(gunzipSync(fromBase64(stored)));
}

/** A ledger's bytes (gunzipped), whole, in any version. */
function decodeLedgerBytes(bytes: Uint8Array): LedgerRecords {
  const version = startsWith(bytes, MAGIC) ? 4 : startsWith(bytes, MAGIC_3) ? 3 : startsWith(bytes, MAGIC_2) ? 2 : 1;
  if (version === 1) return decodeVersion1(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(4, true);
  const header = JSON.parse(strFromU8(bytes.subarray(8, 8 + headerLength))) as Header;
  const { columns, dicts, n } = header;
  // Version 2 coded every column in four bytes.
  const widths = checkedHeader(header, version === 2 ? columns.map(() => 4) : header.widths);
  const start = 8 + headerLength;
  if (bytes.length !== start + n * 8 + widths.reduce((a, w) => a + w * n, 0)) throw new Error('a stored ledger is truncated');
  const seqs = new Array<number>(n);
  const values = columns.map((_, c) => new LedgerColumn(dicts[c]!, codeArray(Math.max(widths[c]!, widthFor(dicts[c]!.length)), n), n));
  const code = (at: number, width: number) =>
    width === 1 ? bytes[at]! : width === 2 ? view.getUint16(at, true) : view.getUint32(at, true);
  if (version === 4) {
    // Record by record.
    const size = recordSize(widths);
    const codes = values.map((v) => v.coded());
    for (let i = 0, at = start; i < n; i++, at += size) {
      seqs[i] = view.getFloat64(at, true);
      for (let c = 0, o = at + 8; c < columns.length; o += widths[c++]!) codes[c]![i] = code(o, widths[c]!);
    }
  } else {
    // Column by column: the sequence numbers, then each column's codes.
    for (let i = 0; i < n; i++) seqs[i] = view.getFloat64(start + i * 8, true);
    let at = start + n * 8;
    for (let c = 0; c < columns.length; c++) {
      const codes = values[c]!.coded();
      for (let i = 0; i < n; i++) codes[i] = code(at + i * widths[c]!, widths[c]!);
      at += widths[c]! * n;
    }
  }
  values.forEach((v, c) => {
    if (v.coded().some((x) => x >= dicts[c]!.length)) throw new Error('a stored ledger has a code outside its values');
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

/**
 * One approved release's ledger, read in sequence-number order alongside the responses: the
 * records before a sequence number asked for are passed over, never asked for again.
 */
interface LedgerCursor {
  /** Column names, by index. */
  readonly columns: ReadonlyMap<string, number>;
  /** Records in the ledger. */
  readonly n: number;
  /** Reads on until every record up to `seq` is at hand. */
  readTo(seq: number): Promise<void>;
  /** Passes over the records before `seq`: whether the next one is `seq`'s (read to it first). */
  seek(seq: number): boolean;
  /** The cell in column c of the record found by seek. */
  cell(c: number): string;
}

/** A ledger of an earlier version, or stored whole in its row: decoded whole, then read in order. */
function wholeCursor(l: LedgerRecords): LedgerCursor {
  const n = l.seqs.length;
  const seqs = l.seqs;
  const order = bySequence(seqs);
  let k = 0;
  return {
    columns: new Map(l.columns.map((c, i) => [c, i])),
    n,
    readTo: async () => {},
    seek(seq) {
      while (k < n && seqs[order[k]!]! < seq) k++;
      return k < n && seqs[order[k]!] === seq;
    },
    cell: (c) => l.values[c]!.at(order[k]!)!,
  };
}

/**
 * Gunzipped bytes waiting to be read, buf[start, end): appended at the end, passed over from the
 * start; what was passed over is dropped when the buffer is full, which grows only when what
 * waits does not fit.
 */
class ByteQueue {
  buf = new Uint8Array(64 * 1024);
  view = new DataView(this.buf.buffer);
  start = 0;
  end = 0;

  push(bytes: Uint8Array): void {
    if (this.end + bytes.length > this.buf.length) {
      const held = this.end - this.start;
      if (held + bytes.length > this.buf.length) {
        const bigger = new Uint8Array(Math.max(2 * this.buf.length, held + bytes.length));
        bigger.set(this.buf.subarray(this.start, this.end));
        this.buf = bigger;
        this.view = new DataView(bigger.buffer);
      } else this.buf.copyWithin(0, this.start, this.end);
      this.start = 0;
      this.end = held;
    }
    this.buf.set(bytes, this.end);
    this.end += bytes.length;
  }
}

/**
 * A ledger of version 4, read a stored chunk at a time as the release reads on: only the records
 * between the last one asked for and the end of the chunk last read are held.
 */
class StreamCursor implements LedgerCursor {
  readonly columns: ReadonlyMap<string, number>;
  readonly n: number;
  private readonly dicts: string[][];
  private readonly widths: number[];
  /** Each column's offset in a record. */
  private readonly offsets: number[];
  private readonly size: number;
  private lastSeq = Number.NEGATIVE_INFINITY;
  private passed = 0;

  constructor(
    header: Header,
    /** The records' bytes, from the first not passed over. */
    private readonly bytes: ByteQueue,
    private readonly more: () => Promise<boolean>,
    private readonly ended: () => boolean,
  ) {
    this.columns = new Map(header.columns.map((c, i) => [c, i]));
    this.n = header.n;
    this.dicts = header.dicts;
    this.widths = checkedHeader(header, header.widths);
    this.offsets = [];
    let at = 8;
    for (const w of this.widths) {
      this.offsets.push(at);
      at += w;
    }
    this.size = at;
  }

  private get whole(): number {
    return Math.floor((this.bytes.end - this.bytes.start) / this.size);
  }

  async readTo(seq: number): Promise<void> {
    for (;;) {
      const k = this.whole;
      if (k > 0 && this.bytes.view.getFloat64(this.bytes.start + (k - 1) * this.size, true) > seq) return;
      if (this.ended()) return this.finish();
      await this.more();
    }
  }

  /** At the end of the stored bytes: every record was there, and nothing else. */
  private finish(): void {
    if (this.passed + this.whole !== this.n || (this.bytes.end - this.bytes.start) % this.size !== 0)
      throw new Error('a stored ledger is truncated');
  }

  seek(seq: number): boolean {
    const q = this.bytes;
    for (; q.start + this.size <= q.end; q.start += this.size, this.passed++) {
      const s = q.view.getFloat64(q.start, true);
      if (!(s > this.lastSeq)) throw new Error('a stored ledger is out of order');
      if (s >= seq) return s === seq;
      this.lastSeq = s;
    }
    return false;
  }

  cell(c: number): string {
    const q = this.bytes;
    const at = q.start + this.offsets[c]!;
    const w = this.widths[c]!;
    const code = w === 1 ? q.buf[at]! : w === 2 ? q.view.getUint16(at, true) : q.view.getUint32(at, true);
    const v = this.dicts[c]![code];
    if (v === undefined) throw new Error('a stored ledger has a code outside its values');
    return v;
  }
}

/**
 * Opens a stored ledger, given its stored chunks (gzip, in base64, in order): a ledger of version
 * 4 is read as the release reads on; one of an earlier version is decoded whole.
 */
async function openLedger(chunks: AsyncIterable<string>): Promise<LedgerCursor> {
  const source = chunks[Symbol.asyncIterator]();
  let ended = false;
  // Until the version is known, and for a ledger decoded whole, nothing is passed over.
  const bytes = new ByteQueue();
  const gunzip = new Gunzip((out) => bytes.push(out));
  // Pushes the next stored chunk through the inflater: false at the end.
  const more = async (): Promise<boolean> => {
    if (ended) return false;
    const next = await source.next();
    if (next.done) {
      ended = true;
      gunzip.push(new Uint8Array(0), true);
    } else gunzip.push(fromBase64(next.value));
    return !ended;
  };
  const headerLength = () => bytes.view.getUint32(4, true);
  while (bytes.end < 8 && (await more()));
  if (bytes.end >= 8 && startsWith(bytes.buf, MAGIC)) {
    while (bytes.end < 8 + headerLength() && (await more()));
    if (bytes.end < 8 + headerLength()) throw new Error('a stored ledger is truncated');
    const header = JSON.parse(strFromU8(bytes.buf.subarray(8, 8 + headerLength()))) as Header;
    bytes.start = 8 + headerLength();
    return new StreamCursor(header, bytes, more, () => ended);
  }
  while (await more());
  return wholeCursor(decodeLedgerBytes(bytes.buf.subarray(0, bytes.end)));
}

/** An approved release's ledger as stored: its number, and its chunks (gzip in base64) in order. */
export interface StoredLedger {
  seq: number;
  chunks: AsyncIterable<string>;
}

/**
 * What approved releases published first, read alongside the responses: a record's cohort (the
 * release that first published it) and the cells it was published with. Asked of records in
 * increasing sequence number, each after readTo() reached it: the ledgers are read in step, a
 * chunk at a time, and none is held whole.
 */
export interface PriorReleases {
  /** Records released before: each ledger holds the records its release published first. */
  size: number;
  /** Reads every ledger on until the records up to `seq` are at hand. */
  readTo(seq: number): Promise<void>;
  /** The release (its number) that first published the record, or undefined for a new record. */
  cohortOf(seq: number): number | undefined;
  /** The cell first published for the record in that column, or undefined. */
  cellOf(seq: number, column: string): string | undefined;
}

/**
 * Opens the ledgers of the approved releases, oldest first: the first release of a record wins.
 */
export async function priorReleases(ledgers: readonly StoredLedger[]): Promise<PriorReleases> {
  const cursors: Array<{ seq: number; cursor: LedgerCursor }> = [];
  for (const l of ledgers) cursors.push({ seq: l.seq, cursor: await openLedger(l.chunks) });
  let lastSeq = Number.NaN;
  let found: { seq: number; cursor: LedgerCursor } | undefined;
  let reached = Number.NEGATIVE_INFINITY;
  const find = (seq: number) => {
    if (seq === lastSeq) return found;
    if (seq < lastSeq) throw new Error(`prior releases are read in order: ${seq} came after ${lastSeq}`);
    if (seq > reached) throw new Error(`prior releases were not read to ${seq}`);
    lastSeq = seq;
    found = undefined;
    for (const c of cursors) if (c.cursor.seek(seq) && !found) found = c;
    return found;
  };
  return {
    size: cursors.reduce((a, c) => a + c.cursor.n, 0),
    async readTo(seq) {
      for (const c of cursors) await c.cursor.readTo(seq);
      reached = Math.max(reached, seq);
    },
    cohortOf: (seq) => find(seq)?.seq,
    cellOf(seq, column) {
      const f = find(seq);
      const c = f?.cursor.columns.get(column);
      return c === undefined ? undefined : f!.cursor.cell(c);
    },
  };
}
