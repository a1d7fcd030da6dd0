// Validates one response against one questionnaire version with survey-core's full model: our
// structural checks first, then survey-core's own verdict (skip logic, required, validators,
// min/max), then doComplete() to drop answers hidden by skip logic. Pure and synchronous: the
// Node server runs it in a worker pool, the Worker inline.
import type { Question } from 'survey-core';
import { createModel, silently, type Model } from '../questionnaires/model';
import { checkShapes, compileShapes, shapeSafe } from './structural';
import type { FieldError, ValidationMode, ValidationResult } from './types';
import { holdsWhen } from '../questionnaires/withdrawal';

type Json = Record<string, unknown>;

/** survey-core's path for an error on a (possibly nested) question: `kids[0].school`. */
export function questionPath(q: Question): string {
  const parent = q.parentQuestion as Question | null;
  if (!parent) return q.getValueName();
  const d = q.data as unknown as { rowIndex?: number; rowName?: unknown };
  switch (parent.getType()) {
    case 'paneldynamic': {
      // The question may sit in a panel inside the dynamic panel's panel: go up to that one.
      const panels = (parent as any).panels as unknown[];
      let panel = q.parent as { parent?: unknown } | null;
      while (panel && !panels.includes(panel)) panel = panel.parent as { parent?: unknown } | null;
      return `${questionPath(parent)}[${panels.indexOf(panel)}].${q.getValueName()}`;
    }
    case 'matrixdynamic':
      return `${questionPath(parent)}[${(d.rowIndex ?? 1) - 1}].${q.getValueName()}`;
    case 'matrixdropdown':
      return `${questionPath(parent)}.${String(d.rowName)}.${q.getValueName()}`;
    default:
      return `${questionPath(parent)}.${q.getValueName()}`;
  }
}

function surveyErrors(model: Model): Promise<FieldError[]> {
  const collect = (): FieldError[] => {
    const errors: FieldError[] = [];
    for (const q of model.getAllQuestions(false, false, true) as Question[])
      for (const e of q.errors) errors.push({ path: questionPath(q), type: e.getErrorType(), message: e.getText() });
    return errors;
  };
  return new Promise((resolve) => {
    // fireCallback must be true, or question.errors stays empty. survey-core may call the
    // completion callback while it is still validating (synchronously, mid-loop), so errors are
    // read only once validate() has returned, or, for async validators, when the callback comes later.
    let returned = false;
    let completed = false;
    const result = silently(() =>
      model.validate(true, false, () => {
        completed = true;
        if (returned) resolve(collect());
      }),
    );
    returned = true;
    if (result !== undefined || completed) resolve(collect());
  });
}

/**
 * Drops top-level answers that doComplete() would clear, many at a time. survey-core clears
 * them one by one and re-runs every condition after each (quadratic: minutes on a 4,000-question
 * form); here each round is one `data` assignment. The predicate is survey-core's own.
 */
function dropHiddenAnswers(model: Model): void {
  for (let round = 0; round < 20; round++) {
    const hidden = (model.getAllQuestions(false, false, false) as Question[]).filter((q) => {
      const anyQ = q as any;
      return !q.isEmpty() && anyQ.getClearIfInvisible() !== 'none' && anyQ.canClearValueAsInvisible('onComplete');
    });
    if (hidden.length === 0) return;
    const data = { ...(model.data as Json) };
    for (const q of hidden) delete data[q.getValueName()];
    silently(() => (model.data = data));
  }
}

/** Paths present in `before` and gone from `after`: answers that skip logic removed. */
export function droppedPaths(before: unknown, after: unknown, base = ''): string[] {
  const out: string[] = [];
  // Cleaning copies only what it changes: the same object has nothing dropped.
  if (before === after) return out;
  if (Array.isArray(before)) {
    before.forEach((item, i) => {
      const next = Array.isArray(after) ? after[i] : undefined;
      if (next === undefined) out.push(`${base}[${i}]`);
      else out.push(...droppedPaths(item, next, `${base}[${i}]`));
    });
  } else if (before && typeof before === 'object') {
    for (const [key, value] of Object.entries(before)) {
      const path = base ? `${base}.${key}` : key;
      const next = after && typeof after === 'object' ? (after as Json)[key] : undefined;
      if (value === undefined || value === null) continue;
      if (next === undefined) out.push(path);
      else if (typeof value === 'object') out.push(...droppedPaths(value, next, path));
    }
  }
  return out;
}

/**
 * The verdict on one response. Drafts get the structural checks only (shapes, choices, unknown
 * keys, lengths) and are stored as sent; submissions get everything and are cleaned.
 */
export async function validateResponse(definition: object, data: Json, locale: string, mode: ValidationMode): Promise<ValidationResult> {
  const model = createModel(definition);
  model.locale = locale;
  const shapes = compileShapes(model);
  const structural = checkShapes(shapes, data, locale);
  if (mode === 'draft') return { ok: structural.length === 0, errors: structural, data, dropped: [], hidden: [] };

  // survey-core reads only answers of the right shape: the rest is reported above, never run.
  silently(() => (model.data = structural.length ? shapeSafe(shapes, data) : structuredClone(data)));
  // A value outside the choices also reads as "empty" to survey-core: report our error alone.
  const structuralPaths = new Set(structural.map((e) => e.path));
  const errors = [...structural, ...(await surveyErrors(model)).filter((e) => !structuralPaths.has(e.path) && holdsWhen(mode, e))];
  if (errors.length > 0) return { ok: false, errors, data, dropped: [], hidden: [] };
  const hidden = (model.getAllQuestions(false, false, true) as Question[])
    .filter((q) => !q.isVisible || !q.isParentVisible)
    .map(questionPath);
  if (model.clearInvisibleValues !== 'none') dropHiddenAnswers(model);
  silently(() => model.doComplete());
  const clean = model.data as Json;
  return { ok: true, errors: [], data: clean, dropped: droppedPaths(data, clean), hidden };
}
