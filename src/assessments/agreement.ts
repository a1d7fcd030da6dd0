// Two assessors scoring the same country: Cohen's weighted kappa (linear weights) on the ordered
// statuses not met < partly met < fully met, over the elements both determined; and every element
// on which they differ, N/A and "not determined" included, for the adjudication log.
import { statusOf, type ElementDef, type Status } from './scoring';

const ORDER: Partial<Record<Status, number>> = { not: 0, partly: 1, fully: 2 };

export interface Agreement {
  /** Elements both assessors rated on the ordinal scale. */
  compared: number;
  observedAgreement: number | null;
  weightedKappa: number | null;
  differences: Array<{ id: string; article: string; a: Status; b: Status }>;
}

export function weightedKappa(pairs: Array<[number, number]>, categories = 3): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const observed = Array.from({ length: categories }, () => new Array<number>(categories).fill(0));
  const rowTotals = new Array<number>(categories).fill(0);
  const colTotals = new Array<number>(categories).fill(0);
  for (const [a, b] of pairs) {
    observed[a]![b]!++;
    rowTotals[a]!++;
    colTotals[b]!++;
  }
  // Disagreement weights: |i - j| / (k - 1).
  let po = 0;
  let pe = 0;
  for (let i = 0; i < categories; i++)
    for (let j = 0; j < categories; j++) {
      const w = Math.abs(i - j) / (categories - 1);
      po += (w * observed[i]![j]!) / n;
      pe += (w * rowTotals[i]! * colTotals[j]!) / (n * n);
    }
  if (pe === 0) return po === 0 ? 1 : null;
  return 1 - po / pe;
}

export function agreement(elements: ElementDef[], a: Record<string, unknown>, b: Record<string, unknown>): Agreement {
  const pairs: Array<[number, number]> = [];
  const differences: Agreement['differences'] = [];
  let same = 0;
  for (const e of elements) {
    const sa = statusOf(a, e);
    const sb = statusOf(b, e);
    if (sa !== sb) differences.push({ id: e.id, article: e.article, a: sa, b: sb });
    const oa = ORDER[sa];
    const ob = ORDER[sb];
    if (oa !== undefined && ob !== undefined) {
      pairs.push([oa, ob]);
      if (oa === ob) same++;
    }
  }
  const k = weightedKappa(pairs);
  return {
    compared: pairs.length,
    observedAgreement: pairs.length ? same / pairs.length : null,
    weightedKappa: k === null ? null : Math.round(k * 1000) / 1000,
    differences,
  };
}
