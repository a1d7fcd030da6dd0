// Reading a dataset bundle in tests: its files as text, its CSVs parsed, a column by name.
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';

export interface Table {
  header: string[];
  rows: string[][];
  /** The cells of one column, by name. */
  col(name: string): string[];
}

export interface Bundle {
  files: Record<string, string>;
  /** Whether a file starts with the UTF-8 byte order mark (decoding as text would hide it). */
  hasBom(name: string): boolean;
  csv(name: string): Table;
  /** Every file's text, joined: for looking for what must not be anywhere. */
  all: string;
}

export function csvTable(text: string): Table {
  const [header, ...rows] = parse(text, { bom: true }) as string[][];
  return { header: header!, rows, col: (name) => rows.map((r) => r[header!.indexOf(name)]!) };
}

export function bundleOf(bytes: Uint8Array): Bundle {
  const raw = unzipSync(bytes);
  const files = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, strFromU8(v)]));
  return {
    files,
    hasBom: (name) => raw[name]![0] === 0xef && raw[name]![1] === 0xbb && raw[name]![2] === 0xbf,
    all: Object.values(files).join('\n'),
    csv: (name) => csvTable(files[name]!),
  };
}
