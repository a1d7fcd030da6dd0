// The rows an export reads: submitted, not deleted responses of one questionnaire, filtered,
// oldest first, one keyset page at a time (bounded by the newest row when the export began).
import { and, asc, count, eq, gt, gte, inArray, isNull, lte, max, type SQL } from 'drizzle-orm';
import type { Db } from './db';
import { questionnaireVersions, responses, type ReviewState } from './schema';

export interface ExportFilters {
  from?: Date;
  to?: Date;
  reviewStates?: ReviewState[];
  /** Countries to include; undefined for all (the caller narrows it to the principal's scope). */
  countries?: string[];
  versions?: string[];
}

export interface ExportRow {
  seq: number;
  instanceId: string;
  version: string;
  country: string;
  site: string | null;
  submittedAt: Date | null;
  reviewState: ReviewState;
  locale: string;
  submittedBy: string;
  data: string;
  hidden: string[];
}

function where(questionnaireId: string, f: ExportFilters, upTo: number): SQL | undefined {
  return and(
    eq(responses.questionnaireId, questionnaireId),
    eq(responses.status, 'submitted'),
    isNull(responses.deletedAt),
    lte(responses.seq, upTo),
    f.from ? gte(responses.submittedAt, f.from) : undefined,
    f.to ? lte(responses.submittedAt, f.to) : undefined,
    f.reviewStates?.length ? inArray(responses.reviewState, f.reviewStates) : undefined,
    f.countries ? inArray(responses.country, f.countries.length ? f.countries : ['\u0000']) : undefined,
    f.versions?.length ? inArray(questionnaireVersions.version, f.versions) : undefined,
  );
}

/** The newest row now: later submissions are not part of this export. */
export async function exportBound(db: Db): Promise<number> {
  const rows = await db.select({ seq: max(responses.seq) }).from(responses);
  return rows[0]?.seq ?? 0;
}

export async function countExportRows(db: Db, questionnaireId: string, f: ExportFilters, upTo: number): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(responses)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.versionId))
    .where(where(questionnaireId, f, upTo));
  return rows[0]!.n;
}

export async function exportPage(db: Db, questionnaireId: string, f: ExportFilters, upTo: number, after: number, limit: number): Promise<ExportRow[]> {
  return db
    .select({
      seq: responses.seq,
      instanceId: responses.instanceId,
      version: questionnaireVersions.version,
      country: responses.country,
      site: responses.site,
      submittedAt: responses.submittedAt,
      reviewState: responses.reviewState,
      locale: responses.locale,
      submittedBy: responses.submittedBy,
      data: responses.data,
      hidden: responses.hidden,
    })
    .from(responses)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.versionId))
    .where(and(where(questionnaireId, f, upTo), gt(responses.seq, after)))
    .orderBy(asc(responses.seq))
    .limit(limit);
}
