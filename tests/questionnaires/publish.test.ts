// Publishing: shipped questionnaires publish, versions freeze, value-shape changes are refused,
// lint catches what survey-core only logs, and the outcome names what changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatOutcome, readSurveyFiles } from '../../src/entry/survey-files';
import { listVersions } from '../../src/storage/questionnaires';
import { lintDefinition } from '../../src/questionnaires/lint';
import { createTestApp, type TestApp } from '../support/app';
import { definitionFile } from '../support/factories';

const base = {
  title: 'Base',
  elements: [
    { type: 'text', name: 'age', inputType: 'number' },
    { type: 'radiogroup', name: 'sex', choices: ['m', 'f'] },
    { type: 'paneldynamic', name: 'legs', templateElements: [{ type: 'text', name: 'cost', inputType: 'number' }] },
  ],
};
const withElements = (elements: object[]) => ({ ...base, elements });

describe('publishing', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  it('publishes every shipped questionnaire cleanly', async () => {
    const { files, unreadable } = await readSurveyFiles(join(import.meta.dirname, '../../surveys'));
    expect(unreadable).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
    const outcomes = await t.publish(files);
    expect(outcomes.filter((o) => o.status !== 'published')).toEqual([]);
  });

  it('records the SHA-256 of the canonical content, and publishing again changes nothing', async () => {
    const [first] = await t.publish([definitionFile(base)]);
    expect(first!.status).toBe('published');
    // Key order and white space are not content.
    const reordered = JSON.parse(JSON.stringify({ elements: base.elements, title: base.title }));
    const [again] = await t.publish([definitionFile(reordered)]);
    expect(again!.status).toBe('unchanged');
    const [v] = await listVersions(t.deps.db, 'demo');
    expect(v!.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a changed file of a published version, naming the file and the questions', async () => {
    await t.publish([definitionFile(base)]);
    const edited = withElements([
      { type: 'text', name: 'age', inputType: 'number', title: 'Age now' },
      base.elements[1]!,
      base.elements[2]!,
    ]);
    const [o] = await t.publish([definitionFile(edited)]);
    expect(o!.status).toBe('refused');
    expect(o!.problems.join()).toContain('surveys/demo/1.json');
    expect(o!.problems.join()).toMatch(/Changed: age$/);
  });

  it('refuses a new version that changes the value shape behind a name, at any depth', async () => {
    await t.publish([definitionFile(base)]);
    const changed = withElements([
      { type: 'text', name: 'age' },
      { type: 'checkbox', name: 'sex', choices: ['m', 'f'] },
      { type: 'paneldynamic', name: 'legs', templateElements: [{ type: 'text', name: 'cost' }] },
    ]);
    const [o] = await t.publish([definitionFile(changed, { version: '2' })]);
    expect(o!.status).toBe('refused');
    const text = o!.problems.join('\n');
    expect(text).toContain("question 'age' keeps its name but changes its value from number to text");
    expect(text).toContain("question 'sex' keeps its name but changes its value from choice to choices");
    expect(text).toContain("question 'legs[].cost'");
  });

  it('compares a new version with every earlier version, not only the latest', async () => {
    await t.publish([definitionFile(base), definitionFile(withElements([base.elements[1]!]), { version: '2' })]);
    const [o] = await t.publish([definitionFile(withElements([{ type: 'comment', name: 'age' }]), { version: '3' })]);
    expect(o!.status).toBe('refused');
  });

  it('allows added and removed questions and lists them', async () => {
    await t.publish([definitionFile(base)]);
    const next = withElements([base.elements[0]!, { type: 'dropdown', name: 'hub', choices: ['a'] }, base.elements[2]!]);
    const [o] = await t.publish([definitionFile(next, { version: '2' })]);
    expect(o).toMatchObject({ status: 'published', added: ['hub'], removed: ['sex'] });
    expect((await listVersions(t.deps.db, 'demo')).map((v) => v.version)).toEqual(['1', '2']);
  });

  it('publishes versions in natural order and stops a questionnaire at its first refusal', async () => {
    const outcomes = await t.publish([
      definitionFile(base, { version: '10' }),
      definitionFile(withElements([{ type: 'text', name: 'age' }]), { version: '9' }),
      definitionFile(base, { version: '2' }),
    ]);
    expect(outcomes.map((o) => `${o.version}:${o.status}`)).toEqual(['2:published', '9:refused', '10:refused']);
    expect(outcomes[2]!.problems[0]).toContain('version 9 of demo was refused first');
  });

  it('refuses unsafe questionnaire and version names', async () => {
    const [o] = await t.publish([definitionFile(base, { version: '../x' })]);
    expect(o!.status).toBe('refused');
  });
});

describe('lint', () => {
  const messages = (json: unknown) => lintDefinition(json).map((p) => `${p.where}: ${p.message}`);

  it('passes a clean definition', () => {
    expect(messages(base)).toEqual([]);
  });

  it('reports survey-core jsonErrors and unknown question types', () => {
    expect(messages({ elements: [{ type: 'text', name: 'a', colour: 'red' }] }).join()).toContain(
      "Unknown property in class 'text': 'colour'",
    );
    expect(messages({ elements: [{ type: 'txet', name: 'a' }] }).join()).toContain("unknown question type 'txet'");
  });

  it('reports duplicate names, also inside dynamic panels and matrices', () => {
    expect(
      messages({
        elements: [
          { type: 'text', name: 'a' },
          { type: 'comment', name: 'a' },
        ],
      }),
    ).toEqual(["survey: duplicate question name 'a'"]);
    expect(
      messages({
        elements: [
          {
            type: 'paneldynamic',
            name: 'p',
            templateElements: [
              { type: 'text', name: 'x' },
              { type: 'text', name: 'x' },
            ],
          },
        ],
      }),
    ).toEqual(["paneldynamic 'p': duplicate question name 'x'"]);
    expect(messages({ elements: [{ type: 'matrixdynamic', name: 'm', columns: [{ name: 'c' }, { name: 'c' }] }] })).toEqual([
      "matrixdynamic 'm': duplicate column name 'c'",
    ]);
  });

  it('reports expressions that do not parse or call unknown functions, wherever they are', () => {
    const found = messages({
      elements: [
        { type: 'text', name: 'a', visibleIf: "{b} = 'x" },
        { type: 'text', name: 'b', requiredIf: 'nosuch({a}) > 1' },
        { type: 'matrixdynamic', name: 'm', columns: [{ name: 'c', visibleIf: 'iif({row.c} > 1, true, false)' }] },
      ],
      triggers: [{ type: 'complete', expression: '{a} =' }],
    });
    expect(found).toEqual([
      `text 'a': visibleIf does not parse: "{b} = 'x"`,
      `text 'b': requiredIf calls unknown function 'nosuch': "nosuch({a}) > 1"`,
      `complete (in survey): expression does not parse: "{a} ="`,
    ]);
  });

  it('checks our custom properties: registered, and with a value from their list', () => {
    expect(messages({ elements: [{ type: 'text', name: 'a', sdcRole: 'quasi' }] })).toEqual([]);
    expect(messages({ elements: [{ type: 'text', name: 'a', sdcRole: 'secret' }] }).join()).toContain('sdcRole must be one of');
    expect(messages({ family: 'poll', elements: [{ type: 'text', name: 'a' }] }).join()).toContain('family must be one of');
  });

  it('refuses a definition without questions or that is not an object', () => {
    expect(messages({ pages: [] })).toEqual(['survey: the questionnaire has no questions']);
    expect(messages([1, 2])).toEqual(['survey: the definition must be a JSON object']);
  });

  it('lints the shipped scoping questionnaire clean', () => {
    const json = JSON.parse(readFileSync(join(import.meta.dirname, '../../surveys/migrant-scoping/1.json'), 'utf8'));
    expect(messages(json)).toEqual([]);
  });

  it('names the first 40 added questions of a long questionnaire and counts the rest', () => {
    const added = Array.from({ length: 45 }, (_, i) => `q${i}`);
    const text = formatOutcome({
      file: 'x.json',
      questionnaireId: 'x',
      version: '1',
      status: 'published',
      added,
      removed: [],
      problems: [],
    });
    expect(text).toContain('q39 and 5 more');
    expect(text).not.toContain('q40');
  });
});
