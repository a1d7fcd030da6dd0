// Questionnaires: state, versions (each downloadable as XLSForm), what changed between two; admins
// change the state; admins and coordinators publish a new version (upload-version.ts).
import { compareForm, field, status, say, problem, table, type Questionnaire } from './common';
import { api, type Session } from '../api';
import { h, replace } from '../dom';
import { dateTimeOf, t } from '../i18n';
import { uploadVersionCard } from './upload-version';

/** Every question name of a definition (panels, dynamic panels and matrices looked into). */
function questionNames(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) questionNames(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.name === 'string' && typeof o.type === 'string' && o.type !== 'panel' && o.type !== 'html') out.add(o.name);
    for (const key of ['pages', 'elements', 'templateElements']) if (key in o) questionNames(o[key], out);
  }
  return out;
}

/**
 * Questionnaires (admins, coordinators): each with its state, versions (published, questions,
 * languages and their coverage) and what changed between two versions; admins change the state.
 */
export async function questionnairesPage(el: HTMLElement, s: Session): Promise<void> {
  const r = await api<{ items: Questionnaire[] }>('/questionnaires');
  if (!r.ok) return replace(el, h('p', { class: 'error', role: 'alert' }, problem(r)));
  replace(
    el,
    h('h2', { class: 'page-title' }, t('navQuestionnaires')),
    uploadVersionCard(r.body.items, () => void questionnairesPage(el, s)),
    ...r.body.items.map((q) => questionnaireCard(q, s.role === 'admin')),
  );
}

function questionnaireCard(q: Questionnaire, admin: boolean): HTMLElement {
  const message = status();
  const state = h(
    'select',
    { name: 'state', id: `state-${q.id}` },
    ...['open', 'closing', 'closed'].map((v) => h('option', { value: v, ...(v === q.state ? { selected: true } : {}) }, v)),
  );
  const changeState = h(
    'form',
    {
      class: 'inline',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        if (state.value === q.state || !confirm(t('confirmState', { id: q.id, state: state.value }))) return;
        const c = await api<Questionnaire>(`/questionnaires/${encodeURIComponent(q.id)}`, {
          method: 'PATCH',
          body: { state: state.value },
        });
        if (!c.ok) return say(message, problem(c), false);
        facts.textContent = facts.textContent!.replace(
          /^[^·]*/,
          `${t('stateSince', { state: c.body.state, time: dateTimeOf(c.body.stateChangedAt) })} `,
        );
        q.state = c.body.state;
        say(message, t('saved'), true);
      },
    },
    field(t('changeState'), state),
    h('button', { type: 'submit' }, t('save')),
  );
  const facts = h(
    'p',
    { class: 'facts' },
    `${t('stateSince', { state: q.state, time: dateTimeOf(q.stateChangedAt) })} · ${t('familyLabel')}: ${q.family} · v${q.currentVersion ?? '-'}`,
  );
  // How many responses there are (within one's countries): asked per questionnaire, shown when known.
  const counts = h('p', { class: 'counts-line', 'data-counts': q.id });
  void api<{ submitted: number; drafts: number; trash: number }>(`/questionnaires/${encodeURIComponent(q.id)}/responses/counts`).then(
    (c) => c.ok && (counts.textContent = t('countsLine', c.body)),
  );
  const versions = [...q.versions].reverse();
  const pick = (name: string, at: number) =>
    h(
      'select',
      { name, id: `${name}-${q.id}` },
      ...versions.map((v, i) => h('option', { value: v.version, ...(i === at ? { selected: true } : {}) }, `v${v.version}`)),
    );
  const from = pick('from', 1);
  const to = pick('to', 0);
  const changes = h('div', { class: 'changes', 'aria-live': 'polite' });
  const compare = async () => {
    const definition = async (v: string) =>
      questionNames((await api(`/questionnaires/${encodeURIComponent(q.id)}/versions/${encodeURIComponent(v)}/definition`)).body);
    const [a, b] = await Promise.all([definition(from.value), definition(to.value)]);
    const added = [...b].filter((n) => !a.has(n));
    const removed = [...a].filter((n) => !b.has(n));
    replace(
      changes,
      added.length || removed.length
        ? h(
            'ul',
            {},
            added.length ? h('li', { 'data-change': 'added' }, `${t('addedLabel')}: ${added.join(', ')}`) : null,
            removed.length ? h('li', { 'data-change': 'removed' }, `${t('removedLabel')}: ${removed.join(', ')}`) : null,
          )
        : h('p', {}, t('sameQuestions')),
    );
  };
  return h(
    'article',
    { class: 'card', 'data-questionnaire': q.id },
    h('h3', {}, q.title, ' ', h('small', {}, q.id)),
    facts,
    counts,
    admin ? changeState : null,
    message,
    table(
      [t('versionLabel'), t('publishedLabel'), t('questionsLabel'), t('translations'), t('downloadXlsform')],
      versions.map((v) =>
        h(
          'tr',
          { 'data-version': v.version },
          h(
            'td',
            {},
            `v${v.version}`,
            v.version === q.currentVersion ? ` (${t('currentLabel')})` : '',
            v.closedAt
              ? h('span', { class: 'muted', 'data-closed': v.version }, ` · ${t('versionClosed', { time: dateTimeOf(v.closedAt) })}`)
              : '',
          ),
          h('td', {}, dateTimeOf(v.publishedAt)),
          h('td', {}, String(v.questionCount)),
          h('td', {}, v.translations.map((x) => `${x.lang} ${Math.round(x.coverage * 100)}% ${x.status}`).join(' · ')),
          h(
            'td',
            {},
            h(
              'a',
              {
                href: `/api/v1/questionnaires/${encodeURIComponent(q.id)}/versions/${encodeURIComponent(v.version)}/xlsform`,
                download: `${q.id}-${v.version}.xlsx`,
              },
              `${q.id}-${v.version}.xlsx`,
            ),
          ),
        ),
      ),
    ),
    versions.length > 1 ? compareForm(from, to, t('showChanges'), compare, t('whatChanged')) : null,
    changes,
  );
}
