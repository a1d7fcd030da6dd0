// Reply objects built field by field from rows: nothing crosses the wire by accident.
import { versionTranslations } from '../questionnaires/translations';
import type { QuestionnaireRow, VersionRow } from '../access/catalogue';
import type { StoredResponse } from '../responses/manage';
import { badRequest } from '../errors';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function versionReply(v: VersionRow) {
  return {
    version: v.version,
    title: v.title,
    contentHash: v.contentHash,
    languages: v.languages,
    translations: versionTranslations(v),
    questionCount: v.questionCount,
    publishedAt: v.publishedAt.toISOString(),
    closedAt: v.closedAt ? v.closedAt.toISOString() : null,
  };
}

export function questionnaireReply(q: QuestionnaireRow, versions: VersionRow[]) {
  return {
    id: q.id,
    title: q.title,
    family: q.family,
    state: q.state,
    stateChangedAt: q.stateChangedAt.toISOString(),
    currentVersion: versions.find((v) => v.id === q.currentVersionId)?.version ?? null,
    versions: versions.map(versionReply),
  };
}

export function responseReply(r: StoredResponse) {
  return {
    instanceId: r.instanceId,
    questionnaireId: r.questionnaireId,
    version: r.version,
    status: r.status,
    locale: r.locale,
    data: JSON.parse(r.data) as Record<string, unknown>,
    dropped: r.dropped,
    revision: r.revision,
    page: r.draftPage,
    startedAt: iso(r.deviceStartedAt),
    endedAt: iso(r.deviceEndedAt),
    receivedAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    submittedAt: iso(r.submittedAt),
    country: r.country,
    site: r.site,
    distress: r.distress,
    withdrawn: r.withdrawn,
    reviewState: r.reviewState,
    submittedBy: r.submittedBy,
    deletedAt: iso(r.deletedAt),
  };
}

/** Page cursors are opaque to clients: the internal sequence number, base64url-encoded. */
export function encodeCursor(seq: number | null): string | null {
  return seq === null ? null : btoa(`r${seq}`).replace(/=+$/, '');
}

function decodeCursor(cursor: string | undefined): number | null {
  if (!cursor) return 0;
  try {
    const m = /^r(\d{1,15})$/.exec(atob(cursor));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * A response list's query (a list or the trash) as the listing takes it: the cursor decoded (a
 * 400 naming it when it is not one this server gave out), the dates parsed, the other filters as sent.
 */
export function responsePageOf<Q extends { cursor?: string; from?: string; to?: string }>(query: Q) {
  const { cursor, from, to, ...rest } = query;
  const after = decodeCursor(cursor);
  if (after === null)
    throw badRequest('The cursor is not one this server gave out.', [
      { path: 'query.cursor', type: 'unknown_cursor', message: 'unknown cursor' },
    ]);
  return { ...rest, after, ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}) };
}
