// Workbooks for the XLSForm tests, written with the same writer the server uses (exceljs), from
// rows given as arrays: the first row of each sheet is its header.
import { zipSync } from 'fflate';
import type { Workbook } from '../../src/xlsform/sheets';
import { writeXlsx } from '../../src/xlsform/write-xlsx';

export function sheets(book: Record<string, string[][]>): Workbook {
  return Object.entries(book).map(([name, rows]) => ({ name, rows: rows.map((cells, i) => ({ row: i + 1, cells })) }));
}

export const xlsx = (book: Record<string, string[][]>) => writeXlsx(sheets(book));

/** A journey form: groups, skip logic, a constraint, a calculation, choices in two languages. */
export const journeyBook: { survey: string[][]; choices: string[][]; settings: string[][] } = {
  survey: [
    [
      'type',
      'name',
      'label::English (en)',
      'label::Arabic (ar)',
      'hint::English (en)',
      'required',
      'relevant',
      'constraint',
      'constraint_message::English (en)',
      'calculation',
      'sdcRole',
    ],
    ['begin group', 'consent_page', 'Consent', 'الموافقة', '', '', '', '', '', '', ''],
    ['select_one yes_no', 'consent', 'Do you agree to answer?', 'هل توافق على الإجابة؟', '', 'yes', '', '', '', '', 'none'],
    ['end group', '', '', '', '', '', '', '', '', '', ''],
    ['begin group', 'journey', 'Journey', 'الرحلة', '', '', "${consent} = 'yes'", '', '', '', ''],
    ['integer', 'age', 'Age', 'العمر', 'In years', 'yes', '', '. >= 18 and . < 100', 'Adults only', '', 'quasi'],
    ['select_multiple transport', 'transport', 'How did you travel?', 'كيف سافرت؟', '', '', '', '', '', '', 'quasi'],
    ['text', 'boat_detail', 'Describe the boat', 'صف القارب', '', '', "selected(${transport}, 'boat')", '', '', '', 'free-text'],
    ['calculate', 'legs', '', '', '', '', '', '', '', 'count-selected(${transport})', ''],
    ['end group', '', '', '', '', '', '', '', '', '', ''],
  ],
  choices: [
    ['list_name', 'name', 'label::English (en)', 'label::Arabic (ar)'],
    ['yes_no', 'yes', 'Yes', 'نعم'],
    ['yes_no', 'no', 'No', 'لا'],
    ['transport', 'boat', 'Boat', 'قارب'],
    ['transport', 'truck', 'Truck', 'شاحنة'],
    ['transport', 'foot', 'On foot', 'سيرا على الأقدام'],
  ],
  settings: [
    ['form_title', 'default_language', 'family'],
    ['Journeys', 'English (en)', 'scoping'],
  ],
};

/** A zip whose one entry inflates to `megabytes` of zeros (a few kilobytes on the wire). */
export function zipBomb(megabytes: number): Uint8Array {
  return zipSync({ 'xl/workbook.xml': new Uint8Array(megabytes * 1024 * 1024) }, { level: 9 });
}
