// An .xlsx XLSForm to a SurveyJS definition: read (Node only: exceljs) and convert. The server's
// upload, `periplus xlsform` and the surveys/ folder all come through here.
import { convertXlsForm, type ConvertOptions, type Converted } from './convert';
import { inflateZip, readXlsx } from './read-xlsx';
import { WorkbookError } from './sheets';
import { toXlsForm } from './to-xlsform';
import { writeXlsx } from './write-xlsx';

export async function definitionFromXlsx(bytes: Uint8Array, options: ConvertOptions = {}): Promise<Converted> {
  const { sheets, warnings } = await readXlsx(bytes);
  try {
    const converted = convertXlsForm(sheets, options);
    return { ...converted, warnings: [...warnings, ...converted.warnings] };
  } catch (e) {
    if (e instanceof WorkbookError) throw new WorkbookError(e.messages, [...warnings, ...e.warnings]);
    throw e;
  }
}

/**
 * A form with its CSV lists, uploaded as one zip: exactly one workbook (.xlsx or .xlsm) and the CSV
 * files of its select_one_from_file questions, at the top of the archive or in one folder.
 */
export async function definitionFromBundle(bytes: Uint8Array, options: ConvertOptions = {}): Promise<Converted> {
  const base = (name: string) => name.split('/').pop()!;
  const wanted = (name: string) => /\.(xlsx|xlsm|csv)$/i.test(name) && !base(name).startsWith('~$') && !name.startsWith('__MACOSX/');
  const { files } = inflateZip(bytes, 'a zip of a form and its CSV files', wanted);
  const workbooks = [...files.keys()].filter((n) => /\.xls[xm]$/i.test(n));
  if (workbooks.length !== 1)
    throw new WorkbookError([
      { sheet: '(zip)', row: null, column: null, message: `the zip must hold exactly one .xlsx workbook (it holds ${workbooks.length})` },
    ]);
  const csv = new Map([...files].filter(([n]) => /\.csv$/i.test(n)).map(([n, b]) => [base(n), new TextDecoder().decode(b)] as const));
  return definitionFromXlsx(files.get(workbooks[0]!)!, { ...options, files: csv });
}

/** The codec the Node server hands the app (deps.xlsform). */
export const nodeXlsform = {
  read: (bytes: Uint8Array, target?: { questionnaireId: string; version?: string }) => definitionFromXlsx(bytes, target ? { target } : {}),
  readBundle: (bytes: Uint8Array, target?: { questionnaireId: string; version?: string }) =>
    definitionFromBundle(bytes, target ? { target } : {}),
  write: async (definition: Record<string, unknown>) => writeXlsx(toXlsForm(definition)),
};
