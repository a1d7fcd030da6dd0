// Generates a plausible full response for any definition: one valid-looking answer per question,
// built from the question's type, choices and limits (independent of the server's checks).
import type { Question } from 'survey-core';
import { createModel } from '../../src/questionnaires/model';

type Json = Record<string, unknown>;

function firstChoice(q: any, fallback: unknown[] = []): unknown {
  const choices = (q.choices?.length ? q.choices : fallback.map((value) => ({ value }))) as Array<{ value: unknown }>;
  return choices[0]?.value;
}

function textValue(q: any): unknown {
  switch (q.inputType) {
    case 'number':
    case 'range':
      return typeof q.min === 'number' ? q.min : typeof q.max === 'number' ? q.max : 1;
    case 'date':
      return '2026-01-15';
    case 'datetime-local':
      return '2026-01-15T10:00';
    case 'month':
      return '2026-01';
    case 'week':
      return '2026-W03';
    case 'time':
      return '10:00';
    case 'email':
      return 'someone@example.org';
    case 'url':
      return 'https://example.org';
    case 'color':
      return '#336699';
    case 'tel':
      return '+10000000';
    default:
      return 'x';
  }
}

function valueFor(q: Question, fallbackChoices: unknown[] = []): unknown {
  const anyQ = q as any;
  switch (q.getType()) {
    case 'text':
      return textValue(anyQ);
    case 'comment':
      return 'x';
    case 'boolean':
      return anyQ.getValueTrue?.() ?? true;
    case 'radiogroup':
    case 'dropdown':
    case 'buttongroup':
      return firstChoice(anyQ, fallbackChoices);
    case 'checkbox':
    case 'tagbox': {
      const v = firstChoice(anyQ, fallbackChoices);
      return v === undefined ? undefined : [v];
    }
    case 'ranking':
      return (anyQ.choices as Array<{ value: unknown }>).map((c) => c.value);
    case 'imagepicker': {
      const v = firstChoice(anyQ);
      return anyQ.multiSelect ? [v] : v;
    }
    case 'rating':
      return anyQ.visibleRateValues?.[0]?.value;
    case 'matrix':
      return Object.fromEntries((anyQ.rows as Array<{ value: unknown }>).map((r) => [String(r.value), anyQ.columns[0]?.value]));
    case 'multipletext':
      return Object.fromEntries((anyQ.items as any[]).map((i) => [i.name, valueFor(i.editor)]));
    case 'matrixdropdown':
      return Object.fromEntries((anyQ.rows as Array<{ value: unknown }>).map((r) => [String(r.value), rowFor(anyQ)]));
    case 'matrixdynamic':
      return [rowFor(anyQ)];
    case 'paneldynamic':
      return [containerFor((anyQ.template?.questions ?? []) as Question[])];
    default:
      return undefined; // html, image, expression, file, signaturepad, custom
  }
}

function rowFor(matrix: any): Json {
  const choices = (matrix.choices as Array<{ value: unknown }>).map((c) => c.value);
  const row: Json = {};
  for (const col of matrix.columns) {
    const v = valueFor(col.templateQuestion, choices);
    if (v !== undefined) row[col.name] = v;
  }
  return row;
}

function containerFor(questions: Question[]): Json {
  const out: Json = {};
  for (const q of questions) {
    const v = valueFor(q);
    if (v !== undefined) out[q.getValueName()] = v;
  }
  return out;
}

/** One answer per top-level question of the definition. */
export function generateFullResponse(definition: object): Json {
  return containerFor(createModel(definition).getAllQuestions(false, false, false) as Question[]);
}
