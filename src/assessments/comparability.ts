// Assessments answered on different versions of the gap analysis: an element is comparable when
// both versions ask it in the same way: the same article, obligation, core flag and status
// choices, and the same change note (a version's `changeNote` on an element says what it changed
// in the element's meaning since the version before; an element whose wording changed what it
// tests is then not compared, although its article and obligation stayed). Each element that is
// not comparable is given the reason: its change note, what differs, or, for an element one
// version dropped, where it went (`versionNotes.removed` of the definition).
import type { ElementDef } from './scoring';

export interface Comparability {
  comparable: string[];
  changed: string[];
  onlyInFirst: string[];
  onlyInSecond: string[];
  /** Why an element is not comparable, by element id. */
  notes: Record<string, string>;
}

/** What differs between two versions of an element, first version's value first: `obligation C vs O`. */
function signatureDiff(a: ElementDef, b: ElementDef): string {
  const parts = (['article', 'obligation', 'core'] as const).filter((k) => a[k] !== b[k]).map((k) => `${k} ${a[k]} vs ${b[k]}`);
  // The signature holds these and the status choices: when it differs and they do not, the choices do.
  if (!parts.length && a.signature !== b.signature) parts.push('status choices differ');
  return parts.join('; ');
}

export function comparability(first: ElementDef[], second: ElementDef[], removed: Record<string, string> = {}): Comparability {
  const b = new Map(second.map((e) => [e.id, e]));
  const a = new Set(first.map((e) => e.id));
  const out: Comparability = {
    comparable: [],
    changed: [],
    onlyInFirst: [],
    onlyInSecond: second.filter((e) => !a.has(e.id)).map((e) => e.id),
    notes: {},
  };
  for (const id of out.onlyInSecond) {
    const e = b.get(id)!;
    out.notes[id] = e.changeNote ?? removed[id] ?? 'not asked in the other version';
  }
  for (const e of first) {
    const other = b.get(e.id);
    if (!other) {
      out.onlyInFirst.push(e.id);
      out.notes[e.id] = removed[e.id] ?? e.changeNote ?? 'not asked in the other version';
    } else if (other.signature === e.signature && other.changeNote === e.changeNote) out.comparable.push(e.id);
    else {
      out.changed.push(e.id);
      out.notes[e.id] = [other.changeNote ?? e.changeNote, signatureDiff(e, other)].filter(Boolean).join('; ');
    }
  }
  return out;
}

/** The elements a definition says its version dropped, and where each went. */
export function removedElements(definition: Record<string, unknown>): Record<string, string> {
  const notes = definition.versionNotes as { removed?: unknown } | undefined;
  const removed = notes && typeof notes === 'object' ? notes.removed : undefined;
  if (!removed || typeof removed !== 'object') return {};
  return Object.fromEntries(
    Object.entries(removed as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}
