// A workbook as the converter reads it: sheets of text cells, each row with its number in the
// workbook, so every message can name the sheet, the row and the column an author must fix.
// Reading the .xlsx file itself is Node-only (xlsform/read-xlsx.ts); everything after works on
// this shape and runs on either runtime.

export interface SheetRow {
  /** The row's number in the workbook (1 is the first row). */
  row: number;
  /** Cell texts by column index (0 is column A); holes are empty cells. */
  cells: string[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

export type Workbook = Sheet[];

/** A problem in a workbook, located as an author finds it in Excel. */
export interface WorkbookMessage {
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}

/** Column letters of a 0-based index (0 -> A, 26 -> AA). */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `survey!C7: message`, as the CLI prints messages. */
export function describeMessage(m: WorkbookMessage): string {
  const where = m.row === null ? m.sheet : `${m.sheet}!${m.column ?? ''}${m.row}`;
  return `${where}: ${m.message}`;
}

/** A workbook that cannot be read or converted: every message, each located. */
export class WorkbookError extends Error {
  constructor(
    readonly messages: WorkbookMessage[],
    readonly warnings: WorkbookMessage[] = [],
  ) {
    super(messages.map(describeMessage).join('\n'));
  }
}
