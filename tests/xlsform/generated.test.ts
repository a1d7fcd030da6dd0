// XLSForm conversion against ODK's engine on generated forms (issue 21): fast-check writes forms
// (questions, a group with its own relevance, a repeat of a fixed count, a calculation over the
// repeat after it) whose relevant, constraint, required and calculation cells use the XPath the
// converter translates (comparisons, arithmetic with div and mod, and/or/not, selected(),
// count-selected(), selected-at(), if(), coalesce(), concat(), string-length(), regex(),
// contains(), starts-with(), substr(), round(), int(), number(), `.`, position(..), count(),
// sum(), indexed-repeat(), references between questions of the same repeat), and answers for them. Each form goes to
// @getodk/xforms-engine as the XForm pyxform writes (tests/xlsform/xform.ts) and to survey-core
// as our conversion; relevance, requiredness, constraint verdicts, values and calculations must
// agree for every answer set. Needs nothing outside the repository.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileValidation } from '../../src/validation/plan-compile';
import { convertXlsForm } from '../../src/xlsform/convert';
import { disagreement, responses } from '../support/differential';
import { answerOf, disagreements, slotsOf } from './compare';
import { sheets } from './workbooks';
import { type FormRow, xform } from './xform';

const LIST = ['a', 'b', 'c'];
const TYPES = ['integer', 'decimal', 'text', 'select_one abc', 'select_multiple abc', 'date', 'calculate'];

/** What an expression may read: earlier questions, `position(..)` inside a repeat, aggregates of a repeat after it. */
interface Scope {
  prev: Array<{ name: string; type: string }>;
  position?: boolean;
  aggregates?: string[];
}

function value(scope: Scope, depth: number, self: string | null): fc.Arbitrary<string> {
  const refs = [...scope.prev.map((p) => `\${${p.name}}`), ...(self ? ['.'] : [])];
  const multi = scope.prev.filter((p) => p.type.startsWith('select_multiple')).map((p) => `\${${p.name}}`);
  const atoms: Array<fc.Arbitrary<string>> = [
    fc.integer({ min: 0, max: 20 }).map(String),
    fc.constantFrom("'a'", "'b'", "''", "'yes'", "'1'", '2.5'),
  ];
  if (refs.length) atoms.push(fc.constantFrom(...refs));
  if (scope.position) atoms.push(fc.constant('position(..)'));
  if (scope.aggregates?.length) atoms.push(fc.constantFrom(...scope.aggregates));
  if (depth <= 0) return fc.oneof(...atoms);
  const v = () => value(scope, depth - 1, self);
  const more: Array<fc.Arbitrary<string>> = [
    fc.tuple(v(), fc.constantFrom('+', '-', '*', 'div', 'mod'), v()).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(condition(scope, depth - 1, self), v(), v()).map(([c, a, b]) => `if(${c}, ${a}, ${b})`),
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
  const dates = scope.prev.filter((p) => p.type === 'date').map((p) => `\${${p.name}}`);
  if (dates.length) {
    more.push(
      fc
        .tuple(fc.constantFrom(...dates), fc.constantFrom("'%Y-%m-%d'", "'%Y/%m'", "'%d %b %Y'", "'%e/%n/%y'"))
        .map(([d, f]) => `format-date(${d}, ${f})`),
    );
    more.push(fc.constantFrom(...dates).map((d) => `date(${d})`));
  }
  return fc.oneof({ arbitrary: fc.oneof(...atoms), weight: 3 }, ...more);
}

function condition(scope: Scope, depth: number, self: string | null): fc.Arbitrary<string> {
  const v = () => value(scope, Math.max(0, depth - 1), self);
  const selects = scope.prev.filter((p) => p.type.startsWith('select')).map((p) => `\${${p.name}}`);
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
    const c = () => condition(scope, depth - 1, self);
    options.push(c().map((x) => `not(${x})`));
    options.push(fc.tuple(c(), fc.constantFrom('and', 'or'), c()).map(([a, op, b]) => `(${a}) ${op} (${b})`));
  }
  return fc.oneof(...options);
}

/** Question rows of the given types, named prefix0.., each reading the scope and the rows above it. */
function questionRows(types: string[], prefix: string, outer: Scope): fc.Arbitrary<FormRow[]> {
  if (types.length === 0) return fc.constant([]);
  const rows = types.map((type, i) => {
    const scope: Scope = { ...outer, prev: [...outer.prev, ...types.slice(0, i).map((t, j) => ({ name: `${prefix}${j}`, type: t }))] };
    const self = type === 'calculate' ? null : `${prefix}${i}`;
    return fc.record({
      type: fc.constant(type),
      name: fc.constant(`${prefix}${i}`),
      relevant: fc.option(condition(scope, 2, null), { nil: undefined, freq: 2 }),
      constraint: self ? fc.option(condition(scope, 1, self), { nil: undefined, freq: 2 }) : fc.constant(undefined),
      required: self
        ? fc.option(fc.oneof(fc.constant('yes'), condition(scope, 1, null)), { nil: undefined, freq: 2 })
        : fc.constant(undefined),
      calculation: type === 'calculate' ? value(scope, 2, null) : fc.constant(undefined),
    });
  });
  return fc.tuple(...rows);
}

const named = (types: string[], prefix: string) => types.map((type, i) => ({ name: `${prefix}${i}`, type }));

/**
 * A form: 1 to 4 questions, then maybe a group (with its own relevance) of 1 to 3, maybe a repeat
 * of a fixed count (1 to 3) of 1 to 3 questions reading each other and position(..), and maybe a
 * calculation after it of count(), sum() or indexed-repeat() over the repeat.
 */
const formOf = (withRepeat: boolean): fc.Arbitrary<FormRow[]> =>
  fc
    .record({
      top: fc.array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 4 }),
      group: fc.option(fc.array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 3 }), { nil: undefined }),
      repeat: withRepeat
        ? fc.option(
            fc.record({
              count: fc.integer({ min: 1, max: 3 }),
              types: fc.array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 3 }),
            }),
            {
              nil: undefined,
            },
          )
        : fc.constant(undefined),
      tail: fc.boolean(),
    })
    .chain(({ top, group, repeat, tail }) => {
      const outer: Scope = { prev: named(top, 'q') };
      const inGroup: Scope = { prev: [...outer.prev, ...named(group ?? [], 'g')] };
      const aggregates = repeat
        ? ['count(${r})', ...named(repeat.types, 'r').flatMap((p) => [`sum(\${${p.name}})`, `indexed-repeat(\${${p.name}}, \${r}, 1)`])]
        : [];
      return fc
        .tuple(
          questionRows(top, 'q', { prev: [] }),
          group ? fc.tuple(fc.option(condition(outer, 1, null), { nil: undefined }), questionRows(group, 'g', outer)) : fc.constant(null),
          repeat ? questionRows(repeat.types, 'r', { ...inGroup, position: true }) : fc.constant(null),
          tail && repeat ? value({ ...inGroup, aggregates }, 1, null) : fc.constant(null),
        )
        .map(([q, g, r, t]) => [
          ...q,
          ...(g ? [{ type: 'begin group', name: 'grp', relevant: g[0] }, ...g[1], { type: 'end group', name: '' }] : []),
          ...(r ? [{ type: 'begin repeat', name: 'r', repeat_count: String(repeat!.count) }, ...r, { type: 'end repeat', name: '' }] : []),
          ...(t ? [{ type: 'calculate', name: 'tail', calculation: t }] : []),
        ]);
    });

const COLUMNS = ['type', 'name', 'label', 'relevant', 'constraint', 'required', 'calculation', 'repeat_count'] as const;

function workbook(rows: FormRow[]) {
  return sheets({
    survey: [
      [...COLUMNS],
      ...rows.map((r) =>
        COLUMNS.map((c) =>
          c === 'label' ? (r.type === 'calculate' || r.type.startsWith('end') ? '' : r.name) : (r[c as keyof FormRow] ?? ''),
        ),
      ),
    ],
    choices: [['list_name', 'name', 'label'], ...LIST.map((c) => ['abc', c, c.toUpperCase()])],
  });
}

describe('XLSForm conversion agrees with ODK Web Forms on generated forms', () => {
  it('gives the same relevance, requiredness, constraint verdicts, values and calculations', { timeout: 300_000 }, async () => {
    let forms = 0;
    let withGroup = 0;
    let withRepeat = 0;
    let sets = 0;
    const found: string[] = [];
    await fc.assert(
      fc.asyncProperty(formOf(true), async (rows) => {
        forms++;
        if (rows.some((r) => r.type === 'begin group')) withGroup++;
        if (rows.some((r) => r.type === 'begin repeat')) withRepeat++;
        const { definition } = convertXlsForm(workbook(rows));
        const xml = xform(rows, { abc: LIST });
        const slots = slotsOf(definition);
        const answerSets = fc.sample(fc.tuple(...slots.map((slot) => answerOf(slot.q))), { numRuns: 8, seed: forms });
        for (const answers of answerSets) {
          sets++;
          const d = await disagreements({ xml, definition }, answers);
          if (d.length) found.push(`${JSON.stringify(rows)} answers ${JSON.stringify(answers)}: ${d.join('; ')}`);
        }
      }),
      { numRuns: 150, seed: 2112 },
    );
    console.log(
      `xlsform generated differential: ${forms} forms (${withGroup} with a group, ${withRepeat} with a repeat), ${sets} answer sets, ${found.length} disagreements`,
    );
    expect(withRepeat).toBeGreaterThan(forms / 4);
    if (process.env.XLSFORM_DUMP) (await import('node:fs')).writeFileSync(process.env.XLSFORM_DUMP, found.join('\n'));
    expect(found.slice(0, 5)).toEqual([]);
  });

  it('gets the same verdict from the server (compiled plan) as from the full survey-core model', { timeout: 300_000 }, async () => {
    let onPlan = 0;
    let checked = 0;
    const found: string[] = [];
    await fc.assert(
      // Without repeats: position(..) and dynamic panels send a form to the full model anyway.
      fc.asyncProperty(formOf(false), async (rows) => {
        const { definition } = convertXlsForm(workbook(rows));
        const compiled = compileValidation(definition);
        if (compiled.path !== 'plan') return;
        onPlan++;
        // Well-formed answers: with a choice that is not offered, the full model clears it before
        // the expressions that read it run again and the plan does not, so the refusal is the same
        // but its list of errors may differ (docs/xlsform.md, known differences).
        for (const data of fc.sample(responses(definition, 0), { numRuns: 5, seed: onPlan })) {
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
