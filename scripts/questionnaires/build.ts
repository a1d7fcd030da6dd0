// npm run surveys:build: writes the shipped questionnaires into surveys/ from the sources next to
// this file. The JSON is what gets published and versioned; a test checks it matches the sources.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gapAnalysis, institutionalAssessment } from './gap-analysis';
import { scopingSurvey } from './scoping';
import { SCOPING_DISCLOSURE } from './scoping-disclosure';

export const SHIPPED: Array<{ file: string; build: () => unknown }> = [
  { file: 'som-gap-analysis/1.json', build: gapAnalysis },
  { file: 'som-institutional/1.json', build: institutionalAssessment },
  // Version 4: version 3's questions with the disclosure policy of its releases (attacker
  // scenarios, thresholds); versions 1-3 stay published as they were, frozen.
  { file: 'migrant-scoping/4.json', build: () => ({ ...scopingSurvey(), disclosure: SCOPING_DISCLOSURE }) },
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
