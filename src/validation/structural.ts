// Checks survey-core does not make on a server: the shape of every value, choice membership
// (matrix cells too), maxLength, maxSelectedChoices, and keys that belong to no question at any
// depth. The question definitions are read once into plain "shapes" (compileShapes); checking a
// response walks the shapes beside the submitted value, touching no survey-core object.
import { settings, type Question, type Model } from 'survey-core';
import type { FieldError } from './types';
import { ownMessage, surveyMessage } from './messages';
import { DATE_FORMATS, isDateInput, isDateValue, type DateInput } from '../questionnaires/date-inputs';

type Json = Record<string, unknown>;

type Shape =
  | { kind: 'text'; maxLength: number; format?: DateInput }
  | { kind: 'number' }
  | { kind: 'boolean'; values: [unknown, unknown] }
  | { kind: 'choice'; allowed: Set<string> | null }
  | { kind: 'multi'; allowed: Set<string> | null; max: number }
  | { kind: 'file' }
  | { kind: 'any' }
  | { kind: 'matrix'; rows: Set<string>; columns: Set<string> }
  | { kind: 'multipletext'; items: Map<string, Shape> }
  | { kind: 'rows'; fixedRows: Set<string> | null; row: ContainerShape; max: number }
  | { kind: 'panels'; panel: ContainerShape; max: number };

/** The keys an object of answers may hold: question values, their comments, and extra keys. */
export interface ContainerShape {
  keys: Map<string, Shape>;
  /** `<name>-Comment` keys: free text. */
  comments: Set<string>;
  /** Calculated values and trigger targets: accepted as they are. */
  extra: Set<string>;
}

const NO_VALUE = new Set(['html', 'image']);
const MULTI_SELECT = new Set(['checkbox', 'tagbox', 'ranking']);
const SINGLE_SELECT = new Set(['radiogroup', 'dropdown', 'buttongroup']);

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const isEmpty = (v: unknown) => v === undefined || v === null;

/** Reads a version's question tree into shapes: once per version on the plan path, per response on the model path. */
export function compileShapes(model: Model): ContainerShape {
  const extra = new Set<string>();
  for (const cv of model.calculatedValues) if (cv.includeIntoResult) extra.add(cv.name);
  for (const trigger of model.triggers as unknown as Array<{ setToName?: string }>) if (trigger.setToName) extra.add(trigger.setToName);
  return containerShape(model.getAllQuestions(false, false, false) as Question[], extra);
}

function containerShape(questions: Question[], extra: Set<string>, cellFallback?: unknown[]): ContainerShape {
  const keys = new Map<string, Shape>();
  const comments = new Set<string>();
  for (const q of questions) {
    if (NO_VALUE.has(q.getType())) continue;
    keys.set(q.getValueName(), shapeOf(q, cellFallback));
    if (hasCommentKey(q)) comments.add(q.getValueName() + settings.commentSuffix);
  }
  return { keys, comments, extra };
}

function hasCommentKey(q: Question): boolean {
  const anyQ = q as unknown as { hasComment?: boolean; hasOther?: boolean };
  return Boolean(anyQ.hasComment || anyQ.hasOther);
}

function shapeOf(q: Question, fallback?: unknown[]): Shape {
  const type = q.getType();
  const anyQ = q as any;
  switch (type) {
    case 'text': {
      const inputType = anyQ.inputType as string;
      if (inputType === 'number' || inputType === 'range') return { kind: 'number' };
      return { kind: 'text', maxLength: q.getMaxLength(), format: isDateInput(inputType) ? inputType : undefined };
    }
    case 'comment':
      return { kind: 'text', maxLength: q.getMaxLength() };
    case 'signaturepad':
      return { kind: 'text', maxLength: 0 };
    case 'boolean':
      return { kind: 'boolean', values: [anyQ.getValueTrue?.() ?? true, anyQ.getValueFalse?.() ?? false] };
    case 'rating':
      return {
        kind: 'choice',
        allowed: new Set(((anyQ.visibleRateValues ?? []) as Array<{ value: unknown }>).map((r) => String(r.value))),
      };
    case 'imagepicker':
      return anyQ.multiSelect ? multiShape(q) : { kind: 'choice', allowed: allowedValues(q) };
    case 'matrix':
      return {
        kind: 'matrix',
        rows: new Set(((anyQ.rows ?? []) as Array<{ value: unknown }>).map((r) => String(r.value))),
        columns: new Set(((anyQ.columns ?? []) as Array<{ value: unknown }>).map((c) => String(c.value))),
      };
    case 'multipletext':
      return {
        kind: 'multipletext',
        items: new Map(((anyQ.items ?? []) as any[]).map((item) => [item.name as string, shapeOf(item.editor as Question)])),
      };
    case 'matrixdropdown':
    case 'matrixdynamic':
      return {
        kind: 'rows',
        fixedRows: type === 'matrixdropdown' ? new Set(((anyQ.rows ?? []) as Array<{ value: unknown }>).map((r) => String(r.value))) : null,
        row: rowShape(q),
        max: type === 'matrixdynamic' && Number.isFinite(anyQ.maxRowCount) ? (anyQ.maxRowCount as number) : 0,
      };
    case 'paneldynamic':
      return {
        kind: 'panels',
        panel: containerShape((anyQ.template?.questions ?? []) as Question[], new Set()),
        max: Number.isFinite(anyQ.maxPanelCount) ? (anyQ.maxPanelCount as number) : 0,
      };
    case 'file':
      return { kind: 'file' };
    case 'expression':
      return { kind: 'any' }; // recalculated by survey-core; whatever was sent is replaced
    default:
      if (SINGLE_SELECT.has(type)) return { kind: 'choice', allowed: allowedValues(q, fallback) };
      if (MULTI_SELECT.has(type)) return multiShape(q, fallback);
      return { kind: 'any' }; // custom component types: survey-core's own validators apply
  }
}

function multiShape(q: Question, fallback?: unknown[]): Shape {
  const max = (q as any).maxSelectedChoices as number | undefined;
  return { kind: 'multi', allowed: allowedValues(q, fallback), max: max && max > 0 ? max : 0 };
}

/** The values a select question accepts, or null when any is accepted or they cannot be known on the server. */
function allowedValues(q: Question, fallback?: unknown[]): Set<string> | null {
  const anyQ = q as any;
  // With storeOthersAsComment off, the "other" text is the value itself: any text is accepted.
  if (anyQ.showOtherItem && anyQ.getStoreOthersAsComment && !anyQ.getStoreOthersAsComment()) return null;
  if (anyQ.choicesByUrl?.url || anyQ.choicesFromQuestion) {
    const visible = (anyQ.visibleChoices ?? []) as Array<{ value: unknown }>;
    return anyQ.choicesByUrl?.url || visible.length === 0 ? null : new Set(visible.map((c) => String(c.value)));
  }
  const own = (anyQ.choices ?? []) as Array<{ value: unknown }>;
  const values = new Set<string>(own.length || !fallback ? own.map((c) => String(c.value)) : fallback.map(String));
  for (const [flag, item] of [
    ['showOtherItem', 'otherItem'],
    ['showNoneItem', 'noneItem'],
    ['showRefuseItem', 'refuseItem'],
    ['showDontKnowItem', 'dontKnowItem'],
  ] as const) {
    if (anyQ[flag] && anyQ[item]) values.add(String(anyQ[item].value));
  }
  return values;
}

/** A matrix row: one key per column (select cells fall back to the matrix's choices), comments, detail panel questions. */
function rowShape(q: Question): ContainerShape {
  const anyQ = q as any;
  const matrixChoices = ((anyQ.choices ?? []) as Array<{ value: unknown }>).map((c) => c.value);
  const keys = new Map<string, Shape>();
  const comments = new Set<string>();
  for (const col of anyQ.columns ?? []) {
    const cell = col.templateQuestion as Question;
    keys.set(col.name, shapeOf(cell, matrixChoices));
    if (hasCommentKey(cell)) comments.add(col.name + settings.commentSuffix);
  }
  const detail = containerShape((anyQ.detailPanel?.questions ?? []) as Question[], new Set());
  for (const [key, shape] of detail.keys) if (!keys.has(key)) keys.set(key, shape);
  return { keys, comments, extra: new Set() };
}

interface Ctx {
  errors: FieldError[];
  locale: string;
}

function emit(ctx: Ctx, path: string, type: string, message: string): void {
  ctx.errors.push({ path, type, message });
}

/** `base.key`, or `key` at the top. */
export function join(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}

/** Runs every structural check; returns the problems found, in the response's locale. */
export function checkShapes(shape: ContainerShape, data: Json, locale: string): FieldError[] {
  const ctx: Ctx = { errors: [], locale };
  checkContainer(shape, data, '', ctx);
  return ctx.errors;
}

/** The full-model path: compiles the shapes of this model and checks the response. */
export function structuralErrors(model: Model, data: Json, locale: string): FieldError[] {
  return checkShapes(compileShapes(model), data, locale);
}

function checkContainer(shape: ContainerShape, obj: Json, base: string, ctx: Ctx): void {
  for (const key in obj) {
    const value = obj[key];
    const s = shape.keys.get(key);
    if (s) checkValue(s, value, base ? join(base, key) : key, ctx);
    else if (shape.comments.has(key)) checkText(value, join(base, key), 0, ctx);
    else if (!shape.extra.has(key)) unknownKey(ctx, join(base, key));
  }
}

function unknownKey(ctx: Ctx, path: string): void {
  emit(ctx, path, 'unknown_key', ownMessage(ctx.locale, 'unknown_key'));
}

function typeError(ctx: Ctx, path: string, expected: string): void {
  emit(ctx, path, 'type', ownMessage(ctx.locale, 'type', expected));
}

function checkText(value: unknown, path: string, maxLength: number, ctx: Ctx, format?: DateInput): void {
  if (isEmpty(value)) return;
  if (typeof value !== 'string') return typeError(ctx, path, 'text');
  // A date-like input holds only its well-formed value: anything else would be free text in a
  // column that exports treat as a closed date.
  if (format && value !== '' && !isDateValue(format, value)) return typeError(ctx, path, DATE_FORMATS[format]);
  if (maxLength > 0 && value.length > maxLength) emit(ctx, path, 'max_length', surveyMessage(ctx.locale, 'textMaxLength', maxLength));
}

function checkValue(shape: Shape, value: unknown, path: string, ctx: Ctx): void {
  if (isEmpty(value)) return;
  switch (shape.kind) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) typeError(ctx, path, 'number');
      return;
    case 'text':
      return checkText(value, path, shape.maxLength, ctx, shape.format);
    case 'boolean': {
      const [t, f] = shape.values;
      if (value !== t && value !== f) typeError(ctx, path, `${JSON.stringify(t)} or ${JSON.stringify(f)}`);
      return;
    }
    case 'choice':
      return checkChoice(value, shape.allowed, path, ctx);
    case 'multi':
      if (!Array.isArray(value)) return typeError(ctx, path, 'a list of choices');
      value.forEach((item, i) => checkChoice(item, shape.allowed, `${path}[${i}]`, ctx));
      if (shape.max > 0 && value.length > shape.max)
        emit(ctx, path, 'max_selected', surveyMessage(ctx.locale, 'maxSelectError', shape.max));
      return;
    case 'matrix':
      return checkMatrix(shape, value, path, ctx);
    case 'multipletext':
      if (!isObject(value)) return typeError(ctx, path, 'an answer per item');
      for (const [key, v] of Object.entries(value)) {
        const item = shape.items.get(key);
        if (!item) unknownKey(ctx, `${path}.${key}`);
        else checkValue(item, v, `${path}.${key}`, ctx);
      }
      return;
    case 'rows':
      if (shape.fixedRows) {
        if (!isObject(value)) return typeError(ctx, path, 'an answer per row');
        for (const [row, cells] of Object.entries(value)) {
          if (!shape.fixedRows.has(row)) unknownKey(ctx, `${path}.${row}`);
          else checkRow(shape.row, cells, `${path}.${row}`, ctx, 'an answer per column');
        }
      } else {
        if (!Array.isArray(value)) return typeError(ctx, path, 'a list of rows');
        // More rows than the matrix allows would be dropped or stored unseen: refused instead.
        if (shape.max > 0 && value.length > shape.max) emit(ctx, path, 'max_count', ownMessage(ctx.locale, 'max_count', String(shape.max)));
        value.forEach((row, i) => checkRow(shape.row, row, `${path}[${i}]`, ctx, 'an answer per column'));
      }
      return;
    case 'panels':
      if (!Array.isArray(value)) return typeError(ctx, path, 'a list of panels');
      if (shape.max > 0 && value.length > shape.max) emit(ctx, path, 'max_count', ownMessage(ctx.locale, 'max_count', String(shape.max)));
      value.forEach((panel, i) => checkRow(shape.panel, panel, `${path}[${i}]`, ctx, 'an answer per question'));
      return;
    case 'file':
      if (!Array.isArray(value) && typeof value !== 'string') typeError(ctx, path, 'list of files');
      return;
    case 'any':
      return;
  }
}

function checkRow(shape: ContainerShape, row: unknown, path: string, ctx: Ctx, expected: string): void {
  if (!isObject(row)) return typeError(ctx, path, expected);
  checkContainer(shape, row, path, ctx);
}

function checkChoice(value: unknown, allowed: Set<string> | null, path: string, ctx: Ctx): void {
  if (!isScalar(value)) return typeError(ctx, path, 'a single choice');
  if (allowed && !allowed.has(String(value))) emit(ctx, path, 'choice', ownMessage(ctx.locale, 'choice'));
}

function checkMatrix(shape: Extract<Shape, { kind: 'matrix' }>, value: unknown, path: string, ctx: Ctx): void {
  if (!isObject(value)) return typeError(ctx, path, 'an answer per row');
  for (const [row, cell] of Object.entries(value)) {
    const cellPath = `${path}.${row}`;
    if (!shape.rows.has(row)) unknownKey(ctx, cellPath);
    else if (Array.isArray(cell)) cell.forEach((c, i) => checkChoice(c, shape.columns, `${cellPath}[${i}]`, ctx));
    else if (!isEmpty(cell)) checkChoice(cell, shape.columns, cellPath, ctx);
  }
}

/**
 * A copy of the answers with only what has the shape its question expects: unknown keys, values
 * of the wrong kind and non-objects where a row or panel belongs are left out (a row or panel that
 * is not an object becomes an empty one, so the others keep their index). The structural checks
 * report all of those; survey-core gets only this copy, so no hostile shape (`[null]`, a key named
 * `equals` or `hasOwnProperty`) reaches its code.
 */
export function shapeSafe(shape: ContainerShape, data: Json): Json {
  return safeContainer(shape, data);
}

function safeContainer(shape: ContainerShape, obj: Json): Json {
  const out: Json = {};
  for (const key of Object.keys(obj)) {
    const s = shape.keys.get(key);
    const value = obj[key];
    let safe: unknown;
    if (s) safe = safeValue(s, value);
    else if (shape.comments.has(key)) safe = typeof value === 'string' ? value : undefined;
    else if (shape.extra.has(key)) safe = isScalar(value) ? value : undefined;
    if (safe !== undefined) Object.defineProperty(out, key, { value: safe, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function safeValue(shape: Shape, value: unknown): unknown {
  if (isEmpty(value)) return undefined;
  switch (shape.kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'text':
      return typeof value === 'string' ? value : undefined;
    case 'boolean':
      return value === shape.values[0] || value === shape.values[1] ? value : undefined;
    case 'choice':
      return isScalar(value) ? value : undefined;
    case 'multi':
      return Array.isArray(value) ? value.filter(isScalar) : undefined;
    case 'matrix': {
      if (!isObject(value)) return undefined;
      const out: Json = {};
      for (const row of Object.keys(value)) {
        const cell = value[row];
        if (shape.rows.has(row) && (isScalar(cell) || (Array.isArray(cell) && cell.every(isScalar)))) out[row] = cell;
      }
      return out;
    }
    case 'multipletext': {
      if (!isObject(value)) return undefined;
      const out: Json = {};
      for (const key of Object.keys(value)) {
        const item = shape.items.get(key);
        const safe = item ? safeValue(item, value[key]) : undefined;
        if (safe !== undefined) out[key] = safe;
      }
      return out;
    }
    case 'rows':
      if (shape.fixedRows) {
        if (!isObject(value)) return undefined;
        const out: Json = {};
        for (const row of Object.keys(value))
          if (shape.fixedRows.has(row)) out[row] = isObject(value[row]) ? safeContainer(shape.row, value[row] as Json) : {};
        return out;
      }
      return Array.isArray(value) ? value.map((row) => (isObject(row) ? safeContainer(shape.row, row) : {})) : undefined;
    case 'panels':
      return Array.isArray(value) ? value.map((panel) => (isObject(panel) ? safeContainer(shape.panel, panel) : {})) : undefined;
    case 'file':
    case 'any':
      return value;
  }
}
