// Realistic scoping interviews in a test database: versions 3 and 4 of the shipped survey (4 has
// 3's questions and carries the disclosure policy releases apply), answers on version 3; or, with
// `shipped`, every shipped version published as `npm start` publishes them and answers on the
// newest (5). Written as an operator's import would, through a connection of its own (the
// server's connection reads).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { realisticInterviews, writeInterviews } from '../../scripts/lib/realistic-scoping';
import type { TestApp } from './app';
import { ROOT } from './process';

const shipped = (version: string): Record<string, any> =>
  JSON.parse(readFileSync(join(ROOT, `surveys/migrant-scoping/${version}.json`), 'utf8'));

/**
 * Publishes the scoping survey's versions 3 and 4 (every shipped version with `shipped`) and
 * stores `n` generated interviews of version 3 (5); returns the version answered.
 */
export async function seedRealistic(
  t: TestApp,
  n: number,
  opts: { seed?: number; plant?: (i: number) => string | undefined; shipped?: boolean } = {},
): Promise<Record<string, any>> {
  const versions = opts.shipped ? ['1', '2', '3', '4', '5'] : ['3', '4'];
  const definitions = versions.map((version) => ({
    file: `surveys/migrant-scoping/${version}.json`,
    questionnaireId: 'migrant-scoping',
    version,
    json: shipped(version),
  }));
  const outcome = await t.publish(definitions);
  expect(outcome.map((o) => o.status)).toEqual(versions.map(() => 'published'));
  const answered = definitions.at(opts.shipped ? -1 : 0)!;
  writeInterviews(t.dbFile, 'migrant-scoping', answered.version, realisticInterviews(answered.json, n, opts.seed ?? 11, opts.plant));
  return answered.json;
}
