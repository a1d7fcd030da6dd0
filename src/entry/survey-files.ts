// Reads surveys/<questionnaire-id>/<version>.json (or .xlsx, an XLSForm converted on the way, with
// the CSV files of its select_one_from_file questions beside it) into DefinitionFiles: a file that
// cannot be read becomes a refusal naming the file and every problem. Prints publish outcomes.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { DefinitionFile, PublishOutcome } from '../questionnaires/publish';
import { definitionFromXlsx } from '../xlsform/load';
import { describeMessage, WorkbookError } from '../xlsform/sheets';

const DEFINITION = /^(.+)\.(json|xlsx|xlsm)$/;

/** The CSV files of a folder by name: the lists of the select_one_from_file questions of its workbooks. */
export async function csvFilesIn(dir: string): Promise<Map<string, string>> {
  const csv = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.csv'));
  return new Map(await Promise.all(csv.map(async (c) => [c, await readFile(join(dir, c), 'utf8')] as const)));
}

export async function readSurveyFiles(dir: string): Promise<{ files: DefinitionFile[]; unreadable: PublishOutcome[] }> {
  const files: DefinitionFile[] = [];
  const unreadable: PublishOutcome[] = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const q of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const names = (await readdir(join(dir, q.name))).sort();
    // The CSV lists beside the folder's workbooks, read once, when a workbook needs them.
    let attached: Map<string, string> | undefined;
    const seen = new Map<string, string>();
    for (const name of names) {
      const m = name.match(DEFINITION);
      if (!m || name.startsWith('~$')) continue;
      const path = join(dir, q.name, name);
      const file = relative(process.cwd(), path) || path;
      const version = m[1]!;
      const refuse = (problems: string[]) =>
        unreadable.push({ file, questionnaireId: q.name, version, status: 'refused', added: [], removed: [], problems });
      if (seen.has(version)) {
        refuse([`version ${version} is also defined by ${seen.get(version)}: keep one file per version`]);
        continue;
      }
      seen.set(version, name);
      if (m[2] === 'json') {
        try {
          files.push({ file, questionnaireId: q.name, version, json: JSON.parse(await readFile(path, 'utf8')) });
        } catch (e) {
          refuse([`not valid JSON: ${(e as Error).message}`]);
        }
        continue;
      }
      try {
        attached ??= await csvFilesIn(join(dir, q.name));
        const { definition, warnings } = await definitionFromXlsx(await readFile(path), {
          files: attached,
          target: { questionnaireId: q.name, version },
        });
        files.push({ file, questionnaireId: q.name, version, json: definition, warnings: warnings.map(describeMessage) });
      } catch (e) {
        if (!(e instanceof WorkbookError)) throw e;
        refuse(e.messages.map(describeMessage));
      }
    }
  }
  return { files, unreadable };
}

function validationPath(v: NonNullable<PublishOutcome['validation']>): string {
  if (v.path === 'plan') return 'compiled plan';
  const more = v.reasons.length > 3 ? `; and ${v.reasons.length - 3} more` : '';
  return `full survey-core model (worker pool), because: ${v.reasons.slice(0, 3).join('; ')}${more}`;
}

/** For versions already published: one line each saying how its responses are validated. */
export function formatValidation(o: PublishOutcome): string {
  return o.validation ? `validation ${o.questionnaireId} ${o.version}: ${validationPath(o.validation)}` : '';
}

/** One publish outcome as the CLI prints it. */
export function formatOutcome(o: PublishOutcome): string {
  const head = `${o.status.padEnd(9)} ${o.questionnaireId} ${o.version}  (${o.file})`;
  const lines = [head];
  // A long questionnaire adds hundreds of questions at once: name the first, count the rest.
  const names = (list: string[]) => (list.length > 40 ? `${list.slice(0, 40).join(', ')} and ${list.length - 40} more` : list.join(', '));
  if (o.added.length) lines.push(`          added: ${names(o.added)}`);
  if (o.closed?.length) lines.push(`          closed for new data: version ${o.closed.join(', ')}`);
  if (o.removed.length) lines.push(`          removed: ${names(o.removed)}`);
  for (const p of o.problems) lines.push(`          ! ${p}`);
  for (const w of o.warnings ?? []) lines.push(`          ~ ${w}`);
  if (o.validation) lines.push(`          validation: ${validationPath(o.validation)}`);
  return lines.join('\n');
}
