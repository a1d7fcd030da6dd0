// Realistic scoping interviews in a test database: versions 3 and 4 of the shipped survey (4 has
// 3's questions and carries the disclosure policy releases apply), answers on version 3; or, with
// `shipped`, every shipped version published as `npm start` publishes them and answers on the
// newest (5). Written as an operator's import would, through a connection of its own (the
// server's connection reads).
import { expect } from 'vitest';
import { realisticInterviews, writeInterviews } from '../../scripts/lib/realistic-scoping';
import type { TestApp } from './app';
import { shippedDefinitions } from '../../src/entry/shipped';

/**
 * Publishes the scoping survey's versions 3 and 4 (every shipped version with `shipped`) and
 * stores `n` generated interviews of version 3 (5); returns the version answered.
 */
export async function seedRealistic(
  t: TestApp,
  n: number,
  opts: { seed?: number; plant?: (i: number) => string | undefined; shipped?: boolean } = {},
): Promise<Record<string, any>> {
  // The list `npm start` publishes (and the Worker bundles): the same as the bench's.
  const scoping = shippedDefinitions().filter((d) => d.questionnaireId === 'migrant-scoping');
  const definitions = opts.shipped ? scoping : scoping.filter((d) => d.version === '3' || d.version === '4');
  const outcome = await t.publish(definitions);
  expect(outcome.map((o) => o.status)).toEqual(definitions.map(() => 'published'));
  const answered = definitions.at(opts.shipped ? -1 : 0)!;
  const json = answered.json as Record<string, any>;
  writeInterviews(t.dbFile, 'migrant-scoping', answered.version, realisticInterviews(json, n, opts.seed ?? 11, opts.plant));
  return json;
}
