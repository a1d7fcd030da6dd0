// The one source of truth for the database shape. drizzle-kit generates db/migrations from it;
// both runtimes (better-sqlite3 and D1) apply those files. No ON DELETE CASCADE anywhere: a table
// rebuild by drizzle-kit would silently delete child rows (see shared/reference/cloudflare.md).
import { sqliteTable, text, integer, uniqueIndex, index, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

export const questionnaireStates = ['open', 'closing', 'closed'] as const;
export type QuestionnaireState = (typeof questionnaireStates)[number];

export const questionnaires = sqliteTable('questionnaires', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  family: text('family').notNull(),
  state: text('state', { enum: questionnaireStates }).notNull().default('open'),
  /** When the state last changed: a closing questionnaire accepts interviews started before this. */
  stateChangedAt: integer('state_changed_at', { mode: 'timestamp_ms' }).notNull(),
  currentVersionId: text('current_version_id').references((): AnySQLiteColumn => questionnaireVersions.id),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

export const questionnaireVersions = sqliteTable(
  'questionnaire_versions',
  {
    id: text('id').primaryKey(),
    questionnaireId: text('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    version: text('version').notNull(),
    /** SHA-256 (hex) of the canonical JSON of the definition file. */
    contentHash: text('content_hash').notNull(),
    /** The SurveyJS definition as canonical JSON text. */
    definition: text('definition').notNull(),
    title: text('title').notNull(),
    languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
    questionCount: integer('question_count').notNull(),
    /** Publication order within the questionnaire (1, 2, ...). */
    seq: integer('seq').notNull(),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('questionnaire_versions_q_version').on(t.questionnaireId, t.version),
    uniqueIndex('questionnaire_versions_q_seq').on(t.questionnaireId, t.seq),
  ],
);

export const responseStatuses = ['draft', 'submitted'] as const;
export type ResponseStatus = (typeof responseStatuses)[number];

export const responses = sqliteTable(
  'responses',
  {
    /** Internal, monotonic: keyset pagination and export order; outside only inside opaque page cursors. */
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** Client-generated UUID; the public identity of a response and the idempotency key. */
    instanceId: text('instance_id').notNull().unique(),
    questionnaireId: text('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    versionId: text('version_id')
      .notNull()
      .references(() => questionnaireVersions.id),
    status: text('status', { enum: responseStatuses }).notNull(),
    /** Answers in SurveyJS `data` shape; for submitted responses, hidden answers already dropped. */
    data: text('data').notNull(),
    /** SHA-256 of the canonical submitted answers: an identical retry matches it. */
    payloadHash: text('payload_hash').notNull(),
    /** Paths of answers dropped because skip logic hid their question. */
    dropped: text('dropped', { mode: 'json' }).$type<string[]>().notNull(),
    locale: text('locale').notNull(),
    deviceStartedAt: integer('device_started_at', { mode: 'timestamp_ms' }),
    deviceEndedAt: integer('device_ended_at', { mode: 'timestamp_ms' }),
    /** Incremented on every draft save: optimistic concurrency for several editors. */
    revision: integer('revision').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('responses_questionnaire_seq').on(t.questionnaireId, t.seq)],
);
