// An independent k-anonymity checker for test outputs. It shares no code with src/datasets: it
// reads finished rows (header + values) and counts, strictly, how many records share each
// combination of quasi-identifier values, a blank being a value like any other.

export interface KCheck {
  records: number;
  /** The smallest class size (Infinity for no records). */
  smallestClass: number;
  /** Records in classes smaller than k. */
  below(k: number): number;
}

export function checkK(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>, quasiIdentifiers: readonly string[]): KCheck {
  const positions = quasiIdentifiers.map((q) => {
    const p = header.indexOf(q);
    if (p === -1) throw new Error(`checkK: no column ${q}`);
    return p;
  });
  const sizes = new Map<string, number>();
  const keyOfRow = (row: ReadonlyArray<string>) => JSON.stringify(positions.map((p) => row[p] ?? ''));
  for (const row of rows) sizes.set(keyOfRow(row), (sizes.get(keyOfRow(row)) ?? 0) + 1);
  return {
    records: rows.length,
    smallestClass: Math.min(...sizes.values()),
    below: (k) => rows.filter((row) => sizes.get(keyOfRow(row))! < k).length,
  };
}
