// Compiling a questionnaire version into a validation plan: built once per version from one
// survey-core model, then used for every response without building another. The plan keeps the
// question tree with what validating needs (conditions as survey-core runners, required flags,
// validators, choice sets, limits, comment keys, calculated values) and nothing of the layout.
//
// The plan covers what the differential tests prove equal to the full model: a question type,
// property, choice property or validator the plan does not know (plan-properties.ts is an
// allowlist) is named when the version is compiled, and that version is validated with the full model.
import { ConditionRunner, ExpressionRunner, FunctionFactory, settings, type Question } from 'survey-core';
import { XPATH_FUNCTION_NAMES } from '../questionnaires/xpath-functions';
import { createModel, type Model } from '../questionnaires/model';
import { compileShapes, type ContainerShape } from './structural';
import { unknownProperties } from './plan-properties';

/** A condition or expression, with survey-core's runner; `null` when the property is empty. */
type Condition = ConditionRunner | null;

interface ElementPlan {
  /** The static `visible` flag; a `visibleIf` replaces it whenever conditions run, as in survey-core. */
  visible: boolean;
  visibleIf: Condition;
  readOnly: boolean;
  enableIf: Condition;
}

export interface ContainerPlan extends ElementPlan {
  kind: 'container';
  elements: Array<ContainerPlan | QuestionPlan>;
}

export interface ValidatorPlan {
  /** survey-core's validator object: its `validate` and error texts are used as they are. */
  validator: any;
  /** For expression validators: the condition, run in the plan's context. */
  expression: Condition;
}

export interface QuestionPlan extends ElementPlan {
  kind: 'question';
  /** The compile-time question: error messages are taken from it, in the response's language. */
  question: Question;
  type: string;
  name: string;
  isRequired: boolean;
  requiredIf: Condition;
  validators: ValidatorPlan[];
  /** Select questions with an "other" item whose text goes to `<name>-Comment`. */
  other: { value: unknown; commentKey: string } | null;
  /** Select questions with fixed choices: every value offered (other and none included). */
  choices: unknown[] | null;
  /** Number inputs: survey-core's own min/max check. */
  min: number | null;
  max: number | null;
  minSelected: number;
  noneValues: unknown[];
  /** Choices carried forward from another question: the values allowed depend on its answer. */
  carry: { from: string; mode: string; own: unknown[] } | null;
  /** Single-choice matrix with eachRowRequired: the row keys. */
  requiredRows: string[] | null;
  /** Multiple text items. */
  items: QuestionPlan[];
  /** Dynamic panel: the template and how many panels survey-core makes when no answer is given. */
  template: ContainerPlan | null;
  panelCount: number;
  minPanelCount: number;
  /** Matrix dropdown / dynamic: one question plan per column, the fixed rows or the default row count. */
  columns: QuestionPlan[];
  rows: string[] | null;
  rowCount: number;
}

export interface CalculatedPlan {
  name: string;
  expression: ExpressionRunner;
  includeIntoResult: boolean;
}

export interface ValidationPlan {
  /** Kept for messages (its locale is switched only while error texts are read) and structural checks. */
  model: Model;
  /** The structural checks (shapes, choices, lengths, unknown keys), read once. */
  shapes: ContainerShape;
  pages: ContainerPlan[];
  /** Every question outside dynamic panels and matrices, in document order. */
  top: QuestionPlan[];
  hasPanels: boolean;
  calculated: CalculatedPlan[];
  /** survey-level clearInvisibleValues: 'onComplete', 'onHidden' or 'none'. */
  clearInvisible: string;
}

export type CompiledValidation = { path: 'plan'; plan: ValidationPlan } | { path: 'model'; reasons: string[] };

/** Question types the plan validates; any other type sends the version to the full model. */
const TYPES = new Set([
  'text',
  'comment',
  'radiogroup',
  'dropdown',
  'checkbox',
  'tagbox',
  'boolean',
  'rating',
  'html',
  'image',
  'matrix',
  'multipletext',
  'paneldynamic',
  'matrixdropdown',
  'matrixdynamic',
]);
const CELL_TYPES = new Set(['text', 'comment', 'radiogroup', 'dropdown', 'checkbox', 'tagbox', 'boolean', 'rating']);
const NUMERIC_INPUTS = new Set(['number', 'range']);
/** survey-core's built-in functions that read only their arguments (no survey, no question state). */
const PURE_FUNCTIONS = new Set([
  'sum',
  'min',
  'max',
  'count',
  'avg',
  'round',
  'trunc',
  'iif',
  'getDate',
  'age',
  'dateDiff',
  'dateAdd',
  'currentDate',
  'today',
  'getYear',
  'currentYear',
  'diffDays',
  'year',
  'month',
  'day',
  'weekday',
  'substring',
  ...XPATH_FUNCTION_NAMES,
]);
/** survey-core variables that come from the running model, not from the answers. */
const MODEL_VARIABLES = new Set([
  'pageno',
  'pagecount',
  'correctedanswers',
  'correctanswers',
  'correctedanswercount',
  'incorrectedanswers',
  'incorrectanswers',
  'incorrectedanswercount',
  'questioncount',
  'panelindex',
  'visiblepanelindex',
  'parentpanel',
  'prevpanel',
  'nextpanel',
  'rowindex',
  'visiblerowindex',
  'rowname',
  'rowtitle',
  'rowvalue',
  'prevrow',
  'nextrow',
]);
/** What compiling collects: every reason the version cannot take the plan. */
interface Compiler {
  reasons: string[];
}

function refuse(c: Compiler, reason: string): void {
  if (!c.reasons.includes(reason)) c.reasons.push(reason);
}

/** Checks one expression and returns survey-core's runner for it. */
function compileExpression<T extends ConditionRunner | ExpressionRunner>(
  c: Compiler,
  runner: T,
  where: string,
  inside: 'panel' | 'row' | null,
): T {
  const expression = runner.expression;
  if (runner.isAsync) refuse(c, `${where}: asynchronous function in "${expression}"`);
  for (const name of functionNames(expression))
    if (!PURE_FUNCTIONS.has(name)) refuse(c, `${where}: function ${name}() in "${expression}" reads the running model`);
  for (const variable of runner.getVariables()) {
    const first = variable.split(/[.[]/)[0]!.toLowerCase();
    if (variable.startsWith(settings.expressionElementPropertyPrefix)) refuse(c, `${where}: element property {${variable}}`);
    else if (MODEL_VARIABLES.has(first)) refuse(c, `${where}: model variable {${variable}}`);
    else if (first.endsWith(settings.expressionVariables.unwrapPostfix)) refuse(c, `${where}: unwrapped value {${variable}}`);
    else if ((first === 'panel' || first === 'row') && first !== inside) refuse(c, `${where}: {${variable}} outside its container`);
  }
  return runner;
}

function functionNames(expression: string): string[] {
  const names: string[] = [];
  for (const m of expression.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)) {
    const name = m[1]!;
    if (FunctionFactory.Instance.hasFunction(name)) names.push(name);
    else if (!['and', 'or', 'not', 'contains', 'notcontains', 'anyof', 'allof', 'empty', 'notempty'].includes(name.toLowerCase()))
      names.push(name);
  }
  return names;
}

function condition(c: Compiler, expression: unknown, where: string, inside: 'panel' | 'row' | null): Condition {
  if (typeof expression !== 'string' || expression.trim() === '') return null;
  return compileExpression(c, new ConditionRunner(expression), where, inside);
}

/** Refuses every property of a survey-core object the plan does not know (plan-properties.ts). */
function checkProperties(c: Compiler, obj: any, where: string, alsoClass?: string): void {
  const json = obj.toJSON() as unknown;
  if (!json || typeof json !== 'object') return; // an item written as its bare value
  for (const prop of unknownProperties(obj.getType(), json as Record<string, unknown>, alsoClass)) refuse(c, `${where}: ${prop}`);
}

/** The choices, rows or columns of a question: each may carry only a value and a text. */
function checkItems(c: Compiler, items: unknown, where: string, what: string): void {
  for (const item of (items ?? []) as any[]) checkProperties(c, item, `${where} ${what} '${String(item.value)}'`);
}

/** The JSON of an element as written, found by name (the model normalizes legacy spellings). */
function jsonOf(element: any): Record<string, unknown> {
  return element.toJSON() as Record<string, unknown>;
}

function elementBase(c: Compiler, el: any, where: string, inside: 'panel' | 'row' | null): ElementPlan {
  return {
    visible: el.visible !== false,
    visibleIf: condition(c, el.visibleIf, where, inside),
    readOnly: el.readOnly === true,
    enableIf: condition(c, el.enableIf, where, inside),
  };
}

function compileContainer(c: Compiler, container: any, where: string, inside: 'panel' | 'row' | null): ContainerPlan {
  checkProperties(c, container, where);
  if (container.requiredIf || container.isRequired) refuse(c, `${where}: a required panel`);
  const elements: ContainerPlan['elements'] = [];
  for (const el of container.elements as any[]) {
    const name = `${el.isPanel ? 'panel' : 'question'} '${el.name}'`;
    elements.push(el.isPanel ? compileContainer(c, el, name, inside) : compileQuestion(c, el, name, inside));
  }
  return { kind: 'container', ...elementBase(c, container, where, inside), elements };
}

function validatorsOf(c: Compiler, q: any, where: string, inside: 'panel' | 'row' | null): ValidatorPlan[] {
  return ((q.validators ?? []) as any[]).map((v) => {
    const type = v.getType();
    checkProperties(c, v, `${where} ${type}`);
    if (
      !['numericvalidator', 'textvalidator', 'answercountvalidator', 'regexvalidator', 'emailvalidator', 'expressionvalidator'].includes(
        type,
      )
    )
      refuse(c, `${where}: ${type}`);
    return { validator: v, expression: type === 'expressionvalidator' ? condition(c, v.expression, where, inside) : null };
  });
}

function compileQuestion(
  c: Compiler,
  q: any,
  where: string,
  inside: 'panel' | 'row' | null,
  fallbackChoices: unknown[] = [],
): QuestionPlan {
  const type: string = q.getType();
  const json = jsonOf(q);
  if (!TYPES.has(type)) refuse(c, `${where}: question type '${type}'`);
  else checkProperties(c, q, where);
  if (q.customWidget) refuse(c, `${where}: custom widget`);
  const plan: QuestionPlan = {
    kind: 'question',
    ...elementBase(c, q, where, inside),
    question: q,
    type,
    name: q.getValueName(),
    isRequired: q.isRequired === true,
    requiredIf: condition(c, q.requiredIf, where, inside),
    validators: validatorsOf(c, q, where, inside),
    other: null,
    choices: null,
    min: null,
    max: null,
    minSelected: 0,
    noneValues: [],
    carry: null,
    requiredRows: null,
    items: [],
    template: null,
    panelCount: 0,
    minPanelCount: 0,
    columns: [],
    rows: null,
    rowCount: 0,
  };
  if (['radiogroup', 'dropdown', 'checkbox', 'tagbox'].includes(type)) {
    checkItems(c, q.choices, where, 'choice');
    if (q.showOtherItem) plan.other = { value: q.otherItem.value, commentKey: q.getValueName() + settings.commentSuffix };
    if (q.showOtherItem && q.hasComment) refuse(c, `${where}: both an "other" item and a comment`);
    if (q.showNoneItem) plan.noneValues.push(q.noneItem.value);
    if (q.showRefuseItem || q.showDontKnowItem) refuse(c, `${where}: refuse / don't know items`);
    if (type === 'checkbox' || type === 'tagbox') plan.minSelected = q.minSelectedChoices ?? 0;
    if (q.showSelectAllItem) refuse(c, `${where}: select-all item`);
    // The "other" and "none" items are offered whatever the choices are.
    const items = [...(q.showOtherItem ? [q.otherItem.value] : []), ...(q.showNoneItem ? [q.noneItem.value] : [])];
    if (q.choicesFromQuestion) {
      plan.carry = { from: q.choicesFromQuestion, mode: q.choicesFromQuestionMode ?? 'all', own: items };
      if (q.choices?.length) refuse(c, `${where}: own choices beside carried-forward ones`);
    } else {
      const own = ((q.choices ?? []) as any[]).map((choice) => choice.value);
      plan.choices = [...(own.length ? own : fallbackChoices), ...items];
    }
  }
  if (type === 'text') {
    const inputType = q.inputType as string;
    if (NUMERIC_INPUTS.has(inputType)) {
      plan.min = typeof q.min === 'number' ? q.min : null;
      plan.max = typeof q.max === 'number' ? q.max : null;
    } else if ((q.min !== undefined && q.min !== '') || (q.max !== undefined && q.max !== '')) {
      if (json.min !== undefined || json.max !== undefined) refuse(c, `${where}: min/max on a ${inputType} input`);
    }
  }
  if (type === 'matrix') {
    if (q.eachRowRequired || q.isAllRowRequired) plan.requiredRows = (q.rows as any[]).map((r) => String(r.value));
    checkItems(c, q.rows, where, 'row');
    checkItems(c, q.columns, where, 'column');
  }
  if (type === 'multipletext') {
    plan.items = (q.items as any[]).map((item) => {
      checkProperties(c, item, `${where} item '${item.name}'`);
      return compileQuestion(c, item.editor, `${where} item '${item.name}'`, inside);
    });
  }
  if (type === 'paneldynamic') {
    if (inside) refuse(c, `${where}: a dynamic panel inside another container`);
    plan.template = compileContainer(c, q.template, `${where} template`, 'panel');
    plan.panelCount = q.panelCount ?? 0;
    plan.minPanelCount = q.minPanelCount ?? 0;
  }
  if (type === 'matrixdropdown' || type === 'matrixdynamic') {
    if (inside) refuse(c, `${where}: a matrix inside another container`);
    if (q.detailPanel?.elements?.length) refuse(c, `${where}: detail panel`);
    plan.columns = (q.columns as any[]).map((col) => {
      const cell = col.templateQuestion;
      const cellWhere = `${where} column '${col.name}'`;
      if (!CELL_TYPES.has(cell.getType())) refuse(c, `${cellWhere}: cell type '${cell.getType()}'`);
      checkProperties(c, col, cellWhere, cell.getType());
      if (col.visibleIf || col.enableIf || col.requiredIf) refuse(c, `${cellWhere}: a column with its own condition`);
      if (cell.showOtherItem) refuse(c, `${cellWhere}: an "other" item in a cell`);
      return compileQuestion(
        c,
        cell,
        cellWhere,
        'row',
        ((q.choices ?? []) as any[]).map((choice) => choice.value),
      );
    });
    if (type === 'matrixdropdown') plan.rows = (q.rows as any[]).map((r) => String(r.value));
    checkItems(c, q.rows, where, 'row');
    checkItems(c, q.choices, where, 'choice');
    if (type === 'matrixdynamic') plan.rowCount = q.rowCount ?? 0;
  }
  return plan;
}

function compileCalculated(c: Compiler, model: Model): CalculatedPlan[] {
  return (model.calculatedValues as any[]).map(
    (cv) => (
      checkProperties(c, cv, `calculated value '${cv.name}'`),
      {
        name: cv.name,
        expression: compileExpression(c, new ExpressionRunner(cv.expression ?? ''), `calculated value '${cv.name}'`, null),
        includeIntoResult: cv.includeIntoResult === true,
      }
    ),
  );
}

/** Compiles a version, or names every construct that keeps it on the full model. */
export function compileValidation(definition: Record<string, unknown>, built?: Model): CompiledValidation {
  try {
    return compile(definition, built);
  } catch (e) {
    // A definition survey-core loads but the compiler trips on stays on the full model.
    return { path: 'model', reasons: [`the plan compiler failed: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

function compile(definition: Record<string, unknown>, built?: Model): CompiledValidation {
  const c: Compiler = { reasons: [] };
  const model = built ?? createModel(definition);
  for (const prop of unknownProperties('survey', model.toJSON() as Record<string, unknown>)) refuse(c, `survey: ${prop}`);
  if (model.isDisplayMode) refuse(c, 'survey: display mode');
  const clearInvisible = model.clearInvisibleValues as string;
  if (!['onComplete', 'onHidden', 'none'].includes(clearInvisible)) refuse(c, `survey: clearInvisibleValues '${clearInvisible}'`);
  for (const trigger of model.triggers as any[])
    if (trigger.getType() !== 'completetrigger') refuse(c, `survey: ${trigger.getType()}`);
    else checkProperties(c, trigger, 'survey: completetrigger');
  const names = new Map<string, number>();
  for (const q of model.getAllQuestions(false, false, false) as Question[])
    names.set(q.getValueName().toLowerCase(), (names.get(q.getValueName().toLowerCase()) ?? 0) + 1);
  for (const [name, count] of names) if (count > 1) refuse(c, `survey: ${count} questions share the value name '${name}'`);
  const pages = (model.pages as any[]).map((page) => compileContainer(c, page, `page '${page.name}'`, null));
  const calculated = compileCalculated(c, model);
  if (clearInvisible === 'onHidden' && pages.some(hasNestedConditions))
    refuse(c, 'survey: clearInvisibleValues onHidden with conditions inside dynamic panels or matrices');
  if (c.reasons.length) return { path: 'model', reasons: c.reasons };
  const top: QuestionPlan[] = [];
  const collect = (n: ContainerPlan | QuestionPlan): void => void (n.kind === 'container' ? n.elements.forEach(collect) : top.push(n));
  pages.forEach(collect);
  return {
    path: 'plan',
    plan: { model, shapes: compileShapes(model), pages, top, hasPanels: top.some((q) => q.template), calculated, clearInvisible },
  };
}

function hasNestedConditions(node: ContainerPlan | QuestionPlan): boolean {
  if (node.kind === 'container') return node.elements.some(hasNestedConditions);
  const nested = [...(node.template ? [node.template] : []), ...node.columns, ...node.items];
  const conditional = (n: ContainerPlan | QuestionPlan): boolean =>
    Boolean(n.visibleIf || n.enableIf || (n.kind === 'question' && n.requiredIf)) ||
    (n.kind === 'container' && n.elements.some(conditional));
  return nested.some(conditional);
}
