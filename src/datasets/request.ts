// Who may export what: the profile a role may have, and the countries an export is narrowed to.
// Shared by the HTTP endpoint and the CLI, so both apply the same rule.
import { ALL, type Actor, type Principal } from '../access/principal';
import type { Deps } from '../deps';
import { AppError, forbidden } from '../errors';
import { auditStatement } from '../storage/audit';
import type { ReviewState } from '../vocabulary';
import type { Profile } from './columns';
import { exportStream, prepareExport, type ExportSpec, type PreparedExport } from './export';

/**
 * Ad-hoc exports are for coordinators and admins; researchers get anonymized data only through
 * approved releases (datasets/releases.ts), never with filters or thresholds of their own.
 */
export function profilesFor(p: Principal): Profile[] {
  if (p.role === 'admin' || p.role === 'coordinator') return ['full', 'pseudonymized', 'public'];
  return [];
}

export interface ExportOptions {
  profile: Profile;
  labels?: boolean;
  lang?: string;
  splitMultiple?: boolean;
  bom?: boolean;
  maskFormulas?: boolean;
  from?: Date;
  to?: Date;
  reviewStates?: ReviewState[];
  countries?: string[];
  versions?: string[];
  k?: number;
  l?: number;
  maxGlobalRisk?: number;
  maxIndividualRisk?: number;
}

/** The export a principal asked for, narrowed to their scope; 403 for a profile their role may not have. */
export function exportSpec(p: Principal, questionnaireId: string, o: ExportOptions): ExportSpec {
  if (!profilesFor(p).includes(o.profile)) throw forbidden(`Your role may not export the ${o.profile} profile.`);
  let countries = o.countries;
  if (p.countries !== ALL) countries = countries ? countries.filter((c) => p.countries.includes(c)) : [...p.countries];
  return {
    questionnaireId,
    profile: o.profile,
    labels: o.labels ?? false,
    lang: o.lang ?? '',
    splitMultiple: o.splitMultiple ?? false,
    bom: o.bom ?? true,
    maskFormulas: o.maskFormulas ?? true,
    filters: { from: o.from, to: o.to, reviewStates: o.reviewStates, countries, versions: o.versions },
    requested: Object.fromEntries(
      Object.entries({ k: o.k, l: o.l, maxGlobalRisk: o.maxGlobalRisk, maxIndividualRisk: o.maxIndividualRisk }).filter(
        ([, v]) => v !== undefined,
      ),
    ),
  };
}

/**
 * The audit details of an export: the profile, filters and options asked for, the thresholds
 * asked for and (once prepared) those applied with the scenarios, and how many rows.
 */
export function exportAuditDetails(spec: ExportSpec, prepared?: Pick<PreparedExport, 'rows' | 'policy'>): Record<string, unknown> {
  const f = spec.filters;
  const policy = prepared?.policy;
  return {
    profile: spec.profile,
    rows: prepared?.rows,
    requested: spec.requested,
    ...(policy && spec.profile === 'public'
      ? {
          applied: {
            k: policy.k,
            l: policy.l,
            maxGlobalRisk: policy.maxGlobalRisk,
            maxIndividualRisk: policy.maxIndividualRisk,
            scenarios: policy.scenarios.map((s) => s.name),
          },
        }
      : {}),
    filters: {
      from: f.from?.toISOString(),
      to: f.to?.toISOString(),
      reviewStates: f.reviewStates,
      countries: f.countries,
      versions: f.versions,
    },
    options: { labels: spec.labels, lang: spec.lang, splitMultiple: spec.splitMultiple },
  };
}

/** `<questionnaire>-<profile>-YYYYMMDD-HHMMSS.zip` (UTC). */
export function exportFileName(questionnaireId: string, profile: string, at: Date): string {
  return `${questionnaireId}-${profile}-${at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.zip`;
}

/** 413 when a dataset holds more responses than one request may handle on this deployment (0: no limit). */
export function checkRowLimit(rows: number, limit: number): void {
  if (limit > 0 && rows > limit)
    throw new AppError(
      'export_too_large',
      `This dataset holds ${rows} responses; one request on this deployment handles at most ${limit}. Narrow it (country, from/to, version) and export in parts, or export with the periplus CLI from a copy of the database.`,
      [{ path: '(dataset)', type: 'too_large', message: `${rows} responses, over ${limit}` }],
      { rows, limit },
    );
}

/** A dataset bundle ready to stream, with the figures its reply carries. */
export interface DatasetDownload {
  stream: ReadableStream<Uint8Array>;
  rows: number;
  fileName: string;
}

/**
 * The export of a questionnaire's dataset, as the principal may have it: the spec checked against
 * their role and the disclosure policy, the responses read once, the row limit of this deployment
 * applied, and the export audited with every parameter. An attempt to lower the protection is
 * refused and audited with what it asked.
 */
export async function exportDataset(
  deps: Pick<Deps, 'db' | 'atomic' | 'clock' | 'anonymizer' | 'compression' | 'spill' | 'secrets' | 'config'>,
  { principal: p, requestId }: Actor,
  questionnaireId: string,
  options: ExportOptions,
): Promise<DatasetDownload> {
  const spec = exportSpec(p, questionnaireId, options);
  const exportDeps = {
    db: deps.db,
    clock: deps.clock,
    anonymizer: deps.anonymizer,
    compression: deps.compression,
    spill: deps.spill,
    pseudonymKey: deps.secrets.pseudonymKey,
  };
  const audit = (action: string, details: Record<string, unknown>) =>
    deps.atomic((db) => [
      auditStatement(db, {
        at: deps.clock.now(),
        actor: p.actor,
        action,
        targetType: 'questionnaire',
        targetId: questionnaireId,
        requestId,
        details,
      }),
    ]);
  const prepared = await prepareExport(exportDeps, spec).catch(async (e: unknown) => {
    if (e instanceof AppError && e.code === 'policy_loosened')
      await audit('dataset.export_refused', { ...exportAuditDetails(spec), reason: e.code, details: e.details });
    throw e;
  });
  checkRowLimit(prepared.rows, deps.config.exportRowLimit);
  const at = deps.clock.now();
  await audit('dataset.export', exportAuditDetails(spec, prepared));
  return { stream: exportStream(exportDeps, prepared), rows: prepared.rows, fileName: exportFileName(questionnaireId, spec.profile, at) };
}
