// npm run surveys:build: writes the shipped questionnaires into surveys/ from the sources next to
// this file. The JSON is what gets published and versioned; a test checks it matches the sources.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gapAnalysis, institutionalAssessment } from './gap-analysis';
import { scopingSurvey } from './scoping';
import { SCOPING_DISCLOSURE } from './scoping-disclosure';

export const SHIPPED: Array<{ file: string; build: () => unknown }> = [
  // Version 2: the elements corrected against the treaty texts; version 1 stays published, frozen.
  { file: 'som-gap-analysis/2.json', build: gapAnalysis },
  // Version 2: new sections, broken-down counts, the source of each answer; version 1 stays published.
  { file: 'som-institutional/2.json', build: institutionalAssessment },
  // Version 5: the review's corrections (issue 20); versions 1-4 stay published as they were, frozen.
  { file: 'migrant-scoping/5.json', build: () => ({ ...scopingSurvey(), disclosure: SCOPING_DISCLOSURE }) },
];

export const surveyText = (json: unknown) => `${JSON.stringify(json, null, 1)}\n`;

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  const root = join(import.meta.dirname, '../../surveys');
  for (const s of SHIPPED) {
    const out = join(root, s.file);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, surveyText(s.build()));
    console.log(`written ${out}`);
  }
}
