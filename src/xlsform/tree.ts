// The rows of the survey sheet as a tree: groups become pages at top level and panels inside,
// repeats dynamic panels; every reference resolves before any element is written.
import type { Context, Row } from './row';
import { surveyjsBase } from './row';
import { questionElement } from './types';

type Json = Record<string, unknown>;

/** Groups and repeats -> pages, panels and dynamic panels. */
export function buildTree(rows: Row[], ctx: Context): Json[] {
  // First pass: every question's type and enclosing repeats, so references resolve in any order.
  const before = ctx.errors.length;
  const stack: Array<{ row: Row; kind: 'group' | 'repeat' }> = [];
  for (const row of rows) {
    const t = row.type;
    if (t.kind === 'end') {
      const open = stack.pop();
      if (!open || open.kind !== t.container) {
        ctx.errors.push({
          ...row.at('type'),
          message: `'end ${t.container}' closes ${open ? `'begin ${open.kind}' of row ${open.row.sheetRow.row}` : 'nothing'}`,
        });
        if (open) stack.push(open);
      }
      continue;
    }
    if (!row.name) {
      ctx.errors.push({ ...row.at('name'), message: `a ${t.xlsform} row needs a name` });
      continue;
    }
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(row.name))
      ctx.errors.push({
        ...row.at('name'),
        message: `'${row.name}' is not a valid name (letters, digits, _ . -; not starting with a digit)`,
      });
    if (ctx.questions.has(row.name)) ctx.errors.push({ ...row.at('name'), message: `the name '${row.name}' is used twice` });
    const repeats = stack.filter((s) => s.kind === 'repeat').map((s) => s.row.name);
    const repeat = t.kind === 'begin' && t.container === 'repeat';
    const count = repeat ? row.cell('repeat_count') : '';
    const countRef = count.match(/^\$\{\s*([^}\s]+)\s*\}$/)?.[1];
    ctx.questions.set(row.name, {
      type: repeat ? 'begin repeat' : t.xlsform,
      repeats,
      ...(/^\d+$/.test(count) ? { count } : countRef ? { count: `{${countRef}}` } : {}),
    });
    if (t.kind === 'begin') stack.push({ row, kind: t.container });
  }
  for (const open of stack) ctx.errors.push({ ...open.row.at('type'), message: `'begin ${open.kind}' is never closed` });
  // Errors of the form's structure stop here; errors of single rows do not hide the others.
  if (ctx.errors.length > before) return [];
  // Second pass: the elements.
  let i = 0;
  // `relevant` conditions of the enclosing groups: a calculation reads as empty where ODK would not
  // compute it (types.ts), as the question of a hidden group is cleared.
  const walk = (repeats: string[], until: 'group' | 'repeat' | null, conditions: string[]): Json[] => {
    const out: Json[] = [];
    while (i < rows.length) {
      const row = rows[i++]!;
      const t = row.type;
      if (t.kind === 'end') return out;
      if (t.kind === 'begin') {
        const inner = t.container === 'repeat' ? [...repeats, row.name] : repeats;
        const own = ctx.xpath(row, 'relevant', 'condition', repeats);
        const elements = walk(inner, t.container, own ? [...conditions, own] : conditions);
        out.push(containerElement(row, t.container, elements, repeats, ctx));
        continue;
      }
      const el = questionElement(row, repeats, ctx, conditions);
      if (el) out.push(el);
    }
    if (until) throw new Error('unbalanced groups passed the first pass');
    return out;
  };
  const top = walk([], null, []);
  // Top-level groups become pages; questions between them are gathered into pages of their own.
  const pages: Json[] = [];
  let loose: Json[] = [];
  const flush = () => {
    if (loose.length) pages.push({ name: `page${pages.length + 1}`, elements: loose });
    loose = [];
  };
  for (const el of top) {
    if (el.type === 'panel') {
      flush();
      const { type: _t, ...page } = el;
      pages.push(page);
    } else loose.push(el);
  }
  flush();
  return pages;
}

function containerElement(row: Row, kind: 'group' | 'repeat', elements: Json[], repeats: string[], ctx: Context): Json {
  const base = surveyjsBase(row, ctx);
  if (base) {
    const title = ctx.localized(row.texts('label'));
    const el: Json = { type: kind === 'repeat' ? 'paneldynamic' : 'panel', ...base, name: row.name };
    if (title !== undefined) el.title = title;
    el[kind === 'repeat' ? 'templateElements' : 'elements'] = elements;
    return el;
  }
  const common: Json = { name: row.name };
  const title = ctx.localized(row.texts('label'));
  if (title !== undefined) common.title = title;
  const visibleIf = ctx.xpath(row, 'relevant', 'condition', repeats);
  if (visibleIf) common.visibleIf = visibleIf;
  if (/^(yes|true|true\(\))$/i.test(row.cell('read_only'))) common.readOnly = true;
  for (const column of ['constraint', 'calculation', 'default', 'choice_filter', 'required'])
    if (row.cell(column)) ctx.errors.push({ ...row.at(column), message: `${column} has no meaning on a ${kind}` });
  if (kind === 'group') {
    const appearance = row.cell('appearance');
    if (appearance && appearance !== 'field-list')
      ctx.warnings.push({
        ...row.at('appearance'),
        message: `appearance '${appearance}' of a group has no SurveyJS equivalent: the group shows its questions one under the other`,
      });
    return { type: 'panel', ...common, elements };
  }
  const panel: Json = { type: 'paneldynamic', ...common, templateElements: elements, panelCount: 1, minPanelCount: 0 };
  const count = row.cell('repeat_count');
  if (count) {
    if (/^\d+$/.test(count))
      Object.assign(panel, { panelCount: Number(count), minPanelCount: Number(count), maxPanelCount: Number(count) });
    else {
      const ref = count.match(/^\$\{\s*([^}\s]+)\s*\}$/)?.[1];
      const q = ref ? ctx.questions.get(ref) : undefined;
      if (!ref || !q || q.repeats.length)
        ctx.errors.push({
          ...row.at('repeat_count'),
          message: 'repeat_count must be a number or ${question} of a question outside repeats',
        });
      else Object.assign(panel, { panelCount: 0, bindings: { panelCount: ref }, allowAddPanel: false, allowRemovePanel: false });
    }
  }
  return panel;
}
