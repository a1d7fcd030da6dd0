// Checks survey-core does not make on a server: the shape of every value, choice membership
// (matrix cells too), maxLength, maxSelectedChoices, and keys that belong to no question at any
// depth. Walks the question definitions beside the submitted value, never building extra models.
import { settings, type Question, type Model } from 'survey-core';
import type { FieldError } from './types';
import { ownMessage, surveyMessage } from './messages';

type Json = Record<string, unknown>;
type Emit = (path: string, type: string, message: string) => void;

const NO_VALUE = new Set(['html', 'image']);
const MULTI_SELECT = new Set(['checkbox', 'tagbox', 'ranking']);
const SINGLE_SELECT = new Set(['radiogroup', 'dropdown', 'buttongroup']);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const isEmpty = (v: unknown) => v === undefined || v === null;

/** Runs every structural check; returns the problems found, in the response's locale. */
export function structuralErrors(model: Model, data: Json, locale: string): FieldError[] {
  const errors: FieldError[] = [];
  const emit: Emit = (path, type, message) => errors.push({ path, type, message });
  const extra = new Set<string>();
  for (const cv of model.calculatedValues) if (cv.includeIntoResult) extra.add(cv.name);
  for (const trigger of model.triggers as unknown as Array<{ setToName?: string }>)
    if (trigger.setToName) extra.add(trigger.setToName);
  const top = model.getAllQuestions(false, false, false) as Question[];
  checkContainer(top, data, '', extra, { emit, locale });
  return errors;
}

interface Ctx {
  emit: Emit;
  locale: string;
}

function join(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}

function checkContainer(questions: Question[], obj: Json, base: string, extra: Set<string>, ctx: Ctx): void {
  const byKey = new Map<string, Question>();
  const commentKeys = new Set<string>();
  for (const q of questions) {
    if (NO_VALUE.has(q.getType())) continue;
    const name = q.getValueName();
    byKey.set(name, q);
    if (hasCommentKey(q)) commentKeys.add(name + settings.commentSuffix);
  }
  for (const [key, value] of Object.entries(obj)) {
    const path = join(base, key);
    const q = byKey.get(key);
    if (q) checkValue(q, value, path, ctx);
    else if (commentKeys.has(key)) checkText(value, path, 0, ctx);
    else if (!extra.has(key)) ctx.emit(path, 'unknown_key', ownMessage(ctx.locale, 'unknown_key'));
  }
}

function hasCommentKey(q: Question): boolean {
  const anyQ = q as unknown as { hasComment?: boolean; hasOther?: boolean };
  return Boolean(anyQ.hasComment || anyQ.hasOther);
}

function typeError(ctx: Ctx, path: string, expected: string): void {
  ctx.emit(path, 'type', ownMessage(ctx.locale, 'type', expected));
}

function checkText(value: unknown, path: string, maxLength: number, ctx: Ctx): void {
  if (isEmpty(value)) return;
  if (typeof value !== 'string') return typeError(ctx, path, 'text');
  if (maxLength > 0 && value.length > maxLength)
    ctx.emit(path, 'max_length', surveyMessage(ctx.locale, 'textMaxLength', maxLength));
}

function checkValue(q: Question, value: unknown, path: string, ctx: Ctx): void {
  if (isEmpty(value)) return;
  const type = q.getType();
  const anyQ = q as any;
  switch (type) {
    case 'text': {
      const inputType = anyQ.inputType as string;
      if (inputType === 'number' || inputType === 'range') {
        if (typeof value !== 'number' || !Number.isFinite(value)) typeError(ctx, path, 'number');
        return;
      }
      return checkText(value, path, q.getMaxLength(), ctx);
    }
    case 'comment':
    case 'signaturepad':
      return checkText(value, path, type === 'comment' ? q.getMaxLength() : 0, ctx);
    case 'boolean': {
      const t = anyQ.getValueTrue?.() ?? true;
      const f = anyQ.getValueFalse?.() ?? false;
      if (value !== t && value !== f) typeError(ctx, path, `${JSON.stringify(t)} or ${JSON.stringify(f)}`);
      return;
    }
    case 'rating':
      return checkChoice(value, ratingValues(q), path, ctx);
    case 'imagepicker':
      return anyQ.multiSelect ? checkMulti(q, value, path, ctx) : checkSingle(q, value, path, ctx);
    case 'matrix':
      return checkMatrix(q, value, path, ctx);
    case 'multipletext':
      return checkMultipleText(q, value, path, ctx);
    case 'matrixdropdown':
      return checkMatrixDropdown(q, value, path, ctx);
    case 'matrixdynamic':
      return checkMatrixDynamic(q, value, path, ctx);
    case 'paneldynamic':
      return checkPanelDynamic(q, value, path, ctx);
    case 'file':
      if (!Array.isArray(value) && typeof value !== 'string') typeError(ctx, path, 'list of files');
      return;
    case 'expression':
      return; // recalculated by survey-core; whatever was sent is replaced
    default:
      if (SINGLE_SELECT.has(type)) return checkSingle(q, value, path, ctx);
      if (MULTI_SELECT.has(type)) return checkMulti(q, value, path, ctx);
      return; // custom component types: survey-core's own validators apply
  }
}

/** The values a select question accepts, or null when they cannot be known on the server. */
function choiceValues(q: Question, fallback?: unknown[]): Set<string> | null {
  const anyQ = q as any;
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

/** With storeOthersAsComment off, the "other" text is the value itself: any text is accepted. */
function acceptsFreeOther(q: Question): boolean {
  const anyQ = q as any;
  return Boolean(anyQ.showOtherItem && anyQ.getStoreOthersAsComment && !anyQ.getStoreOthersAsComment());
}

function ratingValues(q: Question): Set<string> {
  const rates = ((q as any).visibleRateValues ?? []) as Array<{ value: unknown }>;
  return new Set(rates.map((r) => String(r.value)));
}

function checkChoice(value: unknown, allowed: Set<string> | null, path: string, ctx: Ctx): void {
  if (!isScalar(value)) return typeError(ctx, path, 'a single choice');
  if (allowed && !allowed.has(String(value))) ctx.emit(path, 'choice', ownMessage(ctx.locale, 'choice'));
}

function checkSingle(q: Question, value: unknown, path: string, ctx: Ctx, fallback?: unknown[]): void {
  checkChoice(value, acceptsFreeOther(q) ? null : choiceValues(q, fallback), path, ctx);
}

function checkMulti(q: Question, value: unknown, path: string, ctx: Ctx, fallback?: unknown[]): void {
  if (!Array.isArray(value)) return typeError(ctx, path, 'a list of choices');
  const allowed = acceptsFreeOther(q) ? null : choiceValues(q, fallback);
  value.forEach((item, i) => checkChoice(item, allowed, `${path}[${i}]`, ctx));
  const max = (q as any).maxSelectedChoices as number | undefined;
  if (max && max > 0 && value.length > max) ctx.emit(path, 'max_selected', surveyMessage(ctx.locale, 'maxSelectError', max));
}

function checkMatrix(q: Question, value: unknown, path: string, ctx: Ctx): void {
  if (!isObject(value)) return typeError(ctx, path, 'an answer per row');
  const anyQ = q as any;
  const rows = new Set(((anyQ.rows ?? []) as Array<{ value: unknown }>).map((r) => String(r.value)));
  const columns = new Set(((anyQ.columns ?? []) as Array<{ value: unknown }>).map((c) => String(c.value)));
  for (const [row, cell] of Object.entries(value)) {
    const cellPath = `${path}.${row}`;
    if (!rows.has(row)) ctx.emit(cellPath, 'unknown_key', ownMessage(ctx.locale, 'unknown_key'));
    else if (Array.isArray(cell)) cell.forEach((c, i) => checkChoice(c, columns, `${cellPath}[${i}]`, ctx));
    else if (!isEmpty(cell)) checkChoice(cell, columns, cellPath, ctx);
  }
}

function checkMultipleText(q: Question, value: unknown, path: string, ctx: Ctx): void {
  if (!isObject(value)) return typeError(ctx, path, 'an answer per item');
  const items = new Map<string, any>(((q as any).items ?? []).map((item: any) => [item.name, item]));
  for (const [key, v] of Object.entries(value)) {
    const item = items.get(key);
    if (!item) ctx.emit(`${path}.${key}`, 'unknown_key', ownMessage(ctx.locale, 'unknown_key'));
    else checkValue(item.editor as Question, v, `${path}.${key}`, ctx);
  }
}

/** The per-cell questions of a matrix row, plus the detail panel's questions. */
function matrixCellQuestions(q: Question): { cells: Map<string, { question: Question; fallback: unknown[] }>; detail: Question[] } {
  const anyQ = q as any;
  const matrixChoices = ((anyQ.choices ?? []) as Array<{ value: unknown }>).map((c) => c.value);
  const cells = new Map<string, { question: Question; fallback: unknown[] }>();
  for (const col of anyQ.columns ?? []) cells.set(col.name, { question: col.templateQuestion as Question, fallback: matrixChoices });
  const detail = (anyQ.detailPanel?.questions ?? []) as Question[];
  return { cells, detail };
}

function checkMatrixRow(q: Question, row: unknown, path: string, ctx: Ctx): void {
  if (!isObject(row)) return typeError(ctx, path, 'an answer per column');
  const { cells, detail } = matrixCellQuestions(q);
  const detailKeys = new Map(detail.map((d) => [d.getValueName(), d] as const));
  for (const [key, v] of Object.entries(row)) {
    const cellPath = `${path}.${key}`;
    const cell = cells.get(key);
    const base = key.endsWith(settings.commentSuffix) ? cells.get(key.slice(0, -settings.commentSuffix.length)) : undefined;
    if (cell) checkCell(cell.question, v, cellPath, ctx, cell.fallback);
    else if (detailKeys.has(key)) checkValue(detailKeys.get(key)!, v, cellPath, ctx);
    else if (base && hasCommentKey(base.question)) checkText(v, cellPath, 0, ctx);
    else ctx.emit(cellPath, 'unknown_key', ownMessage(ctx.locale, 'unknown_key'));
  }
}

function checkCell(q: Question, value: unknown, path: string, ctx: Ctx, fallback: unknown[]): void {
  if (isEmpty(value)) return;
  const type = q.getType();
  if (SINGLE_SELECT.has(type)) return checkSingle(q, value, path, ctx, fallback);
  if (MULTI_SELECT.has(type)) return checkMulti(q, value, path, ctx, fallback);
  checkValue(q, value, path, ctx);
}

function checkMatrixDropdown(q: Question, value: unknown, path: string, ctx: Ctx): void {
  if (!isObject(value)) return typeError(ctx, path, 'an answer per row');
  const rows = new Set((((q as any).rows ?? []) as Array<{ value: unknown }>).map((r) => String(r.value)));
  for (const [row, cells] of Object.entries(value)) {
    if (!rows.has(row)) ctx.emit(`${path}.${row}`, 'unknown_key', ownMessage(ctx.locale, 'unknown_key'));
    else checkMatrixRow(q, cells, `${path}.${row}`, ctx);
  }
}

function checkMatrixDynamic(q: Question, value: unknown, path: string, ctx: Ctx): void {
  if (!Array.isArray(value)) return typeError(ctx, path, 'a list of rows');
  value.forEach((row, i) => checkMatrixRow(q, row, `${path}[${i}]`, ctx));
}

function checkPanelDynamic(q: Question, value: unknown, path: string, ctx: Ctx): void {
  if (!Array.isArray(value)) return typeError(ctx, path, 'a list of panels');
  const template = ((q as any).template?.questions ?? []) as Question[];
  value.forEach((panel, i) => {
    if (!isObject(panel)) return typeError(ctx, `${path}[${i}]`, 'an answer per question');
    checkContainer(template, panel, `${path}[${i}]`, new Set(), ctx);
  });
}
