// The definitions the validation plan is proven on: every shipped questionnaire version, the
// benchmark questionnaires, the SurveyJS team's corpus (minus the four files with known defects),
// and definitions written for what the corpus does not combine (coverage-definitions.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { questionnaire100q } from '../../scripts/lib/questionnaire-100q';
import { questionnaire20q } from '../../scripts/lib/questionnaire-20q';
import { coverageDefinitions } from './coverage-definitions';
import { sharedData } from './shared-data';

const ROOT = join(import.meta.dirname, '../..');
/** The SurveyJS corpus: without it, the definitions are the shipped, benchmark and coverage ones. */
export const corpus = sharedData('surveyjs-corpus');
const CORPUS = corpus.path;
export const CORPUS_DEFECTS = [
  'sl-example-angular-ui-survey.json',
  'sl-unit-conditions-matrixdropdown.json',
  'sl-unit-localized-validators.json',
  'sl-unit-panel-23q.json',
];

export interface NamedDefinition {
  name: string;
  json: Record<string, unknown>;
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

export function differentialDefinitions(): NamedDefinition[] {
  const out: NamedDefinition[] = [];
  const surveys = join(ROOT, 'surveys');
  for (const q of readdirSync(surveys).sort())
    for (const v of readdirSync(join(surveys, q))
      .filter((f) => f.endsWith('.json'))
      .sort())
      out.push({ name: `surveys/${q}/${v}`, json: read(join(surveys, q, v)) });
  out.push({ name: 'bench: 100 questions', json: questionnaire100q() });
  out.push({ name: 'bench: 20 fields, one repeat', json: questionnaire20q() });
  if (corpus.present)
    for (const f of readdirSync(CORPUS)
      .filter((f) => f.endsWith('.json') && !CORPUS_DEFECTS.includes(f))
      .sort())
      out.push({ name: `corpus/${f}`, json: read(join(CORPUS, f)) });
  out.push(...coverageDefinitions);
  return out;
}
