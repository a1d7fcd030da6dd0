// Assessments answered on different versions of the gap analysis: an element is comparable when
// both versions have it with the same article, obligation, core flag and status choices.
import type { ElementDef } from './scoring';

export interface Comparability {
  comparable: string[];
  changed: string[];
  onlyInFirst: string[];
  onlyInSecond: string[];
}

export function comparability(first: ElementDef[], second: ElementDef[]): Comparability {
  const b = new Map(second.map((e) => [e.id, e]));
  const a = new Set(first.map((e) => e.id));
  const out: Comparability = {
    comparable: [],
    changed: [],
    onlyInFirst: [],
    onlyInSecond: second.filter((e) => !a.has(e.id)).map((e) => e.id),
  };
  for (const e of first) {
    const other = b.get(e.id);
    if (!other) out.onlyInFirst.push(e.id);
    else (other.signature === e.signature ? out.comparable : out.changed).push(e.id);
  }
  return out;
}
