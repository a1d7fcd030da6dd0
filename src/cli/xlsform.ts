// `periplus xlsform <file.xlsx> [--out file.json]`: converts an XLSForm without publishing, and
// prints every warning and error with its sheet, row and column. CSV files beside the workbook
// are the lists of its select_one_from_file questions.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { csvFilesIn } from '../entry/survey-files';
import { lintDefinition } from '../questionnaires/lint';
import { definitionFromXlsx } from '../xlsform/load';
import { describeMessage, WorkbookError } from '../xlsform/sheets';
import { CliUsageError } from './users';

export async function xlsformCommand(file: string | undefined, out: string | undefined): Promise<number> {
  if (!file) throw new CliUsageError('xlsform needs <file.xlsx>');
  const files = await csvFilesIn(dirname(file));
  try {
    const { definition, warnings } = await definitionFromXlsx(await readFile(file), { files });
    for (const w of warnings) console.error(`warning ${describeMessage(w)}`);
    const lint = lintDefinition(definition);
    for (const p of lint) console.error(`error ${p.where}: ${p.message}`);
    if (lint.length) return 1;
    const text = `${JSON.stringify(definition, null, 2)}\n`;
    if (out) await writeFile(out, text);
    else process.stdout.write(text);
    console.error(`${file}: converted${out ? ` to ${out}` : ''}, ${warnings.length} warning(s)`);
    return 0;
  } catch (e) {
    if (!(e instanceof WorkbookError)) throw e;
    for (const w of e.warnings) console.error(`warning ${describeMessage(w)}`);
    for (const m of e.messages) console.error(`error ${describeMessage(m)}`);
    console.error(`${file}: refused, ${e.messages.length} error(s)`);
    return 1;
  }
}
