// XLSForm sheets -> .xlsx bytes (Node only: exceljs). Every cell is written as text, so Excel
// never turns a choice name into a number or a date.
import ExcelJS from 'exceljs';
import type { Workbook } from './sheets';

export async function writeXlsx(sheets: Workbook): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Periplus';
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name);
    for (const r of sheet.rows) {
      const row = ws.getRow(r.row);
      r.cells.forEach((text, i) => {
        if (text !== '') {
          const cell = row.getCell(i + 1);
          cell.value = text;
          cell.numFmt = '@';
        }
      });
      row.commit();
    }
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
