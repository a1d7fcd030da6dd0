// XLSForm question types and columns -> SurveyJS question JSON. What has no exact SurveyJS
// equivalent is refused with the reason (media, geo, metadata, external selects), so a converted
// form never behaves differently from the workbook without the author being told.
import { surveyjsBase, type Context, type Row } from './row';

/** Periplus's question properties a survey-sheet column may carry (questionnaires/custom-properties.ts). */
export const QUESTION_PROPERTIES = {
  text: ['sdcRole', 'articleRef', 'cluster', 'obligation', 'elementId', 'changeNote', 'practiceIndicator'],
  json: ['sdcRecode', 'legalElements'],
  boolean: ['coreElement', 'essenceElement'],
};

export const SURVEY_COLUMNS: ReadonlySet<string> = new Set([
  'type',
  'name',
  'label',
  'hint',
  'guidance_hint',
  'required',
  'required_message',
  'relevant',
  'constraint',
  'constraint_message',
  'default',
  'calculation',
  'read_only',
  'choice_filter',
  'appearance',
  'parameters',
  'repeat_count',
  'image',
  'audio',
  'video',
  'big-image',
  'trigger',
  'surveyjs',
  ...QUESTION_PROPERTIES.text,
  ...QUESTION_PROPERTIES.json,
  ...QUESTION_PROPERTIES.boolean,
]);

export type RowType =
  | { kind: 'begin'; container: 'group' | 'repeat'; xlsform: string; list?: undefined }
  | { kind: 'end'; container: 'group' | 'repeat'; xlsform: string; list?: undefined }
  | { kind: 'question'; xlsform: string; list?: string; other?: boolean };

const SIMPLE: Record<string, string> = {
  text: 'text',
  string: 'text',
  integer: 'integer',
  int: 'integer',
  decimal: 'decimal',
  range: 'range',
  date: 'date',
  time: 'time',
  datetime: 'dateTime',
  note: 'note',
  acknowledge: 'acknowledge',
  trigger: 'acknowledge',
  calculate: 'calculate',
  hidden: 'hidden',
  // Metadata that identifies no one: when the interview was opened and finished.
  start: 'start',
  end: 'end',
  today: 'today',
};

const UNSUPPORTED: Record<string, string> = {
  image: 'media',
  photo: 'media',
  audio: 'media',
  video: 'media',
  file: 'media',
  'background-audio': 'media',
  geopoint: 'geo',
  gps: 'geo',
  geotrace: 'geo',
  geoshape: 'geo',
  'start-geopoint': 'geo',
  barcode: 'barcode',
  deviceid: 'metadata',
  subscriberid: 'metadata',
  simserial: 'metadata',
  phonenumber: 'metadata',
  'phone number': 'metadata',
  username: 'metadata',
  email: 'metadata',
  audit: 'metadata',
  xml_external: 'external data',
  csv_external: 'external data',
};

const REASONS: Record<string, string> = {
  media: 'media questions (image, audio, video, file) are not supported yet',
  geo: 'geo questions (geopoint, geotrace, geoshape) are not supported yet',
  barcode: 'barcode questions are not supported yet',
  metadata:
    'device and user identifiers are not collected: Periplus records who submitted itself, and never the phone number or device identifiers of an interview',
  'external data': 'external data files are not supported',
};

export function parseType(text: string): RowType | { error: string } {
  const t = text.trim().replace(/\s+/g, ' ');
  const lower = t.toLowerCase();
  const container = lower.match(/^(begin|end)[ _](group|repeat)$/);
  if (container) return { kind: container[1] as 'begin' | 'end', container: container[2] as 'group' | 'repeat', xlsform: lower };
  if (/^(begin|end)[ _]loop/.test(lower)) return { error: "'begin loop' is not supported: use a repeat with repeat_count" };
  if (SIMPLE[lower]) return { kind: 'question', xlsform: SIMPLE[lower]! };
  if (UNSUPPORTED[lower]) return { error: `type '${t}': ${REASONS[UNSUPPORTED[lower]!]}` };
  let m = t.match(/^(select_one|select_multiple|rank)\s+(\S+)(\s+or_other)?$/i);
  if (m) return { kind: 'question', xlsform: m[1]!.toLowerCase(), list: m[2]!, other: !!m[3] };
  m = t.match(/^select (one|all that apply) from (\S+)( or specify other)?$/i);
  if (m) return { kind: 'question', xlsform: m[1]!.toLowerCase() === 'one' ? 'select_one' : 'select_multiple', list: m[2]!, other: !!m[3] };
  m = t.match(/^(select_one|select_multiple)_from_file\s+(\S+\.csv)$/i);
  if (m) return { kind: 'question', xlsform: m[1]!.toLowerCase(), list: `file:${m[2]}` };
  if (/_from_file\s/i.test(t)) return { error: `type '${t}': only CSV files are supported for choices from a file` };
  if (/^select_(one|multiple)_external\b/i.test(t))
    return { error: `type '${t}': select_one_external is not supported: use select_one with choice_filter` };
  return { error: `type '${t}' is not supported` };
}

/** Text inputs of SurveyJS for XLSForm's typed inputs. */
const INPUT_TYPES: Record<string, string> = { decimal: 'number', date: 'date', time: 'time', dateTime: 'datetime-local' };

const TRUE = /^(yes|true|true\(\))$/i;
const FALSE = /^(no|false|false\(\))?$/i;

/** Appearances with a SurveyJS equivalent, per question kind. */
function applyAppearance(el: Record<string, unknown>, xlsform: string, appearance: string, row: Row, ctx: Context): void {
  for (const a of appearance.split(/\s+/).filter(Boolean)) {
    if (xlsform === 'text' && a === 'multiline') el.type = 'comment';
    else if ((xlsform === 'select_one' || xlsform === 'select_multiple') && (a === 'minimal' || a === 'autocomplete' || a === 'search'))
      el.type = xlsform === 'select_one' ? 'dropdown' : 'tagbox';
    else if (
      (xlsform === 'select_one' || xlsform === 'select_multiple') &&
      ['horizontal', 'horizontal-compact', 'compact', 'likert', 'columns', 'quick'].includes(a)
    ) {
      if (a !== 'quick') el.colCount = 0;
    } else if (xlsform === 'range' && a === 'rating') el.type = 'rating';
    else if (xlsform === 'integer' && a === 'thousands-sep') continue;
    else
      ctx.warnings.push({
        ...row.at('appearance'),
        message: `appearance '${a}' has no SurveyJS equivalent for ${xlsform}: the question shows in its default form`,
      });
  }
}

function parameters(row: Row, ctx: Context): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of row
    .cell('parameters')
    .split(/[\s;,]+/)
    .filter(Boolean)) {
    const [k, v] = part.split('=');
    if (!k || v === undefined) ctx.errors.push({ ...row.at('parameters'), message: `parameter '${part}' is not key=value` });
    else out.set(k.trim().toLowerCase(), v.trim());
  }
  return out;
}

/** The SurveyJS element of one question row, or null after an error is recorded. */
export function questionElement(row: Row, repeats: string[], ctx: Context, conditions: string[] = []): Record<string, unknown> | null {
  const t = row.type;
  if (t.kind !== 'question') return null;
  for (const media of ['image', 'audio', 'video', 'big-image'])
    if (row.texts(media).size) ctx.errors.push({ ...row.at(media), message: `media (${media}) is not supported yet` });
  if (row.cell('trigger')) ctx.errors.push({ ...row.at('trigger'), message: 'the trigger column is not supported' });
  const base = surveyjsBase(row, ctx);
  if (base) return fromBase(base, row, ctx);
  const el: Record<string, unknown> = { name: row.name };
  const self = repeats.length ? `{panel.${row.name}}` : `{${row.name}}`;
  const params = parameters(row, ctx);
  const x = t.xlsform;
  switch (x) {
    case 'text':
      el.type = 'text';
      break;
    case 'integer':
      // ODK keeps the whole part of what is typed; a submission must hold a whole number.
      Object.assign(el, {
        type: 'text',
        inputType: 'number',
        validators: [{ type: 'expression', expression: `xeq(${self}, '') or xeq(${self}, xint(${self}))`, text: 'Enter a whole number.' }],
      });
      break;
    case 'decimal':
    case 'date':
    case 'time':
    case 'dateTime':
      Object.assign(el, { type: 'text', inputType: INPUT_TYPES[x] });
      break;
    case 'range': {
      const n = (k: string, d: number) => (params.has(k) ? Number(params.get(k)) : d);
      const [min, max, step] = [n('start', 1), n('end', 10), n('step', 1)];
      if ([min, max, step].some(Number.isNaN) || step <= 0)
        ctx.errors.push({ ...row.at('parameters'), message: 'range needs numeric start, end and a positive step' });
      Object.assign(el, { type: 'text', inputType: 'range', min, max, step });
      params.delete('start');
      params.delete('end');
      params.delete('step');
      break;
    }
    case 'note':
      el.type = 'html';
      break;
    case 'acknowledge':
      Object.assign(el, { type: 'boolean', renderAs: 'checkbox', valueTrue: 'OK' });
      break;
    // Not shown, yet stored with the answers as ODK stores them: survey-core (on the server too)
    // keeps the value of a question that says so when it is not visible; a calculation is
    // computed again by the server's model, never taken from the device.
    case 'calculate':
      Object.assign(el, { type: 'expression', visible: false, clearIfInvisible: 'none' });
      break;
    case 'hidden':
      Object.assign(el, { type: 'text', visible: false, clearIfInvisible: 'none' });
      break;
    case 'start':
    case 'end':
    case 'today':
      // Set by the form itself, once: start and today when it opens, end when it is completed
      // (web/client/form.ts; an expression would be computed again later).
      Object.assign(el, { type: 'text', visible: false, clearIfInvisible: 'none', metadata: x });
      break;
    case 'select_one':
    case 'select_multiple':
    case 'rank': {
      el.type = x === 'select_one' ? 'radiogroup' : x === 'select_multiple' ? 'checkbox' : 'ranking';
      const list = ctx.lists.get(t.list!);
      if (!list) {
        ctx.errors.push({
          ...row.at('type'),
          message: t.list!.startsWith('file:')
            ? `the file '${t.list!.slice(5)}' was not given with the form`
            : `choice list '${t.list}' is not on the choices sheet`,
        });
        return null;
      }
      const filter = row.cell('choice_filter');
      el.choices = list.choices.map((c) => {
        const text = ctx.localized(c.labels);
        const item: Record<string, unknown> = { value: c.name, ...(text !== undefined ? { text } : {}) };
        if (filter) {
          const visibleIf = ctx.xpath(row, 'choice_filter', 'condition', repeats, { choice: { name: c.name, ...c.columns } });
          if (visibleIf) item.visibleIf = visibleIf;
        }
        return item;
      });
      if (t.other) el.showOtherItem = true;
      if (params.get('randomize') === 'true') el.choicesOrder = 'random';
      params.delete('randomize');
      break;
    }
  }
  for (const k of params.keys()) ctx.errors.push({ ...row.at('parameters'), message: `parameter '${k}' is not supported for ${x}` });
  const label = ctx.localized(row.texts('label'));
  if (label !== undefined) el[x === 'note' ? 'html' : 'title'] = label;
  else if (x === 'note') ctx.errors.push({ ...row.at('label'), message: 'a note needs a label' });
  const hint = ctx.localized(row.texts('hint'));
  if (hint !== undefined) el.description = hint;
  const guidance = ctx.localized(row.texts('guidance_hint'));
  if (guidance !== undefined) el.guidanceHint = guidance;
  const appearance = row.cell('appearance');
  if (appearance) applyAppearance(el, x, appearance, row, ctx);
  const visibleIf = ctx.xpath(row, 'relevant', 'condition', repeats);
  if (visibleIf) el.visibleIf = visibleIf;
  const required = row.cell('required');
  if (TRUE.test(required)) el.isRequired = true;
  else if (!FALSE.test(required)) {
    const requiredIf = ctx.xpath(row, 'required', 'condition', repeats);
    if (requiredIf) el.requiredIf = requiredIf;
  }
  const requiredText = ctx.localized(row.texts('required_message'));
  if (requiredText !== undefined) el.requiredErrorText = requiredText;
  if (TRUE.test(row.cell('read_only'))) el.readOnly = true;
  else if (!FALSE.test(row.cell('read_only'))) ctx.errors.push({ ...row.at('read_only'), message: 'read_only must be yes or no' });
  const constraint = ctx.xpath(row, 'constraint', 'condition', repeats);
  if (constraint) {
    // ODK checks a constraint only on an answered question.
    const text = ctx.localized(row.texts('constraint_message'));
    el.validators = [
      ...((el.validators as unknown[]) ?? []),
      { type: 'expression', expression: `xeq(${self}, '') or ${constraint}`, ...(text !== undefined ? { text } : {}) },
    ];
  } else if (row.texts('constraint_message').size)
    ctx.warnings.push({ ...row.at('constraint_message'), message: 'constraint_message without a constraint is not used' });
  const calculation = ctx.xpath(row, 'calculation', 'expression', repeats);
  if (calculation) {
    // ODK computes no value for a calculation that is not relevant (its own or a group's), and
    // reads it as empty: the expression says so, as SurveyJS computes hidden expressions too.
    if (x === 'calculate') {
      const relevant = [...conditions, ...(visibleIf ? [visibleIf] : [])];
      el.expression = relevant.length ? `iif(${relevant.map((c) => `(${c})`).join(' and ')}, ${calculation}, '')` : calculation;
    } else if (x === 'note' || x === 'acknowledge' || x === 'start' || x === 'end' || x === 'today')
      ctx.errors.push({ ...row.at('calculation'), message: `a calculation on a ${x} row is not supported: use a calculate row` });
    // ODK computes the value when the form opens and again whenever what it reads changes, and
    // keeps it so (an answer typed over it does not hold): read-only, as ODK's engine behaves.
    else Object.assign(el, { defaultValueExpression: calculation, setValueExpression: calculation, readOnly: true });
  } else if (x === 'calculate' && !row.cell('calculation'))
    ctx.errors.push({ ...row.at('calculation'), message: 'a calculate row needs a calculation' });
  const def = row.cell('default');
  if (def) {
    if (/\$\{|\(/.test(def)) {
      const expression = ctx.xpath(row, 'default', 'expression', repeats);
      if (expression) el.defaultValueExpression = expression;
    } else if (x === 'select_multiple') el.defaultValue = def.split(/\s+/);
    else if (x === 'integer' || x === 'decimal' || x === 'range') {
      if (Number.isNaN(Number(def))) ctx.errors.push({ ...row.at('default'), message: `default '${def}' is not a number` });
      else el.defaultValue = Number(def);
    } else el.defaultValue = def;
  }
  periplusProperties(el, row, ctx);
  return el;
}

function periplusProperties(el: Record<string, unknown>, row: Row, ctx: Context): void {
  for (const p of QUESTION_PROPERTIES.text) if (row.cell(p)) el[p] = row.cell(p);
  for (const p of QUESTION_PROPERTIES.boolean) if (row.cell(p)) el[p] = TRUE.test(row.cell(p));
  for (const p of QUESTION_PROPERTIES.json) {
    const v = row.cell(p);
    if (!v) continue;
    try {
      el[p] = JSON.parse(v) as unknown;
    } catch {
      ctx.errors.push({ ...row.at(p), message: `${p} must be JSON` });
    }
  }
}

/** The text as the JSON wrote it when the workbook says the same (`{ default: 'x' }` for 'x'). */
function sameText(written: unknown, read: unknown): unknown {
  const norm = (v: unknown) => JSON.stringify(typeof v === 'string' ? { default: v } : v);
  return written !== undefined && norm(written) === norm(read) ? written : read;
}

/**
 * A row written by Periplus: the element as it was (its `surveyjs` cell), with the texts of the
 * workbook (label, hint, choice labels: what translators edit) and Periplus's properties laid over.
 */
function fromBase(base: Record<string, unknown>, row: Row, ctx: Context): Record<string, unknown> {
  const el: Record<string, unknown> = { ...base, name: row.name };
  const textKey = el.type === 'html' ? 'html' : 'title';
  const label = ctx.localized(row.texts('label'));
  if (label !== undefined) el[textKey] = sameText(base[textKey], label);
  const hint = ctx.localized(row.texts('hint'));
  if (hint !== undefined) el.description = sameText(base.description, hint);
  const list = row.type.kind === 'question' && row.type.list ? ctx.lists.get(row.type.list) : undefined;
  if (list && Array.isArray(el.choices))
    el.choices = (el.choices as unknown[]).map((c) => {
      const item = c && typeof c === 'object' ? { ...(c as Record<string, unknown>) } : null;
      const value = String(item ? item.value : c);
      const text = ctx.localized(list.choices.find((x) => x.name === value)?.labels ?? new Map());
      if (!item) return text === undefined || text === value ? c : { value: c, text };
      if (text !== undefined) item.text = sameText(item.text, text);
      return item;
    });
  periplusProperties(el, row, ctx);
  return el;
}
