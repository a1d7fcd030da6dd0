// The one source of truth for the database shape. drizzle-kit generates db/migrations from it;
// both runtimes (better-sqlite3 and D1) apply those files. No ON DELETE CASCADE anywhere: a table
// rebuild by drizzle-kit would silently delete child rows (see shared/reference/cloudflare.md).
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, uniqueIndex, index, primaryKey, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { questionnaireStates, responseStatuses, reviewStates, roles, tokenKinds, releaseStates } from '../vocabulary';
export { questionnaireStates, responseStatuses, reviewStates, roles, tokenKinds, releaseStates };
export type { QuestionnaireState, ResponseStatus, ReviewState, Role, TokenKind, ReleaseState } from '../vocabulary';

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
    /**
     * Closed for new data since then: only interviews begun before are still accepted (offline
     * devices hold them); the questionnaire's other versions are untouched. Null: open.
     */
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('questionnaire_versions_q_version').on(t.questionnaireId, t.version),
    uniqueIndex('questionnaire_versions_q_seq').on(t.questionnaireId, t.seq),
  ],
);

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
    /** Questions skip logic hid in this response: "not asked" in exports, apart from "no answer". */
    hidden: text('hidden', { mode: 'json' }).$type<string[]>().notNull().default([]),
    locale: text('locale').notNull(),
    deviceStartedAt: integer('device_started_at', { mode: 'timestamp_ms' }),
    deviceEndedAt: integer('device_ended_at', { mode: 'timestamp_ms' }),
    /** For drafts: the page its editor was on at the last save, to resume there. */
    draftPage: text('draft_page'),
    /** The interview was paused for the respondent's distress (the enumerator app's button). */
    distress: integer('distress', { mode: 'boolean' }).notNull().default(false),
    /**
     * The respondent stopped the interview and allowed the answers given so far to be kept: they are
     * validated as given (nothing required) and exports mark the row.
     */
    withdrawn: integer('withdrawn', { mode: 'boolean' }).notNull().default(false),
    /** Incremented on every draft save: optimistic concurrency for several editors. */
    revision: integer('revision').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    /** Country the response is about (assessments) or collected in (interviews): the access scope. */
    country: text('country').notNull().default(''),
    /** Site or hub within the country, when the collection has one. */
    site: text('site'),
    /** Who sent it first: `user:<id>` or `device:<id>`. */
    submittedBy: text('submitted_by').notNull().default(''),
    /** Who wrote the current state (the revision triggers record it). */
    updatedBy: text('updated_by').notNull().default(''),
    reviewState: text('review_state', { enum: reviewStates }).notNull().default('received'),
    /** In the trash since; purged after the configured period (the row stays as a tombstone). */
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    deletedBy: text('deleted_by'),
    purgedAt: integer('purged_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('responses_questionnaire_seq').on(t.questionnaireId, t.seq), index('responses_country').on(t.country)],
);

/**
 * Every submitted state of a response: revision 1 is the first submission, each edit adds one.
 * Written by database triggers (db/migrations), so no code path can update a response without it.
 */
export const responseRevisions = sqliteTable(
  'response_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    responseSeq: integer('response_seq')
      .notNull()
      .references(() => responses.seq),
    revision: integer('revision').notNull(),
    data: text('data').notNull(),
    dropped: text('dropped', { mode: 'json' }).$type<string[]>().notNull(),
    actor: text('actor').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('response_revisions_response_revision').on(t.responseSeq, t.revision)],
);

/** Review history: each state change with its comment. */
export const reviewEvents = sqliteTable(
  'review_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    responseSeq: integer('response_seq')
      .notNull()
      .references(() => responses.seq),
    fromState: text('from_state', { enum: reviewStates }).notNull(),
    toState: text('to_state', { enum: reviewStates }).notNull(),
    comment: text('comment').notNull(),
    actor: text('actor').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('review_events_response').on(t.responseSeq)],
);

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`. */
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: roles }).notNull(),
  /** Countries the user may see and act on; `["*"]` for all. */
  countries: text('countries', { mode: 'json' }).$type<string[]>().notNull(),
  disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Which questionnaires an assessor or enumerator may fill. */
export const assignments = sqliteTable(
  'assignments',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    questionnaireId: text('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
  },
  (t) => [uniqueIndex('assignments_user_questionnaire').on(t.userId, t.questionnaireId)],
);

/** Server-side sessions: the cookie holds a random token, the table its SHA-256. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * Bearer tokens, hashed at rest. `api`: a user's script token (the user's role and scopes).
 * `device`: an enumerator device, limited to its questionnaires, one country and maybe a site.
 */
export const tokens = sqliteTable('tokens', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: tokenKinds }).notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  name: text('name').notNull(),
  /** The owner (api) or the coordinator who issued it (device). */
  userId: text('user_id')
    .notNull()
    .references(() => users.id),
  questionnaires: text('questionnaires', { mode: 'json' }).$type<string[]>().notNull(),
  country: text('country'),
  site: text('site'),
  /** A device's interview languages: it is sent the questionnaires in these only (null: all). */
  languages: text('languages', { mode: 'json' }).$type<string[]>(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
});

/** Failed sign-ins per key (`account:<name>` or `address:<ip>`) in the current window. */
export const signInThrottle = sqliteTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
  lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
});

/** Append-only: who did what to which target, when, in which request. Never answer values. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    requestId: text('request_id').notNull(),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('audit_log_action').on(t.action, t.id), index('audit_log_actor').on(t.actor, t.id)],
);

/**
 * An interview that stopped at screening (refused consent, interviewed before, under age): all
 * that is kept of it, so that refusals can be counted. No answer is stored; the instance id is the
 * device's random id, kept so a retried upload counts once.
 */
export const refusals = sqliteTable(
  'refusals',
  {
    instanceId: text('instance_id').primaryKey(),
    questionnaireId: text('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    versionId: text('version_id')
      .notNull()
      .references(() => questionnaireVersions.id),
    reason: text('reason').notNull(),
    country: text('country').notNull(),
    site: text('site'),
    /** The day only (YYYY-MM-DD, UTC). */
    day: text('day').notNull(),
    collector: text('collector').notNull(),
    /** The interview was paused for the respondent's distress before it ended here. */
    distress: integer('distress', { mode: 'boolean' }).notNull().default(false),
    /** The child-protection referral was shown at this stop (a stop for being under age). */
    childReferral: integer('child_referral', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('refusals_questionnaire_day').on(t.questionnaireId, t.day)],
);

/** Fieldwork targets per questionnaire, country and site ('' for the whole country). */
export const fieldworkTargets = sqliteTable(
  'fieldwork_targets',
  {
    questionnaireId: text('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    country: text('country').notNull(),
    site: text('site').notNull().default(''),
    target: integer('target').notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [uniqueIndex('fieldwork_targets_key').on(t.questionnaireId, t.country, t.site)],
);

/**
 * An anonymized release of a questionnaire's data: computed once on a snapshot, reviewed, then
 * approved (researchers download it) or discarded. Immutable once computed; at most one pending
 * release per questionnaire, so that each is computed against every release approved before it.
 */
export const releases = sqliteTable(
  'releases',
  {
    id: text('id').primaryKey(),
    questionnaireId: text('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    /** Order within the questionnaire (1, 2, ...). */
    seq: integer('seq').notNull(),
    state: text('state', { enum: releaseStates }).notNull(),
    /** The countries whose responses it holds: a researcher needs every one in scope. */
    countries: text('countries', { mode: 'json' }).$type<string[]>().notNull(),
    /** Filters, versions, the thresholds and scenarios applied: everything that decided it. */
    parameters: text('parameters', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** SHA-256 of the responses it was computed from, in order (what they were at that moment). */
    snapshotHash: text('snapshot_hash').notNull(),
    records: integer('records').notNull(),
    bundleSha256: text('bundle_sha256').notNull(),
    bundleBytes: integer('bundle_bytes').notNull(),
    report: text('report', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /**
     * What it published of the records first released in it (gzip, base64): later releases keep
     * to it. Empty since the ledger is stored in chunks (release_ledger_chunks).
     */
    ledger: text('ledger').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('releases_q_seq').on(t.questionnaireId, t.seq),
    uniqueIndex('releases_one_pending').on(t.questionnaireId).where(sql`state = 'pending'`),
  ],
);

/** A table of a release's text in numbered chunks, each small enough for one D1 value. */
function releaseTextChunks<N extends string>(name: N) {
  return sqliteTable(
    name,
    {
      releaseId: text('release_id')
        .notNull()
        .references(() => releases.id),
      n: integer('n').notNull(),
      data: text('data').notNull(),
    },
    (t) => [primaryKey({ columns: [t.releaseId, t.n] })],
  );
}

/**
 * A release's ledger (see datasets/anonymize/ledger.ts) in chunks of one D1 value each: a million
 * records' ledger is 27 MB of text, and D1 takes 2 MB a value. Releases recorded before keep
 * theirs whole in releases.ledger (empty for those recorded since).
 */
export const releaseLedgerChunks = releaseTextChunks('release_ledger_chunks');

/**
 * A release's zip chunks while the release is computed, before it exists: stored as they are made
 * (a million records' bundle waiting in memory for one transaction was 137 MB), moved into
 * release_chunks by the transaction that records the release, deleted when it fails. `upload`
 * names one computation.
 */
export const stagedChunks = sqliteTable(
  'staged_chunks',
  {
    upload: text('upload').notNull(),
    n: integer('n').notNull(),
    data: text('data').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.upload, t.n] })],
);

/** A release's zip, in chunks small enough for one D1 row each (base64 text). */
export const releaseChunks = releaseTextChunks('release_chunks');
