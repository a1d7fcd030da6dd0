// Realistic scoping interviews in a test database: versions 3 and 4 of the shipped survey (4 has
// 3's questions and carries the disclosure policy releases apply), answers on version 3. Written
// as an operator's import would, through a connection of its own (the server's connection reads).
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { realisticInterviews } from '../../scripts/lib/realistic-scoping';
import type { TestApp } from './app';
import { ROOT } from './process';

const shipped = (version: string): Record<string, any> => JSON.parse(readFileSync(join(ROOT, `surveys/migrant-scoping/${version}.json`), 'utf8'));

/** Publishes the scoping survey's versions 3 and 4 and stores `n` generated interviews; returns version 3. */
export async function seedRealistic(t: TestApp, n: number, opts: { seed?: number; plant?: (i: number) => string | undefined } = {}): Promise<Record<string, any>> {
  const v3 = shipped('3');
  const outcome = await t.publish(['3', '4'].map((version) => ({ file: `surveys/migrant-scoping/${version}.json`, questionnaireId: 'migrant-scoping', version, json: version === '3' ? v3 : shipped(version) })));
  expect(outcome.map((o) => o.status)).toEqual(['published', 'published']);
  const writer = new Database(t.dbFile);
  try {
    const version = writer.prepare("select id from questionnaire_versions where questionnaire_id = 'migrant-scoping' and version = '3'").get() as { id: string };
    const insert = writer.prepare(
      `insert into responses (instance_id, questionnaire_id, version_id, status, data, payload_hash, dropped, hidden, locale, revision, created_at, updated_at, submitted_at, country, site, submitted_by, updated_by, review_state)
       values (?, 'migrant-scoping', ?, 'submitted', ?, 'generated', '[]', ?, ?, 1, ?, ?, ?, ?, ?, 'device:generated', 'device:generated', 'received')`,
    );
    const interviews = realisticInterviews(v3, n, opts.seed ?? 11, opts.plant);
    writer.transaction(() =>
      interviews.forEach((iv, i) => insert.run(`00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`, version.id, JSON.stringify(iv.data), JSON.stringify(iv.hidden), iv.locale, iv.submittedAt, iv.submittedAt, iv.submittedAt, iv.country, iv.site)),
    )();
  } finally {
    writer.close();
  }
  return v3;
}
