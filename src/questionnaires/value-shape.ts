// The shape of the value each question stores, by path. A new version may add and remove
// questions but may not change the shape behind a name that earlier versions used: exports
// union all versions' columns, and one column cannot hold two kinds of value (ODK refuses the same).
import type { Question } from 'survey-core';
import type { Model } from './model';

export type ShapeMap = Map<string, string>;

/** The kind of value a question stores (null: it stores none). Shared with the dataset layout. */
export function valueShape(q: Question): string | null {
  const anyQ = q as any;
  switch (q.getType()) {
    case 'html':
    case 'image':
      return null;
    case 'text':
      return anyQ.inputType === 'number' || anyQ.inputType === 'range' ? 'number' : 'text';
    case 'comment':
    case 'signaturepad':
      return 'text';
    case 'boolean':
      return anyQ.valueTrue !== undefined || anyQ.valueFalse !== undefined ? 'choice' : 'boolean';
    case 'radiogroup':
    case 'dropdown':
    case 'rating':
    case 'buttongroup':
    case 'expression':
      return 'choice';
    case 'imagepicker':
      return anyQ.multiSelect ? 'choices' : 'choice';
    case 'checkbox':
    case 'tagbox':
    case 'ranking':
      return 'choices';
    case 'file':
      return 'files';
    case 'matrix':
      return 'matrix';
    case 'multipletext':
      return 'items';
    case 'matrixdropdown':
      return 'rows-by-name';
    case 'matrixdynamic':
      return 'rows';
    case 'paneldynamic':
      return 'panels';
    default:
      return `custom:${q.getType()}`;
  }
}

function addShapes(questions: Question[], prefix: string, out: ShapeMap): void {
  for (const q of questions) {
    const shape = valueShape(q);
    if (!shape) continue;
    const path = prefix + q.getValueName();
    out.set(path, shape);
    const anyQ = q as any;
    if (shape === 'panels') addShapes(anyQ.template?.questions ?? [], `${path}[].`, out);
    if (shape === 'items') for (const item of anyQ.items ?? []) addShapes([item.editor], `${path}.`, out);
    if (shape === 'rows' || shape === 'rows-by-name') {
      const sep = shape === 'rows' ? '[].' : '.*.';
      for (const col of anyQ.columns ?? []) {
        const cellShape = valueShape(col.templateQuestion);
        if (cellShape) out.set(`${path}${sep}${col.name}`, cellShape);
      }
      addShapes(anyQ.detailPanel?.questions ?? [], `${path}${sep}`, out);
    }
  }
}

/** Path -> shape for every answerable question, nested ones included (`kids[].age`, `skills.*.level`). */
export function valueShapes(model: Model): ShapeMap {
  const out: ShapeMap = new Map();
  addShapes(model.getAllQuestions(false, false, false) as Question[], '', out);
  return out;
}

export interface ShapeChange {
  path: string;
  before: string;
  after: string;
}

/** Paths whose shape differs between two versions; added and removed paths are not changes. */
export function shapeChanges(before: ShapeMap, after: ShapeMap): ShapeChange[] {
  const changes: ShapeChange[] = [];
  for (const [path, shape] of after) {
    const old = before.get(path);
    if (old !== undefined && old !== shape) changes.push({ path, before: old, after: shape });
  }
  return changes;
}

/** Paths added and removed between two versions, for the publish output. */
export function shapeDiff(before: ShapeMap, after: ShapeMap): { added: string[]; removed: string[] } {
  return {
    added: [...after.keys()].filter((p) => !before.has(p)),
    removed: [...before.keys()].filter((p) => !after.has(p)),
  };
}
