// Receiving responses: submissions (validated in full, hidden answers dropped, idempotent on the
// client's instance id) and drafts (shapes checked, saved as sent, optimistic concurrency).
import type { Deps } from '../deps';
import { canonicalJson, sha256Hex } from '../questionnaires/canonical';
import { conflict, invalidResponse, notFound } from '../errors';
import { findQuestionnaire, findVersion, type QuestionnaireRow, type VersionRow } from '../storage/questionnaires';
import { findResponse, insertSubmission, upsertDraft, type StoredResponse, type ResponseWrite } from '../storage/responses';
import type { ValidationMode } from '../validation/types';

export interface ResponseInput {
  questionnaireId: string;
  version: string;
  instanceId: string;
  data: Record<string, unknown>;
  locale: string;
  startedAt: Date | null;
  endedAt: Date | null;
}

export interface Accepted {
  /** 201 when this request stored it, 200 when it repeats one already stored. */
  created: boolean;
  response: StoredResponse;
}

type IngestDeps = Pick<Deps, 'db' | 'clock' | 'validator'>;

async function loadTarget(deps: IngestDeps, input: ResponseInput): Promise<{ questionnaire: QuestionnaireRow; version: VersionRow }> {
  const questionnaire = await findQuestionnaire(deps.db, input.questionnaireId);
  if (!questionnaire) throw notFound(`Questionnaire '${input.questionnaireId}'`);
  const version = await findVersion(deps.db, input.questionnaireId, input.version);
  if (!version) throw notFound(`Version '${input.version}' of questionnaire '${input.questionnaireId}'`);
  return { questionnaire, version };
}

/**
 * Open accepts everything; closing accepts only interviews begun before it started closing (offline
 * devices still hold them), judged by the device start time or an earlier draft; closed accepts nothing.
 */
function assertAccepting(q: QuestionnaireRow, input: ResponseInput, existing: StoredResponse | undefined): void {
  if (q.state === 'open') return;
  if (q.state === 'closed')
    throw conflict('questionnaire_closed', `Questionnaire '${q.id}' is closed and accepts no more responses.`, { state: q.state });
  const closingAt = q.stateChangedAt.getTime();
  const begunBefore = (input.startedAt && input.startedAt.getTime() < closingAt) || (existing && existing.createdAt.getTime() < closingAt);
  if (!begunBefore)
    throw conflict(
      'questionnaire_closing',
      `Questionnaire '${q.id}' is closing: it accepts only interviews started before ${q.stateChangedAt.toISOString()}.`,
      { state: q.state, closingSince: q.stateChangedAt.toISOString() },
    );
}

async function validated(deps: IngestDeps, version: VersionRow, input: ResponseInput, mode: ValidationMode) {
  const result = await deps.validator.validate({
    definitionKey: version.contentHash,
    definition: version.definition,
    data: input.data,
    locale: input.locale,
    mode,
  });
  if (!result.ok) {
    const what = mode === 'draft' ? 'The draft has answers that do not fit the questionnaire.' : 'The response does not pass the questionnaire’s rules.';
    throw invalidResponse(what, result.errors);
  }
  return result;
}

function payloadHash(version: VersionRow, data: Record<string, unknown>): Promise<string> {
  return sha256Hex(canonicalJson({ version: version.id, data }));
}

function write(input: ResponseInput, version: VersionRow, hash: string, data: Record<string, unknown>, dropped: string[], at: Date): ResponseWrite {
  return {
    instanceId: input.instanceId,
    questionnaireId: input.questionnaireId,
    versionId: version.id,
    data,
    payloadHash: hash,
    dropped,
    locale: input.locale,
    deviceStartedAt: input.startedAt,
    deviceEndedAt: input.endedAt,
    at,
  };
}

/** A second submission of an instance id: the same answers are a safe retry, others a conflict. */
function repeated(existing: StoredResponse, hash: string, version: VersionRow): Accepted {
  if (existing.status === 'submitted' && existing.payloadHash === hash) return { created: false, response: existing };
  if (existing.status === 'submitted')
    throw conflict('instance_conflict', `A response with instance id ${existing.instanceId} was already submitted with different answers.`, {
      instanceId: existing.instanceId,
    });
  throw conflict(
    'instance_conflict',
    `Instance id ${existing.instanceId} holds a draft of version '${existing.version}', not '${version.version}'.`,
    { instanceId: existing.instanceId, version: existing.version },
  );
}

/** Validates and stores a submission; an identical retry returns the stored response. */
export async function submitResponse(deps: IngestDeps, input: ResponseInput): Promise<Accepted> {
  const { questionnaire, version } = await loadTarget(deps, input);
  const hash = await payloadHash(version, input.data);
  const existing = await findResponse(deps.db, input.instanceId);
  // Cheap answer for retries before the costly validation; the unique constraint still decides below.
  if (existing && (existing.status === 'submitted' || existing.versionId !== version.id)) return repeated(existing, hash, version);
  assertAccepting(questionnaire, input, existing);
  const result = await validated(deps, version, input, 'submit');
  const stored = await insertSubmission(deps.db, write(input, version, hash, result.data, result.dropped, deps.clock.now()));
  if (stored) return { created: true, response: { ...stored, version: version.version } };
  const winner = await findResponse(deps.db, input.instanceId);
  if (!winner) throw new Error(`instance ${input.instanceId} neither inserted nor found`);
  return repeated(winner, hash, version);
}

/** Saves a draft as sent (after shape checks). `baseRevision` guards against overwriting a newer save. */
export async function saveDraft(deps: IngestDeps, input: ResponseInput, baseRevision: number | null): Promise<Accepted> {
  const { questionnaire, version } = await loadTarget(deps, input);
  const existing = await findResponse(deps.db, input.instanceId);
  if (existing?.status === 'submitted')
    throw conflict('already_submitted', `Instance id ${input.instanceId} was already submitted; a draft can no longer change it.`);
  if (existing && existing.versionId !== version.id) repeated(existing, '', version);
  assertAccepting(questionnaire, input, existing);
  await validated(deps, version, input, 'draft');
  const hash = await payloadHash(version, input.data);
  const stored = await upsertDraft(deps.db, write(input, version, hash, input.data, [], deps.clock.now()), baseRevision);
  if (stored) return { created: !existing, response: { ...stored, version: version.version } };
  const current = await findResponse(deps.db, input.instanceId);
  if (current?.status === 'submitted') throw conflict('already_submitted', `Instance id ${input.instanceId} was submitted meanwhile.`);
  throw conflict(
    'stale_draft',
    `This draft was saved by someone else since revision ${baseRevision}; load revision ${current?.revision} and apply your changes to it.`,
    { currentRevision: current?.revision, updatedAt: current?.updatedAt.toISOString() },
  );
}
