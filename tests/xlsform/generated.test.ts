// XLSForm conversion against ODK's engine on generated forms (issue 21): fast-check writes flat
// forms whose relevant, constraint, required and calculation cells use the XPath the converter
// translates (comparisons, arithmetic with div and mod, and/or/not, selected(), count-selected(),
// selected-at(), if(), coalesce(), concat(), string-length(), regex(), contains(), starts-with(),
// substr(), round(), int(), number(), `.`), and answers for them. Each form goes to
// @getodk/xforms-engine as the XForm pyxform writes (tests/xlsform/xform.ts) and to survey-core
// as our conversion; relevance, requiredness, constraint verdicts, values and calculations must
// agree for every answer set. Needs nothing outside the repository.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileValidation } from '../../src/validation/plan-compile';
import { convertXlsForm } from '../../src/xlsform/convert';
import { disagreement, responses } from '../support/differential';
import { answerOf, disagreements, questionsOf } from './compare';
import { sheets } from './workbooks';
import { flatXForm, type FlatRow } from './xform';

const LIST = ['a', 'b', 'c'];
const TYPES = ['integer', 'decimal', 'text', 'select_one abc', 'select_multiple abc', 'calculate'];

type Prev = Array<{ name: string; type: string }>;

function value(prev: Prev, depth: number, self: string | null): fc.Arbitrary<string> {
  const refs = [...prev.map((p) => `\${${p.name}}`), ...(self ? ['.'] : [])];
  const multi = prev.filter((p) => p.type.startsWith('select_multiple')).map((p) => `\${${p.name}}`);
  const atoms: Array<fc.Arbitrary<string>> = [
    fc.integer({ min: 0, max: 20 }).map(String),
    fc.constantFrom("'a'", "'b'", "''", "'yes'", "'1'", '2.5'),
  ];
  if (refs.length) atoms.push(fc.constantFrom(...refs));
  if (depth <= 0) return fc.oneof(...atoms);
  const v = () => value(prev, depth - 1, self);
  const more: Array<fc.Arbitrary<string>> = [
    fc.tuple(v(), fc.constantFrom('+', '-', '*', 'div', 'mod'), v()).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(condition(prev, depth - 1, self), v(), v()).map(([c, a, b]) => `if(${c}, ${a}, ${b})`),
    fc.tuple(v(), v()).map(([a, b]) => `concat(${a}, ${b})`),
    v().map((a) => `string-length(${a})`),
    v().map((a) => `round(${a}, 1)`),
    v().map((a) => `int(${a})`),
    v().map((a) => `number(${a})`),
    v().map((a) => `substr(${a}, 0, 2)`),
  ];
  if (refs.length) more.push(fc.constantFrom(...refs).map((r) => `coalesce(${r}, 'z')`));
  if (multi.length) {
    more.push(fc.constantFrom(...multi).map((m) => `count-selected(${m})`));
    more.push(fc.constantFrom(...multi).map((m) => `selected-at(${m}, 0)`));
  }
  return fc.oneof({ arbitrary: fc.oneof(...atoms), weight: 3 }, ...more);
}

function condition(prev: Prev, depth: number, self: string | null): fc.Arbitrary<string> {
  const v = () => value(prev, Math.max(0, depth - 1), self);
  const selects = prev.filter((p) => p.type.startsWith('select')).map((p) => `\${${p.name}}`);
  const options: Array<fc.Arbitrary<string>> = [
    fc.tuple(v(), fc.constantFrom('=', '!=', '<', '>', '<=', '>='), v()).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(v(), fc.constantFrom("'^[a-z]+$'", "'^[0-9]'")).map(([a, re]) => `regex(${a}, ${re})`),
    v().map((a) => `contains(${a}, 'a')`),
    v().map((a) => `starts-with(${a}, '1')`),
    fc.constantFrom('true()', 'false()'),
  ];
  if (selects.length)
    options.push(fc.tuple(fc.constantFrom(...selects), fc.constantFrom(...LIST)).map(([s, c]) => `selected(${s}, '${c}')`));
  if (depth > 0) {
    const c = () => condition(prev, depth - 1, self);
    options.push(c().map((x) => `not(${x})`));
    options.push(fc.tuple(c(), fc.constantFrom('and', 'or'), c()).map(([a, op, b]) => `(${a}) ${op} (${b})`));
  }
  return fc.oneof(...options);
}

/** A flat form of 2 to 6 rows, each reading only the rows above it. */
const form: fc.Arbitrary<FlatRow[]> = fc.array(fc.constantFrom(...TYPES), { minLength: 2, maxLength: 6 }).chain((types) => {
  const rows = types.map((type, i) => {
    const prev = types.slice(0, i).map((t, j) => ({ name: `q${j}`, type: t }));
    const self = type === 'calculate' ? null : `q${i}`;
    return fc.record({
      type: fc.constant(type),
      name: fc.constant(`q${i}`),
      relevant: fc.option(condition(prev, 2, null), { nil: undefined, freq: 2 }),
      constraint: self ? fc.option(condition(prev, 1, self), { nil: undefined, freq: 2 }) : fc.constant(undefined),
      required: self
        ? fc.option(fc.oneof(fc.constant('yes'), condition(prev, 1, null)), { nil: undefined, freq: 2 })
        : fc.constant(undefined),
      calculation: type === 'calculate' ? value(prev, 2, null) : fc.constant(undefined),
    });
  });
  return fc.tuple(...rows);
});

const COLUMNS = ['type', 'name', 'label', 'relevant', 'constraint', 'required', 'calculation'] as const;

function workbook(rows: FlatRow[]) {
  return sheets({
    survey: [
      [...COLUMNS],
      ...rows.map((r) => COLUMNS.map((c) => (c === 'label' ? (r.type === 'calculate' ? '' : r.name) : (r[c as keyof FlatRow] ?? '')))),
    ],
    choices: [['list_name', 'name', 'label'], ...LIST.map((c) => ['abc', c, c.toUpperCase()])],
  });
}

describe('XLSForm conversion agrees with ODK Web Forms on generated forms', () => {
  it('gives the same relevance, requiredness, constraint verdicts, values and calculations', { timeout: 300_000 }, async () => {
    let forms = 0;
    let sets = 0;
    const found: string[] = [];
    await fc.assert(
      fc.asyncProperty(form, async (rows) => {
        forms++;
        const { definition } = convertXlsForm(workbook(rows));
        const xml = flatXForm(rows, { abc: LIST });
        const questions = questionsOf(definition);
        const answerSets = fc.sample(fc.tuple(...questions.map(answerOf)), { numRuns: 8, seed: forms });
        for (const answers of answerSets) {
          sets++;
          const d = await disagreements({ xml, definition }, answers);
          if (d.length) found.push(`${JSON.stringify(rows)} answers ${JSON.stringify(answers)}: ${d.join('; ')}`);
        }
      }),
      { numRuns: 150, seed: 2112 },
    );
    console.log(`xlsform generated differential: ${forms} forms, ${sets} answer sets, ${found.length} disagreements`);
    if (process.env.XLSFORM_DUMP) (await import('node:fs')).writeFileSync(process.env.XLSFORM_DUMP, found.join('\n'));
    expect(found.slice(0, 5)).toEqual([]);
  });

  it('gets the same verdict from the server (compiled plan) as from the full survey-core model', { timeout: 300_000 }, async () => {
    let onPlan = 0;
    let checked = 0;
    const found: string[] = [];
    await fc.assert(
      fc.asyncProperty(form, async (rows) => {
        const { definition } = convertXlsForm(workbook(rows));
        const compiled = compileValidation(definition);
        if (compiled.path !== 'plan') return;
        onPlan++;
        for (const data of fc.sample(responses(definition), { numRuns: 5, seed: onPlan })) {
          checked++;
          const d = await disagreement(definition, compiled.plan, data);
          if (d) found.push(`${JSON.stringify(rows)}: ${d}`);
        }
      }),
      { numRuns: 100, seed: 2113 },
    );
    // The others (a calculate row: SurveyJS's expression question) are validated by the full model,
    // which is what survey-core decides by construction.
    console.log(
      `xlsform plan differential: ${onPlan} of 100 generated forms on the compiled plan, ${checked} responses, ${found.length} disagreements`,
    );
    expect(onPlan).toBeGreaterThan(20);
    expect(found.slice(0, 3)).toEqual([]);
  });
});
