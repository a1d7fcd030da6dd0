// The comparison of the XLSForm differential tests: the same answers, in form order, given to
// ODK's engine (on an XForm) and to survey-core (on the converted definition); then every
// question's relevance, requiredness, constraint verdict, value and offered choices compared.
import fc from 'fast-check';
import { createModel } from '../../src/questionnaires/model';
import { xstr } from '../../src/questionnaires/xpath-functions';
import { loadOdkForm } from './odk-engine';

export type Json = Record<string, any>;

/**
 * The questions of a converted definition, in form order: those of a dynamic panel with a fixed
 * count once per instance, keyed `repeat[i]/name` as ODK's references are (i from 1); a dynamic
 * panel whose count is not fixed is left out (its instances depend on answers).
 */
export interface Slot {
  key: string;
  q: Json;
  repeat?: { name: string; index: number };
}

export function slotsOf(definition: Json): Slot[] {
  const out: Slot[] = [];
  const walk = (els: Json[], repeat?: { name: string; index: number }) => {
    for (const el of els ?? []) {
      if (el.type === 'paneldynamic') {
        if (repeat || el.minPanelCount !== el.maxPanelCount || el.panelCount !== el.minPanelCount) continue;
        for (let i = 1; i <= el.panelCount; i++) walk(el.templateElements, { name: el.name, index: i });
      } else if (el.elements) walk(el.elements, repeat);
      else out.push({ key: repeat ? `${repeat.name}[${repeat.index}]/${el.name}` : el.name, q: el, repeat });
    }
  };
  for (const p of definition.pages ?? []) walk(p.elements);
  return out;
}

/** The questions outside repeats, in form order (what the corpus differential answers). */
export function questionsOf(definition: Json): Json[] {
  return slotsOf(definition)
    .filter((s) => !s.repeat)
    .map((s) => s.q);
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
  // Decimals with a fraction: ODK writes a whole decimal as "5.0" (the one known difference, kept out).
  if (q.inputType === 'number') return maybe(fc.constantFrom(2.5, -0.5, 0.25, 18.75, 100.5).map(String));
  if (q.inputType === 'date') return maybe(fc.constantFrom('2020-01-01', '2024-02-29', '2026-12-06', '1999-12-31'));
  if (q.inputType === 'time' || q.inputType === 'datetime-local' || q.inputType === 'range') return fc.constant(null);
  return maybe(fc.constantFrom('a', 'yes', 'no', '1', '12', 'x y', 'Ahmed'));
}

/** Both engines after the same answers (one per slot of slotsOf): one line per question where they disagree. */
export async function disagreements(form: { xml: string; definition: Json }, answers: Array<string | string[] | null>): Promise<string[]> {
  const odk = await loadOdkForm(form.xml);
  const model = createModel(form.definition);
  const slots = slotsOf(form.definition);
  const question = (slot: Slot): any =>
    slot.repeat
      ? (model.getQuestionByName(slot.repeat.name) as any)?.panels[slot.repeat.index - 1]?.getQuestionByName(slot.q.name)
      : model.getQuestionByName(slot.q.name);
  const visible = (slot: Slot) => {
    const q = question(slot);
    return !!q && q.isVisible && q.isParentVisible && (q.page ? (q.page as unknown as { visible: boolean }).visible !== false : true);
  };
  slots.forEach((slot, i) => {
    const q = slot.q;
    const a = answers[i];
    if (a === null || a === undefined || q.type === 'expression' || q.type === 'html' || q.visible === false) return;
    // A respondent picks among the choices shown: a choice a filter hides is not given (each side
    // decides what it shows; the comparison below checks they show the same).
    const o = odk.state().get(slot.key);
    const shown = (v: string) => o?.options === null || o?.options === undefined || o.options.includes(v);
    const given = Array.isArray(a) ? a.filter(shown) : shown(a) ? a : null;
    if (given === null || (Array.isArray(given) && given.length === 0)) return;
    if (o?.relevant) odk.answer(slot.key, given);
    const sq = question(slot);
    // A read-only question (a calculation on a question) takes no answer from a respondent.
    if (sq?.isReadOnly) return;
    const offered = (v: string) =>
      !sq?.visibleChoices || (sq.visibleChoices as Array<{ value: unknown }>).some((c) => String(c.value) === v);
    const mine = Array.isArray(a) ? a.filter(offered) : offered(a) ? a : null;
    if (visible(slot) && mine !== null && !(Array.isArray(mine) && mine.length === 0))
      sq.value = q.inputType === 'number' ? Number(mine) : mine;
  });
  const state = odk.state();
  const out: string[] = [];
  for (const slot of slots) {
    const q = slot.q;
    const o = state.get(slot.key);
    if (!o || q.type === 'html') continue;
    const sq = question(slot);
    const relevant = q.visible === false ? o.relevant : visible(slot);
    if (relevant !== o.relevant) out.push(`${slot.key}: relevant ODK ${o.relevant}, SurveyJS ${relevant}`);
    if (!o.relevant || !relevant) continue;
    if (sq.isRequired !== o.required) out.push(`${slot.key}: required ODK ${o.required}, SurveyJS ${sq.isRequired}`);
    // Values: answers as given, defaults, calculations (a time of day differs between the engines'
    // clocks: only whether both have one is compared).
    // One known difference is not compared: ODK writes a whole decimal answer as "5.0" (also inside
    // a concat()), SurveyJS keeps the number 5. docs/xlsform.md lists it.
    const norm = (v: string) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) ? '(time)' : v.replace(/^NaN$/, '').replace(/(\d)\.0(?![0-9])/g, '$1');
    const mine = xstr(sq.value);
    if (norm(mine) !== norm(o.value)) out.push(`${slot.key}: value ODK '${o.value}', SurveyJS '${mine}'`);
    if (o.options) {
      const offered = (sq.visibleChoices as Array<{ value: unknown }>).map((c) => String(c.value)).filter((v) => v !== 'other');
      const odkOffered = o.options.filter((v) => v !== 'other');
      if (offered.join(' ') !== odkOffered.join(' ')) out.push(`${slot.key}: choices ODK [${odkOffered}], SurveyJS [${offered}]`);
    }
    if (q.type === 'expression' || mine === '') continue;
    // Answered, so a failing check is the constraint (or the whole-number rule), never `required`.
    const violated = sq.hasErrors(false);
    if (violated === o.constraintValid)
      out.push(
        `${slot.key}: constraint ODK ${o.constraintValid ? 'valid' : 'violated'}, SurveyJS ${violated ? 'violated' : 'valid'} (value ${mine})`,
      );
  }
  return out;
}
