// The last step of local suppression with several attacker scenarios: records some scenario still
// sees in a class below k lose every variable any scenario knows (withheld), and each stratum's
// class of withheld records is brought up to k with records other classes can spare.
import { strictFrequencies } from './frequencies';
import { keyOf, splitRow, SUPPRESSED, weightOf, type SdcTable } from './table';

/**
 * Withholds records until no scenario sees one in a class below k. Withholding a record shrinks
 * the classes it leaves in the other scenarios, which may fall below k in turn (a chain of such
 * records runs through as many rounds as it has links): rounds repeat until one withholds no
 * record not withheld before, so they end, at worst with every record of a stratum withheld.
 * What is then still short is a stratum that has no record to spare. Returns the records withheld.
 */
export function withholdShort(
  t: SdcTable,
  scenarioVars: number[][],
  strata: number[],
  k: number,
  perVariable: Record<string, number>,
): number {
  let total = 0;
  // Each scenario's fk, counted again and again into the same arrays.
  const fk: Int32Array[] = [];
  for (let n = 1; n > 0; ) total += n = withholdRound(t, scenarioVars, strata, k, perVariable, fk);
  return total;
}

/**
 * One round: records below k in some scenario are withheld; in each stratum where the withheld
 * records are fewer than k, records whose classes can spare them (every scenario's class stays at
 * k or more) are withheld too. Returns the records newly withheld (0: nothing left to do).
 */
function withholdRound(
  t: SdcTable,
  scenarioVars: number[][],
  strata: number[],
  k: number,
  perVariable: Record<string, number>,
  arrays: Int32Array[],
): number {
  const union = [...new Set(scenarioVars.flat())];
  // Counted into `arrays`, again and again (rows split off since need longer ones).
  const frequencies = () => scenarioVars.map((vars, j) => (arrays[j] = strictFrequencies(t, [...strata, ...vars], arrays[j])));
  const isWithheld = (i: number) => union.every((v) => t.codes[v]![i] === SUPPRESSED);
  const withhold = (i: number) => {
    for (const v of union) {
      if (t.codes[v]![i] !== SUPPRESSED) perVariable[t.vars[v]!] = (perVariable[t.vars[v]!] ?? 0) + weightOf(t, i);
      t.codes[v]![i] = SUPPRESSED;
    }
  };
  let count = 0;
  let fk = frequencies();
  // A record withheld already and still short (its stratum found no donor) is not counted again:
  // a round that withholds nothing new is the last.
  const below = (i: number) => !isWithheld(i) && fk.some((f) => f[i]! < k);
  // Found by a loop, not filtered from an array of every row (30 MB of heap at a million rows).
  const rows: number[] = [];
  for (let i = 0; i < t.n; i++) if (below(i)) rows.push(i);
  if (!rows.length) return 0;
  for (const i of rows) {
    withhold(i);
    count += weightOf(t, i);
  }
  fk = frequencies();
  const stratumOf = (i: number) => keyOf(t, strata, i);
  const withheldIn = new Map<string, number>();
  for (let i = 0; i < t.n; i++) if (isWithheld(i)) withheldIn.set(stratumOf(i), (withheldIn.get(stratumOf(i)) ?? 0) + weightOf(t, i));
  for (const [stratum, have] of withheldIn) {
    let need = k - have;
    for (let i = 0; i < t.n && need > 0; i++) {
      if (isWithheld(i) || stratumOf(i) !== stratum) continue;
      const spare = Math.min(...fk.map((f) => f[i]! - k));
      const m = Math.min(weightOf(t, i), spare, need);
      if (m <= 0) continue;
      withhold(m === weightOf(t, i) ? i : splitRow(t, i, m));
      count += m;
      need -= m;
      // Classes shrank: their sizes are counted again before the next donor is chosen.
      fk = frequencies();
    }
  }
  return count;
}
