// Datasets: exports with their options; releases computed, reviewed on their risk report,
// approved or discarded; researchers see and download approved ones only.
import { field, status, say, problem, table, checked, choices, questionnairePicker } from './common';
import { api, errorText, type Session } from '../api';
import { h, replace } from '../dom';
import { currentLanguage, dateTimeOf, t } from '../i18n';

interface Release {
  id: string;
  number: number;
  state: 'pending' | 'approved' | 'discarded';
  countries: string[];
  records: number;
  parameters: { applied?: { k: number; l: number; maxGlobalRisk: number; maxIndividualRisk: number } };
  report: {
    passed?: boolean;
    failures?: string[];
    scenarios?: Array<{ name: string; variables: string[]; globalRisk: number; maxIndividualRisk: number; violators: number }>;
    informationLoss?: Record<string, { recodedPercent: number; suppressedPercent: number }>;
    recoding?: { levels: Record<string, { level: number; describe: string }> };
  };
  createdAt: string;
  decidedAt: string | null;
  note: string | null;
}

const pct = (x: number) => `${(Math.round(x * 10_000) / 100).toLocaleString(currentLanguage())} %`;

/**
 * Datasets: reviewers export any profile their role allows with its options; releases are
 * computed, their risk report reviewed in words and figures, and approved or discarded;
 * researchers see and download approved releases only.
 */
export async function datasetsPage(el: HTMLElement, s: Session): Promise<void> {
  const { select } = await questionnairePicker();
  const reviewer = s.role === 'admin' || s.role === 'coordinator';
  const releases = h('section', { id: 'releases', 'aria-live': 'polite' });
  const drawReleases = async () => {
    const r = await api<{ items: Release[] }>(`/questionnaires/${encodeURIComponent(select.value)}/releases`);
    if (!r.ok) return replace(releases, h('p', { class: 'error', role: 'alert' }, problem(r)));
    replace(
      releases,
      h('h3', {}, t('releasesTitle')),
      r.body.items.length === 0 ? h('p', {}, t('noReleases')) : null,
      ...r.body.items.map((x) => releaseCard(x, reviewer, drawReleases)),
    );
  };
  select.addEventListener('change', () => {
    history.replaceState(null, '', `?questionnaire=${encodeURIComponent(select.value)}`);
    void drawReleases();
  });
  replace(
    el,
    h('h2', { class: 'page-title' }, t('navDatasets')),
    h('div', { class: 'card' }, field(t('questionnaireLabel'), select)),
    reviewer ? exportForm(select) : null,
    reviewer ? releaseForm(select, drawReleases) : null,
    releases,
  );
  await drawReleases();
}

/** The export of a dataset: a download link built from the profile and options chosen. */
function exportForm(select: HTMLSelectElement): HTMLElement {
  const profile = h(
    'select',
    { name: 'profile', id: 'export-profile' },
    ...['pseudonymized', 'public', 'full'].map((p) => h('option', { value: p }, p)),
  );
  const options = choices(t('optLabels'), 'option', [
    { value: 'labels', label: t('optLabels') },
    { value: 'split', label: t('optSplit') },
    { value: 'bom', label: t('optBom'), checked: true },
    { value: 'mask', label: t('optMask'), checked: true },
  ]);
  options.querySelector('legend')!.textContent = t('exportTitle');
  const progress = status();
  let href = '';
  // Fetched here rather than by a plain link: the page shows the bytes as they come, and an
  // export the server refuses (a disclosure threshold, too many rows) says why instead of
  // downloading an error as a file.
  const download = async () => {
    say(progress, t('exportProgress', { mb: '0.0' }), true);
    const res = await fetch(href, { credentials: 'same-origin' });
    if (!res.ok || !res.body) {
      const body = await res.json().catch(() => null);
      return say(progress, problem({ body, status: res.status }), false);
    }
    const parts: Uint8Array[] = [];
    let bytes = 0;
    const reader = res.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      parts.push(chunk.value);
      bytes += chunk.value.length;
      progress.textContent = t('exportProgress', { mb: (bytes / 1e6).toFixed(1) });
    }
    const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'dataset.zip';
    const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: 'application/zip' }));
    const a = h('a', { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say(progress, t('exportDone', { mb: (bytes / 1e6).toFixed(1) }), true);
  };
  const button = h('button', { type: 'button', class: 'primary', id: 'export-download', onclick: () => void download() }, t('download'));
  const form = h(
    'form',
    { class: 'card', id: 'export' },
    h('h3', {}, t('exportTitle')),
    field(t('profileLabel'), profile),
    options,
    button,
    progress,
  );
  const update = () => {
    const on = new Set(checked(form, 'option'));
    const q = new URLSearchParams({ profile: profile.value });
    for (const o of ['labels', 'split', 'bom', 'mask']) q.set(o, on.has(o) ? 'true' : 'false');
    if (on.has('labels')) q.set('lang', currentLanguage());
    href = `/api/v1/questionnaires/${encodeURIComponent(select.value)}/export?${q}`;
    button.dataset.href = href;
  };
  form.addEventListener('change', update);
  select.addEventListener('change', update);
  update();
  return form;
}

function releaseForm(select: HTMLSelectElement, done: () => Promise<void>): HTMLElement {
  const countries = h('input', { name: 'countries', id: 'release-countries', placeholder: 'TUN, LBY' });
  const note = h('input', { name: 'note', id: 'release-note', maxlength: '2000' });
  const message = status();
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card',
      id: 'new-release',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        say(message, t('computing'), true);
        const list = countries.value
          .split(/[\s,]+/)
          .map((c) => c.trim().toUpperCase())
          .filter(Boolean);
        const r = await api(`/questionnaires/${encodeURIComponent(select.value)}/releases`, {
          method: 'POST',
          body: { ...(list.length ? { countries: list } : {}), ...(note.value.trim() ? { note: note.value.trim() } : {}) },
        });
        if (!r.ok) {
          const failures = Array.isArray(r.body?.error?.details) ? r.body.error.details.map((d: { message: string }) => d.message) : [];
          return say(message, [t('refusedRelease'), errorText(r), ...failures].join(' '), false);
        }
        form.reset();
        say(message, '', true);
        await done();
      },
    },
    h('h3', {}, t('newRelease')),
    field(t('countriesOptional'), countries),
    field(t('noteLabel'), note),
    h('button', { type: 'submit', class: 'primary' }, t('newRelease')),
    message,
  );
  return form;
}

/** One release: its facts, its risk report in words and tables, and what may be done with it. */
function releaseCard(x: Release, reviewer: boolean, redraw: () => Promise<void>): HTMLElement {
  const rep = x.report;
  const applied = x.parameters.applied;
  const message = status();
  const decide = async (decision: 'approve' | 'discard') => {
    if (!confirm(t(decision === 'approve' ? 'confirmApprove' : 'confirmDiscard', { n: x.number }))) return;
    const r = await api(`/releases/${encodeURIComponent(x.id)}/${decision}`, { method: 'POST', body: {} });
    if (!r.ok) return say(message, problem(r), false);
    await redraw();
  };
  const loss = Object.entries(rep.informationLoss ?? {}).filter(([, l]) => l.recodedPercent || l.suppressedPercent);
  const recoded = Object.entries(rep.recoding?.levels ?? {}).filter(([, l]) => l.level > 0);
  return h(
    'article',
    { class: 'card release', 'data-release': String(x.number), 'data-state': x.state },
    h('h4', {}, `${t('releaseNo', { n: x.number })} · ${x.state}`),
    h(
      'p',
      {},
      `${t('records')}: ${x.records} · ${x.countries.join(', ')} · ${t('createdLabel')} ${dateTimeOf(x.createdAt)}`,
      x.decidedAt ? ` · ${t('decidedLabel')} ${dateTimeOf(x.decidedAt)}` : '',
      x.note ? ` · ${x.note}` : '',
    ),
    h(
      'details',
      { open: x.state === 'pending' },
      h('summary', {}, t('riskReport')),
      rep.passed
        ? h('p', { class: 'ok' }, t('passed'))
        : h('div', { class: 'error' }, h('p', {}, t('failedReport')), h('ul', {}, ...(rep.failures ?? []).map((f) => h('li', {}, f)))),
      applied
        ? h('p', {}, t('thresholds', { k: applied.k, l: applied.l, g: pct(applied.maxGlobalRisk), i: pct(applied.maxIndividualRisk) }))
        : null,
      rep.scenarios?.length
        ? table(
            [t('scenarioLabel'), t('knowsLabel'), t('globalRiskLabel'), t('maxRiskLabel'), t('belowK')],
            rep.scenarios.map((sc) =>
              h(
                'tr',
                { 'data-scenario': sc.name },
                h('td', {}, sc.name),
                h('td', {}, sc.variables.join(', ')),
                h('td', {}, pct(sc.globalRisk)),
                h('td', {}, pct(sc.maxIndividualRisk)),
                h('td', {}, String(sc.violators)),
              ),
            ),
          )
        : null,
      recoded.length
        ? h('div', {}, h('h5', {}, t('recodingTitle')), h('ul', {}, ...recoded.map(([v, l]) => h('li', {}, `${v}: ${l.describe}`))))
        : null,
      loss.length
        ? h(
            'div',
            {},
            h('h5', {}, t('lossTitle')),
            table(
              [t('variableLabel'), t('recodedLabel'), t('suppressedLabel')],
              loss.map(([v, l]) =>
                h(
                  'tr',
                  { 'data-variable': v },
                  h('td', {}, v),
                  h('td', {}, `${l.recodedPercent} %`),
                  h('td', {}, `${l.suppressedPercent} %`),
                ),
              ),
            ),
          )
        : null,
    ),
    h(
      'p',
      { class: 'actions' },
      reviewer && x.state === 'pending'
        ? h('button', { type: 'button', class: 'primary', onclick: () => void decide('approve') }, t('approve'))
        : null,
      ' ',
      reviewer && x.state === 'pending'
        ? h('button', { type: 'button', class: 'danger', onclick: () => void decide('discard') }, t('discard'))
        : null,
      ' ',
      x.state !== 'discarded'
        ? h('a', { href: `/api/v1/releases/${encodeURIComponent(x.id)}/bundle`, download: '', class: 'bundle' }, t('downloadBundle'))
        : null,
    ),
    message,
  );
}
