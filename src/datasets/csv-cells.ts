// Cells of CSV files people open in spreadsheets: a cell starting with = + - @ (and not a number)
// would run as a formula in Excel or LibreOffice, so it is prefixed with ' (OWASP's advice), and
// one line is written as csv-stringify writes it, without a library call per row.

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The cell as a spreadsheet may show it without running it. */
export function maskFormula(cell: string): string {
  return FORMULA.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}

/**
 * One CSV line, as csv-stringify writes it (RFC 4180: a cell holding a quote, comma or line break
 * is quoted, quotes doubled). A test compares the two on awkward cells. Joined, not concatenated
 * cell by cell: a line built with += is a rope of two nodes a cell until it is flattened, about
 * 10 KB for a 150-column line, and the lines waiting to be written lived into V8's old generation.
 */
export function csvLine(cells: readonly string[], mask: boolean): string {
  const out = new Array<string>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = mask ? maskFormula(cells[i]!) : cells[i]!;
    out[i] = NEEDS_QUOTES.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
  }
  return `${out.join(',')}\n`;
}
