// Fieldwork: interviews per day, site and collector as bars, stops, targets, the figures as CSV.
import { field, status, say, problem, questionnairePicker } from './common';
import { api } from '../api';
import { byId, h, replace } from '../dom';
import { t } from '../i18n';

interface Fieldwork {
  perDay: Array<{ key: string; n: number }>;
  perSite: Array<{ key: string; n: number }>;
  perCollector: Array<{ key: string; n: number; name: string }>;
  refusals: { total: number; byReason: Record<string, number> };
  distress: { interviews: number; stopped: number };
  withdrawnKept: number;
  targets: Array<{ country: string; site: string; target: number; done: number; percent: number }>;
}

/**
 * Horizontal bars, one row per item: a label (cut with an ellipsis, whole on hover and for screen
 * readers), a bar and the figure. Rows never overlap, whatever the count of days, sites or people.
 */
function bars(title: string, items: Array<{ label: string; value: number }>): HTMLElement {
  const most = Math.max(1, ...items.map((i) => i.value));
  return h(
    'figure',
    { class: 'bars' },
    h('figcaption', {}, title),
    h(
      'ul',
      {},
      ...items.map((i) =>
        h(
          'li',
          {},
          h('span', { class: 'bar-label', title: i.label }, i.label),
          h(
            'span',
            { class: 'bar-track', 'aria-hidden': 'true' },
            h('span', { class: 'bar-fill', style: `inline-size: ${(100 * i.value) / most}%` }),
          ),
          h('span', { class: 'bar-value' }, String(i.value)),
        ),
      ),
    ),
  );
}

/** The dashboard's figures as one CSV: what, key, value (interviews per day, site, enumerator; stops; targets). */
function fieldworkCsv(f: Fieldwork): string {
  const cell = (v: string | number) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const lines = [['figure', 'key', 'value']];
  for (const d of f.perDay) lines.push(['interviews_per_day', d.key, String(d.n)]);
  for (const d of f.perSite) lines.push(['interviews_per_site', d.key, String(d.n)]);
  for (const d of f.perCollector) lines.push(['interviews_per_collector', d.name, String(d.n)]);
  for (const [reason, n] of Object.entries(f.refusals.byReason)) lines.push(['stops', reason, String(n)]);
  for (const x of f.targets) lines.push(['target', [x.country, x.site].filter(Boolean).join(' / '), `${x.done}/${x.target}`]);
  return `${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`;
}

export async function fieldworkPage(el: HTMLElement): Promise<void> {
  const { select } = await questionnairePicker();
  const out = h('div', { id: 'fieldwork', 'aria-live': 'polite' });
  const draw = async () => {
    const r = await api<Fieldwork>(`/questionnaires/${encodeURIComponent(select.value)}/fieldwork?format=json`);
    if (!r.ok) return replace(out, h('p', { class: 'error', role: 'alert' }, problem(r)));
    const f = r.body;
    const total = f.perSite.reduce((n, x) => n + x.n, 0);
    const csv = URL.createObjectURL(new Blob([`\uFEFF${fieldworkCsv(f)}`], { type: 'text/csv' }));
    replace(
      out,
      h(
        'p',
        { id: 'fieldwork-summary' },
        t('interviewsSummary', {
          total,
          kept: f.withdrawnKept,
          stopped: f.refusals.total,
          distress: f.distress.interviews + f.distress.stopped,
        }),
      ),
      h('a', { href: csv, download: `fieldwork-${select.value}.csv`, id: 'fieldwork-csv', class: 'button-link' }, t('downloadCsv')),
      total === 0 && f.refusals.total === 0 ? h('p', {}, t('noInterviews')) : null,
      f.perDay.length
        ? bars(
            t('perDay'),
            f.perDay.map((d) => ({ label: d.key, value: d.n })),
          )
        : null,
      f.perSite.length
        ? bars(
            t('perSite'),
            f.perSite.map((d) => ({ label: d.key, value: d.n })),
          )
        : null,
      f.perCollector.length
        ? bars(
            t('perCollector'),
            f.perCollector.map((d) => ({ label: d.name, value: d.n })),
          )
        : null,
      Object.keys(f.refusals.byReason).length
        ? bars(
            t('stopsByReason'),
            Object.entries(f.refusals.byReason).map(([label, value]) => ({ label, value })),
          )
        : null,
      targetsForm(select.value, f, draw),
    );
  };
  select.addEventListener('change', () => {
    history.replaceState(null, '', `?questionnaire=${encodeURIComponent(select.value)}`);
    void draw();
  });
  replace(
    el,
    h('h2', { class: 'page-title' }, t('navFieldwork')),
    h('div', { class: 'card' }, field(t('questionnaireLabel'), select)),
    out,
  );
  await draw();
}

/** Targets per country and site, edited as rows and saved together. */
function targetsForm(questionnaireId: string, f: Fieldwork, redraw: () => Promise<void>): HTMLElement {
  const body = h('tbody', {});
  const message = status();
  const addRow = (x?: Fieldwork['targets'][number]) => {
    const n = body.children.length;
    body.append(
      h(
        'tr',
        {},
        h(
          'td',
          {},
          h('input', { name: 'country', 'aria-label': `${t('country')} ${n + 1}`, value: x?.country ?? '', maxlength: '3', size: '4' }),
        ),
        h('td', {}, h('input', { name: 'site', 'aria-label': `${t('siteLabel')} ${n + 1}`, value: x?.site ?? '' })),
        h(
          'td',
          {},
          h('input', {
            name: 'target',
            type: 'number',
            min: '1',
            'aria-label': `${t('goalLabel')} ${n + 1}`,
            value: x ? String(x.target) : '',
          }),
        ),
        h('td', {}, x ? `${x.done} (${x.percent} %)` : ''),
      ),
    );
  };
  const headers = [t('country'), t('siteLabel'), t('goalLabel'), t('doneLabel')];
  const labelled = (x?: Fieldwork['targets'][number]) => {
    addRow(x);
    Array.from(body.lastElementChild!.children, (cell, i) => cell.setAttribute('data-label', headers[i]!));
  };
  for (const x of f.targets) labelled(x);
  if (f.targets.length === 0) labelled();
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card',
      id: 'targets',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const targets = Array.from(body.querySelectorAll('tr'), (tr) => {
          const v = (name: string) => tr.querySelector<HTMLInputElement>(`input[name="${name}"]`)!.value.trim();
          return { country: v('country').toUpperCase(), site: v('site'), target: Number(v('target')) };
        }).filter((x) => x.country || x.target);
        const r = await api(`/questionnaires/${encodeURIComponent(questionnaireId)}/fieldwork/targets`, {
          method: 'PUT',
          body: { targets },
        });
        if (!r.ok) return say(message, problem(r), false);
        await redraw();
        say(byId('targets-status'), t('saved'), true);
      },
    },
    h('h3', {}, t('targetsTitle')),
    h(
      'div',
      { class: 'table-wrap' },
      h('table', { class: 'data targets' }, h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', { scope: 'col' }, x)))), body),
    ),
    h('button', { type: 'button', onclick: () => labelled() }, t('addTarget')),
    ' ',
    h('button', { type: 'submit', class: 'primary' }, t('saveTargets')),
    Object.assign(message, { id: 'targets-status' }),
  );
  return form;
}
