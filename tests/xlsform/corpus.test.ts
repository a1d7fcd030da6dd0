// The XLSForm corpus (../shared/data/xlsform-corpus/: pyxform's fixtures, field forms, workbooks a
// converter must reject): how many convert, how many are refused and why, grouped by reason; and
// the shipped questionnaires round-trip through XLSForm. Without ../shared/ (a user's clone) the
// corpus part says so and skips; the round trip needs nothing outside the repository.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../support/shared-data';
import { canonicalJson } from '../../src/questionnaires/canonical';
import { lintDefinition } from '../../src/questionnaires/lint';
import { compileValidation } from '../../src/validation/plan-compile';
import { definitionFromXlsx, nodeXlsform } from '../../src/xlsform/load';
import { WorkbookError } from '../../src/xlsform/sheets';

const corpus = sharedData('xlsform-corpus/manifest.csv');
const CORPUS = dirname(corpus.path);

/** A refusal's reason without the names of the form (so that reasons group). */
const reasonOf = (message: string) =>
  message
    .replace(/^type '[^']+': /, '')
    .replace(/'[^']*'/g, "'…'")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\(.*\)$/, '')
    .trim();

corpus.describe('the XLSForm corpus', () => {
  it('converts what it can exactly and refuses the rest with a located reason; every invalid workbook is refused', async () => {
    const rows = readFileSync(join(CORPUS, 'manifest.csv'), 'utf8').trim().split('\n').slice(1);
    const converted: string[] = [];
    const refused = new Map<string, string[]>();
    for (const line of rows) {
      const file = line.split(',')[0]!;
      try {
        const { definition } = await definitionFromXlsx(readFileSync(join(CORPUS, file)));
        expect(lintDefinition(definition), file).toEqual([]);
        converted.push(file);
      } catch (e) {
        if (!(e instanceof WorkbookError)) throw new Error(`${file}: ${(e as Error).stack}`);
        expect(e.messages.length, file).toBeGreaterThan(0);
        for (const m of e.messages) expect(m.sheet, file).not.toBe('');
        const reason = reasonOf(e.messages[0]!.message);
        refused.set(reason, [...(refused.get(reason) ?? []), file]);
      }
    }
    const lines = [...refused]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([reason, files]) => `  ${files.length} ${reason}: ${files.join(', ')}`);
    console.log(
      `xlsform corpus: ${rows.length} workbooks, ${converted.length} converted, ${rows.length - converted.length} refused\n${lines.join('\n')}`,
    );
    for (const file of rows.map((l) => l.split(',')[0]!).filter((f) => f.startsWith('invalid/')))
      expect(converted, file).not.toContain(file);
    expect(converted.length).toBeGreaterThanOrEqual(13);
  });
});

describe('the shipped questionnaires as XLSForm', () => {
  const surveys = join(import.meta.dirname, '../../surveys');
  const files = readdirSync(surveys).flatMap((q) => readdirSync(join(surveys, q)).map((f) => join(q, f)));
  it.each(files)('%s converts back to the same definition (same canonical hash), so to the same verdicts', async (file) => {
    const definition = JSON.parse(readFileSync(join(surveys, file), 'utf8')) as Record<string, unknown>;
    const back = await nodeXlsform.read(await nodeXlsform.write(definition));
    expect(back.warnings).toEqual([]);
    expect(canonicalJson(back.definition)).toBe(canonicalJson(definition));
    expect(compileValidation(back.definition).path).toBe(compileValidation(definition).path);
  });
});
