// An .xlsx XLSForm to a SurveyJS definition: read (Node only: exceljs) and convert. The server's
// upload, `periplus xlsform` and the surveys/ folder all come through here.
import { convertXlsForm, type ConvertOptions, type Converted } from './convert';
import { readXlsx } from './read-xlsx';
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

/** The codec the Node server hands the app (deps.xlsform). */
export const nodeXlsform = {
  read: (bytes: Uint8Array, target?: { questionnaireId: string; version?: string }) => definitionFromXlsx(bytes, target ? { target } : {}),
  write: async (definition: Record<string, unknown>) => writeXlsx(toXlsForm(definition)),
};
