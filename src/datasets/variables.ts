// The variables of a dataset: every column of the main table and of each repeat table, derived
// from the questionnaire's versions and united across them (nothing silently dropped when a
// question moved or disappeared), with labels, choices, versions and disclosure role.
import type { Question } from 'survey-core';
import { disclosureRoles, type DisclosureRole } from '../questionnaires/custom-properties';
import { createModel } from '../questionnaires/model';
import { valueShape } from '../questionnaires/value-shape';
import type { RecodeRule } from './anonymize/recode';

export type VarType = 'text' | 'number' | 'choice' | 'choices' | 'boolean' | 'date';

/** Where a value sits in a response (or in one repeat row): keys from the container down. */
export type Reader =
  | { kind: 'value'; path: string[] }
  /** One 0/1 column per choice of a multiple-choice question. */
  | { kind: 'flag'; path: string[]; choice: string };

export interface Variable {
  /** Column name. */
  name: string;
  /** '' for the main table, else the repeat table (`kids`, `kids.jobs`). */
  table: string;
  /** The top-level question it belongs to (skip logic and disclosure role come from it). */
  question: string;
  label: string;
  type: VarType;
  choices: Array<{ value: string; label: string }>;
  versions: string[];
  role: DisclosureRole;
  recode?: RecodeRule;
  /** For a date variable: the input type whose values it holds (month, date, ...). */
  format?: string;
  read: Reader;
  /** Row-relative path used in the response's list of hidden questions (`school` for `kids[0].school`). */
  hiddenPath: string;
}

export interface RepeatTable {
  name: string;
  /** The parent table ('' for main) and the key path of the array in a parent row. */
  parent: string;
  path: string[];
  versions: string[];
}

export interface Layout {
  variables: Variable[];
  repeats: RepeatTable[];
}

export interface LayoutOptions {
  /** Language of labels (a locale of the questionnaire); '' for the default. */
  lang: string;
  /** Multiple choice as one 0/1 column per choice instead of one column of codes. */
  splitMultiple: boolean;
}

const text = (s: unknown) => (typeof s === 'string' ? s : '');
const NO_VALUE = new Set(['html', 'image', 'file', 'signaturepad']);

const DATE_INPUTS = new Set(['date', 'datetime-local', 'month', 'week', 'time']);

/** The column type, from the value shape that publishing also checks. */
function typeOf(q: Question): VarType {
  const shape = valueShape(q);
  if (q.getType() === 'expression') return 'text';
  if (shape === 'number' || shape === 'boolean' || shape === 'choices') return shape;
  if (shape === 'text') return DATE_INPUTS.has((q as any).inputType) ? 'date' : 'text';
  return 'choice';
}

/** The role a question carries, or the safe default: free text for anything typed freely. */
function roleOf(q: Question, type: VarType): DisclosureRole {
  const declared = (q as any).sdcRole as string | undefined;
  if (declared && (disclosureRoles as readonly string[]).includes(declared)) return declared as DisclosureRole;
  if (type === 'text') return 'free-text';
  if (type === 'date') return 'date';
  return 'none';
}

function choicesOf(q: Question, fallback: Array<{ value: unknown; text: string }> = []): Array<{ value: string; label: string }> {
  const anyQ = q as any;
  if (q.getType() === 'rating')
    return (anyQ.visibleRateValues ?? []).map((r: any) => ({ value: String(r.value), label: text(r.text) || String(r.value) }));
  if (q.getType() === 'boolean')
    return [
      { value: '1', label: text(anyQ.labelTrue) || 'Yes' },
      { value: '0', label: text(anyQ.labelFalse) || 'No' },
    ];
  // Choices taken from another question (`choicesFromQuestion`) are that question's choices.
  const source = anyQ.choicesFromQuestion ? (q.survey as any)?.getQuestionByName?.(anyQ.choicesFromQuestion) : undefined;
  const own = anyQ.choices?.length ? anyQ.choices : source?.choices?.length ? source.choices : fallback;
  const items = (own ?? []) as Array<{ value: unknown; text: string }>;
  const out = items.map((c) => ({ value: String(c.value), label: text(c.text) || String(c.value) }));
  for (const [flag, item] of [
    ['showOtherItem', 'otherItem'],
    ['showNoneItem', 'noneItem'],
    ['showRefuseItem', 'refuseItem'],
    ['showDontKnowItem', 'dontKnowItem'],
  ] as const)
    if (anyQ[flag] && anyQ[item]) out.push({ value: String(anyQ[item].value), label: text(anyQ[item].text) });
  return out;
}

interface Builder {
  version: string;
  opts: LayoutOptions;
  add(v: Omit<Variable, 'versions'>): void;
  addRepeat(r: Omit<RepeatTable, 'versions'>): void;
}

function scalar(
  b: Builder,
  q: Question,
  top: string,
  table: string,
  name: string,
  path: string[],
  hiddenPath: string,
  fallback?: Array<{ value: unknown; text: string }>,
) {
  const type = typeOf(q);
  const anyQ = q as any;
  const base = {
    table,
    question: top,
    label: text(q.title) || q.name,
    type,
    format: type === 'date' ? (anyQ.inputType as string) : undefined,
    choices: type === 'text' || type === 'number' || type === 'date' ? [] : choicesOf(q, fallback),
    role: roleOf(q, type),
    recode: anyQ.sdcRecode as RecodeRule | undefined,
    hiddenPath,
  };
  if (type === 'choices' && b.opts.splitMultiple)
    for (const c of base.choices)
      b.add({
        ...base,
        name: `${name}.${c.value}`,
        label: `${base.label}: ${c.label}`,
        type: 'boolean',
        choices: [
          { value: '1', label: 'selected' },
          { value: '0', label: 'not selected' },
        ],
        read: { kind: 'flag', path, choice: c.value },
      });
  else b.add({ ...base, name, read: { kind: 'value', path } });
  if (anyQ.hasComment || anyQ.hasOther)
    b.add({
      ...base,
      name: `${name}-Comment`,
      label: `${base.label} (comment)`,
      type: 'text',
      format: undefined,
      choices: [],
      role: 'free-text',
      recode: undefined,
      read: { kind: 'value', path: [...path.slice(0, -1), `${path.at(-1)}-Comment`] },
    });
}

function container(b: Builder, questions: Question[], table: string, prefix: string, top: string | undefined) {
  for (const q of questions) {
    if (NO_VALUE.has(q.getType())) continue;
    const anyQ = q as any;
    const name = q.getValueName();
    const column = prefix + name;
    const owner = top ?? name;
    switch (q.getType()) {
      case 'paneldynamic': {
        const repeat = table ? `${table}.${name}` : name;
        b.addRepeat({ name: repeat, parent: table, path: [name] });
        container(b, anyQ.template?.questions ?? [], repeat, '', owner);
        break;
      }
      case 'matrixdynamic': {
        const repeat = table ? `${table}.${name}` : name;
        b.addRepeat({ name: repeat, parent: table, path: [name] });
        const fallback = anyQ.choices ?? [];
        for (const col of anyQ.columns ?? []) scalar(b, col.templateQuestion, owner, repeat, col.name, [col.name], col.name, fallback);
        break;
      }
      case 'matrixdropdown': {
        const fallback = anyQ.choices ?? [];
        for (const row of anyQ.rows ?? [])
          for (const col of anyQ.columns ?? [])
            scalar(
              b,
              col.templateQuestion,
              owner,
              table,
              `${column}.${row.value}.${col.name}`,
              [name, String(row.value), col.name],
              `${name}.${row.value}.${col.name}`,
              fallback,
            );
        break;
      }
      case 'matrix':
        for (const row of anyQ.rows ?? [])
          b.add({
            table,
            question: owner,
            name: `${column}.${row.value}`,
            label: `${text(q.title) || q.name}: ${text(row.text) || row.value}`,
            type: 'choice',
            choices: (anyQ.columns ?? []).map((c: any) => ({ value: String(c.value), label: text(c.text) || String(c.value) })),
            role: roleOf(q, 'choice'),
            recode: anyQ.sdcRecode,
            read: { kind: 'value', path: [name, String(row.value)] },
            hiddenPath: name,
          });
        break;
      case 'multipletext':
        for (const item of anyQ.items ?? [])
          scalar(b, item.editor, owner, table, `${column}.${item.name}`, [name, item.name], `${name}.${item.name}`);
        break;
      default:
        scalar(b, q, owner, table, column, [name], name);
    }
  }
}

/** Variables and repeat tables of every version, united in order of first appearance. */
export function datasetLayout(versions: Array<{ version: string; definition: object }>, opts: LayoutOptions): Layout {
  const vars = new Map<string, Variable>();
  const repeats = new Map<string, RepeatTable>();
  for (const { version, definition } of versions) {
    const model = createModel(definition);
    if (opts.lang) model.locale = opts.lang;
    const b: Builder = {
      version,
      opts,
      add(v) {
        const key = `${v.table}\u0000${v.name}`;
        const seen = vars.get(key);
        if (!seen) vars.set(key, { ...v, versions: [version] });
        else {
          const choices = [...seen.choices];
          for (const c of v.choices) if (!choices.some((x) => x.value === c.value)) choices.push(c);
          vars.set(key, {
            ...seen,
            ...v,
            choices: v.choices.length ? [...v.choices, ...choices.filter((c) => !v.choices.some((x) => x.value === c.value))] : choices,
            versions: [...seen.versions, version],
          });
        }
      },
      addRepeat(r) {
        const seen = repeats.get(r.name);
        repeats.set(r.name, { ...r, versions: [...(seen?.versions ?? []), version] });
      },
    };
    container(b, model.getAllQuestions(false, false, false) as Question[], '', '', undefined);
  }
  return { variables: [...vars.values()], repeats: [...repeats.values()] };
}
