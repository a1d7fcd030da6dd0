// The comparison of the XLSForm differential tests: the same answers, in form order, given to
// ODK's engine (on an XForm) and to survey-core (on the converted definition); then every
// question's relevance, requiredness, constraint verdict, value and offered choices compared.
import fc from 'fast-check';
import { createModel } from '../../src/questionnaires/model';
import { xstr } from '../../src/questionnaires/xpath-functions';
import { loadOdkForm } from './odk-engine';

export type Json = Record<string, any>;

/** The questions of a converted definition outside repeats, in form order. */
export function questionsOf(definition: Json): Json[] {
  const out: Json[] = [];
  const walk = (els: Json[]) => {
    for (const el of els ?? []) {
      if (el.type === 'paneldynamic') continue;
      if (el.elements) walk(el.elements);
      else out.push(el);
    }
  };
  for (const p of definition.pages ?? []) walk(p.elements);
  return out;
}

/** An answer a respondent could give to the question (null: left empty). */
export function answerOf(q: Json): fc.Arbitrary<string | string[] | null> {
  const values = (q.choices ?? []).map((c: Json | string) => String(typeof c === 'object' ? c.value : c));
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 4 });
  if (q.type === 'radiogroup' || q.type === 'dropdown') return values.length ? maybe(fc.constantFrom(...values)) : fc.constant(null);
  if (q.type === 'checkbox' || q.type === 'tagbox') return values.length ? maybe(fc.subarray(values, { minLength: 1 })) : fc.constant(null);
  if (q.type === 'boolean') return maybe(fc.constant('OK'));
  if (q.inputType === 'number' && JSON.stringify(q.validators ?? []).includes('xint('))
    return maybe(fc.oneof(fc.integer({ min: -5, max: 150 }), fc.constantFrom(0, 1, 18)).map(String));
  if (q.inputType === 'number') return maybe(fc.oneof(fc.integer({ min: -5, max: 150 }), fc.constantFrom(0, 1, 18, 2.5, -0.5)).map(String));
  if (q.inputType === 'date') return maybe(fc.constantFrom('2020-01-01', '2024-02-29', '2026-12-06', '1999-12-31'));
  if (q.inputType === 'time' || q.inputType === 'datetime-local' || q.inputType === 'range') return fc.constant(null);
  return maybe(fc.constantFrom('a', 'yes', 'no', '1', '12', 'x y', 'Ahmed'));
}

/** Both engines after the same answers: one line per question where they disagree. */
export async function disagreements(form: { xml: string; definition: Json }, answers: Array<string | string[] | null>): Promise<string[]> {
  const odk = await loadOdkForm(form.xml);
  const model = createModel(form.definition);
  const questions = questionsOf(form.definition);
  const visible = (name: string) => {
    const q = model.getQuestionByName(name);
    return !!q && q.isVisible && q.isParentVisible && (q.page ? (q.page as unknown as { visible: boolean }).visible !== false : true);
  };
  questions.forEach((q, i) => {
    const a = answers[i];
    if (a === null || a === undefined || q.type === 'expression' || q.type === 'html' || q.visible === false) return;
    // A respondent picks among the choices shown: a choice a filter hides is not given (each side
    // decides what it shows; the comparison below checks they show the same).
    const o = odk.state().get(q.name);
    const shown = (v: string) => o?.options === null || o?.options === undefined || o.options.includes(v);
    const given = Array.isArray(a) ? a.filter(shown) : shown(a) ? a : null;
    if (given === null || (Array.isArray(given) && given.length === 0)) return;
    if (o?.relevant) odk.answer(q.name, given);
    const sq = model.getQuestionByName(q.name);
    const offered = (v: string) =>
      !(sq as unknown as { visibleChoices?: unknown[] }).visibleChoices ||
      (sq as unknown as { visibleChoices: Array<{ value: unknown }> }).visibleChoices.some((c) => String(c.value) === v);
    const mine = Array.isArray(a) ? a.filter(offered) : offered(a) ? a : null;
    if (visible(q.name) && mine !== null && !(Array.isArray(mine) && mine.length === 0))
      model.setValue(q.name, q.inputType === 'number' ? Number(mine) : mine);
  });
  const state = odk.state();
  const out: string[] = [];
  for (const q of questions) {
    const o = state.get(q.name);
    if (!o || q.type === 'html') continue;
    const sq = model.getQuestionByName(q.name)!;
    const relevant = q.visible === false ? o.relevant : visible(q.name);
    if (relevant !== o.relevant) out.push(`${q.name}: relevant ODK ${o.relevant}, SurveyJS ${relevant}`);
    if (!o.relevant || !relevant) continue;
    if (sq.isRequired !== o.required) out.push(`${q.name}: required ODK ${o.required}, SurveyJS ${sq.isRequired}`);
    // Values: answers as given, defaults, calculations (a time of day differs between the engines'
    // clocks: only whether both have one is compared).
    // One known difference is not compared: ODK writes a whole decimal answer as "5.0" (also inside
    // a concat()), SurveyJS keeps the number 5. The README lists it.
    const norm = (v: string) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) ? '(time)' : v.replace(/^NaN$/, '').replace(/(\d)\.0(?![0-9])/g, '$1');
    const mine = xstr(model.getValue(q.name));
    if (norm(mine) !== norm(o.value)) out.push(`${q.name}: value ODK '${o.value}', SurveyJS '${mine}'`);
    if (o.options) {
      const offered = (sq as unknown as { visibleChoices: Array<{ value: unknown }> }).visibleChoices
        .map((c) => String(c.value))
        .filter((v) => v !== 'other');
      const odkOffered = o.options.filter((v) => v !== 'other');
      if (offered.join(' ') !== odkOffered.join(' ')) out.push(`${q.name}: choices ODK [${odkOffered}], SurveyJS [${offered}]`);
    }
    if (q.type === 'expression' || mine === '') continue;
    // Answered, so a failing check is the constraint (or the whole-number rule), never `required`.
    const violated = sq.hasErrors(false);
    if (violated === o.constraintValid)
      out.push(
        `${q.name}: constraint ODK ${o.constraintValid ? 'valid' : 'violated'}, SurveyJS ${violated ? 'violated' : 'valid'} (value ${xstr(sq.value)})`,
      );
  }
  return out;
}
