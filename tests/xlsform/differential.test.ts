// XLSForm conversion proven against ODK's own engine (issue 21). For every workbook of the corpus
// (../shared/data/xlsform-corpus/) that converts and that pyxform 4.5.0 turned into an XForm
// (xforms/), the same generated answers are given, in form order, to @getodk/xforms-engine on
// pyxform's XForm and to survey-core on our converted definition, skipping a question either side
// hides at that moment; then every question's relevance, requiredness, constraint verdict and
// calculated value must agree. fast-check draws the answers. Without ../shared/ (a user's clone)
// the corpus is absent and this file says so and skips.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { sharedData } from '../support/shared-data';
import { convertXlsForm } from '../../src/xlsform/convert';
import { readXlsx } from '../../src/xlsform/read-xlsx';
import { WorkbookError } from '../../src/xlsform/sheets';
import { answerOf, disagreements, questionsOf } from './compare';

const corpus = sharedData('xlsform-corpus/manifest.csv');
const CORPUS = dirname(corpus.path);

type Json = Record<string, any>;

interface Forms {
  file: string;
  xml: string;
  definition: Json;
}

async function convertibleForms(): Promise<{ forms: Forms[]; withRepeats: string[] }> {
  const manifest = readFileSync(join(CORPUS, 'manifest.csv'), 'utf8').trim().split('\n').slice(1);
  const forms: Forms[] = [];
  const withRepeats: string[] = [];
  for (const line of manifest) {
    const file = line.split(',')[0]!;
    const xform = join(CORPUS, 'xforms', file.replace(/\.xls[xm]?$/, '.xml'));
    if (!existsSync(xform) || !/\.xls[xm]$/.test(file)) continue;
    try {
      const { sheets } = await readXlsx(readFileSync(join(CORPUS, file)));
      const { definition } = convertXlsForm(sheets);
      if (JSON.stringify(definition).includes('"paneldynamic"')) withRepeats.push(file);
      forms.push({ file, xml: readFileSync(xform, 'utf8'), definition });
    } catch (e) {
      if (!(e instanceof WorkbookError)) throw e;
    }
  }
  return { forms, withRepeats };
}

corpus.describe('XLSForm conversion agrees with ODK Web Forms on the corpus', () => {
  it('gives the same relevance, requiredness, constraint verdicts and calculations for generated answers', {
    timeout: 300_000,
  }, async () => {
    const { forms, withRepeats } = await convertibleForms();
    expect(forms.length).toBeGreaterThan(10);
    let sets = 0;
    const found: string[] = [];
    for (const form of forms) {
      const questions = questionsOf(form.definition);
      await fc.assert(
        fc.asyncProperty(fc.tuple(...questions.map(answerOf)), async (answers) => {
          sets++;
          // Every disagreement is collected (not only the first, shrunk): the report lists them all.
          const d = await disagreements(form, answers);
          if (d.length) found.push(`${form.file} ${JSON.stringify(answers)}: ${d.join('; ')}`);
        }),
        { numRuns: 25, seed: 21 },
      );
    }
    console.log(
      `xlsform differential: ${forms.length} forms (${withRepeats.length} with repeats, compared outside them), ${sets} answer sets, ${found.length} disagreements`,
    );
    expect(found).toEqual([]);
  });
});
