// The XPath 1.0 of XLSForm columns (relevant, constraint, calculation, required, choice_filter,
// default, repeat_count), parsed into a small tree and written back as a SurveyJS expression.
// Only what ODK forms use is accepted; anything else is refused with the reason, never guessed.
// SurveyJS operators are used where their semantics match XPath's on a form's values; where they
// do not (string concatenation, membership in a multiple choice, counts, dates), the expression
// calls one of the functions of questionnaires/xpath-functions.ts, which implement XPath's.

export type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'ref'; name: string }
  | { k: 'self' }
  | { k: 'parent' }
  | { k: 'bare'; name: string }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'bin'; op: string; l: Node; r: Node }
  | { k: 'neg'; e: Node };

export class XPathError extends Error {}

type Token = { t: 'num' | 'str' | 'ref' | 'name' | 'op' | 'punct'; v: string };

const OPERATOR_WORDS = new Set(['and', 'or', 'div', 'mod']);

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    let m: RegExpMatchArray | null;
    if ((m = rest.match(/^\$\{\s*([^}\s]+)\s*\}/))) out.push({ t: 'ref', v: m[1]! });
    else if ((m = rest.match(/^(\d+(\.\d*)?|\.\d+)/))) out.push({ t: 'num', v: m[0] });
    else if ((m = rest.match(/^'([^']*)'|^"([^"]*)"/))) out.push({ t: 'str', v: m[1] ?? m[2]! });
    else if ((m = rest.match(/^(!=|<=|>=|=|<|>|\+|-|\*|\||\/\/?|\.\.|\.|@)/))) out.push({ t: 'op', v: m[0] });
    else if ((m = rest.match(/^[(),[\]]/))) out.push({ t: 'punct', v: m[0] });
    else if ((m = rest.match(/^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?/))) out.push({ t: 'name', v: m[0] });
    else throw new XPathError(`unexpected character '${ch}' at position ${i + 1}`);
    i += m[0].length;
  }
  return out;
}

/** Parses one XPath expression of an XLSForm cell. */
export function parseXPath(text: string): Node {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  const isOp = (v: string) => {
    const t = peek();
    // After an operand, `and`, `or`, `div`, `mod` and `*` are operators (XPath's disambiguation rule).
    return t !== undefined && ((t.t === 'op' && t.v === v) || (t.t === 'name' && OPERATOR_WORDS.has(v) && t.v === v));
  };
  const expect = (v: string) => {
    const t = tokens[at++];
    if (!t || t.v !== v) throw new XPathError(`expected '${v}'${t ? ` but found '${t.v}'` : ' at the end'}`);
  };
  const binary = (ops: string[], next: () => Node) => (): Node => {
    let l = next();
    for (;;) {
      const op = ops.find(isOp);
      if (!op) return l;
      at++;
      l = { k: 'bin', op, l, r: next() };
    }
  };
  const primary = (): Node => {
    const t = tokens[at++];
    if (!t) throw new XPathError('the expression ends too early');
    if (t.t === 'num') return { k: 'num', v: Number(t.v) };
    if (t.t === 'str') return { k: 'str', v: t.v };
    if (t.t === 'ref') return { k: 'ref', name: t.v };
    if (t.t === 'op' && t.v === '.') return { k: 'self' };
    if (t.t === 'op' && t.v === '..') return { k: 'parent' };
    if (t.t === 'op' && t.v === '-') return { k: 'neg', e: unary() };
    if (t.t === 'punct' && t.v === '(') {
      const e = or();
      expect(')');
      return e;
    }
    if (t.t === 'name' && peek()?.v === '(') {
      at++;
      const args: Node[] = [];
      if (peek()?.v !== ')')
        for (;;) {
          args.push(or());
          if (peek()?.v !== ',') break;
          at++;
        }
      expect(')');
      return { k: 'call', name: t.v, args };
    }
    // A bare name: a column of the choices sheet in a choice_filter, or a path step (refused later).
    if (t.t === 'name') return { k: 'bare', name: t.v };
    throw new XPathError(`unexpected '${t.v}'`);
  };
  const unary = (): Node => primary();
  const mult = binary(['*', 'div', 'mod'], unary);
  const add = binary(['+', '-'], mult);
  const rel = binary(['<=', '>=', '<', '>'], add);
  const eq = binary(['=', '!='], rel);
  const and = binary(['and'], eq);
  const or = binary(['or'], and);
  if (tokens.length === 0) throw new XPathError('empty expression');
  const tree = or();
  const left = peek();
  if (left) {
    if (left.t === 'op' && ['/', '//', '|', '@'].includes(left.v))
      throw new XPathError(`paths ('${left.v}') are not supported: use \${name}`);
    throw new XPathError(`unexpected '${left.v}'`);
  }
  return tree;
}

/** What the writer needs to know of the form around an expression. */
export interface XPathContext {
  /** The question the expression belongs to (for `.`), or null for form-level expressions. */
  self: string | null;
  /** Repeats enclosing the expression's question, outermost first. */
  repeats: string[];
  /**
   * Every question by name: its XLSForm type and the repeats enclosing it (outermost first); a
   * repeat's `count` is its repeat_count as a SurveyJS operand (`2`, `{n}`) when it has one.
   */
  questions: Map<string, { type: string; repeats: string[]; count?: string }>;
  /** Values of the choice row a choice_filter is evaluated for (bare names). */
  choice?: Record<string, string>;
  /** Labels by choice name of a question's list, for jr:choice-name(). */
  choiceLabels?: (question: string) => Map<string, string> | undefined;
}

const quote = (s: string) => (s.includes("'") ? `"${s.replace(/"/g, '')}"` : `'${s}'`);

const BOOLEAN_CALLS = new Set(['selected', 'regex', 'contains', 'starts-with', 'ends-with', 'not', 'true', 'false', 'boolean']);

/** Whether a node yields a boolean in XPath (so a condition needs no conversion). */
function isBoolean(n: Node): boolean {
  if (n.k === 'bin') return ['and', 'or', '=', '!=', '<', '>', '<=', '>='].includes(n.op);
  return n.k === 'call' && BOOLEAN_CALLS.has(n.name);
}

/** A SurveyJS condition (relevant, required, constraint, choice_filter). */
export function toCondition(tree: Node, ctx: XPathContext): string {
  const text = write(tree, ctx);
  return isBoolean(tree) ? text : `xbool(${text})`;
}

/** A SurveyJS expression with XPath's value (calculation, default, repeat_count). */
export function toExpression(tree: Node, ctx: XPathContext): string {
  return write(tree, ctx);
}

function reference(name: string, ctx: XPathContext, aggregate = false): string {
  const q = ctx.questions.get(name);
  if (!q) throw new XPathError(`\${${name}} names no question of the form`);
  // The innermost repeat the question and the expression share decides how to reach the value.
  let shared = 0;
  while (shared < q.repeats.length && shared < ctx.repeats.length && q.repeats[shared] === ctx.repeats[shared]) shared++;
  if (shared < q.repeats.length && !aggregate)
    throw new XPathError(
      `\${${name}} is inside repeat '${q.repeats[shared]}', which does not enclose this expression: use sum(), count() or indexed-repeat()`,
    );
  if (shared === 0) return `{${name}}`;
  const up = ctx.repeats.length - shared;
  if (up === 0) return `{panel.${name}}`;
  if (up === 1) return `{parentPanel.${name}}`;
  throw new XPathError(`\${${name}} is ${up} repeats out from this expression: at most one level is supported`);
}

function selfReference(ctx: XPathContext): string {
  if (!ctx.self) throw new XPathError("'.' has no question here");
  return ctx.repeats.length ? `{panel.${ctx.self}}` : `{${ctx.self}}`;
}

/** The repeat and the column a node-set argument of sum()/count()/max()/min() stands for. */
function inRepeat(arg: Node, ctx: XPathContext, fn: string): { repeat: string; column: string | null } {
  if (arg.k !== 'ref') throw new XPathError(`${fn}() takes \${name} of a repeat or of a question inside one`);
  const q = ctx.questions.get(arg.name);
  if (!q) throw new XPathError(`\${${arg.name}} names no question of the form`);
  if (q.type === 'begin repeat') return { repeat: arg.name, column: null };
  const repeat = q.repeats.at(-1);
  if (!repeat || ctx.repeats.includes(repeat))
    throw new XPathError(`${fn}(\${${arg.name}}) needs a question inside a repeat, read from outside it`);
  if (q.repeats.length > 1) throw new XPathError(`${fn}(\${${arg.name}}): questions of nested repeats cannot be aggregated`);
  return { repeat, column: arg.name };
}

/** Functions written as one of ours with the same arguments (questionnaires/xpath-functions.ts). */
const SAME_ARGUMENTS: Record<string, { name: string; min: number; max: number }> = {
  selected: { name: 'xselected', min: 2, max: 2 },
  'count-selected': { name: 'xcountSelected', min: 1, max: 1 },
  'selected-at': { name: 'xselectedAt', min: 2, max: 2 },
  coalesce: { name: 'xcoalesce', min: 2, max: 2 },
  concat: { name: 'xconcat', min: 1, max: 50 },
  'string-length': { name: 'xstringLength', min: 1, max: 1 },
  regex: { name: 'xregex', min: 2, max: 2 },
  contains: { name: 'xcontains', min: 2, max: 2 },
  'starts-with': { name: 'xstartsWith', min: 2, max: 2 },
  'ends-with': { name: 'xendsWith', min: 2, max: 2 },
  substr: { name: 'xsubstr', min: 2, max: 3 },
  round: { name: 'xround', min: 1, max: 2 },
  int: { name: 'xint', min: 1, max: 1 },
  number: { name: 'xnumber', min: 1, max: 1 },
  string: { name: 'xstring', min: 1, max: 1 },
  boolean: { name: 'xbool', min: 1, max: 1 },
  date: { name: 'xdate', min: 1, max: 1 },
  'format-date': { name: 'xformatDate', min: 2, max: 2 },
  today: { name: 'xtoday', min: 0, max: 0 },
  now: { name: 'xnow', min: 0, max: 0 },
  abs: { name: 'xabs', min: 1, max: 1 },
  floor: { name: 'xfloor', min: 1, max: 1 },
  ceiling: { name: 'xceiling', min: 1, max: 1 },
  pow: { name: 'xpow', min: 2, max: 2 },
  'normalize-space': { name: 'xnormalizeSpace', min: 1, max: 1 },
  translate: { name: 'xtranslate', min: 3, max: 3 },
  'substring-before': { name: 'xsubstringBefore', min: 2, max: 2 },
  'substring-after': { name: 'xsubstringAfter', min: 2, max: 2 },
  max: { name: 'xmax', min: 2, max: 50 },
  min: { name: 'xmin', min: 2, max: 50 },
};

const BINARY: Record<string, string> = { and: 'and', or: 'or', '=': 'xeq', '!=': 'xne', '<': 'xlt', '>': 'xgt', '<=': 'xle', '>=': 'xge' };
const ARITHMETIC: Record<string, string> = { '+': 'xadd', '-': 'xsub', '*': 'xmul', div: 'xdiv', mod: 'xmod' };

function write(n: Node, ctx: XPathContext): string {
  switch (n.k) {
    case 'num':
      return String(n.v);
    case 'str':
      return quote(n.v);
    case 'ref':
      return reference(n.name, ctx);
    case 'self':
      return selfReference(ctx);
    case 'parent':
      throw new XPathError("'..' is supported only in position(..)");
    case 'bare':
      if (ctx.choice && n.name in ctx.choice) return quote(ctx.choice[n.name]!);
      if (ctx.choice) throw new XPathError(`'${n.name}' is not a column of the choices sheet`);
      throw new XPathError(`'${n.name}' is a path: use \${name}`);
    case 'neg':
      return `xsub(0, ${write(n.e, ctx)})`;
    case 'bin': {
      const l = write(n.l, ctx);
      const r = write(n.r, ctx);
      if (n.op === 'and' || n.op === 'or') return `(${asCondition(n.l, l)} ${n.op} ${asCondition(n.r, r)})`;
      return `${BINARY[n.op] ?? ARITHMETIC[n.op]}(${l}, ${r})`;
    }
    case 'call':
      return call(n, ctx);
  }
}

function asCondition(n: Node, text: string): string {
  return isBoolean(n) ? text : `xbool(${text})`;
}

function call(n: { name: string; args: Node[] }, ctx: XPathContext): string {
  const arity = (min: number, max: number) => {
    if (n.args.length < min || n.args.length > max)
      throw new XPathError(`${n.name}() takes ${min === max ? min : `${min} to ${max}`} argument(s), not ${n.args.length}`);
  };
  const args = () => n.args.map((a) => write(a, ctx));
  switch (n.name) {
    case 'true':
    case 'false':
      arity(0, 0);
      return n.name;
    case 'not':
      arity(1, 1);
      return `!(${asCondition(n.args[0]!, write(n.args[0]!, ctx))})`;
    case 'if':
      arity(3, 3);
      return `iif(${asCondition(n.args[0]!, write(n.args[0]!, ctx))}, ${write(n.args[1]!, ctx)}, ${write(n.args[2]!, ctx)})`;
    case 'position': {
      arity(1, 1);
      if (n.args[0]!.k !== 'parent') throw new XPathError('position() is supported as position(..)');
      if (ctx.repeats.length === 0) throw new XPathError('position(..) outside a repeat');
      return 'xadd({panelIndex}, 1)';
    }
    // Over a repeat, ODK counts its instances, answered or not; SurveyJS keeps a value only for
    // panels with answers, so the instance count goes along where the repeat fixes it.
    case 'count':
    case 'sum': {
      arity(1, 1);
      const { repeat, column } = inRepeat(n.args[0]!, ctx, n.name);
      const list = reference(repeat, ctx, true);
      const count = ctx.questions.get(repeat)?.count;
      if (n.name === 'count') return `xcount(${list}${count ? `, ${count}` : ''})`;
      if (!column) throw new XPathError('sum() takes a question inside a repeat');
      return `xsum(${list}, '${column}'${count ? `, ${count}` : ''})`;
    }
    case 'max':
    case 'min':
      if (n.args.length === 1) {
        const { repeat, column } = inRepeat(n.args[0]!, ctx, n.name);
        if (!column) throw new XPathError(`${n.name}() takes a question inside a repeat`);
        const count = ctx.questions.get(repeat)?.count;
        return `x${n.name}Of(${reference(repeat, ctx, true)}, '${column}'${count ? `, ${count}` : ''})`;
      }
      break;
    case 'indexed-repeat': {
      arity(3, 3);
      const [value, repeat, index] = n.args as [Node, Node, Node];
      if (value.k !== 'ref' || repeat.k !== 'ref') throw new XPathError('indexed-repeat() takes ${question}, ${repeat}, index');
      const where = inRepeat(value, { ...ctx, repeats: [] }, 'indexed-repeat');
      if (where.repeat !== repeat.name) throw new XPathError(`\${${value.name}} is not a question of repeat '${repeat.name}'`);
      return `xindexedRepeat(${reference(repeat.name, { ...ctx, repeats: [] }, true)}, '${value.name}', ${write(index, ctx)})`;
    }
    case 'jr:choice-name': {
      arity(2, 2);
      const target = n.args[1]!;
      const name = target.k === 'str' ? target.v.match(/^\$\{(.+)\}$/)?.[1] : undefined;
      const labels = name ? ctx.choiceLabels?.(name) : undefined;
      if (!labels) throw new XPathError("jr:choice-name() takes a value and '${question}' of a select question");
      return `xchoiceName(${write(n.args[0]!, ctx)}, [${[...labels.keys()].map(quote).join(', ')}], [${[...labels.values()].map(quote).join(', ')}])`;
    }
  }
  const same = SAME_ARGUMENTS[n.name];
  if (!same) throw new XPathError(`function ${n.name}() is not supported`);
  arity(same.min, same.max);
  return `${same.name}(${args().join(', ')})`;
}
