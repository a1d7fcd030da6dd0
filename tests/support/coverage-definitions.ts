// Definitions written to combine what the SurveyJS corpus does not: "other" inside dynamic panels,
// conditions on panels around dynamic panels, panels inside them, values outside the choices of
// questions that offer "other". Each once showed the plan disagreeing with the full model (or the
// full model naming a wrong path); the differential tests run generated responses on them.
import type { NamedDefinition } from './definitions';

export const coverageDefinitions: NamedDefinition[] = [
  {
    name: 'coverage: other and panels inside a dynamic panel',
    json: {
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'checkbox', name: 'why', choices: ['work', 'family'], showOtherItem: true, showNoneItem: true },
            {
              type: 'paneldynamic',
              name: 'legs',
              minPanelCount: 0,
              templateElements: [
                { type: 'checkbox', name: 'means', choices: ['boat', 'truck'], showOtherItem: true, isRequired: true },
                { type: 'text', name: 'cost', inputType: 'number', min: 0, max: 10000, visibleIf: "{panel.means} contains 'boat'" },
                { type: 'radiogroup', name: 'paid', choices: ['yes', 'no'], showOtherItem: true, requiredIf: '{panel.cost} > 100' },
                {
                  type: 'panel',
                  name: 'inner',
                  visibleIf: "{panel.paid} = 'yes'",
                  elements: [{ type: 'dropdown', name: 'to', choices: ['smuggler', 'official'], showOtherItem: true, isRequired: true }],
                },
                { type: 'text', name: 'who', enableIf: "{panel.paid} = 'yes'", validators: [{ type: 'text', minLength: 2 }] },
              ],
            },
          ],
        },
      ],
    },
  },
  {
    name: 'coverage: a dynamic panel in a hidden panel',
    json: {
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'boolean', name: 'moved' },
            {
              type: 'panel',
              name: 'pan',
              visibleIf: '{moved} = true',
              elements: [
                { type: 'dropdown', name: 'how', choices: ['sea', 'land'], showOtherItem: true },
                {
                  type: 'paneldynamic',
                  name: 'stops',
                  visibleIf: "{how} = 'sea'",
                  templateElements: [
                    { type: 'text', name: 'place' },
                    {
                      type: 'dropdown',
                      name: 'kind',
                      choices: ['port', 'beach'],
                      showOtherItem: true,
                      visibleIf: '{panel.place} notempty',
                    },
                  ],
                },
              ],
            },
          ],
        },
        { name: 'p2', visibleIf: '{moved} = false', elements: [{ type: 'comment', name: 'why', isRequired: true }] },
      ],
    },
  },
  {
    name: 'coverage: conditions on "other" (values outside the choices)',
    json: {
      clearInvisibleValues: 'onHidden',
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'radiogroup', name: 'a', choices: ['x', 'y'], showOtherItem: true },
            {
              type: 'checkbox',
              name: 'b',
              choices: ['1', '2', '3'],
              visibleIf: "{a} = 'x'",
              showOtherItem: true,
              showNoneItem: true,
              minSelectedChoices: 2,
            },
            { type: 'text', name: 'c', visibleIf: "{b} contains 'other'", isRequired: true },
            { type: 'dropdown', name: 'd', choices: [1, 2], showOtherItem: true },
            { type: 'text', name: 'e', visibleIf: "{d} = 'other'", isRequired: true },
            {
              type: 'paneldynamic',
              name: 'pd',
              visibleIf: "{a} = 'other'",
              templateElements: [{ type: 'dropdown', name: 'k', choices: ['u', 'v'], showOtherItem: true }],
            },
          ],
        },
      ],
    },
  },
];
