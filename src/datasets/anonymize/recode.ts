// Global recoding before suppression: fewer, broader categories mean far fewer blanked cells
// (the SDC Practice Guide warns that suppression alone distorts the data). Rules come from the
// questionnaire (sdcRecode on a question) or from the export profile.
import { MANY_VALUES, setValuesAt, SUPPRESSED, valuesAt, weightOf, type SdcTable, type SensitiveColumn } from './table';

export type RecodeRule =
  /**
   * Numbers into bands: breaks [18, 25, 35] give "18-24", "25-34", "35+"; below the first, "<18".
   * With `convert`, an amount is first converted by the rate of the currency its record names in
   * the variable `by` (an amount in a currency without a rate is left blank, never banded as is),
   * so that 1,000 XOF and 1,000 EUR never share a band.
   */
  | { kind: 'bands'; breaks: number[]; convert?: { by: string; rates: Record<string, number> } }
  /** ISO dates (or months) to a month or a quarter. */
  | { kind: 'month' }
  | { kind: 'quarter' }
  /** Values mapped to broader ones (site -> region -> country); unmapped values kept. */
  | { kind: 'map'; map: Record<string, string> }
  /** Categories with fewer than `min` records merged into `into` (done on the whole column). */
  | { kind: 'merge-rare'; min: number; into: string };

function band(value: number, breaks: number[]): string {
  if (value < breaks[0]!) return `<${breaks[0]}`;
  for (let j = 0; j < breaks.length - 1; j++) if (value < breaks[j + 1]!) return `${breaks[j]}-${breaks[j + 1]! - 1}`;
  return `${breaks.at(-1)}+`;
}

/** An amount converted at the rate of `currency` and banded; blank without a rate. */
export function convertedBand(
  value: string,
  currency: unknown,
  rule: { breaks: number[]; convert?: { rates: Record<string, number> } },
): string {
  if (value === '') return value;
  const rate =
    typeof currency === 'string' && rule.convert && Object.hasOwn(rule.convert.rates, currency) ? rule.convert.rates[currency]! : NaN;
  const n = Number(value) * rate;
  return Number.isFinite(n) ? band(n, rule.breaks) : '';
}

/** Recodes one value (merge-rare needs the whole column: see recodeColumn). Empty stays empty. */
export function recodeValue(value: string, rule: RecodeRule): string {
  if (value === '') return value;
  switch (rule.kind) {
    case 'bands': {
      const n = Number(value);
      return Number.isFinite(n) ? band(n, rule.breaks) : value;
    }
    case 'month':
      return /^\d{4}-\d{2}/.test(value) ? value.slice(0, 7) : value;
    case 'quarter': {
      const m = /^(\d{4})-(\d{2})/.exec(value);
      return m ? `${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}` : value;
    }
    case 'map':
      return Object.hasOwn(rule.map, value) ? rule.map[value]! : value;
    case 'merge-rare':
      return value;
  }
}

/** The values of a column seen fewer than `min` times (not empty, not a missing-value code such as .n). */
export function rareValues(counts: ReadonlyMap<string, number>, min: number): Set<string> {
  return new Set([...counts].filter(([value, n]) => value !== '' && !value.startsWith('.') && n < min).map(([value]) => value));
}

/** A label list with the `rare` labels merged into `into`: the new list, and each old code's new code. */
function mergeLabels(labels: string[], rare: ReadonlySet<string>, into: string): { labels: string[]; remap: number[] } {
  const merged: string[] = [];
  const index = new Map<string, number>();
  const remap = labels.map((label) => {
    const target = rare.has(label) ? into : label;
    if (!index.has(target)) {
      index.set(target, merged.length);
      merged.push(target);
    }
    return index.get(target)!;
  });
  return { labels: merged, remap };
}

/** Merges, in place, the categories of variable `v` with fewer than `min` records into `into`. */
export function mergeRareCodes(t: SdcTable, v: number, min: number, into: string): void {
  const counts = new Map<number, number>();
  const codes = t.codes[v]!;
  for (let i = 0; i < t.n; i++) if (codes[i] !== SUPPRESSED) counts.set(codes[i]!, (counts.get(codes[i]!) ?? 0) + weightOf(t, i));
  const rare = rareValues(new Map(t.labels[v]!.map((label, code) => [label, counts.get(code) ?? 0])), min);
  const { labels, remap } = mergeLabels(t.labels[v]!, rare, into);
  for (let i = 0; i < t.n; i++) if (codes[i] !== SUPPRESSED) codes[i] = remap[codes[i]!]!;
  t.labels[v] = labels;
}

/**
 * Merges, in place, the `rare` values of a grouped table's sensitive variable into `into`: each
 * row's set of distinct values is remapped, so l-diversity is measured on what will be published.
 */
export function mergeRareSensitive(s: SensitiveColumn, rare: ReadonlySet<string>, into: string): void {
  const { labels, remap } = mergeLabels(s.labels, rare, into);
  s.labels = labels;
  for (let i = 0; i < s.one.length; i++) {
    const one = s.one[i]!;
    if (one >= 0) s.one[i] = remap[one]!;
    else if (one === MANY_VALUES)
      setValuesAt(
        s,
        i,
        [...new Set(Array.from(valuesAt(s, i)!, (c) => remap[c]!))].sort((a, b) => a - b),
      );
  }
}

/** Recodes a whole column, including merging rare categories. */
export function recodeColumn(values: string[], rule: RecodeRule): string[] {
  if (rule.kind !== 'merge-rare') return values.map((v) => recodeValue(v, rule));
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return values.map((v) => (v !== '' && counts.get(v)! < rule.min ? rule.into : v));
}
