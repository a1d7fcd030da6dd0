// The plan's gate is an allowlist (src/validation/plan-properties.ts): a property of a
// question, panel, page, choice, row, column, item, validator or of the survey that the plan does
// not know sends the version to the full model. Checked four ways: the two definitions an outside
// review found the plan wrong on, answered over HTTP as survey-core answers them; every listed name
// is a real property of its class; generated definitions that draw question- and choice-level
// properties from a pool (fixed seed) agree with the full model whenever they compile to a plan;
// and the structural choice check agrees with survey-core's own reading of which values are unknown.
import fc from 'fast-check';
import { Serializer, type Question } from 'survey-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModel } from '../../src/questionnaires/model';
import { knownPropertyLists } from '../../src/validation/plan-properties';
import { compileValidation } from '../../src/validation/plan-compile';
import { structuralErrors } from '../../src/validation/structural';
import { createTestApp, jsonRequest, type TestApp } from '../support/app';
import { disagreement, responses } from '../support/differential';
import { definitionFile, instanceId } from '../support/factories';

/** A checkbox whose exclusive choice may be the only one although two are the minimum. */
const exclusive = {
  elements: [
    {
      type: 'checkbox',
      name: 'help',
      isRequired: true,
      minSelectedChoices: 2,
      choices: ['food', 'water', 'shelter', { value: 'nothing', isExclusive: true }],
    },
  ],
};
/** A choice that asks for a comment, and requires it. */
const requiredComment = {
  elements: [{ type: 'radiogroup', name: 'paid', choices: ['no', { value: 'yes', showCommentArea: true, isCommentRequired: true }] }],
};

describe('the two definitions the plan disagreed with survey-core on', () => {
  it('go to the full model, naming the choice property', () => {
    for (const [json, property] of [
      [exclusive, 'isExclusive'],
      [requiredComment, 'showCommentArea'],
    ] as const) {
      const compiled = compileValidation(json);
      expect(compiled.path).toBe('model');
      if (compiled.path === 'model') expect(compiled.reasons.join('\n')).toMatch(new RegExp(`choice '(nothing|yes)': ${property}`));
    }
  });

  describe('over HTTP', () => {
    let t: TestApp;
    let auth: Record<string, string>;
    const post = (q: string, data: unknown) =>
      t.app.request(
        `/api/v1/questionnaires/${q}/versions/1/responses`,
        jsonRequest('POST', { instanceId: instanceId(), country: 'TUN', data }, auth),
      );
    beforeAll(async () => {
      t = createTestApp();
      await t.publish([
        definitionFile(exclusive, { questionnaireId: 'exclusive' }),
        definitionFile(requiredComment, { questionnaireId: 'comment' }),
      ]);
      auth = (await t.user('coordinator', { countries: ['TUN'] })).headers;
    });
    afterAll(() => t.close());

    it('accepts the exclusive choice alone, as survey-core does, and still refuses one ordinary choice', async () => {
      expect((await post('exclusive', { help: ['nothing'] })).status).toBe(201);
      const one = await post('exclusive', { help: ['food'] });
      expect(one.status).toBe(422);
      expect((await one.json()).error.details.map((d: { path: string }) => d.path)).toEqual(['help']);
      expect((await post('exclusive', { help: ['food', 'water'] })).status).toBe(201);
    });

    it('refuses the choice answered without its required comment, as survey-core does', async () => {
      const res = await post('comment', { paid: 'yes' });
      expect(res.status).toBe(422);
      expect((await res.json()).error.details[0].path).toMatch(/^paid/);
      expect((await post('comment', { paid: 'no' })).status).toBe(201);
    });
  });
});

describe('the allowlist', () => {
  it('names only real properties of each class (a misspelt name would let nothing through, silently)', () => {
    const missing: string[] = [];
    for (const [className, names] of knownPropertyLists.own())
      for (const name of names) if (!Serializer.findProperty(className, name)) missing.push(`${className}.${name}`);
    for (const name of knownPropertyLists.shared)
      if (!knownPropertyLists.classes.some((className) => Serializer.findProperty(className, name))) missing.push(`(shared).${name}`);
    expect(missing).toEqual([]);
  });
});

/** Properties a generated definition draws from: some the plan knows, some it must refuse. */
const CHOICE_PROPERTIES: Array<Record<string, unknown>> = [
  {},
  { text: 'Shown text' },
  { isExclusive: true },
  { showCommentArea: true },
  { showCommentArea: true, isCommentRequired: true },
  { visibleIf: "{q0} = 'a'" },
  { enableIf: "{q0} = 'b'" },
];
const QUESTION_PROPERTIES: Array<Record<string, unknown>> = [
  {},
  { isRequired: true },
  { showOtherItem: true },
  { showNoneItem: true },
  { minSelectedChoices: 2 },
  { maxSelectedChoices: 2 },
  { showCommentArea: true },
  { visibleIf: "{q0} = 'a'" },
  { requiredIf: "{q0} = 'b'" },
  { defaultValue: 'a' },
  { showSelectAllItem: true },
  { hideIfChoicesEmpty: true },
  { choicesOrder: 'asc' },
  { readOnly: true },
];

const definitionArb = fc
  .array(
    fc.record({
      type: fc.constantFrom('radiogroup', 'checkbox', 'dropdown', 'tagbox'),
      props: fc.subarray(QUESTION_PROPERTIES, { maxLength: 3 }),
      choices: fc.array(fc.constantFrom(...CHOICE_PROPERTIES), { minLength: 2, maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((questions) => ({
    elements: questions.map((q, i) => ({
      type: q.type,
      name: `q${i}`,
      ...Object.assign({}, ...q.props.filter((p) => i > 0 || !Object.values(p).some((v) => typeof v === 'string' && v.includes('{q0}')))),
      choices: q.choices.map((extra, j) => ({ value: 'abcd'[j], ...(i === 0 ? {} : extra) })),
    })),
  }));

describe('generated definitions with question- and choice-level properties', () => {
  it('agree with the full model whenever they compile to a plan (fixed seed; both paths taken)', async () => {
    const taken = { plan: 0, model: 0 };
    await fc.assert(
      fc.asyncProperty(definitionArb, fc.integer({ min: 0, max: 2 ** 30 }), async (definition, seed) => {
        const compiled = compileValidation(definition);
        taken[compiled.path]++;
        if (compiled.path === 'model') return;
        for (const data of fc.sample(responses(definition), { numRuns: 12, seed })) {
          const difference = await disagreement(definition, compiled.plan, data);
          if (difference) throw new Error(`${JSON.stringify(definition)}\n${difference}`);
        }
      }),
      { numRuns: 150, seed: 20261206 },
    );
    expect(taken.plan).toBeGreaterThan(10);
    expect(taken.model).toBeGreaterThan(10);
  }, 120_000);
});

describe('the structural choice check against survey-core reading the same values', () => {
  it('calls a value outside the choices exactly when survey-core finds it unknown', () => {
    // Not '': survey-core reads an empty string as no answer (and would store it); the structural
    // check refuses it on purpose as not one of the choices, so no empty category reaches an export.
    const values = ['a', 'b', 'c', 'd', 'other', 'none', 'z', 1, '1', 0, true, ' a', 'A'];
    let compared = 0;
    fc.assert(
      fc.property(definitionArb, (definition) => {
        const model = createModel(definition);
        for (const q of model.getAllQuestions() as Question[]) {
          const multi = q.getType() === 'checkbox' || q.getType() === 'tagbox';
          for (const v of values) {
            const value = multi ? [v] : v;
            const ours = structuralErrors(createModel(definition), { [q.name]: value }, '').some(
              (e) => e.path.startsWith(q.name) && e.type === 'choice',
            );
            // survey-core's reading: a value none of the choices has, unless "other" is offered and its
            // text is stored as the value itself (then any value is that text).
            const anyQ = q as any;
            const theirs =
              anyQ.hasUnknownValue(value, anyQ.showOtherItem === true, false, false) &&
              !(anyQ.showOtherItem && !anyQ.getStoreOthersAsComment());
            compared++;
            if (ours !== theirs)
              throw new Error(
                `${JSON.stringify(definition)}\n${q.name} = ${JSON.stringify(value)}: structural ${ours}, survey-core ${theirs}`,
              );
          }
        }
      }),
      { numRuns: 60, seed: 20261206 },
    );
    expect(compared).toBeGreaterThan(500);
  });
});
