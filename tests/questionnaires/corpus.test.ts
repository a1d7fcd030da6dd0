// The SurveyJS team's own definitions: each publishes or is refused with a clear lint message,
// and each published one validates an empty and a generated full response without crashing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PublishOutcome } from '../../src/questionnaires/publish';
import { validateResponse } from '../../src/validation/validate';
import { createTestApp, type TestApp } from '../support/app';
import { definitionFile } from '../support/factories';
import { generateFullResponse } from '../support/generate';
import { sharedData } from '../support/shared-data';

const corpus = sharedData('surveyjs-corpus');
const CORPUS = corpus.path;
const files = !corpus.present
  ? []
  : readdirSync(CORPUS)
      .filter((f) => f.endsWith('.json'))
      .sort();
const load = (f: string) => JSON.parse(readFileSync(join(CORPUS, f), 'utf8')) as Record<string, unknown>;
const STRUCTURAL = new Set(['unknown_key', 'type', 'choice']);

/** The four files with known defects, and the kind of message each must get. */
const KNOWN_DEFECTS: Record<string, RegExp> = {
  'sl-example-angular-ui-survey.json': /property 'name' is required|duplicate question name/,
  'sl-unit-conditions-matrixdropdown.json': /does not parse/,
  'sl-unit-localized-validators.json': /Unknown property in class 'choiceitem': 'val'/,
  'sl-unit-panel-23q.json': /unknown question type 'matrix Dropdown'|calls unknown function 'getItemPrice'/,
};

corpus.describe('SurveyJS compatibility corpus', () => {
  let t: TestApp;
  const outcomes = new Map<string, PublishOutcome>();

  beforeAll(async () => {
    t = createTestApp();
    const defs = files.map((f) => definitionFile(load(f), { questionnaireId: f.replace(/\.json$/, ''), version: '1', file: f }));
    for (const o of await t.publish(defs)) outcomes.set(o.file, o);
  }, 180_000);
  afterAll(() => t.close());

  it('holds the 38 definitions', () => {
    expect(files).toHaveLength(38);
  });

  it('publishes every file except the four with known defects, which get a clear message', () => {
    const refused = [...outcomes.values()]
      .filter((o) => o.status === 'refused')
      .map((o) => o.file)
      .sort();
    expect(refused).toEqual(Object.keys(KNOWN_DEFECTS).sort());
    for (const [file, pattern] of Object.entries(KNOWN_DEFECTS)) expect(outcomes.get(file)!.problems.join('\n')).toMatch(pattern);
    expect([...outcomes.values()].filter((o) => o.status === 'published')).toHaveLength(34);
  });

  for (const f of files.filter((name) => !(name in KNOWN_DEFECTS))) {
    it(`validates an empty and a generated full response for ${f}`, async () => {
      const def = load(f);
      const empty = await validateResponse(def, {}, '', 'submit');
      expect(empty.errors.every((e) => typeof e.path === 'string' && typeof e.message === 'string')).toBe(true);
      expect(empty.errors.filter((e) => STRUCTURAL.has(e.type))).toEqual([]);
      const full = generateFullResponse(def);
      const result = await validateResponse(def, full, '', 'submit');
      // The generator writes well-formed answers: any structural complaint is a bug on one side.
      expect(result.errors.filter((e) => STRUCTURAL.has(e.type))).toEqual([]);
      // Whatever was dropped was in the input, and is gone from the stored answers.
      for (const path of result.dropped) expect(path.split(/[.[]/)[0]! in full).toBe(true);
      for (const key of Object.keys(full)) if (result.dropped.includes(key)) expect(result.data).not.toHaveProperty(key);
    }, 120_000);
  }
});
