// SurveyJS functions with XPath's semantics, for definitions converted from XLSForm
// (xlsform/xpath.ts writes calls to them). Registered with survey-core's FunctionFactory by
// registerCustomProperties, so the server, the validation workers and the browser know the same
// list. Every one is pure: its result depends on its arguments only (the compiled validation
// plan may run them).
//
// Values arrive as SurveyJS stores them (undefined when unanswered, numbers for numeric inputs,
// arrays for multiple choices); XPath sees every answer as text, a multiple choice as its values
// separated by spaces, and a date as text that numbers as days since 1970-01-01.
import { FunctionFactory } from 'survey-core';

type V = unknown;

export function xstr(v: V): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(xstr).join(' ');
  if (typeof v === 'number') return Number.isNaN(v) ? '' : String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function xnum(v: V): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.getTime() / 86_400_000;
  const s = xstr(v).trim();
  if (s === '') return Number.NaN;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return Number(s);
  const d = s.match(DATE);
  if (d) {
    const ms = Date.parse(d[4] ? s.replace(' ', 'T') : `${s}T00:00:00Z`);
    return Number.isNaN(ms) ? Number.NaN : ms / 86_400_000;
  }
  return Number.NaN;
}

export function xbool(v: V): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return xstr(v) !== '';
}

/** XPath's `=` between two values that are not node-sets. */
function equal(a: V, b: V): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') return xbool(a) === xbool(b);
  if (typeof a === 'number' || typeof b === 'number') return xnum(a) === xnum(b);
  return xstr(a) === xstr(b);
}

const selectedValues = (v: V): string[] => (Array.isArray(v) ? v.map(xstr) : xstr(v).split(/\s+/).filter(Boolean));

/** Formats a date as format-date() does (the %-codes ODK documents). */
function formatDate(v: V, format: string): string {
  const days = xnum(v);
  if (Number.isNaN(days)) return '';
  const d = new Date(days * 86_400_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const codes: Record<string, () => string> = {
    Y: () => p(d.getUTCFullYear(), 4),
    y: () => p(d.getUTCFullYear() % 100),
    m: () => p(d.getUTCMonth() + 1),
    n: () => String(d.getUTCMonth() + 1),
    b: () => months[d.getUTCMonth()]!,
    d: () => p(d.getUTCDate()),
    e: () => String(d.getUTCDate()),
    H: () => p(d.getUTCHours()),
    h: () => String(d.getUTCHours()),
    M: () => p(d.getUTCMinutes()),
    S: () => p(d.getUTCSeconds()),
    3: () => p(d.getUTCMilliseconds(), 3),
    a: () => weekdays[d.getUTCDay()]!,
  };
  return format.replace(/%(.)/g, (all, c: string) => codes[c]?.() ?? all);
}

const isoDate = (days: number) => (Number.isNaN(days) ? '' : new Date(Math.floor(days) * 86_400_000).toISOString().slice(0, 10));
const rows = (list: V): Array<Record<string, V>> => (Array.isArray(list) ? (list as Array<Record<string, V>>) : []);
/** A column of a repeat's instances: `count` of them when known (panels without answers have no value). */
const column = (list: V, name: V, count: V): V[] => {
  const all = rows(list);
  const n = count === undefined ? all.length : Math.max(all.length, xnum(count) || 0);
  return Array.from({ length: n }, (_, i) => all[i]?.[xstr(name)]);
};

/** The functions, by name; each takes the evaluated arguments. */
export const xpathFunctions: Record<string, (args: V[]) => V> = {
  xeq: ([a, b]) => equal(a, b),
  xne: ([a, b]) => !equal(a, b),
  xlt: ([a, b]) => xnum(a) < xnum(b),
  xgt: ([a, b]) => xnum(a) > xnum(b),
  xle: ([a, b]) => xnum(a) <= xnum(b),
  xge: ([a, b]) => xnum(a) >= xnum(b),
  xadd: ([a, b]) => xnum(a) + xnum(b),
  xsub: ([a, b]) => xnum(a) - xnum(b),
  xmul: ([a, b]) => xnum(a) * xnum(b),
  xdiv: ([a, b]) => xnum(a) / xnum(b),
  xmod: ([a, b]) => xnum(a) % xnum(b),
  xbool: ([a]) => xbool(a),
  xstring: ([a]) => xstr(a),
  xnumber: ([a]) => xnum(a),
  xint: ([a]) => Math.trunc(xnum(a)),
  xround: ([a, digits]) => {
    const f = 10 ** (digits === undefined ? 0 : xnum(digits));
    const n = xnum(a) * f;
    return (n < 0 ? -Math.round(-n) : Math.round(n)) / f;
  },
  xabs: ([a]) => Math.abs(xnum(a)),
  xfloor: ([a]) => Math.floor(xnum(a)),
  xceiling: ([a]) => Math.ceil(xnum(a)),
  xpow: ([a, b]) => xnum(a) ** xnum(b),
  xmax: (args) => (args.some((a) => Number.isNaN(xnum(a))) ? Number.NaN : Math.max(...args.map(xnum))),
  xmin: (args) => (args.some((a) => Number.isNaN(xnum(a))) ? Number.NaN : Math.min(...args.map(xnum))),
  xselected: ([a, b]) => selectedValues(a).includes(xstr(b).trim()),
  xcountSelected: ([a]) => selectedValues(a).length,
  xselectedAt: ([a, i]) => selectedValues(a)[xnum(i)] ?? '',
  xcoalesce: ([a, b]) => (xstr(a) !== '' ? a : b),
  xconcat: (args) => args.map(xstr).join(''),
  xstringLength: ([a]) => [...xstr(a)].length,
  xregex: ([a, re]) => {
    try {
      return new RegExp(xstr(re)).test(xstr(a));
    } catch {
      return false;
    }
  },
  xcontains: ([a, b]) => xstr(a).includes(xstr(b)),
  xstartsWith: ([a, b]) => xstr(a).startsWith(xstr(b)),
  xendsWith: ([a, b]) => xstr(a).endsWith(xstr(b)),
  xsubstr: ([s, start, end]) => {
    const chars = [...xstr(s)];
    return chars.slice(xnum(start), end === undefined ? undefined : xnum(end)).join('');
  },
  xnormalizeSpace: ([a]) => xstr(a).trim().replace(/\s+/g, ' '),
  xtranslate: ([a, from, to]) => {
    const f = [...xstr(from)];
    const t = [...xstr(to)];
    return [...xstr(a)].map((c) => (f.includes(c) ? (t[f.indexOf(c)] ?? '') : c)).join('');
  },
  xsubstringBefore: ([a, b]) => {
    const s = xstr(a);
    const i = s.indexOf(xstr(b));
    return i < 0 ? '' : s.slice(0, i);
  },
  xsubstringAfter: ([a, b]) => {
    const s = xstr(a);
    const i = s.indexOf(xstr(b));
    return i < 0 ? '' : s.slice(i + xstr(b).length);
  },
  xdate: ([a]) => isoDate(xnum(a)),
  xformatDate: ([a, f]) => formatDate(a, xstr(f)),
  xtoday: () => new Date().toISOString().slice(0, 10),
  xnow: () => new Date().toISOString(),
  xchoiceName: ([value, names, labels]) => {
    const i = (Array.isArray(names) ? names : []).map(xstr).indexOf(xstr(value));
    return i < 0 ? '' : xstr((labels as V[])[i]);
  },
  xcount: ([list, count]) => (count === undefined ? rows(list).length : Math.max(rows(list).length, xnum(count) || 0)),
  xsum: ([list, name, count]) => column(list, name, count).reduce<number>((s, v) => s + xnum(v), 0),
  xmaxOf: ([list, name, count]) => {
    const ns = column(list, name, count).map(xnum);
    return ns.length === 0 || ns.some(Number.isNaN) ? Number.NaN : Math.max(...ns);
  },
  xminOf: ([list, name, count]) => {
    const ns = column(list, name, count).map(xnum);
    return ns.length === 0 || ns.some(Number.isNaN) ? Number.NaN : Math.min(...ns);
  },
  xindexedRepeat: ([list, column, index]) => rows(list)[xnum(index) - 1]?.[xstr(column)] ?? '',
};

/** The names, for the compiled plan's list of functions that read nothing but their arguments. */
export const XPATH_FUNCTION_NAMES: readonly string[] = Object.keys(xpathFunctions);

let registered = false;

export function registerXPathFunctions(): void {
  if (registered) return;
  registered = true;
  for (const [name, fn] of Object.entries(xpathFunctions)) FunctionFactory.Instance.register(name, (params: unknown[]) => fn(params));
}
