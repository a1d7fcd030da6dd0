// Realistic scoping interviews in a test database: version 3 of the shipped survey, and version
// 3.1 (the same questions) carrying the disclosure policy its next version will carry, so that
// releases apply it to version 3's answers. Written as an operator's import would, through a
// connection of its own (the server's own connection only reads).
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { realisticInterviews } from '../../scripts/lib/realistic-scoping';
import { SCOPING_DISCLOSURE } from '../../scripts/questionnaires/scoping-disclosure';
import type { TestApp } from './app';
import { ROOT } from './process';

export function scopingVersion3(): Record<string, any> {
  return JSON.parse(readFileSync(join(ROOT, 'surveys/migrant-scoping/3.json'), 'utf8'));
}

/** Publishes the scoping survey with its policy and stores `n` generated interviews; returns version 3. */
export async function seedRealistic(t: TestApp, n: number, opts: { seed?: number; plant?: (i: number) => string | undefined; disclosure?: object } = {}): Promise<Record<string, any>> {
  const v3 = scopingVersion3();
  const outcome = await t.publish([
    { file: 'surveys/migrant-scoping/3.json', questionnaireId: 'migrant-scoping', version: '3', json: v3 },
    { file: 'surveys/migrant-scoping/3.1.json', questionnaireId: 'migrant-scoping', version: '3.1', json: { ...v3, disclosure: opts.disclosure ?? SCOPING_DISCLOSURE } },
  ]);
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
