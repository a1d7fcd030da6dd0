// Differences between two revisions of a response, answer by answer (leaf paths).

export interface Change {
  path: string;
  before: unknown;
  after: unknown;
}

function leaves(value: unknown, base: string, out: Map<string, unknown>): Map<string, unknown> {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${base}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, base ? `${base}.${k}` : k, out);
  else if (base) out.set(base, value);
  return out;
}

/** Every leaf path whose value differs, was added (before undefined) or removed (after undefined). */
export function diffAnswers(before: unknown, after: unknown): Change[] {
  const a = leaves(before, '', new Map());
  const b = leaves(after, '', new Map());
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths.filter((p) => a.get(p) !== b.get(p)).map((path) => ({ path, before: a.get(path), after: b.get(path) }));
}
