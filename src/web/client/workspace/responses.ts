// Responses and the trash: lists with the API's filters, and one response's page (answers
// read-only in its form, review, revisions and their differences, a correction, the trash).
import {
  compareForm,
  field,
  status,
  say,
  problem,
  table,
  anyOf,
  questionnairePicker,
  params,
  type Questionnaire,
  type StoredResponse,
} from './common';
import { api, type Session } from '../api';
import { h, replace } from '../dom';
import { currentLanguage, dateTimeOf, t } from '../i18n';
import { createForm, render } from '../form';

const REVIEW_STATES = ['received', 'has_issues', 'approved', 'rejected'];

const HEADERS = () => [t('open'), t('versionLabel'), t('country'), t('updatedLabel'), t('status'), t('reviewStateLabel'), ''];
/** Columns one may hide (the link and the action always show). */
const CHOOSABLE = [1, 2, 3, 4, 5];
const COLUMNS_KEY = 'periplus.responseColumns';
const hiddenColumns = (): number[] => {
  try {
    const v = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x) => CHOOSABLE.includes(x)) : [];
  } catch {
    return [];
  }
};
/** Hides the columns not chosen, header and cells alike. */
function showColumns(where: HTMLElement): void {
  const hidden = new Set(hiddenColumns());
  for (const tr of Array.from(where.querySelectorAll('tr')))
    Array.from(tr.children, (cell, i) => ((cell as HTMLElement).hidden = hidden.has(i)));
}

/** A list of responses (or of the trash): filters, keyset pages, one row each. */
async function listPage(el: HTMLElement, trash: boolean): Promise<void> {
  const { select, list } = await questionnairePicker();
  const status = anyOf('status', ['submitted', 'draft']);
  const review = anyOf('reviewState', REVIEW_STATES);
  const country = h('input', { name: 'country', id: 'filter-country', maxlength: '3', placeholder: 'TUN' });
  const site = h('input', { name: 'site', id: 'filter-site', maxlength: '64' });
  const version = h('input', { name: 'version', id: 'filter-version', maxlength: '64' });
  const from = h('input', { name: 'from', id: 'filter-from', type: 'date' });
  const to = h('input', { name: 'to', id: 'filter-to', type: 'date' });
  const results = h('section', { id: 'results', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', id: 'more', hidden: true }, t('more'));
  const rows: HTMLElement[] = [];
  let next: string | null = null;
  const load = async (fresh: boolean) => {
    const q = new URLSearchParams({ limit: '50' });
    if (trash) q.set('questionnaireId', select.value);
    const add = (k: string, v: string) => v && q.set(k, v);
    add('status', status.value);
    add('reviewState', review.value);
    add('country', country.value.trim().toUpperCase());
    add('site', site.value.trim());
    add('version', version.value.trim());
    add('from', from.value ? new Date(`${from.value}T00:00:00`).toISOString() : '');
    add('to', to.value ? new Date(`${to.value}T23:59:59`).toISOString() : '');
    if (!fresh && next) q.set('cursor', next);
    const path = trash ? `/trash?${q}` : `/questionnaires/${encodeURIComponent(select.value)}/responses?${q}`;
    const r = await api<{ items: StoredResponse[]; next: string | null }>(path);
    if (!r.ok) return replace(results, h('p', { class: 'error', role: 'alert' }, problem(r)));
    if (fresh) rows.length = 0;
    for (const x of r.body.items) rows.push(responseRow(x, trash, () => void load(true)));
    next = r.body.next;
    more.hidden = next === null;
    replace(results, rows.length ? table(HEADERS(), rows) : h('p', {}, trash ? t('emptyTrash') : t('noResponses')), more);
    showColumns(results);
  };
  // Which columns show: chosen here, remembered on this browser.
  const columns = h(
    'fieldset',
    { class: 'choices inline-choices', id: 'columns' },
    h('legend', {}, t('columnsLabel')),
    ...CHOOSABLE.map((i) =>
      h(
        'label',
        { class: 'check' },
        h('input', {
          type: 'checkbox',
          name: 'column',
          value: String(i),
          ...(hiddenColumns().includes(i) ? {} : { checked: true }),
          onchange: () => {
            const hide = CHOOSABLE.filter((c) => !columns.querySelector<HTMLInputElement>(`input[value="${c}"]`)!.checked);
            localStorage.setItem(COLUMNS_KEY, JSON.stringify(hide));
            showColumns(results);
          },
        }),
        h('span', {}, HEADERS()[i]!),
      ),
    ),
  );
  more.addEventListener('click', () => void load(false));
  const form = h(
    'form',
    {
      class: 'card filters',
      id: 'filters',
      onsubmit: (e: Event) => {
        e.preventDefault();
        history.replaceState(null, '', `?questionnaire=${encodeURIComponent(select.value)}`);
        void load(true);
      },
    },
    field(t('questionnaireLabel'), select),
    field(t('status'), status),
    field(t('reviewStateLabel'), review),
    field(t('country'), country),
    field(t('siteLabel'), site),
    field(t('versionLabel'), version),
    field(t('fromLabel'), from),
    field(t('toLabel'), to),
    h('button', { type: 'submit', class: 'primary' }, t('filter')),
  );
  replace(el, h('h2', { class: 'page-title' }, trash ? t('trashTitle') : t('navResponses')), form, columns, results);
  if (list.length) await load(true);
}

function responseRow(x: StoredResponse, trash: boolean, reload: () => void): HTMLElement {
  const restore = async (button: HTMLButtonElement) => {
    const r = await api(`/responses/${encodeURIComponent(x.instanceId)}/restore`, { method: 'POST' });
    button.replaceWith(h('span', { class: r.ok ? 'ok' : 'error', role: 'status' }, r.ok ? t('restored') : problem(r)));
    if (r.ok) setTimeout(reload, 800);
  };
  const restoreButton: HTMLButtonElement = h(
    'button',
    { type: 'button', 'aria-label': `${t('restore')}: ${x.instanceId}`, onclick: () => void restore(restoreButton) },
    t('restore'),
  );
  return h(
    'tr',
    { 'data-instance': x.instanceId },
    h(
      'td',
      {},
      trash
        ? h('code', {}, x.instanceId.slice(0, 8))
        : h('a', { href: `/workspace/response?id=${x.instanceId}` }, x.instanceId.slice(0, 8)),
    ),
    h('td', {}, x.version),
    h('td', {}, [x.country, x.site].filter(Boolean).join(' / ')),
    h('td', {}, dateTimeOf(x.updatedAt)),
    h('td', {}, x.status, x.withdrawn ? ` (${t('withdrawnFlag')})` : ''),
    h('td', {}, x.reviewState),
    h('td', {}, trash ? restoreButton : ''),
  );
}

export function responsesPage(el: HTMLElement): Promise<void> {
  return listPage(el, false);
}
export function trashPage(el: HTMLElement): Promise<void> {
  return listPage(el, true);
}

/**
 * One response: its answers read-only in the questionnaire's own form, its review (state and
 * comment, history), its revisions and what changed between two, a correction (for questionnaires
 * filled in the browser: assessments) and the move to the trash.
 */
export async function responsePage(el: HTMLElement, s: Session): Promise<void> {
  const id = params.get('id') ?? '';
  const r = await api<StoredResponse>(`/responses/${encodeURIComponent(id)}`);
  if (!r.ok) return replace(el, h('p', { class: 'error', role: 'alert' }, r.status === 404 ? t('notFound') : problem(r)));
  const resp = r.body;
  const [def, q] = await Promise.all([
    api(`/questionnaires/${encodeURIComponent(resp.questionnaireId)}/versions/${encodeURIComponent(resp.version)}/definition`),
    api<Questionnaire>(`/questionnaires/${encodeURIComponent(resp.questionnaireId)}`),
  ]);
  if (!def.ok) return replace(el, h('p', { class: 'error', role: 'alert' }, problem(def)));
  const reviewer = s.role === 'admin' || s.role === 'coordinator';
  const editor = reviewer || s.role === 'assessor';
  const model = createForm(def.body, currentLanguage());
  model.data = resp.data;
  model.mode = 'display';
  model.questionsOnPageMode = 'singlePage';
  model.showNavigationButtons = false;
  model.showProgressBar = false;
  // The page's heading says the title (the renderer's own, greyed in display mode, read too faintly).
  model.showTitle = false;
  const formEl = h('div', { id: 'form' });
  const message = status();
  const facts = h(
    'p',
    { class: 'facts', id: 'facts' },
    `${resp.questionnaireId} v${resp.version} · ${[resp.country, resp.site].filter(Boolean).join(' / ')} · ${resp.status}${resp.withdrawn ? ` (${t('withdrawnFlag')})` : ''} · ${t('reviewStateLabel')}: ${resp.reviewState} · ${dateTimeOf(resp.updatedAt)}`,
  );
  const actions = h('div', { class: 'actions' });
  const sections = h('div', {});
  const startEdit = () => {
    model.mode = 'edit';
    replace(
      actions,
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          id: 'save-correction',
          onclick: async () => {
            const saved = await api<StoredResponse>(`/responses/${encodeURIComponent(id)}`, {
              method: 'PUT',
              body: { data: model.data, baseRevision: resp.revision },
            });
            if (!saved.ok) return say(message, problem(saved), false);
            location.reload();
          },
        },
        t('saveCorrection'),
      ),
    );
  };
  replace(
    actions,
    editor && resp.status === 'submitted' && q.ok && q.body.family === 'assessment'
      ? h('button', { type: 'button', id: 'edit-answers', onclick: startEdit }, t('editAnswers'))
      : null,
    ' ',
    reviewer
      ? h(
          'button',
          {
            type: 'button',
            class: 'danger',
            id: 'move-to-trash',
            onclick: async () => {
              if (!confirm(t('confirmTrash'))) return;
              const d = await api(`/responses/${encodeURIComponent(id)}`, { method: 'DELETE' });
              if (!d.ok) return say(message, problem(d), false);
              replace(
                actions,
                h(
                  'p',
                  { role: 'status' },
                  t('inTrash'),
                  ' ',
                  h('a', { href: `/workspace/trash?questionnaire=${encodeURIComponent(resp.questionnaireId)}` }, t('trashTitle')),
                ),
              );
            },
          },
          t('moveToTrash'),
        )
      : null,
  );
  replace(el, h('h2', { class: 'page-title' }, model.title || resp.questionnaireId), facts, actions, message, sections, formEl);
  render(model, formEl);
  if (reviewer && resp.status === 'submitted') sections.append(reviewSection(resp));
  if (editor) sections.append(await revisionsSection(resp));
}

function reviewSection(resp: StoredResponse): HTMLElement {
  const state = h(
    'select',
    { name: 'state', id: 'review-state' },
    ...REVIEW_STATES.map((v) => h('option', { value: v, ...(v === resp.reviewState ? { selected: true } : {}) }, v)),
  );
  const comment = h('textarea', { name: 'comment', id: 'review-comment', rows: '2', maxlength: '2000' });
  const history = h('div', { id: 'review-history' });
  const message = status();
  const drawHistory = async () => {
    const r = await api<{ items: Array<{ state: string; comment: string | null; actor: string; at: string }> }>(
      `/responses/${encodeURIComponent(resp.instanceId)}/reviews`,
    );
    const items = r.ok ? r.body.items : [];
    replace(
      history,
      h('h3', {}, t('historyTitle')),
      h('ul', { class: 'plain' }, ...items.map((e) => h('li', {}, `${dateTimeOf(e.at)} · ${e.state}`, e.comment ? ` · ${e.comment}` : ''))),
    );
  };
  void drawHistory();
  return h(
    'form',
    {
      class: 'card',
      id: 'review',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const r = await api(`/responses/${encodeURIComponent(resp.instanceId)}/review`, {
          method: 'PATCH',
          body: { state: state.value, ...(comment.value.trim() ? { comment: comment.value.trim() } : {}) },
        });
        if (!r.ok) return say(message, problem(r), false);
        comment.value = '';
        say(message, t('saved'), true);
        await drawHistory();
      },
    },
    h('h3', {}, t('reviewTitle')),
    field(t('reviewStateLabel'), state),
    field(t('commentLabel'), comment),
    h('button', { type: 'submit', class: 'primary' }, t('setReview')),
    message,
    history,
  );
}

async function revisionsSection(resp: StoredResponse): Promise<HTMLElement> {
  const r = await api<{ items: Array<{ revision: number; actor: string; createdAt: string }> }>(
    `/responses/${encodeURIComponent(resp.instanceId)}/revisions`,
  );
  const items = r.ok ? r.body.items : [];
  const pick = (name: string, at: number) =>
    h(
      'select',
      { name, id: `diff-${name}` },
      ...items.map((x) => h('option', { value: String(x.revision), ...(x.revision === at ? { selected: true } : {}) }, String(x.revision))),
    );
  const last = items.at(-1)?.revision ?? 1;
  const from = pick('from', Math.max(1, last - 1));
  const to = pick('to', last);
  const out = h('div', { id: 'diff', 'aria-live': 'polite' });
  const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  const compare = async () => {
    const d = await api<{ changes: Array<{ path: string; before: unknown; after: unknown }> }>(
      `/responses/${encodeURIComponent(resp.instanceId)}/diff?from=${from.value}&to=${to.value}`,
    );
    if (!d.ok) return replace(out, h('p', { class: 'error' }, problem(d)));
    replace(
      out,
      d.body.changes.length
        ? table(
            [t('answerLabel'), t('beforeLabel'), t('afterLabel')],
            d.body.changes.map((c) =>
              h('tr', { 'data-path': c.path }, h('td', {}, c.path), h('td', {}, show(c.before)), h('td', {}, show(c.after))),
            ),
          )
        : h('p', {}, t('noChange')),
    );
  };
  if (items.length > 1) void compare();
  return h(
    'section',
    { class: 'card', id: 'revisions' },
    h('h3', {}, t('revisionsTitle')),
    h(
      'ul',
      { class: 'plain' },
      ...items.map((x) => h('li', {}, t('revisionBy', { n: x.revision, time: dateTimeOf(x.createdAt), who: x.actor }))),
    ),
    items.length > 1 ? compareForm(from, to, t('compare'), compare) : null,
    out,
  );
}
