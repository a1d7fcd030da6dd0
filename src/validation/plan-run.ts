// Validating one response with a compiled plan: the same verdict, error paths and types, and
// cleaned data as survey-core's full model (proven by tests/validation/differential.test.ts),
// without building a model. The order of work follows survey-core's:
//   1. calculated values, then every condition, on the answers as sent;
//   2. with clearInvisibleValues "onHidden", answers of questions that the answers themselves hide
//      are cleared first (survey-core clears them while the data is being assigned);
//   3. errors of the questions that are visible and not read-only, in document order;
//   4. on success, answers hidden by skip logic are dropped until nothing more hides.
import { AnswerRequiredError, Helpers } from 'survey-core';
import { silently } from '../questionnaires/model';
import { checkShapes, isObject, join, shapeSafe } from './structural';
import { droppedPaths } from './validate';
import type { FieldError, ValidationMode, ValidationResult } from './types';
import { holdsWhen } from '../questionnaires/withdrawal';
import { itemContext, surveyContext, type PlanContext } from './plan-context';
import type { ContainerPlan, QuestionPlan, ValidationPlan } from './plan-compile';
import {
  clearable,
  clearIncorrect,
  clearNestedHidden,
  clearUnusedComments,
  deleteAnswers,
  isEmpty,
  isOtherSelected,
  withoutEmptyCells,
  withoutIncorrect,
} from './plan-clean';

type Json = Record<string, unknown>;

/** An error found by the plan; its message is read from survey-core once the locale is set. */
interface PlanError {
  path: string;
  type: string;
  message: () => string;
}

interface Walk {
  ctx: PlanContext;
  /** Collect errors (validation) or only visibility (clearing rounds). */
  errors: PlanError[] | null;
  hidden: string[];
  /** The hidden ones inside dynamic panels and matrices. */
  hiddenNested: string[];
  /** Paths of questions hidden by their own condition or flag (for onHidden clearing). */
  ownHidden: Set<string>;
}

const run = (cond: { runContext(ctx: unknown, props: unknown): boolean } | null, ctx: PlanContext) =>
  cond ? cond.runContext(ctx, {}) : undefined;

function ownVisible(node: ContainerPlan | QuestionPlan, ctx: PlanContext): boolean {
  return node.visibleIf ? run(node.visibleIf, ctx) === true : node.visible;
}

function ownReadOnly(node: ContainerPlan | QuestionPlan, ctx: PlanContext): boolean {
  return node.enableIf ? run(node.enableIf, ctx) === false : node.readOnly;
}

function walkContainer(node: ContainerPlan, w: Walk, container: Json, base: string, parentVisible: boolean, parentReadOnly: boolean): void {
  const visible = parentVisible && ownVisible(node, w.ctx);
  const readOnly = parentReadOnly || ownReadOnly(node, w.ctx);
  for (const el of node.elements) {
    if (el.kind === 'container') walkContainer(el, w, container, base, visible, readOnly);
    else walkQuestion(el, w, container, base, visible, readOnly);
  }
}

function walkQuestion(q: QuestionPlan, w: Walk, container: Json, base: string, parentVisible: boolean, parentReadOnly: boolean): void {
  const path = join(base, q.name);
  const own = ownVisible(q, w.ctx);
  const readOnly = parentReadOnly || ownReadOnly(q, w.ctx);
  if (!own) w.ownHidden.add(path);
  if (!own || !parentVisible) {
    w.hidden.push(path);
    if (base) w.hiddenNested.push(path);
  }
  const value = container[q.name];
  if (w.errors && own && parentVisible && !readOnly) checkQuestion(q, w, value, container, path);
  // survey-core checks nothing inside a question whose page or panel is hidden, but counts a nested
  // question as hidden by its own condition and its dynamic panel's or matrix's only.
  walkNested(q, parentVisible ? w : { ...w, errors: null }, value, path, own, readOnly);
}

/** Questions inside dynamic panels, matrices and multiple text, each with its path. */
function walkNested(q: QuestionPlan, w: Walk, value: unknown, path: string, visible: boolean, readOnly: boolean): void {
  if (q.template) {
    panelsOf(q, value).forEach((panel, i) => {
      const inner: Walk = { ...w, ctx: itemContext('panel', panel, w.ctx) };
      walkContainer(q.template!, inner, panel, `${path}[${i}]`, visible, readOnly);
    });
  } else if (q.columns.length) {
    for (const [key, row] of rowsOf(q, value)) {
      const inner: Walk = { ...w, ctx: itemContext('row', row, w.ctx) };
      for (const col of q.columns) walkQuestion(col, inner, row, q.rows ? `${path}.${key}` : `${path}[${key}]`, visible, readOnly);
    }
  } else if (q.items.length) {
    const obj = isObject(value) ? value : {};
    for (const item of q.items) walkQuestion(item, w, obj, path, visible, readOnly);
  }
}

/** The panels survey-core makes: one per answered panel, else `panelCount` (at least `minPanelCount`) empty ones. */
function panelsOf(q: QuestionPlan, value: unknown): Json[] {
  const given = Array.isArray(value) ? value.map((p) => (isObject(p) ? p : {})) : [];
  const count = Math.max(given.length || q.panelCount, q.minPanelCount);
  while (given.length < count) given.push({});
  return given;
}

function rowsOf(q: QuestionPlan, value: unknown): Array<[string, Json]> {
  if (q.rows) {
    const obj = isObject(value) ? value : {};
    return q.rows.map((r) => [r, isObject(obj[r]) ? (obj[r] as Json) : {}]);
  }
  const given = Array.isArray(value) ? value.map((r) => (isObject(r) ? r : {})) : [];
  const count = Array.isArray(value) ? given.length : q.rowCount;
  while (given.length < count) given.push({});
  return given.map((row, i) => [String(i), row]);
}

function isRequired(q: QuestionPlan, ctx: PlanContext): boolean {
  return q.requiredIf ? run(q.requiredIf, ctx) === true : q.isRequired;
}

function checkQuestion(q: QuestionPlan, w: Walk, given: unknown, container: Json, path: string): void {
  const errors: PlanError[] = [];
  const value = q.choices && !q.other ? withoutIncorrect(given, q.choices) : given;
  const question = q.question as any;
  // survey-core trims answers unless allowSpaceAsAnswer, which the compiler refuses.
  if (isRequired(q, w.ctx) && isEmpty(value))
    errors.push({ path, type: 'required', message: () => new AnswerRequiredError(question.requiredErrorText, question).getText() });
  if (q.other && isOtherSelected(q, value) && !container[q.other.commentKey])
    errors.push({
      path,
      type: 'otherempty',
      message: () => question.otherErrorText || question.getLocalizationString('otherRequiredError'),
    });
  if (q.min !== null || q.max !== null) {
    const n = typeof value === 'number' ? value : NaN;
    if (!isEmpty(value) && q.min !== null && n < q.min)
      errors.push({ path, type: 'custom', message: () => question.getMinMaxErrorText(question.minErrorText, q.min) });
    else if (!isEmpty(value) && q.max !== null && n > q.max)
      errors.push({ path, type: 'custom', message: () => question.getMinMaxErrorText(question.maxErrorText, q.max) });
  }
  if (q.minSelected > 0) {
    const len = Array.isArray(value) ? value.length : 0;
    const onlyNone = len === 1 && q.noneValues.some((v) => Helpers.isTwoValueEquals(v, (value as unknown[])[0]));
    if (!onlyNone && len < q.minSelected)
      errors.push({ path, type: 'custom', message: () => question.getLocalizationFormatString('minSelectError', q.minSelected) });
  }
  if (q.requiredRows) {
    const rows = isObject(value) ? value : {};
    if (q.requiredRows.some((row) => isEmpty(rows[row])))
      errors.push({ path, type: 'requiredinallrowserror', message: () => question.getLocalizationString('requiredInAllRowsError') });
  }
  // survey-core runs the validators of an unanswered question too: the built-in ones pass an empty
  // value, an expression validator is evaluated whatever the value.
  if (errors.length === 0) errors.push(...runValidators(q, w, value, path));
  w.errors!.push(...errors);
}

function runValidators(q: QuestionPlan, w: Walk, value: unknown, path: string): PlanError[] {
  const out: PlanError[] = [];
  const question = q.question as any;
  for (const { validator, expression } of q.validators) {
    if (expression) {
      if (run(expression, w.ctx) !== true)
        out.push({ path, type: 'custom', message: () => validator.getErrorText(question.getValidatorTitle()) });
      continue;
    }
    if (isEmpty(value)) continue;
    const check = () => validator.validate(value, question.getValidatorTitle(), {})?.error;
    const error = check();
    // The text is read again once the response's locale is set: survey-core fixes it at creation.
    if (error) out.push({ path, type: error.getErrorType(), message: () => check().getText() });
  }
  return out;
}

/** Calculated values, in order, re-run until they settle (they may read each other). */
function calculate(plan: ValidationPlan, data: Json, locale: string): Json {
  const variables: Json = {};
  for (let round = 0; round < Math.max(1, plan.calculated.length); round++) {
    let changed = false;
    const ctx = surveyContext(data, variables, locale);
    for (const cv of plan.calculated) {
      const value = cv.expression.runContext(ctx as never, {});
      if (!Helpers.isTwoValueEquals(variables[cv.name], value)) {
        variables[cv.name] = value;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return variables;
}

function walkAll(plan: ValidationPlan, data: Json, locale: string, collect: boolean): Walk {
  const w: Walk = {
    ctx: surveyContext(data, calculate(plan, data, locale), locale),
    errors: collect ? [] : null,
    hidden: [],
    hiddenNested: [],
    ownHidden: new Set(),
  };
  for (const page of plan.pages) walkContainer(page, w, data, '', true, false);
  return w;
}

/** Top-level answers to delete: the question is hidden and the answer not empty. */
function hiddenTopLevel(plan: ValidationPlan, walk: Walk, data: Json, own: boolean): string[] {
  const hidden = own ? walk.ownHidden : new Set(walk.hidden);
  const out: string[] = [];
  for (const q of plan.top) {
    if (hidden.has(q.name) && clearable(data[q.name])) out.push(q.name);
  }
  return out;
}

function messages(plan: ValidationPlan, errors: PlanError[], locale: string): FieldError[] {
  const model = plan.model;
  const before = model.locale;
  try {
    if (locale !== before) model.locale = locale;
    return errors.map((e) => ({ path: e.path, type: e.type, message: e.message() }));
  } finally {
    if (model.locale !== before) model.locale = before;
  }
}

/**
 * The plan's verdict on one response: the same contract as the full model's validateResponse.
 * survey-core's console output is silenced throughout (it may quote answers; see `silently`).
 */
export function validateWithPlan(plan: ValidationPlan, data: Json, locale: string, mode: ValidationMode): ValidationResult {
  return silently(() => verdict(plan, data, locale, mode));
}

function verdict(plan: ValidationPlan, data: Json, locale: string, mode: ValidationMode): ValidationResult {
  const structural = checkShapes(plan.shapes, data, locale);
  if (mode === 'draft') return { ok: structural.length === 0, errors: structural, data, dropped: [], hidden: [] };

  // As on the full model: rules are evaluated on the answers of the right shape only.
  let working = clearIncorrect(plan, structural.length ? shapeSafe(plan.shapes, data) : data);
  if (plan.clearInvisible === 'onHidden') {
    const initial = hiddenWhenEmpty(plan, locale);
    for (let round = 0; round < 20; round++) {
      const walk = walkAll(plan, working, locale, false);
      const clear = hiddenTopLevel(plan, walk, working, true).filter((name) => !initial.has(name));
      if (clear.length === 0) break;
      working = deleteAnswers(working, clear, plan);
    }
  }
  const walk = walkAll(plan, working, locale, true);
  const structuralPaths = new Set(structural.map((e) => e.path));
  const own = walk.errors!.filter((e) => !structuralPaths.has(e.path) && holdsWhen(mode, e));
  if (structural.length || own.length)
    return { ok: false, errors: [...structural, ...messages(plan, own, locale)], data, dropped: [], hidden: [] };

  const hidden = walk.hidden;
  let clean = working;
  if (plan.clearInvisible !== 'none') {
    let current: Walk = walk;
    for (let round = 0; round < 20; round++) {
      const drop = hiddenTopLevel(plan, current, clean, false);
      if (drop.length === 0) break;
      clean = deleteAnswers(clean, drop, plan);
      current = walkAll(plan, clean, locale, false);
    }
    if (plan.hasPanels && current.hiddenNested.length) clean = clearNestedHidden(plan, clean, current.hiddenNested);
  }
  clean = withResults(plan, clearUnusedComments(plan, withoutEmptyCells(plan, clean)), locale);
  return { ok: true, errors: [], data: clean, dropped: clean === data ? [] : droppedPaths(data, clean), hidden };
}

/** Questions hidden before any answer (what a fresh model starts from), once per plan and locale. */
const emptyHidden = new WeakMap<ValidationPlan, Map<string, Set<string>>>();
function hiddenWhenEmpty(plan: ValidationPlan, locale: string): Set<string> {
  let byLocale = emptyHidden.get(plan);
  if (!byLocale) emptyHidden.set(plan, (byLocale = new Map()));
  let hidden = byLocale.get(locale);
  if (!hidden) byLocale.set(locale, (hidden = walkAll(plan, {}, locale, false).ownHidden));
  return hidden;
}

/** Calculated values marked includeIntoResult are stored with the answers. */
function withResults(plan: ValidationPlan, data: Json, locale: string): Json {
  const included = plan.calculated.filter((cv) => cv.includeIntoResult);
  if (included.length === 0) return data;
  const variables = calculate(plan, data, locale);
  const out = { ...data };
  for (const cv of included) {
    if (isEmpty(variables[cv.name], false)) delete out[cv.name];
    else out[cv.name] = variables[cv.name];
  }
  return out;
}
