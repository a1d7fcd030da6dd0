// The values a public bundle's codebook and loading scripts describe: those it published.
import type { TableFile } from './bundle-files';

/**
 * The main table's columns with the values they were published with as their choices: a
 * questionnaire code keeps its label, a recoded value (a band, a region, a quarter, 'other') is
 * its own label, and numbers or dates recoded into categories become categories. Codes for no
 * answer, not asked and suppressed are not values.
 */
export function withPublishedValues(files: TableFile[], published: ReadonlyMap<number, ReadonlySet<string>>): TableFile[] {
  const [main, ...rest] = files;
  const columns = main!.columns.map((c, ci) => {
    const seen = published.get(ci);
    const v = c.variable;
    if (!seen || !v) return c;
    const values = new Set<string>();
    for (const cell of seen) {
      if (cell === '' || cell.startsWith('.')) continue;
      if (v.type === 'choices') for (const code of cell.split(' ')) values.add(code);
      else values.add(cell);
    }
    const label = new Map(v.choices.map((ch) => [ch.value, ch.label]));
    const recoded = [...values].some((x) => !label.has(x));
    const asCollected =
      v.type === 'number'
        ? [...values].every((x) => /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(x))
        : v.type === 'date'
          ? [...values].every((x) => /^\d{4}-\d{2}(-\d{2})?$/.test(x))
          : !recoded;
    if (asCollected) return c;
    const ordered = [...values].sort((a, b) => bandStart(a) - bandStart(b) || a.localeCompare(b));
    const choices = [
      ...v.choices.filter((ch) => values.has(ch.value)),
      ...ordered.filter((x) => !label.has(x)).map((x) => ({ value: x, label: x })),
    ];
    return { ...c, variable: { ...v, type: v.type === 'choices' ? ('choices' as const) : ('choice' as const), choices } };
  });
  return [{ ...main!, columns }, ...rest];
}

/** Where a band or number starts (`<18` before `18-24` before `35+`), for ordering categories. */
function bandStart(label: string): number {
  const m = /^(<)?(-?\d+(?:\.\d+)?)/.exec(label);
  return m ? Number(m[2]) - (m[1] ? 0.5 : 0) : Infinity;
}
