// The audit log (admins): filtered by action, actor, target and time, page by page.
import { field, problem, table, type AuditEntry } from './common';
import { api } from '../api';
import { h, replace } from '../dom';
import { dateTimeOf, t } from '../i18n';

export async function auditPage(el: HTMLElement): Promise<void> {
  const input = (name: string, type = 'text') => h('input', { name, id: `audit-${name}`, type });
  const action = input('action');
  const actor = input('actor');
  const target = input('target');
  const from = input('from', 'datetime-local');
  const to = input('to', 'datetime-local');
  const results = h('section', { id: 'audit-results', 'aria-live': 'polite' });
  const rows: HTMLElement[] = [];
  const more = h('button', { type: 'button', id: 'audit-more', hidden: true }, t('more'));
  let cursor: number | null = null;
  const iso = (v: string) => (v ? new Date(v).toISOString() : '');
  const load = async (fresh: boolean) => {
    const q = new URLSearchParams({ limit: '50' });
    for (const [k, v] of [
      ['action', action.value.trim()],
      ['actor', actor.value.trim()],
      ['target', target.value.trim()],
      ['from', iso(from.value)],
      ['to', iso(to.value)],
    ] as const)
      if (v) q.set(k, v);
    if (!fresh && cursor) q.set('cursor', String(cursor));
    const r = await api<{ items: AuditEntry[]; next: number | null }>(`/audit?${q}`);
    if (!r.ok) return replace(results, h('p', { class: 'error', role: 'alert' }, problem(r)));
    if (fresh) rows.length = 0;
    for (const a of r.body.items)
      rows.push(
        h(
          'tr',
          { 'data-action': a.action },
          h('td', {}, dateTimeOf(a.at)),
          h('td', {}, a.action),
          h('td', { dir: 'ltr' }, a.actor),
          h('td', { dir: 'ltr' }, `${a.targetType} ${a.targetId}`),
          h('td', { dir: 'ltr' }, h('code', {}, JSON.stringify(a.details))),
        ),
      );
    cursor = r.body.next;
    more.hidden = cursor === null;
    replace(
      results,
      rows.length
        ? table([t('whenLabel'), t('actionLabel'), t('actorLabel'), t('targetLabel'), t('detailsLabel')], rows)
        : h('p', {}, t('noEntries')),
      more,
    );
  };
  more.addEventListener('click', () => void load(false));
  const form = h(
    'form',
    {
      class: 'card filters',
      id: 'audit-filter',
      onsubmit: (e: Event) => {
        e.preventDefault();
        void load(true);
      },
    },
    field(t('actionLabel'), action),
    field(t('actorLabel'), actor),
    field(t('targetLabel'), target),
    field(t('fromLabel'), from),
    field(t('toLabel'), to),
    h('button', { type: 'submit', class: 'primary' }, t('filter')),
  );
  replace(el, h('h2', { class: 'page-title' }, t('auditTitle')), form, results);
  await load(true);
}
