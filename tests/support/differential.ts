// Differential testing of the validation plan against survey-core's full model: generated
// responses for a definition, valid and invalid, concentrated near the boundaries of its
// conditions and limits, and a comparison of the two verdicts. Used by the bounded test in
// `npm test` and by `scripts/differential.ts`, which runs thousands per definition.
import fc from 'fast-check';
import type { Question } from 'survey-core';
import { createModel } from '../../src/questionnaires/model';
import { validateResponse } from '../../src/validation/validate';
import { validateWithPlan } from '../../src/validation/plan-run';
import type { ValidationPlan } from '../../src/validation/plan-compile';
import type { ValidationResult } from '../../src/validation/types';

type Json = Record<string, unknown>;
type Arb = fc.Arbitrary<unknown>;

/** Literals written in the definition's expressions: the values where conditions flip. */
function boundaryLiterals(definition: object): { numbers: number[]; strings: string[] } {
  const text = JSON.stringify(definition);
  const numbers = new Set<number>([0, 1]);
  const strings = new Set<string>(['x', 'yes', 'no']);
  for (const m of text.matchAll(/"(?:visibleIf|enableIf|requiredIf|expression|if)"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) {
    const expr = m[1]!;
    for (const n of expr.matchAll(/(?<![\w{])-?\d+(?:\.\d+)?/g)) {
      const v = Number(n[0]);
      numbers
        .add(v - 1)
        .add(v)
        .add(v + 1);
    }
    for (const s of expr.matchAll(/\\?['"]([^'"\\]*)\\?['"]/g)) strings.add(s[1]!);
  }
  return { numbers: [...numbers], strings: [...strings] };
}

interface Gen {
  numbers: number[];
  strings: string[];
  /** Probability weight of deliberately malformed values. */
  invalid: number;
}

const choiceValues = (q: any, fallback: unknown[] = []): unknown[] => {
  const own = ((q.choices ?? []) as Array<{ value: unknown }>).map((c) => c.value);
  return own.length ? own : fallback;
};

function numberArb(q: any, g: Gen): Arb {
  const marks = [...g.numbers];
  for (const limit of [q.min, q.max]) if (typeof limit === 'number') marks.push(limit - 1, limit, limit + 1);
  return fc.oneof(fc.constantFrom(...marks), fc.integer({ min: -5, max: 2000 }));
}

function textArb(q: any, g: Gen): Arb {
  const inputType = q.inputType as string;
  if (inputType === 'number' || inputType === 'range') return numberArb(q, g);
  if (inputType === 'email') return fc.constantFrom('someone@example.org', 'not-an-email', '');
  if (inputType === 'date') return fc.constantFrom('2026-01-15', '2001-12-31', '1990-06-01');
  const max = q.getMaxLength?.() > 0 ? q.getMaxLength() : 0;
  const strings = [...g.strings, '', '  ', 'a longer answer', ...(max ? ['y'.repeat(max), 'y'.repeat(max + 1)] : [])];
  return fc.oneof(fc.constantFrom(...strings), fc.string({ maxLength: 12 }));
}

function single(values: unknown[], g: Gen): Arb {
  if (values.length === 0) return fc.constantFrom(...g.strings);
  return fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...values) },
    { weight: g.invalid, arbitrary: fc.constantFrom('not-a-choice', 999) },
  );
}

function valueArb(q: any, g: Gen, fallback: unknown[] = []): Arb | null {
  const type = q.getType() as string;
  const other = q.showOtherItem ? [q.otherItem.value] : [];
  const none = q.showNoneItem ? [q.noneItem.value] : [];
  switch (type) {
    case 'text':
      return textArb(q, g);
    case 'comment':
      return textArb(q, g);
    case 'boolean':
      return fc.oneof({ weight: 10, arbitrary: fc.boolean() }, { weight: g.invalid, arbitrary: fc.constant('true') });
    case 'radiogroup':
    case 'dropdown':
    case 'buttongroup':
      return single([...choiceValues(q, fallback), ...other, ...none, ...(q.choicesFromQuestion ? g.strings : [])], g);
    case 'checkbox':
    case 'tagbox': {
      const values = [...choiceValues(q, fallback), ...other, ...none];
      if (values.length === 0) return fc.constant([]);
      return fc.oneof(
        { weight: 10, arbitrary: fc.subarray(values) },
        { weight: g.invalid, arbitrary: fc.constantFrom(values[0], ['not-a-choice']) },
      );
    }
    case 'rating':
      return single(
        ((q.visibleRateValues ?? []) as Array<{ value: unknown }>).map((r) => r.value),
        g,
      );
    case 'matrix': {
      const rows = (q.rows as Array<{ value: unknown }>).map((r) => String(r.value));
      const cols = (q.columns as Array<{ value: unknown }>).map((c) => c.value);
      return fc
        .subarray(rows)
        .chain((picked) =>
          fc.tuple(...picked.map(() => single(cols, g))).map((vals) => Object.fromEntries(picked.map((r, i) => [r, vals[i]]))),
        );
    }
    case 'multipletext':
      return containerArb(
        (q.items as any[]).map((i) => i.editor),
        g,
      );
    case 'paneldynamic':
      return fc.array(containerArb((q.template?.questions ?? []) as Question[], g), { maxLength: 3 });
    case 'matrixdynamic':
      return fc.array(rowArb(q, g), { maxLength: 3 });
    case 'matrixdropdown': {
      const rows = (q.rows as Array<{ value: unknown }>).map((r) => String(r.value));
      return fc
        .subarray(rows)
        .chain((picked) =>
          fc.tuple(...picked.map(() => rowArb(q, g))).map((vals) => Object.fromEntries(picked.map((r, i) => [r, vals[i]]))),
        );
    }
    default:
      return null;
  }
}

function rowArb(matrix: any, g: Gen): fc.Arbitrary<Json> {
  const choices = choiceValues(matrix);
  const cols = (matrix.columns as any[])
    .map((col) => [col.name as string, valueArb(col.templateQuestion, g, choices)] as const)
    .filter((c): c is readonly [string, Arb] => c[1] !== null);
  return fc.record(Object.fromEntries(cols), { requiredKeys: [] }) as fc.Arbitrary<Json>;
}

/** One optional answer per question; "other" answers sometimes come with their comment. */
function containerArb(questions: Question[], g: Gen): fc.Arbitrary<Json> {
  const entries: Array<[string, Arb]> = [];
  for (const q of questions) {
    const arb = valueArb(q, g);
    if (!arb) continue;
    entries.push([q.getValueName(), arb]);
    const anyQ = q as any;
    if (anyQ.showOtherItem || anyQ.hasComment) entries.push([`${q.getValueName()}-Comment`, fc.constantFrom('a comment', '', ' ')]);
  }
  return fc.record(Object.fromEntries(entries), { requiredKeys: [] }) as fc.Arbitrary<Json>;
}

/** Generated responses for a definition: mostly well-formed, some malformed. */
export function responses(definition: object, invalid = 1): fc.Arbitrary<Json> {
  const model = createModel(definition);
  const { numbers, strings } = boundaryLiterals(definition);
  return containerArb(model.getAllQuestions(false, false, false) as Question[], { numbers, strings, invalid });
}

function normalize(r: ValidationResult) {
  return {
    ok: r.ok,
    errors: r.errors.map((e) => `${e.path} ${e.type} ${e.message}`).sort(),
    data: r.ok ? r.data : null,
    dropped: [...r.dropped].sort(),
    hidden: r.ok ? [...r.hidden].sort() : [],
  };
}

/** Both verdicts on one response; a difference is returned as text, agreement as null. */
export async function disagreement(definition: object, plan: ValidationPlan, data: Json, locale = ''): Promise<string | null> {
  // A submission, and an interview the respondent stopped with its answers kept (nothing required).
  for (const mode of ['submit', 'partial'] as const) {
    const full = normalize(await validateResponse(definition, structuredClone(data), locale, mode));
    const planned = normalize(validateWithPlan(plan, structuredClone(data), locale, mode));
    const a = JSON.stringify(full);
    const b = JSON.stringify(planned);
    if (a !== b) return `mode: ${mode}\ndata: ${JSON.stringify(data)}\nfull model: ${a}\nplan:       ${b}`;
  }
  return null;
}
