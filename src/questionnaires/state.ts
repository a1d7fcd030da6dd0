// Opening, closing and closing-down a questionnaire, and closing one version for new data (a
// version asked without screening rules, say), each audited with the change.
import type { Deps } from '../deps';
import { notFound } from '../errors';
import { auditIfChangedStatement } from '../storage/audit';
import {
  setQuestionnaireStateStatement,
  setVersionClosedStatement,
  type QuestionnaireRow,
  type VersionRow,
} from '../storage/questionnaires';
import type { QuestionnaireState } from '../storage/schema';

export async function changeState(
  deps: Pick<Deps, 'atomic' | 'clock'>,
  actor: { actor: string; requestId: string },
  id: string,
  state: QuestionnaireState,
): Promise<QuestionnaireRow> {
  const at = deps.clock.now();
  const [rows] = await deps.atomic((db) => [
    setQuestionnaireStateStatement(db, id, state, at),
    auditIfChangedStatement(db, {
      at,
      actor: actor.actor,
      action: 'questionnaire.state',
      targetType: 'questionnaire',
      targetId: id,
      requestId: actor.requestId,
      details: { state },
    }),
  ]);
  const row = (rows as QuestionnaireRow[])[0];
  if (!row) throw notFound(`Questionnaire '${id}'`);
  return row;
}

/** Closes a version for new data (interviews begun before are still accepted), or opens it again. */
export async function setVersionClosed(
  deps: Pick<Deps, 'atomic' | 'clock'>,
  actor: { actor: string; requestId: string },
  questionnaireId: string,
  version: string,
  closed: boolean,
): Promise<VersionRow> {
  const at = deps.clock.now();
  const [rows] = await deps.atomic((db) => [
    setVersionClosedStatement(db, questionnaireId, version, closed, at),
    auditIfChangedStatement(db, {
      at,
      actor: actor.actor,
      action: closed ? 'questionnaire.version.close' : 'questionnaire.version.open',
      targetType: 'questionnaire',
      targetId: questionnaireId,
      requestId: actor.requestId,
      details: { version },
    }),
  ]);
  const row = (rows as VersionRow[])[0];
  if (!row) throw notFound(`Version ${version} of '${questionnaireId}'`);
  return row;
}
