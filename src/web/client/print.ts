// A printable view of one questionnaire (/print/<instance>): every page at once, read-only, with
// the response's facts on top. The print stylesheet drops the page chrome.
import { api, currentSession, errorText } from './api';
import { h, replace, root } from './dom';
import { createForm, render } from './form';
import { dateTimeOf, initialLanguage, setLanguage, t } from './i18n';

const { el: app, data } = root();

async function main(): Promise<void> {
  setLanguage(initialLanguage());
  if (!(await currentSession())) {
    location.href = '/';
    return;
  }
  const r = await api(`/responses/${encodeURIComponent(data.instance ?? '')}`);
  if (!r.ok)
    return replace(app, h('p', { class: 'error' }, r.status === 404 ? t('notFound') : errorText(r)), h('a', { href: '/' }, t('home')));
  const resp = r.body;
  const def = await api(
    `/questionnaires/${encodeURIComponent(resp.questionnaireId)}/versions/${encodeURIComponent(resp.version)}/definition`,
  );
  if (!def.ok) return replace(app, h('p', { class: 'error' }, errorText(def)));
  const model = createForm(def.body, resp.locale || 'en');
  setLanguage(resp.locale || 'en');
  model.data = resp.data;
  model.mode = 'display';
  model.questionsOnPageMode = 'singlePage';
  model.showNavigationButtons = false;
  model.showProgressBar = false;
  const formEl = h('div', { id: 'form' });
  replace(
    app,
    h(
      'header',
      { class: 'bar no-print' },
      h('a', { href: '/' }, t('home')),
      h('button', { type: 'button', onclick: () => window.print() }, t('print')),
    ),
    h('h1', {}, model.title || resp.questionnaireId),
    h(
      'p',
      { class: 'facts' },
      `${resp.questionnaireId} v${resp.version} · ${resp.country} · ${resp.status} · ${dateTimeOf(resp.submittedAt ?? resp.updatedAt)} · ${resp.instanceId}`,
    ),
    formEl,
  );
  render(model, formEl);
}

void main();
