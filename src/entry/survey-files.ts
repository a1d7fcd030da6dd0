// Reads surveys/<questionnaire-id>/<version>.json into DefinitionFiles (a file that is not valid
// JSON becomes a refusal naming the file and the parse error), and prints publish outcomes.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { DefinitionFile, PublishOutcome } from '../questionnaires/publish';

export async function readSurveyFiles(dir: string): Promise<{ files: DefinitionFile[]; unreadable: PublishOutcome[] }> {
  const files: DefinitionFile[] = [];
  const unreadable: PublishOutcome[] = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const q of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    for (const name of (await readdir(join(dir, q.name))).filter((n) => n.endsWith('.json')).sort()) {
      const path = join(dir, q.name, name);
      const file = relative(process.cwd(), path) || path;
      const version = name.slice(0, -'.json'.length);
      try {
        files.push({ file, questionnaireId: q.name, version, json: JSON.parse(await readFile(path, 'utf8')) });
      } catch (e) {
        unreadable.push({
          file,
          questionnaireId: q.name,
          version,
          status: 'refused',
          added: [],
          removed: [],
          problems: [`not valid JSON: ${(e as Error).message}`],
        });
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
  if (o.removed.length) lines.push(`          removed: ${names(o.removed)}`);
  for (const p of o.problems) lines.push(`          ! ${p}`);
  if (o.validation) lines.push(`          validation: ${validationPath(o.validation)}`);
  return lines.join('\n');
}
