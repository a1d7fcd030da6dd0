// The published questionnaires as a principal may see them: assessors and enumerators the ones
// assigned to them, everyone else all. Each with its versions; a listing costs two queries.
import { hasQuestionnaire, type Principal } from './principal';
import type { Deps } from '../deps';
import { notFound } from '../errors';
import {
  findQuestionnaire,
  findVersion,
  listAllVersions,
  listQuestionnaires,
  listVersions,
  type QuestionnaireRow,
  type VersionRow,
} from '../storage/questionnaires';

export type { QuestionnaireRow, VersionRow };

/** A questionnaire with its versions, in publication order. */
export interface CatalogueEntry {
  questionnaire: QuestionnaireRow;
  versions: VersionRow[];
}

type CatalogueDeps = Pick<Deps, 'db'>;

export async function listVisibleQuestionnaires(deps: CatalogueDeps, p: Principal): Promise<CatalogueEntry[]> {
  const [rows, versions] = await Promise.all([listQuestionnaires(deps.db), listAllVersions(deps.db)]);
  const byQuestionnaire = new Map<string, VersionRow[]>();
  for (const v of versions) byQuestionnaire.set(v.questionnaireId, [...(byQuestionnaire.get(v.questionnaireId) ?? []), v]);
  return rows.filter((q) => hasQuestionnaire(p, q.id)).map((q) => ({ questionnaire: q, versions: byQuestionnaire.get(q.id) ?? [] }));
}

export async function visibleQuestionnaire(deps: CatalogueDeps, p: Principal, questionnaireId: string): Promise<CatalogueEntry> {
  const q = hasQuestionnaire(p, questionnaireId) ? await findQuestionnaire(deps.db, questionnaireId) : undefined;
  if (!q) throw notFound(`Questionnaire '${questionnaireId}'`);
  return entryOf(deps, q);
}

/** A questionnaire row (one just changed, say) with its versions. */
export async function entryOf(deps: CatalogueDeps, q: QuestionnaireRow): Promise<CatalogueEntry> {
  return { questionnaire: q, versions: await listVersions(deps.db, q.id) };
}

export async function visibleVersion(
  deps: CatalogueDeps,
  p: Principal,
  questionnaireId: string,
  version: string,
  opts: { fresh?: boolean } = {},
): Promise<VersionRow> {
  const row = hasQuestionnaire(p, questionnaireId) ? await findVersion(deps.db, questionnaireId, version, opts) : undefined;
  if (!row) throw notFound(`Version '${version}' of questionnaire '${questionnaireId}'`);
  return row;
}
