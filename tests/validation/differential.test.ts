// The compiled validation plan against survey-core's full model. For every shipped questionnaire
// version, the benchmark questionnaires and every definition of the SurveyJS corpus that compiles
// to a plan: generated responses (fast-check; valid and invalid, near the boundaries of conditions
// and limits, in three locales) must get the same verdict, the same errors (path, type, message),
// the same stored data, dropped and hidden paths. A handful per definition here, because the full
// model is slow; `npm run test:differential` runs thousands.
import fc from 'fast-check';
import { FunctionFactory } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { compileValidation } from '../../src/validation/plan-compile';
import { validateWithPlan } from '../../src/validation/plan-run';
import { createValidator, runFullModel } from '../../src/validation/run';
import type { ValidationRequest } from '../../src/validation/types';
import { corpus, differentialDefinitions } from '../support/definitions';
import { coverageDefinitions } from '../support/coverage-definitions';
import { disagreement, responses } from '../support/differential';

/** A fixed seed: `npm test` checks the same responses on every machine; `npm run test:differential` draws new ones. */
const SEED = 20261206;
/** Responses per definition in `npm test`: fewer for the 880-question gap analysis (~0.7 s each on the full model). */
const runsFor = (name: string) => (name.includes('gap-analysis') ? 4 : 15);

/** Corpus files that use what the plan does not reproduce, and a reason each must name. */
const ON_FULL_MODEL: Record<string, RegExp> = {
  'corpus/sl-e2e-all-question-types-comments.json': /showCommentArea/,
  'corpus/sl-e2e-imagepicker.json': /question type 'imagepicker'/,
  'corpus/sl-e2e-paneldynamic.json': /defaultValue/,
  'corpus/sl-e2e-questions-in-one-line-choicesbyurl.json': /choicesByUrl/,
  'corpus/sl-e2e-ranking-visibleif.json': /question type 'ranking'/,
  'corpus/sl-e2e-setvalue-trigger.json': /setvaluetrigger/,
  'corpus/sl-e2e-visible-trigger.json': /visibletrigger/,
  'corpus/sl-heavy-4116q.json': /clearInvisibleValues 'onHiddenContainer'/,
  'corpus/sl-trigger-setvalue.json': /setvaluetrigger/,
  'corpus/sl-trigger-visible.json': /visibletrigger/,
  'corpus/sl-unit-all-types-15q.json': /question type 'file'/,
  'corpus/sl-unit-calculated-values.json': /element property/,
  'corpus/sl-unit-localized-other.json': /min\/max on a numeric input/,
  'corpus/sl-unit-paneldynamic-nested.json': /choicesMin/,
};

const definitions = differentialDefinitions();

describe('which path each definition takes', () => {
  it('compiles every shipped questionnaire and both benchmark questionnaires to a plan', () => {
    for (const { name, json } of definitions.filter((d) => !d.name.startsWith('corpus/'))) {
      const compiled = compileValidation(json);
      expect(compiled.path === 'plan' ? 'plan' : compiled.reasons, name).toBe('plan');
    }
  });

  it.skipIf(!corpus.present)('sends the corpus definitions with unsupported constructs to the full model, naming the construct', () => {
    const onModel = new Map<string, string[]>();
    for (const { name, json } of definitions.filter((d) => d.name.startsWith('corpus/'))) {
      const compiled = compileValidation(json);
      if (compiled.path === 'model') onModel.set(name, compiled.reasons);
    }
    expect([...onModel.keys()].sort()).toEqual(Object.keys(ON_FULL_MODEL).sort());
    for (const [name, pattern] of Object.entries(ON_FULL_MODEL)) expect(onModel.get(name)!.join('\n'), name).toMatch(pattern);
  });

  it('detects triggers that set values, asynchronous functions, choicesByUrl and model variables at compile time', () => {
    FunctionFactory.Instance.register('lookUpRegistry', (_params: unknown[]) => true, true);
    try {
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [
          {
            triggers: [{ type: 'setvalue', expression: '{a} = 1', setToName: 'b', setValue: 2 }],
            elements: [
              { type: 'text', name: 'a' },
              { type: 'text', name: 'b' },
            ],
          },
          /setvaluetrigger/,
        ],
        [
          {
            elements: [
              { type: 'text', name: 'a', visibleIf: 'lookUpRegistry({b})' },
              { type: 'text', name: 'b' },
            ],
          },
          /asynchronous function/,
        ],
        [{ elements: [{ type: 'dropdown', name: 'a', choicesByUrl: { url: 'https://example.org/countries' } }] }, /choicesByUrl/],
        [{ elements: [{ type: 'text', name: 'a', visibleIf: '{pageno} > 1' }] }, /model variable \{pageno\}/],
        [{ elements: [{ type: 'text', name: 'a', defaultValueExpression: 'today()' }] }, /defaultValueExpression/],
        [
          {
            elements: [
              { type: 'text', name: 'a', visibleIf: "displayValue('b') = 'x'" },
              { type: 'text', name: 'b' },
            ],
          },
          /function displayValue\(\) .* reads the running model/,
        ],
      ];
      for (const [json, reason] of cases) {
        const compiled = compileValidation(json);
        expect(compiled.path).toBe('model');
        if (compiled.path === 'model') expect(compiled.reasons.join('\n')).toMatch(reason);
      }
    } finally {
      FunctionFactory.Instance.unregister('lookUpRegistry');
    }
  });

  it('validates plan versions in the calling thread and passes the others to the fallback (the worker pool on Node)', async () => {
    const sentOn: string[] = [];
    const validator = createValidator({ validate: (req: ValidationRequest) => (sentOn.push(req.contentHash), runFullModel(req)) });
    const request = (key: string, json: object, data: Record<string, unknown>): ValidationRequest => ({
      contentHash: key,
      definition: JSON.stringify(json),
      data,
      locale: '',
      mode: 'submit',
    });
    const planned = { elements: [{ type: 'text', name: 'a', isRequired: true }] };
    const triggered = {
      triggers: [{ type: 'setvalue', expression: '{a} = 1', setToName: 'b', setValue: 2 }],
      elements: [
        { type: 'text', name: 'a', isRequired: true },
        { type: 'text', name: 'b' },
      ],
    };
    expect((await validator.validate(request('planned', planned, {}))).errors.map((e) => e.type)).toEqual(['required']);
    expect((await validator.validate(request('triggered', triggered, {}))).errors.map((e) => e.type)).toEqual(['required']);
    expect((await validator.validate(request('triggered', triggered, { a: 'x' }))).ok).toBe(true);
    expect(sentOn).toEqual(['triggered', 'triggered']);
  });
});

describe('the plan agrees with the full model on generated responses', () => {
  for (const { name, json } of definitions) {
    const compiled = compileValidation(json);
    if (compiled.path === 'model') continue;
    it(`${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(responses(json), fc.constantFrom('', 'fr', 'ar'), async (data, locale) => {
          const difference = await disagreement(json, compiled.plan, data, locale);
          if (difference) throw new Error(difference);
        }),
        { numRuns: runsFor(name), seed: SEED },
      );
    }, 120_000);
  }
});

describe('unused "other" texts', () => {
  const definition = {
    pages: [
      {
        name: 'p',
        elements: [
          { type: 'dropdown', name: 'route', choices: ['sea', 'land'], showOtherItem: true },
          {
            type: 'paneldynamic',
            name: 'legs',
            templateElements: [{ type: 'dropdown', name: 'means', choices: ['boat', 'truck'], showOtherItem: true }],
          },
        ],
      },
    ],
  };
  const compiled = compileValidation(definition);

  // survey-core clears an unused text of a survey question at completion, not one inside a dynamic
  // panel: the plan used to clear both. Generated responses had not put such a text in a panel.
  it('are dropped from the survey questions and kept inside dynamic panels, as the full model does', async () => {
    if (compiled.path !== 'plan') throw new Error(`should compile: ${compiled.reasons.join('; ')}`);
    const data = {
      route: 'sea',
      'route-Comment': 'left over from an earlier answer',
      legs: [
        { means: 'truck', 'means-Comment': 'left over too' },
        { means: 'other', 'means-Comment': 'camel' },
      ],
    };
    expect(await disagreement(definition, compiled.plan, data)).toBeNull();
    const result = validateWithPlan(compiled.plan, data, '', 'submit');
    expect(result).toMatchObject({ ok: true, dropped: ['route-Comment'] });
    expect(result.data).toEqual({ route: 'sea', legs: data.legs });
    expect(data).toHaveProperty('route-Comment');
  });

  it('agree with the full model on generated responses (no corpus definition has "other" in a dynamic panel)', async () => {
    if (compiled.path !== 'plan') throw new Error(`should compile: ${compiled.reasons.join('; ')}`);
    await fc.assert(
      fc.asyncProperty(responses(definition), async (data) => {
        const difference = await disagreement(definition, compiled.plan, data);
        if (difference) throw new Error(difference);
      }),
      { numRuns: 40, seed: SEED },
    );
  });

  it('leave a response with nothing to clear as the same object, with nothing dropped', () => {
    if (compiled.path !== 'plan') throw new Error(`should compile: ${compiled.reasons.join('; ')}`);
    const data = { route: 'other', 'route-Comment': 'by air', legs: [{ means: 'other', 'means-Comment': 'on foot' }] };
    const result = validateWithPlan(compiled.plan, data, '', 'submit');
    expect(result).toMatchObject({ ok: true, dropped: [] });
    expect(result.data).toBe(data);
  });
});

describe('responses that once showed a disagreement', () => {
  const [inPanels, inHiddenPanel, onOther] = coverageDefinitions.map((d) => d.json);
  const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    // The full model named the path of a question in a panel inside a dynamic panel legs[-1].to.
    ['a question in a panel of a dynamic panel', inPanels!, { legs: [{ paid: 'yes', means: ['boat'] }] }],
    // The plan checked the questions of a dynamic panel whose panel around it was hidden.
    ['a dynamic panel in a hidden panel', inHiddenPanel!, { how: 'sea', stops: [{ place: 'x', kind: 'other' }] }],
    // The plan kept the "other" text of a question hidden inside a dynamic panel.
    [
      'the text of a hidden question in a dynamic panel',
      inHiddenPanel!,
      { moved: true, how: 'sea', stops: [{ 'kind-Comment': 'a comment' }] },
    ],
    // survey-core takes a value outside the choices of a question offering "other" as "other".
    ['a value outside the choices of a radiogroup with "other"', onOther!, { a: 'not-a-choice', pd: [{ k: 'other' }] }],
    ['a value outside the choices of a checkbox with "other"', onOther!, { a: 'x', b: ['1', 'not-a-choice'] }],
    ['a number outside the choices of a dropdown with "other"', onOther!, { d: 7 }],
  ];
  for (const [what, definition, data] of cases) {
    it(what, async () => {
      const compiled = compileValidation(definition);
      if (compiled.path !== 'plan') throw new Error(`should compile: ${compiled.reasons.join('; ')}`);
      expect(await disagreement(definition, compiled.plan, data)).toBeNull();
    });
  }
});
