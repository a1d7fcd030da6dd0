// XLSForm -> SurveyJS, rule by rule (issue 21): what each XLSForm feature becomes, what is refused
// with its sheet, row, column and reason, and one test per disagreement the differential tests
// found with ODK's engine, named after the case it protects.
import { describe, expect, it } from 'vitest';
import { createModel } from '../../src/questionnaires/model';
import { compileValidation } from '../../src/validation/plan-compile';
import { validateWithPlan } from '../../src/validation/plan-run';
import { convertXlsForm } from '../../src/xlsform/convert';
import { describeMessage, WorkbookError } from '../../src/xlsform/sheets';
import { parseXPath, toCondition, toExpression } from '../../src/xlsform/xpath';
import { sheets } from './workbooks';

type Json = Record<string, any>;
const CHOICES = [
  ['list_name', 'name', 'label'],
  ['abc', 'a', 'A'],
  ['abc', 'b', 'B'],
  ['abc', 'c', 'C'],
];
const convert = (survey: string[][], more: Record<string, string[][]> = {}) =>
  convertXlsForm(sheets({ survey, choices: CHOICES, ...more })).definition as Json;
const elements = (d: Json): Json[] => d.pages.flatMap((p: Json) => p.elements);
const refusal = (survey: string[][], more: Record<string, string[][]> = {}): string[] => {
  try {
    convert(survey, more);
  } catch (e) {
    if (e instanceof WorkbookError) return e.messages.map(describeMessage);
    throw e;
  }
  throw new Error('converted');
};

describe('XPath to SurveyJS expressions', () => {
  const questions = new Map([
    ['age', { type: 'integer', repeats: [] }],
    ['m', { type: 'select_multiple', repeats: [] }],
    ['child_age', { type: 'integer', repeats: ['children'] }],
    ['children', { type: 'begin repeat', repeats: [] }],
  ]);
  const ctx = { self: 'age', repeats: [], questions };
  it('writes operators and functions as the XPath-semantics functions, references as SurveyJS variables', () => {
    expect(toCondition(parseXPath("${age} >= 18 and selected(${m}, 'boat')"), ctx)).toBe("(xge({age}, 18) and xselected({m}, 'boat'))");
    expect(toExpression(parseXPath('${age} div 2 + 3 mod 2'), ctx)).toBe('xadd(xdiv({age}, 2), xmod(3, 2))');
    expect(toCondition(parseXPath('. < 120'), ctx)).toBe('xlt({age}, 120)');
    expect(toExpression(parseXPath("if(${age} > 17, 'adult', 'minor')"), ctx)).toBe("iif(xgt({age}, 17), 'adult', 'minor')");
    expect(toCondition(parseXPath('${age}'), ctx)).toBe('xbool({age})');
    expect(toExpression(parseXPath('sum(${child_age})'), ctx)).toBe("xsum({children}, 'child_age')");
    expect(toExpression(parseXPath('count(${children})'), ctx)).toBe('xcount({children})');
    expect(toExpression(parseXPath('indexed-repeat(${child_age}, ${children}, 1)'), ctx)).toBe(
      "xindexedRepeat({children}, 'child_age', 1)",
    );
    expect(toExpression(parseXPath('${child_age} + position(..)'), { self: 'x', repeats: ['children'], questions })).toBe(
      'xadd({panel.child_age}, xadd({panelIndex}, 1))',
    );
  });

  it('refuses what it cannot translate exactly, saying why', () => {
    expect(() => toExpression(parseXPath('${child_age} + 1'), ctx)).toThrow(/inside repeat 'children'/);
    expect(() => toExpression(parseXPath("pulldata('f', 'a', 'b', 'c')"), ctx)).toThrow(/pulldata\(\) is not supported/);
    expect(() => parseXPath('/data/age > 3')).toThrow();
    expect(() => toExpression(parseXPath('${nowhere}'), ctx)).toThrow(/names no question/);
  });
});

describe('XLSForm rows to SurveyJS elements', () => {
  it('converts every supported type, with languages, hints, requiredness and appearance', () => {
    const d = convertXlsForm(
      sheets({
        survey: [
          [
            'type',
            'name',
            'label::English (en)',
            'label::French (fr)',
            'hint::English (en)',
            'required',
            'appearance',
            'parameters',
            'default',
          ],
          ['text', 'notes', 'Notes', 'Notes', 'Anything else', '', 'multiline', '', ''],
          ['integer', 'age', 'Age', 'Âge', '', 'yes', '', '', ''],
          ['decimal', 'cost', 'Cost', 'Coût', '', '', '', '', '2.5'],
          ['date', 'left', 'Left on', 'Parti le', '', '', '', '', ''],
          ['select_one abc or_other', 'route', 'Route', 'Route', '', '', 'minimal', '', ''],
          ['select_multiple abc', 'legs', 'Legs', 'Étapes', '', '', 'horizontal', 'randomize=true', 'a b'],
          ['rank abc', 'ranked', 'Order', 'Ordre', '', '', '', '', ''],
          ['range', 'score', 'Score', 'Note', '', '', '', 'start=0 end=10 step=2', ''],
          ['note', 'thanks', 'Thanks ${age}', 'Merci', '', '', '', '', ''],
          ['acknowledge', 'ok', 'Understood', 'Compris', '', '', '', '', ''],
          ['hidden', 'batch', '', '', '', '', '', '', 'B1'],
          ['start', 'started', '', '', '', '', '', '', ''],
        ],
        choices: [
          ['list_name', 'name', 'label::English (en)', 'label::French (fr)'],
          ['abc', 'a', 'A', 'A'],
          ['abc', 'b', 'B', 'B'],
        ],
        settings: [
          ['form_title', 'default_language'],
          ['Journeys', 'English (en)'],
        ],
      }),
    ).definition as Json;
    expect(d.languages).toEqual(['en', 'fr']);
    expect(d.title).toBe('Journeys');
    const byName = Object.fromEntries(elements(d).map((e) => [e.name, e]));
    expect(byName.notes).toMatchObject({ type: 'comment', title: { default: 'Notes', fr: 'Notes' }, description: 'Anything else' });
    expect(byName.age).toMatchObject({ type: 'text', inputType: 'number', isRequired: true });
    expect(byName.cost).toMatchObject({ inputType: 'number', defaultValue: 2.5 });
    expect(byName.left).toMatchObject({ inputType: 'date' });
    expect(byName.route).toMatchObject({ type: 'dropdown', showOtherItem: true });
    expect(byName.legs).toMatchObject({ type: 'checkbox', colCount: 0, choicesOrder: 'random', defaultValue: ['a', 'b'] });
    expect(byName.ranked.type).toBe('ranking');
    expect(byName.score).toMatchObject({ inputType: 'range', min: 0, max: 10, step: 2 });
    expect(byName.thanks).toMatchObject({ type: 'html', html: { default: 'Thanks {age}', fr: 'Merci' } });
    expect(byName.ok).toMatchObject({ type: 'boolean', valueTrue: 'OK' });
    expect(byName.batch).toMatchObject({ visible: false, defaultValue: 'B1' });
    expect(byName.started).toMatchObject({ metadata: 'start', visible: false, clearIfInvisible: 'none' });
    expect(createModel(d).getAllQuestions().length).toBeGreaterThan(10);
  });

  it('makes groups pages and panels, repeats dynamic panels with their count', () => {
    const d = convert([
      ['type', 'name', 'label', 'relevant', 'repeat_count'],
      ['integer', 'n', 'How many children?', '', ''],
      ['begin group', 'family', 'Family', '${n} > 0', ''],
      ['begin repeat', 'children', 'Child', '', '${n}'],
      ['integer', 'child_age', 'Age', '', ''],
      ['text', 'school', 'School', '${child_age} >= 6', ''],
      ['end repeat', '', '', '', ''],
      ['end group', '', '', '', ''],
    ]);
    expect(d.pages.map((p: Json) => p.name)).toEqual(['page1', 'family']);
    const family = d.pages[1];
    expect(family.visibleIf).toBe('xgt({n}, 0)');
    const repeat = family.elements[0];
    expect(repeat).toMatchObject({ type: 'paneldynamic', bindings: { panelCount: 'n' } });
    expect(repeat.templateElements[1].visibleIf).toBe('xge({panel.child_age}, 6)');
  });

  it('turns a choice_filter into a condition on each choice, from the choice row', () => {
    const d = convertXlsForm(
      sheets({
        survey: [
          ['type', 'name', 'label', 'choice_filter'],
          ['select_one countries', 'country', 'Country', ''],
          ['select_one cities', 'city', 'City', 'country = ${country}'],
        ],
        choices: [
          ['list_name', 'name', 'label', 'country'],
          ['countries', 'tn', 'Tunisia', ''],
          ['countries', 'ly', 'Libya', ''],
          ['cities', 'sfax', 'Sfax', 'tn'],
          ['cities', 'zuwara', 'Zuwara', 'ly'],
        ],
      }),
    ).definition as Json;
    const city = elements(d).find((e) => e.name === 'city')!;
    expect(city.choices).toEqual([
      { value: 'sfax', text: 'Sfax', visibleIf: "xeq('tn', {country})" },
      { value: 'zuwara', text: 'Zuwara', visibleIf: "xeq('ly', {country})" },
    ]);
  });

  it('reads select_one_from_file lists from the CSV file given with the form', () => {
    const survey = [
      ['type', 'name', 'label'],
      ['select_one_from_file hubs.csv', 'hub', 'Hub'],
    ];
    const files = new Map([['hubs.csv', 'name,label\nagadez,Agadez\nsebha,Sebha\n']]);
    const d = convertXlsForm(sheets({ survey }), { files }).definition as Json;
    expect(elements(d)[0]!.choices.map((c: Json) => c.value)).toEqual(['agadez', 'sebha']);
    expect(() => convertXlsForm(sheets({ survey }))).toThrow(/hubs\.csv' was not given/);
  });

  it('refuses media, geo, identifiers, loops and unknown types, naming sheet, row and column', () => {
    const messages = refusal([
      ['type', 'name', 'label', 'image'],
      ['image', 'photo', 'Photo', ''],
      ['geopoint', 'where', 'Where', ''],
      ['deviceid', 'device', '', ''],
      ['begin loop over abc', 'loop', '', ''],
      ['text', 'q', 'Q', 'q.png'],
      ['barcode', 'code', 'Code', ''],
      ['select_one missing', 'x', 'X', ''],
    ]);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^survey!A2: type 'image': media/),
        expect.stringMatching(/^survey!A3: type 'geopoint': geo/),
        expect.stringMatching(/^survey!A4: type 'deviceid': device and user identifiers are not collected/),
        expect.stringMatching(/^survey!A5: 'begin loop' is not supported/),
        expect.stringMatching(/^survey!D6: media \(image\) is not supported/),
        expect.stringMatching(/^survey!A7: type 'barcode'/),
        expect.stringMatching(/^survey!A8: choice list 'missing'/),
      ]),
    );
  });

  it('refuses duplicate names, unbalanced groups and settings it cannot honour', () => {
    expect(
      refusal([
        ['type', 'name', 'label'],
        ['text', 'a', 'A'],
        ['text', 'a', 'A again'],
      ]),
    ).toEqual([expect.stringMatching(/^survey!B3: the name 'a' is used twice/)]);
    expect(
      refusal([
        ['type', 'name', 'label'],
        ['begin group', 'g', 'G'],
        ['text', 'a', 'A'],
      ]),
    ).toEqual([expect.stringMatching(/'begin group' is never closed/)]);
    expect(
      refusal(
        [
          ['type', 'name', 'label'],
          ['text', 'a', 'A'],
        ],
        { settings: [['public_key'], ['MIIB']] },
      ),
    ).toEqual([expect.stringMatching(/^settings!A2: encrypted submissions/)]);
  });
});

describe('disagreements with ODK found by the differential tests', () => {
  it('a calculation that is not relevant reads as empty, as in ODK (relevance of the row or of its group)', () => {
    const d = convert([
      ['type', 'name', 'label', 'relevant', 'calculation'],
      ['integer', 'age', 'Age', '', ''],
      ['calculate', 'adult', '', '${age} >= 18', "'yes'"],
      ['text', 'shown', 'Shown', "coalesce(${adult}, 'no') = 'no'", ''],
    ]);
    const m = createModel(d);
    m.setValue('age', 12);
    expect(m.getValue('adult') ?? '').toBe('');
    expect(m.getQuestionByName('shown').isVisible).toBe(true);
    m.setValue('age', 30);
    expect(m.getValue('adult')).toBe('yes');
    expect(m.getQuestionByName('shown').isVisible).toBe(false);
  });

  it('a number that is not a number converts to empty text, not "NaN"', () => {
    const d = convert([
      ['type', 'name', 'label', 'calculation'],
      ['calculate', 'c', '', "substr(number('a'), 0, 2)"],
    ]);
    expect(createModel(d).getValue('c') ?? '').toBe('');
  });

  it('a calculation on a question is computed when the form opens, not only when what it reads changes', () => {
    const d = convert([
      ['type', 'name', 'label', 'calculation'],
      ['dateTime', 'at', 'At', 'now()'],
    ]);
    expect(String(createModel(d).getValue('at'))).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('an integer question refuses a decimal (ODK keeps whole numbers only) and accepts an empty answer', () => {
    const d = convert([
      ['type', 'name', 'label'],
      ['integer', 'n', 'N'],
    ]);
    const compiled = compileValidation(d);
    if (compiled.path !== 'plan') throw new Error(compiled.reasons.join('; '));
    expect(validateWithPlan(compiled.plan, { n: 2.5 }, '', 'submit').ok).toBe(false);
    expect(validateWithPlan(compiled.plan, { n: 2 }, '', 'submit').ok).toBe(true);
    expect(validateWithPlan(compiled.plan, {}, '', 'submit').ok).toBe(true);
  });

  it('the compiled plan runs an expression validator on an unanswered question, as survey-core does', () => {
    const d = {
      pages: [{ name: 'p', elements: [{ type: 'text', name: 'q', validators: [{ type: 'expression', expression: "{q} = 'x'" }] }] }],
    };
    const compiled = compileValidation(d);
    if (compiled.path !== 'plan') throw new Error(compiled.reasons.join('; '));
    const m = createModel(d);
    expect(m.getQuestionByName('q').hasErrors(false)).toBe(true);
    expect(validateWithPlan(compiled.plan, {}, '', 'submit').ok).toBe(false);
  });

  it('a label that shows an answer (${name}) shows it in SurveyJS too', () => {
    const d = convert([
      ['type', 'name', 'label'],
      ['text', 'name_given', 'Name'],
      ['note', 'hello', 'Hello ${name_given}'],
    ]);
    const m = createModel(d);
    m.setValue('name_given', 'Amina');
    expect((m.getQuestionByName('hello') as unknown as { processedHtml: string }).processedHtml).toBe('Hello Amina');
  });
});
