// How survey-core changes the answers it is given, reproduced for the compiled plan: a select answer
// outside its choices cleared or read as "other" before the rules run; after a successful
// validation, answers of hidden questions deleted (with their "other" text), hidden answers inside
// dynamic panels cleared, "other" texts whose "other" is no longer picked dropped, and empty matrix
// cells removed. plan-run.ts decides when each step runs; this module only changes answers.
import { Helpers, type Question } from 'survey-core';
import { isObject } from './structural';
import type { ContainerPlan, QuestionPlan, ValidationPlan } from './plan-compile';

type Json = Record<string, unknown>;

/** survey-core's emptiness: undefined, null, '', NaN, [], an object of empty values; strings trimmed. */
export function isEmpty(value: unknown, trim = true): boolean {
  if (trim && typeof value === 'string') value = value.trim();
  return Helpers.isValueEmpty(value);
}

/**
 * Whether clearing an answer changes anything: survey-core sets the value to undefined, and '',
 * [] and null already compare equal to that, so they stay in the data.
 */
export const clearable = (value: unknown) => !Helpers.isTwoValueEquals(undefined, value, false, false);

/**
 * survey-core clears a select answer outside the choices before checking the question (the
 * structural check reports it; this keeps the other errors the same as survey-core's).
 */
export function withoutIncorrect(value: unknown, choices: unknown[]): unknown {
  if (Array.isArray(value)) {
    const kept = value.filter((v) => isChoice(v, choices));
    return kept.length === value.length ? value : kept;
  }
  return isEmpty(value) || isChoice(value, choices) ? value : undefined;
}

/**
 * How survey-core reads a select answer of a question offering "other" whose values are not all
 * among the choices: those values become the "other" value (once), the first of them its text.
 * Undefined when every value is a choice.
 */
function readAsOther(value: unknown, choices: unknown[], other: unknown): { value: unknown; text: unknown } | undefined {
  const values = Array.isArray(value) ? value : [value];
  const unknown = values.filter((v) => !isChoice(v, choices));
  if (unknown.length === 0) return undefined;
  if (!Array.isArray(value)) return { value: other, text: value };
  const known = value.filter((v) => isChoice(v, choices));
  return { value: known.some((v) => Helpers.isTwoValueEquals(v, other)) ? known : [...known, other], text: unknown[0] };
}

function isChoice(value: unknown, choices: unknown[]): boolean {
  for (const c of choices) if (Helpers.isTwoValueEquals(c, value)) return true;
  return false;
}

export function isOtherSelected(q: QuestionPlan, value: unknown): boolean {
  const other = q.other!.value;
  return Array.isArray(value) ? value.some((v) => Helpers.isTwoValueEquals(v, other)) : Helpers.isTwoValueEquals(value, other);
}

export function deleteAnswers(data: Json, names: string[], plan: ValidationPlan): Json {
  const next = { ...data };
  for (const name of names) {
    delete next[name];
    const q = plan.top.find((t) => t.name === name);
    if (q?.other && clearable(next[q.other.commentKey])) delete next[q.other.commentKey];
  }
  return next;
}

/** Answers hidden inside dynamic panels are cleared at completion too, with their "other" text. */
export function clearNestedHidden(plan: ValidationPlan, data: Json, hiddenNested: readonly string[]): Json {
  const hidden = new Set(hiddenNested);
  let out = data;
  for (const q of plan.top) {
    if (!q.template || !Array.isArray(data[q.name])) continue;
    const owners = commentOwners(q.template);
    const panels = (data[q.name] as unknown[]).map((panel, i) => {
      if (!isObject(panel)) return panel;
      const isHidden = (key: string) => hidden.has(`${q.name}[${i}].${owners.get(key) ?? key}`);
      const kept: Json = {};
      for (const [key, v] of Object.entries(panel)) if (!isHidden(key) || !clearable(v)) kept[key] = v;
      return kept;
    });
    out = { ...out, [q.name]: panels };
  }
  return out;
}

/** The question each "other" text key of a container belongs to, once per container. */
const commentOwnersOf = new WeakMap<ContainerPlan, Map<string, string>>();
function commentOwners(node: ContainerPlan): Map<string, string> {
  let owners = commentOwnersOf.get(node);
  if (!owners) {
    owners = new Map();
    const add = (c: ContainerPlan) => {
      for (const el of c.elements) {
        if (el.kind === 'container') add(el);
        else if (el.other) owners!.set(el.other.commentKey, el.name);
      }
    };
    add(node);
    commentOwnersOf.set(node, owners);
  }
  return owners;
}

/**
 * An "other" text whose question no longer has "other" picked is dropped (survey-core's
 * clearUnusedValues). survey-core does that for the questions of the survey only: inside dynamic
 * panels the text stays, and so it does here.
 */
export function clearUnusedComments(plan: ValidationPlan, data: Json): Json {
  let out = data;
  for (const q of plan.top) {
    if (q.other && clearable(data[q.other.commentKey]) && !isOtherSelected(q, data[q.name])) {
      if (out === data) out = { ...data };
      delete out[q.other.commentKey];
    }
  }
  return out;
}

/**
 * Matrix dropdown / dynamic answers as survey-core keeps them: an empty cell is removed from its
 * row; a fixed row left empty by that is removed; a matrix left with nothing is removed.
 */
export function withoutEmptyCells(plan: ValidationPlan, data: Json): Json {
  let out = data;
  for (const q of plan.top) {
    const value = data[q.name];
    if (!q.columns.length || !hasEmptyCell(value)) continue;
    const cleanRow = (row: unknown) => (isObject(row) ? Object.fromEntries(Object.entries(row).filter(([, v]) => !isEmpty(v))) : row);
    let next: unknown;
    if (Array.isArray(value)) {
      const rows = value.map(cleanRow);
      next = rows.every((r) => isEmpty(r)) ? undefined : rows;
    } else if (isObject(value)) {
      const rows: Json = {};
      for (const [key, row] of Object.entries(value)) {
        const cleaned = cleanRow(row);
        if (!(isObject(row) && Object.keys(row).length > 0 && isEmpty(cleaned))) rows[key] = cleaned;
      }
      next = isEmpty(rows) ? undefined : rows;
    }
    out = { ...out };
    if (next === undefined) delete out[q.name];
    else out[q.name] = next;
  }
  return out;
}

function hasEmptyCell(value: unknown): boolean {
  const rows = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
  return rows.some((row) => isObject(row) && Object.values(row).some((v) => isEmpty(v)));
}

/**
 * survey-core clears a select answer that is not among the choices while it validates, and the
 * conditions after it then see no answer: a carried-forward option not picked in the source
 * question (kept out of the stored data), or a value outside fixed choices (which the structural
 * check reports, so the response is refused either way). Where the question offers "other", a
 * value outside the choices is taken as "other" instead (its text), and conditions see that.
 */
export function clearIncorrect(plan: ValidationPlan, data: Json): Json {
  let out = data;
  for (const q of plan.top) {
    if (isEmpty(data[q.name])) continue;
    const value = data[q.name];
    if (!q.carry && q.other) {
      const asOther = q.choices ? readAsOther(value, q.choices, q.other.value) : undefined;
      if (!asOther) continue;
      const text = out[q.other.commentKey];
      out = { ...out, [q.name]: asOther.value, [q.other.commentKey]: isEmpty(text) ? asOther.text : text };
      continue;
    }
    const allowed = q.carry ? carriedValues(plan, q, data) : q.choices;
    if (!allowed) continue;
    // withoutIncorrect hands back the same value when it keeps all of it.
    const kept = withoutIncorrect(value, allowed);
    if (kept === value) continue;
    out = { ...out };
    if (kept === undefined) delete out[q.name];
    else out[q.name] = kept;
  }
  return out;
}

function carriedValues(plan: ValidationPlan, q: QuestionPlan, data: Json): unknown[] | null {
  const source = (plan.model.getQuestionByName(q.carry!.from) ?? null) as Question | null;
  if (!source) return null;
  const choices = (((source as any).choices ?? []) as Array<{ value: unknown }>).map((c) => c.value);
  const picked = data[source.getValueName()];
  const pickedList = Array.isArray(picked) ? picked : isEmpty(picked) ? [] : [picked];
  const isPicked = (v: unknown) => pickedList.some((p) => Helpers.isTwoValueEquals(p, v));
  const mode = q.carry!.mode;
  const values = mode === 'selected' ? choices.filter(isPicked) : mode === 'unselected' ? choices.filter((v) => !isPicked(v)) : choices;
  return [...values, ...q.carry!.own];
}
