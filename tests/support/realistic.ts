// Realistic scoping interviews in a test database: versions 3 and 4 of the shipped survey (4 has
// 3's questions and carries the disclosure policy releases apply), answers on version 3. Written
// as an operator's import would, through a connection of its own (the server's connection reads).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { realisticInterviews, writeInterviews } from '../../scripts/lib/realistic-scoping';
import type { TestApp } from './app';
import { ROOT } from './process';

const shipped = (version: string): Record<string, any> =>
  JSON.parse(readFileSync(join(ROOT, `surveys/migrant-scoping/${version}.json`), 'utf8'));

/** Publishes the scoping survey's versions 3 and 4 and stores `n` generated interviews; returns version 3. */
export async function seedRealistic(
  t: TestApp,
  n: number,
  opts: { seed?: number; plant?: (i: number) => string | undefined } = {},
): Promise<Record<string, any>> {
  const v3 = shipped('3');
  const outcome = await t.publish(
    ['3', '4'].map((version) => ({
      file: `surveys/migrant-scoping/${version}.json`,
      questionnaireId: 'migrant-scoping',
      version,
      json: version === '3' ? v3 : shipped(version),
    })),
  );
  expect(outcome.map((o) => o.status)).toEqual(['published', 'published']);
  writeInterviews(t.dbFile, 'migrant-scoping', '3', realisticInterviews(v3, n, opts.seed ?? 11, opts.plant));
  return v3;
}
