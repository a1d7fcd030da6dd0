// Where the plan's expressions read their variables. survey-core's runners take a "value getter
// context"; a model's context looks names up through its question objects, which we do not
// build. These contexts answer the same lookups from plain data, with survey-core's rules: keys
// match case-insensitively, a dotted name is tried longest-first, `name[1]` indexes an array
// (negative from the end), `.length` of an array or a string. The runner itself, the parser, the
// operators and the functions are survey-core's, so expression semantics stay SurveyJS's.
import { surveyLocalization } from 'survey-core';

export interface PathItem {
  name: string;
  index?: number;
}

interface GetValueParams {
  path: PathItem[];
  isRoot?: boolean;
  index?: number;
}

interface Found {
  isFound: boolean;
  value: unknown;
}

/** What survey-core's runners call: `getValue` answers one variable reference. */
export interface PlanContext {
  getValue(params: GetValueParams): Found | undefined;
}

function keyOf(obj: unknown, name: string): unknown {
  if (!obj || !name) return undefined;
  if (name === 'length' && (Array.isArray(obj) || typeof obj === 'string')) return obj.length;
  if (typeof obj !== 'object') return undefined;
  // The exact key first (question names are unique regardless of case in a compiled plan).
  const exact = (obj as Record<string, unknown>)[name];
  if (exact !== undefined && Object.hasOwn(obj, name)) return exact;
  const lower = name.toLowerCase();
  for (const key in obj as Record<string, unknown>) if (key.toLowerCase() === lower) return (obj as Record<string, unknown>)[key];
  return undefined;
}

/** survey-core's VariableGetterContext over a plain object (not exported by the package). */
export function lookUp(values: unknown, path: PathItem[]): Found | undefined {
  let value = values;
  let i = 0;
  while (i < path.length) {
    // The longest dotted name first, up to the next indexed segment: {a.b} may be a key "a.b".
    let end = i;
    while (end < path.length - 1 && path[end]!.index === undefined) end++;
    let found = false;
    let j = end;
    for (; j >= i; j--) {
      const name = path
        .slice(i, j + 1)
        .map((p) => p.name)
        .join('.');
      const next = keyOf(value, name);
      if (next !== undefined) {
        value = next;
        found = true;
        break;
      }
    }
    if (!found) return undefined;
    const index = path[j]!.index;
    if (index !== undefined) {
      if (!Array.isArray(value)) return undefined;
      const at = index < 0 ? value.length + index : index;
      if (at < 0 || at >= value.length) return undefined;
      value = value[at];
    }
    i = j + 1;
  }
  return { isFound: true, value };
}

/** The survey level: the built-in `{locale}`, then calculated values, then the answers. */
export function surveyContext(data: Record<string, unknown>, variables: Record<string, unknown>, locale: string): PlanContext {
  return {
    getValue({ path }) {
      if (path.length === 1 && path[0]!.name === 'locale') return { isFound: true, value: locale || surveyLocalization.defaultLocale };
      return lookUp(variables, path) ?? lookUp(data, path);
    },
  };
}

/**
 * Inside a dynamic panel or a matrix row: `{panel.x}` / `{row.x}` read the item's answers, every
 * other name reads the survey level, as in survey-core.
 */
export function itemContext(prefix: 'panel' | 'row', item: Record<string, unknown>, outer: PlanContext): PlanContext {
  return {
    getValue(params) {
      const { path } = params;
      if (path.length > 1 && path[0]!.name.toLowerCase() === prefix) return lookUp(item, path.slice(1));
      return outer.getValue(params);
    },
  };
}
