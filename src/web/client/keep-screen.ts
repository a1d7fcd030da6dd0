// When the respondent stops an interview whose questionnaire allows keeping the answers given so
// far (questionnaires/withdrawal.ts) and whose consent answer says so, the app asks once more.
import type { Question, SurveyModel } from 'survey-core';
import { holdsWhen } from '../../questionnaires/withdrawal';
import { h, replace } from './dom';
import { t } from './i18n';

type Json = Record<string, unknown>;

/** The question whose answer holds this one: itself at the top, else its outermost parent. */
function topLevel(q: Question): Question {
  let top = q;
  while (top.parentQuestion) top = top.parentQuestion as Question;
  return top;
}

/**
 * The answers given so far, less any that would not pass as given (a number half typed on the
 * page being answered): the server checks them with the same rules and would refuse the whole
 * interview for one. Unanswered questions are not required of a stopped interview.
 */
export function answersSoFar(model: SurveyModel): Json {
  const data: Json = { ...(model.data as Json) };
  for (const q of model.getAllQuestions(false, false, true) as Question[]) {
    if (q.isEmpty() || !q.hasErrors(true)) continue;
    if (!q.errors.some((e) => holdsWhen('partial', { type: e.getErrorType() }))) continue;
    const name = topLevel(q).getValueName();
    delete data[name];
    delete data[`${name}-Comment`];
  }
  return data;
}

/** Asks whether the answers may be kept; resolves true only on an explicit yes. */
export function askKeep(app: HTMLElement): Promise<boolean> {
  return new Promise((resolve) => {
    const title = h('h1', { tabindex: '-1', id: 'keep-title' }, t('keepTitle'));
    replace(
      app,
      h(
        'section',
        { class: 'card', id: 'keep', 'aria-labelledby': 'keep-title' },
        title,
        h('p', {}, t('keepHelp')),
        h('button', { type: 'button', class: 'primary', id: 'keep-answers', onclick: () => resolve(true) }, t('keepYes')),
        ' ',
        h('button', { type: 'button', id: 'keep-nothing', onclick: () => resolve(false) }, t('keepNo')),
      ),
    );
    title.focus();
  });
}
