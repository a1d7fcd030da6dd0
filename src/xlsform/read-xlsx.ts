// Reads an .xlsx (or .xlsm) XLSForm into sheets of text, on the server and the CLI only. A workbook
// is untrusted input: before exceljs sees it, the zip is inflated once here with a byte budget
// (a zip bomb stops at the budget, whatever sizes its directory declares), and workbooks with
// external links or data connections are refused. A formula is never evaluated: its value as
// Excel last computed it is read (as pyxform reads it), with a warning naming the cell, because
// field forms carry them (a version stamped with NOW(), labels from GOOGLETRANSLATE()).
import ExcelJS from 'exceljs';
import { Unzip, UnzipInflate } from 'fflate';
import { columnLetter, type Sheet, type Workbook, type WorkbookMessage, WorkbookError } from './sheets';

export const XLSX_LIMITS = {
  /** The file as uploaded. */
  bytes: 5 * 1024 * 1024,
  /** All entries of the zip, inflated. */
  inflated: 60 * 1024 * 1024,
  entries: 500,
  /** Non-empty rows of one sheet. */
  rows: 20_000,
};

const refuse = (message: string): never => {
  throw new WorkbookError([{ sheet: '(workbook)', row: null, column: null, message }]);
};

/**
 * Inflates every entry of a zip within the budget, whatever sizes its directory declares; returns
 * the entry names and the contents of the entries `keep` asks for.
 */
export function inflateZip(
  bytes: Uint8Array,
  what: string,
  keep: (name: string) => boolean = () => false,
): { names: string[]; files: Map<string, Uint8Array> } {
  if (bytes.length > XLSX_LIMITS.bytes) refuse(`the file is ${bytes.length} bytes; at most ${XLSX_LIMITS.bytes} are read`);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) refuse('this is a legacy .xls workbook: save it as .xlsx (Excel Workbook) and upload that');
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) refuse(`this is not ${what} (not a zip archive)`);
  const names: string[] = [];
  const files = new Map<string, Uint8Array>();
  let inflated = 0;
  let failure: string | null = null;
  const unzip = new Unzip((file) => {
    names.push(file.name);
    if (names.length > XLSX_LIMITS.entries) failure ??= `the archive holds more than ${XLSX_LIMITS.entries} entries`;
    const chunks: Uint8Array[] = [];
    const kept = keep(file.name);
    file.ondata = (err, chunk, final) => {
      if (err) failure ??= `the archive is damaged (${err.message})`;
      inflated += chunk?.length ?? 0;
      if (inflated > XLSX_LIMITS.inflated) failure ??= `the archive inflates to more than ${XLSX_LIMITS.inflated} bytes`;
      if (failure) throw new Error(failure);
      if (kept && chunk) chunks.push(chunk);
      if (kept && final) files.set(file.name, chunks.length === 1 ? chunks[0]! : concat(chunks));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length; at += 65_536) unzip.push(bytes.subarray(at, at + 65_536), at + 65_536 >= bytes.length);
  } catch (e) {
    refuse(failure ?? `the archive is damaged (${(e as Error).message})`);
  }
  if (failure) refuse(failure);
  return { names, files };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Inflates the workbook within the budget and refuses what a form must not carry. */
function checkZip(bytes: Uint8Array): void {
  const { names } = inflateZip(bytes, 'an .xlsx workbook');
  if (!names.includes('xl/workbook.xml')) refuse('this zip archive is not an Excel workbook (no xl/workbook.xml)');
  if (names.some((n) => n.startsWith('xl/externalLinks/'))) refuse('the workbook links to other workbooks (external links): remove them');
  if (names.includes('xl/connections.xml')) refuse('the workbook has data connections: remove them');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The text of one cell, or a message when its value cannot be a form's text. */
function cellText(value: ExcelJS.CellValue): { text: string; warning?: string } | { problem: string } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: String(value) };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' };
  if (value instanceof Date) {
    const d = value;
    // Excel's day 0 ("1900-01-00") and the days before 1 March 1900 (its leap-year bug) are not
    // dates a form means: pyxform and ODK read them differently.
    if (d.getTime() < Date.UTC(1900, 2, 1))
      return { problem: 'an Excel date before March 1900 (probably a number formatted as a date): type the value as text' };
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    return { text: time === '00:00:00' ? date : `${date}T${time}` };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    const got = result === undefined ? { text: '' } : cellText(result);
    if ('problem' in got) return got;
    return { text: got.text, warning: `a formula: not evaluated; the value Excel last computed is read (${JSON.stringify(got.text)})` };
  }
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('error' in value) return { problem: `an Excel error (${value.error})` };
  if ('text' in value && typeof value.text === 'string') return { text: value.text };
  return { problem: 'a value of an unknown kind' };
}

/** Reads the workbook's sheets (values only). Throws WorkbookError with every problem found. */
export async function readXlsx(bytes: Uint8Array): Promise<{ sheets: Workbook; warnings: WorkbookMessage[] }> {
  checkZip(bytes);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    refuse(`the workbook cannot be read (${(e as Error).message})`);
  }
  const problems: WorkbookMessage[] = [];
  const warnings: WorkbookMessage[] = [];
  const sheets: Sheet[] = [];
  for (const ws of book.worksheets) {
    const sheet: Sheet = { name: ws.name, rows: [] };
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (sheet.rows.length >= XLSX_LIMITS.rows) return;
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const got = cellText(cell.value);
        const at = { sheet: ws.name, row: rowNumber, column: columnLetter(col - 1) };
        if ('problem' in got) problems.push({ ...at, message: `the cell holds ${got.problem}` });
        else {
          cells[col - 1] = got.text;
          if (got.warning) warnings.push({ ...at, message: `the cell holds ${got.warning}` });
        }
      });
      if (cells.some((c) => c !== undefined && c.trim() !== ''))
        sheet.rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
    });
    if (sheet.rows.length >= XLSX_LIMITS.rows)
      problems.push({ sheet: ws.name, row: null, column: null, message: `the sheet has more than ${XLSX_LIMITS.rows} rows` });
    sheets.push(sheet);
  }
  if (problems.length) throw new WorkbookError(problems, warnings);
  return { sheets, warnings };
}
