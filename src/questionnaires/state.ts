// Opening, closing and closing-down a questionnaire, audited with the change.
import type { Deps } from '../deps';
import { notFound } from '../errors';
import { auditIfChangedStatement } from '../storage/audit';
import { setQuestionnaireStateStatement, type QuestionnaireRow } from '../storage/questionnaires';
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
