// Receiving responses: submissions (validated in full, hidden answers dropped, idempotent on the
// client's instance id) and drafts (shapes checked, saved as sent, optimistic concurrency). Each
// write and its audit entry go in one atomic batch; a no-op retry writes no audit entry.
import { hasQuestionnaire, inCountries, type Actor, type Principal } from '../access/principal';
import type { Deps } from '../deps';
import { AppError, badRequest, conflict, forbidden, invalidResponse, notFound } from '../errors';
import { siteProblem, versionSites } from '../questionnaires/disclosure-policy';
import { canonicalJson, sha256Hex } from '../questionnaires/canonical';
import { auditIfChangedStatement } from '../storage/audit';
import { findVersion, type QuestionnaireRow, type VersionRow } from '../storage/questionnaires';
import {
  findInstanceContext,
  findResponse,
  insertSubmissionStatement,
  upsertDraftStatement,
  type ResponseRow,
  type ResponseWrite,
  type StoredResponse,
} from '../storage/responses';
import type { ValidationMode } from '../validation/types';
import { screeningStop, versionScreeningRules } from '../questionnaires/screening';
import { mayKeepAnswers, versionWithdrawal } from '../questionnaires/withdrawal';
import { deleteDraftStatements, insertRefusalStatement } from '../storage/fieldwork';
import { canSee } from './scope';
import { findUser } from '../storage/users';

export interface ResponseInput {
  questionnaireId: string;
  version: string;
  instanceId: string;
  data: Record<string, unknown>;
  locale: string;
  startedAt: Date | null;
  endedAt: Date | null;
  /** Required from people; a device sends its token's country (or nothing). */
  country: string | undefined;
  site: string | undefined;
  /** Drafts only: the page the editor is on, to resume there. */
  page?: string;
  /**
   * Submissions only: the respondent stopped the interview. With data {} it is counted, nothing of
   * it kept; with answers, they are the answers given so far, which the questionnaire allows to keep
   * and the respondent consented to keep (questionnaires/withdrawal.ts).
   */
  withdrawn?: boolean;
  /** Submissions only: the interview was paused for the respondent's distress. */
  distress?: boolean;
  /** Submissions only: the app showed the child-protection referral at this stop. */
  childReferral?: boolean;
}

export interface Accepted {
  /** 201 when this request stored it, 200 when it repeats one already stored. */
  created: boolean;
  response: StoredResponse;
  refused?: undefined;
}

/** An interview that stopped at screening: only counted, nothing of it stored. */
export interface Refused {
  created: boolean;
  refused: { instanceId: string; reason: string };
  response?: undefined;
}

export type IngestDeps = Pick<Deps, 'db' | 'atomic' | 'clock' | 'validator'>;

/** What a submission or draft save is about: its questionnaire and version, what its instance id already holds. */
interface Target {
  questionnaire: QuestionnaireRow;
  version: VersionRow;
  /** When the version was closed for new data (read with the questionnaire, never cached). */
  closedAt: Date | null;
  existing: StoredResponse | undefined;
  refused: boolean;
}

async function loadTarget(deps: Pick<Deps, 'db'>, p: Principal, input: ResponseInput): Promise<Target> {
  const found = hasQuestionnaire(p, input.questionnaireId)
    ? await findInstanceContext(deps.db, input.questionnaireId, input.instanceId, input.version)
    : undefined;
  if (!found) throw notFound(`Questionnaire '${input.questionnaireId}'`);
  const version = await findVersion(deps.db, input.questionnaireId, input.version);
  if (!version) throw notFound(`Version '${input.version}' of questionnaire '${input.questionnaireId}'`);
  return { questionnaire: found.questionnaire, version, closedAt: found.versionClosedAt, existing: found.response, refused: found.refused };
}

/** 400 naming `site` when the version declares the country's sites and this one is not among them. */
function checkSite(version: VersionRow, place: { country: string; site: string | null }): void {
  const problem = siteProblem(versionSites(version), place.country, place.site);
  if (problem) throw badRequest(`The site is not a declared site: ${problem}.`, [{ path: 'site', type: 'not_declared', message: problem }]);
}

/** The country and site a response is filed under, checked against the principal's scope. */
function placeOf(p: Principal, input: ResponseInput): { country: string; site: string | null } {
  if (p.via === 'device-token') {
    const country = p.countries === '*' ? undefined : p.countries[0];
    if (!country || (input.country && input.country !== country))
      throw forbidden(`This device collects for ${country ?? 'no country'} only.`);
    return { country, site: p.site ?? input.site ?? null };
  }
  if (!input.country)
    throw new AppError('bad_request', 'Say which country the response is about: the country field is required.', [
      { path: 'country', type: 'required', message: 'required' },
    ]);
  if (!inCountries(p, input.country)) throw forbidden(`Country ${input.country} is outside your scope.`);
  return { country: input.country, site: input.site ?? null };
}

/**
 * Open accepts everything; closing accepts only interviews begun before it started closing (offline
 * devices still hold them), judged by the device start time or an earlier draft; closed accepts nothing.
 */
function assertAccepting(target: Target, input: ResponseInput): void {
  const { questionnaire: q, version: v, existing } = target;
  // A version closed for new data takes the interviews begun before it closed, like a closing questionnaire.
  if (target.closedAt) {
    const closedAt = target.closedAt.getTime();
    const begun = (input.startedAt && input.startedAt.getTime() < closedAt) || (existing && existing.createdAt.getTime() < closedAt);
    if (!begun)
      throw conflict(
        'version_closed',
        `Version ${v.version} of '${q.id}' is closed for new data since ${target.closedAt.toISOString()}: use a newer version.`,
        {
          closedSince: target.closedAt.toISOString(),
        },
      );
  }
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

export async function validated(
  deps: Pick<Deps, 'validator'>,
  version: VersionRow,
  data: Record<string, unknown>,
  locale: string,
  mode: ValidationMode,
) {
  const result = await deps.validator.validate({ contentHash: version.contentHash, definition: version.definition, data, locale, mode });
  if (!result.ok) {
    const what =
      mode === 'draft'
        ? 'The draft has answers that do not fit the questionnaire.'
        : 'The response does not pass the questionnaire’s rules.';
    throw invalidResponse(what, result.errors);
  }
  return result;
}

/** What a retry must repeat: the version, the answers, and whether the respondent stopped early. */
export function payloadHash(version: VersionRow, data: Record<string, unknown>, withdrawn = false): Promise<string> {
  return sha256Hex(canonicalJson({ version: version.id, data, ...(withdrawn ? { withdrawn } : {}) }));
}

/** An instance id already in use: refused when deleted, when someone else's, or when drafted elsewhere. */
function assertReusable(p: Principal, existing: StoredResponse, version: VersionRow): void {
  // Someone else's instance id (another country, another enumerator) answers as a read does: it
  // does not exist for this principal. A conflict would tell that it does.
  // (A purged response is still in someone's scope: its id stays refused to them, below.)
  if (!canSee(p, { ...existing, purgedAt: null })) throw notFound(`Response ${existing.instanceId}`);
  if (existing.deletedAt || existing.purgedAt)
    throw conflict('instance_deleted', `Response ${existing.instanceId} was deleted; it cannot be submitted again.`, {
      instanceId: existing.instanceId,
    });
  if (existing.versionId !== version.id)
    throw conflict(
      'instance_conflict',
      `Instance id ${existing.instanceId} holds a response to version '${existing.version}', not '${version.version}'.`,
      {
        instanceId: existing.instanceId,
        version: existing.version,
      },
    );
}

/** A second submission of an instance id: the same answers are a safe retry, others a conflict. */
function repeated(existing: StoredResponse, hash: string): Accepted {
  if (existing.payloadHash === hash) return { created: false, response: existing };
  throw conflict('instance_conflict', `A response with instance id ${existing.instanceId} was already submitted with different answers.`, {
    instanceId: existing.instanceId,
  });
}

function write(
  input: ResponseInput,
  version: VersionRow,
  place: { country: string; site: string | null },
  actor: string,
  hash: string,
  result: { data: Record<string, unknown>; dropped: string[]; hidden: string[] },
  at: Date,
): ResponseWrite {
  return {
    instanceId: input.instanceId,
    questionnaireId: input.questionnaireId,
    versionId: version.id,
    data: result.data,
    payloadHash: hash,
    dropped: result.dropped,
    hidden: result.hidden,
    locale: input.locale,
    deviceStartedAt: input.startedAt,
    deviceEndedAt: input.endedAt,
    page: input.page ?? null,
    distress: input.distress ?? false,
    withdrawn: input.withdrawn ?? false,
    ...place,
    actor,
    at,
  };
}

/**
 * Screening stopped the interview (refused consent, interviewed before, under age): a refusal is
 * counted once per instance id, a draft of it is deleted with its revisions, and no answer is kept.
 */
async function refuse(
  deps: IngestDeps,
  { principal: p, requestId }: Actor,
  input: ResponseInput,
  { version, existing }: Target,
  place: { country: string; site: string | null },
  reason: string,
): Promise<Refused> {
  if (existing) {
    assertReusable(p, existing, version);
    if (existing.status === 'submitted')
      throw conflict('already_submitted', `Instance id ${input.instanceId} was already submitted as an interview.`);
  }
  const at = deps.clock.now();
  const results = await deps.atomic((db) => [
    insertRefusalStatement(db, {
      instanceId: input.instanceId,
      questionnaireId: input.questionnaireId,
      versionId: version.id,
      reason,
      ...place,
      day: at.toISOString().slice(0, 10),
      collector: p.actor,
      distress: input.distress ?? false,
      childReferral: input.childReferral ?? false,
    }),
    auditIfChangedStatement(db, {
      at,
      actor: p.actor,
      action: 'response.refusal',
      targetType: 'response',
      targetId: input.instanceId,
      requestId,
      details: { questionnaire: input.questionnaireId, version: input.version, country: place.country, reason },
    }),
    ...(existing ? deleteDraftStatements(db, existing.seq) : []),
  ]);
  return { created: results[0]!.length > 0, refused: { instanceId: input.instanceId, reason } };
}

/**
 * Submissions and drafts pass screening first: answers that meet a rule end the interview as a
 * refusal; an instance id already counted as a refusal cannot come back as an interview.
 */
async function screened(
  deps: IngestDeps,
  actor: Actor,
  input: ResponseInput,
  target: Target,
  place: { country: string; site: string | null },
): Promise<Refused | null> {
  if (input.withdrawn) {
    if (Object.keys(input.data).length === 0) return refuse(deps, actor, input, target, place, 'withdrawn');
    // Answers given so far: only where the questionnaire allows it and the consent answer says so.
    const policy = versionWithdrawal(target.version);
    if (!mayKeepAnswers(policy, input.data))
      throw badRequest(
        policy
          ? 'The consent given does not allow keeping the answers of a stopped interview: send data as {}.'
          : 'This questionnaire keeps no answer of an interview the respondent stops: send data as {}.',
        [{ path: 'data', type: 'withdrawn', message: 'must be {} when withdrawn is true and keeping answers is not consented' }],
      );
  }
  const stop = screeningStop(versionScreeningRules(target.version), input.data);
  if (stop) return refuse(deps, actor, input, target, place, stop);
  if (input.childReferral)
    throw badRequest('A child-protection referral is recorded with a stop only, and screening does not stop this interview.', [
      { path: 'childReferral', type: 'not_stopped', message: 'only with an interview that screening stops' },
    ]);
  if (target.refused)
    throw conflict('instance_conflict', `Instance id ${input.instanceId} was counted as a refusal at screening.`, {
      instanceId: input.instanceId,
    });
  return null;
}

/**
 * What every submission and draft save begins with: the questionnaire, version and what the
 * instance id already holds; the country and site it is filed under (and a declared site); the
 * screening rules; and whether this caller may use that instance id.
 */
async function admit(
  deps: IngestDeps,
  actor: Actor,
  input: ResponseInput,
): Promise<{ refused: Refused } | { target: Target; place: { country: string; site: string | null } }> {
  const target = await loadTarget(deps, actor.principal, input);
  const place = placeOf(actor.principal, input);
  checkSite(target.version, place);
  const refused = await screened(deps, actor, input, target, place);
  if (refused) return { refused };
  if (target.existing) assertReusable(actor.principal, target.existing, target.version);
  return { target, place };
}

/** Validates and stores a submission; an identical retry returns the stored response. */
export async function submitResponse(deps: IngestDeps, actor: Actor, input: ResponseInput): Promise<Accepted | Refused> {
  const { principal: p, requestId } = actor;
  const admitted = await admit(deps, actor, input);
  if ('refused' in admitted) return admitted.refused;
  const { target, place } = admitted;
  const { version, existing } = target;
  const hash = await payloadHash(version, input.data, input.withdrawn);
  // Cheap answer for retries before the costly validation; the unique constraint still decides below.
  if (existing?.status === 'submitted') return repeated(existing, hash);
  assertAccepting(target, input);
  const result = await validated(deps, version, input.data, input.locale, input.withdrawn ? 'partial' : 'submit');
  const at = deps.clock.now();
  const [rows] = await deps.atomic((db) => [
    insertSubmissionStatement(db, write(input, version, place, p.actor, hash, result, at)),
    auditIfChangedStatement(db, {
      at,
      actor: p.actor,
      action: 'response.submit',
      targetType: 'response',
      targetId: input.instanceId,
      requestId,
      details: {
        questionnaire: input.questionnaireId,
        version: input.version,
        country: place.country,
        ...(input.withdrawn ? { withdrawn: true } : {}),
      },
    }),
  ]);
  const stored = (rows as ResponseRow[])[0];
  if (stored) return { created: true, response: { ...stored, version: version.version } };
  const winner = await findResponse(deps.db, input.instanceId);
  if (!winner) throw new Error(`instance ${input.instanceId} neither inserted nor found`);
  assertReusable(p, winner, version);
  return repeated(winner, hash);
}

/** Saves a draft as sent (after shape checks). `baseRevision` guards against overwriting a newer save. */
export async function saveDraft(
  deps: IngestDeps,
  actor: Actor,
  input: ResponseInput,
  baseRevision: number | null,
): Promise<Accepted | Refused> {
  const { principal: p, requestId } = actor;
  // A draft that already meets a screening rule is the end of the interview, not a draft.
  const admitted = await admit(deps, actor, input);
  if ('refused' in admitted) return admitted.refused;
  const { target, place } = admitted;
  const { version, existing } = target;
  if (existing?.status === 'submitted')
    throw conflict('already_submitted', `Instance id ${input.instanceId} was already submitted; edit the response instead.`);
  if (existing && existing.country !== place.country)
    throw conflict('instance_conflict', `This draft belongs to country ${existing.country}.`);
  assertAccepting(target, input);
  await validated(deps, version, input.data, input.locale, 'draft');
  const hash = await payloadHash(version, input.data);
  const at = deps.clock.now();
  const [rows] = await deps.atomic((db) => [
    upsertDraftStatement(db, write(input, version, place, p.actor, hash, { data: input.data, dropped: [], hidden: [] }, at), baseRevision),
    auditIfChangedStatement(db, {
      at,
      actor: p.actor,
      action: 'response.draft_save',
      targetType: 'response',
      targetId: input.instanceId,
      requestId,
      details: { questionnaire: input.questionnaireId, version: input.version },
    }),
  ]);
  const stored = (rows as ResponseRow[])[0];
  if (stored) return { created: !existing, response: { ...stored, version: version.version } };
  const current = await findResponse(deps.db, input.instanceId);
  if (current?.status === 'submitted') throw conflict('already_submitted', `Instance id ${input.instanceId} was submitted meanwhile.`);
  // Who saved it, by name when a person did: the assessor is told whom to talk to.
  const by = current?.updatedBy.startsWith('user:') ? await findUser(deps.db, current.updatedBy.slice(5)) : undefined;
  throw conflict(
    'stale_draft',
    `This draft was saved by someone else since revision ${baseRevision}; load revision ${current?.revision} and apply your changes to it.`,
    { currentRevision: current?.revision, updatedAt: current?.updatedAt.toISOString(), updatedBy: by?.displayName ?? current?.updatedBy },
  );
}
