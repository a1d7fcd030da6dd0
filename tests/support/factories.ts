// Factories for definitions and submissions: sensible defaults, overrides per test.
import type { DefinitionFile } from '../../src/questionnaires/publish';

let counter = 0;

/** A fresh instance id (UUID v4 shape), unique within the test run. */
export function instanceId(): string {
  counter += 1;
  return `5b1f0f0e-8d0c-4c5e-9a55-${counter.toString(16).padStart(12, '0')}`;
}

export function definitionFile(json: object, overrides: Partial<DefinitionFile> = {}): DefinitionFile {
  const questionnaireId = overrides.questionnaireId ?? 'demo';
  const version = overrides.version ?? '1';
  return { file: `surveys/${questionnaireId}/${version}.json`, questionnaireId, version, json, ...overrides };
}

/** A small questionnaire with skip logic on a page, a panel and a question, and nested structures. */
export const demoDefinition = {
  title: 'Demo',
  family: 'scoping',
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'employed', isRequired: true, choices: ['yes', 'no'] },
        { type: 'text', name: 'employer', isRequired: true, visibleIf: "{employed} = 'yes'", maxLength: 20 },
        { type: 'text', name: 'age', inputType: 'number', min: 18, max: 99 },
        { type: 'checkbox', name: 'langs', choices: ['en', 'fr', 'ar'], showOtherItem: true, maxSelectedChoices: 2, minSelectedChoices: 1 },
        {
          type: 'panel',
          name: 'family_panel',
          visibleIf: '{age} >= 30',
          elements: [{ type: 'radiogroup', name: 'children', isRequired: true, choices: ['none', 'one', 'more'] }],
        },
        {
          type: 'paneldynamic',
          name: 'kids',
          templateElements: [
            { type: 'text', name: 'school', isRequired: true },
            { type: 'dropdown', name: 'grade', choices: [1, 2, 3] },
          ],
        },
        { type: 'matrixdropdown', name: 'skills', choices: [1, 2, 3], columns: [{ name: 'level' }], rows: ['sql', 'excel'] },
        {
          type: 'matrixdynamic',
          name: 'jobs',
          rowCount: 0,
          columns: [
            { name: 'title', cellType: 'text' },
            { name: 'kind', cellType: 'dropdown', choices: ['ft', 'pt'] },
          ],
        },
        { type: 'matrix', name: 'pay', rows: ['base', 'bonus'], columns: [1, 2, 3] },
        { type: 'multipletext', name: 'contact', items: [{ name: 'city' }, { name: 'years', inputType: 'number' }] },
      ],
    },
    {
      name: 'p2',
      visibleIf: "{employed} = 'no'",
      elements: [{ type: 'comment', name: 'why_not', isRequired: true, maxLength: 50 }],
    },
  ],
};

/** A valid submission body for demoDefinition. */
export function demoAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { employed: 'yes', employer: 'Coop', age: 25, langs: ['en'], ...overrides };
}

/** A complete, valid response to version 1 of the shipped migrant scoping survey. */
export const scopingAnswers = {
  interview_language: 'fr',
  hub: 'Sfax',
  interview_month: '2026-10',
  interviewed_before: 'no',
  age_eligible: 'yes',
  consent: 'yes',
  age_band: '25-34',
  sex: 'male',
  nationality: 'GIN',
  reasons: ['economic'],
};
