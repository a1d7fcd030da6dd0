// Releases: the only way anonymized data reaches researchers. A coordinator (or admin) computes
// one on a snapshot with the questionnaire's disclosure policy (stricter on request, never
// looser); its bundle is stored as it will be downloaded, its report is reviewed, and a named
// person approves or discards it. Each release keeps to what earlier approved releases published
// (see anonymize/ledger.ts), so two releases cannot be differenced. Scope: a release is visible to
// someone whose countries include every country it holds; researchers see approved ones only.
import { ALL, type Principal } from '../access/principal';
import type { Deps } from '../deps';
import { AppError, conflict, notFound } from '../errors';
import { auditIfChangedStatement, auditStatement } from '../storage/audit';
import { isUniqueViolation } from '../storage/errors';
import { collectGarbage } from '../shared/collect-garbage';
import { sha256Hasher } from '../questionnaires/canonical';
import { findQuestionnaire } from '../storage/questionnaires';
import {
  approvedLedgers,
  decideReleaseStatement,
  discardStagedStatement,
  discardStaleStagedStatement,
  eraseBundleStatement,
  findRelease,
  insertReleaseStatements,
  listReleases,
  releaseBundle,
  stageChunksStatements,
  type ReleaseSummary,
} from '../storage/releases';
import { ledgerBytes, priorReleases } from './anonymize/ledger';
import { fromBase64, toBase64 } from '../shared/base64';
import { exportStream, prepareExport, type ExportDeps, type ReleaseRun } from './export';
import { checkRowLimit, exportSpec, type ExportOptions } from './request';

export type ReleaseDeps = ExportDeps & Pick<Deps, 'atomic' | 'newId'> & { rowLimit: number };

/** What a release request may choose: filters and stricter thresholds; the rest is fixed. */
export type ReleaseOptions = Pick<
  ExportOptions,
  'from' | 'to' | 'reviewStates' | 'countries' | 'versions' | 'k' | 'l' | 'maxGlobalRisk' | 'maxIndividualRisk'
> & { note?: string };

/**
 * Base64 text per stored chunk (of a bundle or a ledger): one D1 row each, well under its 2 MB,
 * and under V8's largest ordinary object (128 KB): a larger string goes to the large-object space,
 * which only a full collection frees (chunks of 192 KB, written and read back, grew a
 * million-record release's heap by 100 MB before it was collected); these die young.
 */
export const CHUNK = 96 * 1024;

/** Stored chunks written per transaction while a bundle is staged (3 MB of text). */
const STAGE_BATCH = 32;

/** Staged chunks older than this belong to a computation that stopped (a process ended mid-release). */
const STALE_STAGED_MS = 24 * 60 * 60 * 1000;

/** A stream's pieces as an iterable (a reader: async iteration of web streams is not in every runtime). */
async function* piecesOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/**
 * Stages bytes as they come (a bundle as it streams out, a ledger as it is compressed): base64
 * chunks stored a few at a time under `upload`, and their SHA-256 and size. Neither the whole
 * bytes nor their whole text is ever held (a million records' bundle, 100 and 137 MB more), nor
 * sent to the database in one transaction.
 */
export async function stageChunks(
  deps: Pick<Deps, 'atomic' | 'clock'>,
  upload: string,
  pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<{ sha256: string; bytes: number }> {
  const hash = sha256Hasher();
  let batch: string[] = [];
  let stored = 0;
  const flush = async () => {
    const chunks = batch;
    batch = [];
    const from = stored;
    stored += chunks.length;
    if (chunks.length) await deps.atomic((db) => stageChunksStatements(db, upload, from, chunks, deps.clock.now()));
  };
  // Three bytes make four characters: a chunk's bytes are a multiple of three, so chunks join.
  const pending = new Uint8Array((CHUNK / 4) * 3);
  let fill = 0;
  let bytes = 0;
  for await (const piece of pieces) {
    hash.update(piece);
    bytes += piece.length;
    for (let at = 0; at < piece.length; ) {
      const take = Math.min(piece.length - at, pending.length - fill);
      pending.set(piece.subarray(at, at + take), fill);
      fill += take;
      at += take;
      if (fill === pending.length) {
        batch.push(toBase64(pending));
        fill = 0;
        if (batch.length === STAGE_BATCH) await flush();
      }
    }
  }
  if (fill) batch.push(toBase64(pending.subarray(0, fill)));
  await flush();
  return { sha256: hash.hex(), bytes };
}

/** Whether the principal's countries hold every country of the release. */
function inScope(p: Principal, r: Pick<ReleaseSummary, 'countries'>): boolean {
  return p.countries === ALL || r.countries.every((c) => (p.countries as readonly string[]).includes(c));
}

/** Whether the principal may see this release at all (else it does not exist for them). */
function visible(p: Principal, r: ReleaseSummary): boolean {
  if (!inScope(p, r)) return false;
  if (p.role === 'researcher') return r.state === 'approved';
  return p.role === 'admin' || p.role === 'coordinator';
}

/**
 * Computes a release of a questionnaire and stores it as pending: refused (422) when the data
 * cannot meet the policy, 409 while another release of it is pending. Audited with every parameter.
 */
export async function createRelease(
  deps: ReleaseDeps,
  p: Principal,
  questionnaireId: string,
  o: ReleaseOptions,
  requestId: string,
): Promise<ReleaseSummary> {
  const q = await findQuestionnaire(deps.db, questionnaireId);
  if (!q) throw notFound(`Questionnaire '${questionnaireId}'`);
  // Country assessments describe states, not people, and are never released to researchers.
  if (q.family === 'assessment')
    throw new AppError(
      'not_releasable',
      `'${questionnaireId}' is an assessment questionnaire: its answers are not released as anonymized data.`,
    );
  const spec = exportSpec(p, questionnaireId, {
    ...o,
    profile: 'public',
    labels: false,
    splitMultiple: false,
    bom: true,
    maskFormulas: true,
  });
  // The approved releases' ledgers, opened: pass one reads them alongside the responses.
  const run: ReleaseRun = {
    prior: await priorReleases(await approvedLedgers(deps.db, questionnaireId)),
  };
  const at = deps.clock.now();
  const audit = (action: string, details: Record<string, unknown>) =>
    auditStatement(deps.db, { at, actor: p.actor, action, targetType: 'questionnaire', targetId: questionnaireId, requestId, details });
  const prepared = await prepareExport(deps, spec, run).catch(async (e: unknown) => {
    if (e instanceof AppError)
      await deps.atomic(() => [
        audit('release.refused', {
          requested: spec.requested,
          filters: filtersOf(spec.filters),
          reason: e.code,
          details: e.details,
          ...(e.context ? { context: e.context } : {}),
        }),
      ]);
    throw e;
  });
  checkRowLimit(prepared.rows, deps.rowLimit);
  if (prepared.rows === 0)
    throw new AppError('nothing_to_release', `No submitted response of '${questionnaireId}' matches these filters within your countries.`);
  // The bundle is staged as it is made; the transaction that records the release moves it in.
  // Staged chunks of a computation that fails are deleted; those of a process that stopped
  // mid-release, by the next release.
  const upload = { bundle: deps.newId(), ledger: deps.newId() };
  await deps.atomic((db) => [discardStaleStagedStatement(db, new Date(at.getTime() - STALE_STAGED_MS))]);
  try {
    return await recordRelease(deps, p, questionnaireId, o, requestId, { spec, run, prepared, at, upload });
  } catch (e) {
    await deps.atomic((db) => [discardStagedStatement(db, [upload.bundle, upload.ledger])]);
    throw e;
  }
}

/** Stages the bundle and the ledger, then records the release with them and its audit entry in one transaction. */
async function recordRelease(
  deps: ReleaseDeps,
  p: Principal,
  questionnaireId: string,
  o: ReleaseOptions,
  requestId: string,
  {
    spec,
    run,
    prepared,
    at,
    upload,
  }: {
    spec: ReturnType<typeof exportSpec>;
    run: ReleaseRun;
    prepared: Awaited<ReturnType<typeof prepareExport>>;
    at: Date;
    upload: { bundle: string; ledger: string };
  },
): Promise<ReleaseSummary> {
  const bundle = await stageChunks(deps, upload.bundle, piecesOf(exportStream(deps, prepared)));
  const policy = prepared.policy;
  const parameters = {
    filters: filtersOf(spec.filters),
    versions: prepared.versions,
    requested: spec.requested,
    applied: {
      k: policy.k,
      l: policy.l,
      maxGlobalRisk: policy.maxGlobalRisk,
      maxIndividualRisk: policy.maxIndividualRisk,
      scenarios: policy.scenarios,
    },
    /** Records published in earlier approved releases, kept to what those published. */
    priorRecords: run.prior.size,
    newRecords: run.ledger!.seqs.length,
  };
  await stageChunks(deps, upload.ledger, ledgerBytes(run.ledger!));
  // Its records as staged now: the columns of codes are let go before the release is written.
  run.ledger = undefined;
  collectGarbage();
  const id = deps.newId();
  const release = {
    id,
    questionnaireId,
    countries: run.countries!,
    parameters,
    snapshotHash: run.snapshotHash!,
    records: prepared.rows,
    bundleSha256: bundle.sha256,
    bundleBytes: bundle.bytes,
    report: prepared.sdc!.report as unknown as Record<string, unknown>,
    createdBy: p.actor,
    createdAt: at,
  };
  try {
    await deps.atomic((db) => [
      ...insertReleaseStatements(db, release, upload),
      auditStatement(db, {
        at,
        actor: p.actor,
        action: 'release.create',
        targetType: 'release',
        targetId: id,
        requestId,
        details: {
          questionnaireId,
          ...parameters,
          snapshotHash: release.snapshotHash,
          bundleSha256: release.bundleSha256,
          records: release.records,
          note: o.note ?? null,
        },
      }),
    ]);
  } catch (e) {
    if (isUniqueViolation(e))
      throw conflict('release_pending', `Another release of '${questionnaireId}' is pending review: approve or discard it first.`);
    throw e;
  }
  return (await findRelease(deps.db, id))!;
}

function filtersOf(f: ReturnType<typeof exportSpec>['filters']) {
  return {
    from: f.from?.toISOString(),
    to: f.to?.toISOString(),
    reviewStates: f.reviewStates,
    countries: f.countries,
    versions: f.versions,
  };
}

/** The releases of a questionnaire the principal may see, newest first. */
export async function releasesFor(deps: Pick<Deps, 'db'>, p: Principal, questionnaireId: string): Promise<ReleaseSummary[]> {
  return (await listReleases(deps.db, questionnaireId)).filter((r) => visible(p, r));
}

/** One release, or 404 where it does not exist for the principal. */
export async function releaseFor(deps: Pick<Deps, 'db'>, p: Principal, id: string): Promise<ReleaseSummary> {
  const r = await findRelease(deps.db, id);
  if (!r || !visible(p, r)) throw notFound(`Release '${id}'`);
  return r;
}

/** Approves or discards a pending release as a named person; a discarded bundle is erased. */
export async function decideRelease(
  deps: Pick<Deps, 'db' | 'atomic' | 'clock'>,
  p: Principal,
  id: string,
  decision: 'approved' | 'discarded',
  note: string | null,
  requestId: string,
): Promise<ReleaseSummary> {
  const r = await releaseFor(deps, p, id);
  const at = deps.clock.now();
  const [changed] = await deps.atomic((db) => [
    decideReleaseStatement(db, id, decision, p.actor, at, note),
    // Written only when the decision changed the release (it was pending).
    auditIfChangedStatement(db, {
      at,
      actor: p.actor,
      action: decision === 'approved' ? 'release.approve' : 'release.discard',
      targetType: 'release',
      targetId: id,
      requestId,
      details: { questionnaireId: r.questionnaireId, number: r.seq, note },
    }),
    ...(decision === 'discarded' ? [eraseBundleStatement(db, id)] : []),
  ]);
  if (!changed?.length)
    throw conflict('release_decided', `Release ${r.seq} of '${r.questionnaireId}' was already ${r.state}.`, { state: r.state });
  return (await findRelease(deps.db, id))!;
}

/** The bundle of a release the principal may download (researchers: approved only), audited. */
export async function downloadRelease(
  deps: Pick<Deps, 'db' | 'atomic' | 'clock'>,
  p: Principal,
  id: string,
  requestId: string,
): Promise<{ release: ReleaseSummary; bytes: number; stream: ReadableStream<Uint8Array> }> {
  const r = await releaseFor(deps, p, id);
  if (r.state === 'discarded')
    throw conflict('release_discarded', `Release ${r.seq} of '${r.questionnaireId}' was discarded; its bundle is erased.`);
  await deps.atomic((db) => [
    auditStatement(db, {
      at: deps.clock.now(),
      actor: p.actor,
      action: 'release.download',
      targetType: 'release',
      targetId: id,
      requestId,
      details: { questionnaireId: r.questionnaireId, number: r.seq, state: r.state },
    }),
  ]);
  return { release: r, bytes: r.bundleBytes, stream: bundleStream(deps, r) };
}

/** Stored chunks read per query while a bundle streams out (1.5 MB of text: read, they die young). */
const CHUNKS_PER_READ = 16;

/**
 * A stored bundle as it streams out, a few chunks read at a time (a million records' bundle, read
 * whole and joined, took 230 MB more), checked against its recorded size and SHA-256 at the end:
 * a stored bundle that changed ends the download in an error rather than as a valid zip.
 */
function bundleStream(deps: Pick<Deps, 'db'>, r: ReleaseSummary): ReadableStream<Uint8Array> {
  const hash = sha256Hasher();
  let next = 0;
  let bytes = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunks = await releaseBundle(deps.db, r.id, next, CHUNKS_PER_READ);
      next += CHUNKS_PER_READ;
      for (const chunk of chunks) {
        const piece = fromBase64(chunk);
        hash.update(piece);
        bytes += piece.length;
        controller.enqueue(piece);
      }
      if (chunks.length < CHUNKS_PER_READ) {
        if (bytes !== r.bundleBytes || hash.hex() !== r.bundleSha256)
          controller.error(new Error(`the stored bundle of release ${r.seq} of '${r.questionnaireId}' does not match its record`));
        else controller.close();
      }
    },
  });
}

export type { ReleaseSummary };
