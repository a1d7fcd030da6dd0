// The enumerator app (/collect/): works offline once opened online. A device code from the
// coordinator (a device token, in the link's #token= fragment or typed in) pins this phone to its
// questionnaires, country and site. Completed interviews go to the IndexedDB outbox and are sent
// when the network allows; the counts of waiting, sent and failed interviews are always on screen.
import type { SurveyModel } from 'survey-core';
import { screeningAnswers, screeningRules, screeningStop } from '../../questionnaires/screening';
import { api, errorText, useBearer, uuid } from './api';
import { byId, h, replace, root } from './dom';
import { applyLanguage, createForm, formLanguages, languageSwitch, render } from './form';
import { dateTimeOf, initialLanguage, setLanguage, t, timeOf } from './i18n';
import { outbox, setSetting, setting, store, type InProgress, type OutboxItem, type StoredDefinition } from './store';
import { isOnline, nextAttempt, noteReachable, sendQueued, type SentRecord } from './sync';

const APP_LANGUAGES = ['en', 'fr', 'ar', 'fa', 'ps', 'ti', 'am', 'so'];
const app = root().el;
let lang = initialLanguage(APP_LANGUAGES);
let timer: ReturnType<typeof setTimeout> | undefined;
let view: 'list' | 'interview' = 'list';

async function main(): Promise<void> {
  setLanguage(lang);
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/collect/sw.js', { scope: '/collect/' }).catch(() => undefined);
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromLink) {
    await enrol(fromLink);
    history.replaceState(null, '', location.pathname);
  }
  const token = await setting<string>('deviceToken');
  if (!token) return showEnrol();
  useBearer(token);
  window.addEventListener('online', () => void sync(true));
  window.addEventListener('offline', () => void refreshStatus());
  const progress = await store.get<InProgress>('progress', 'current');
  // What the device holds shows at once; the network only refreshes it (never waited for).
  if (progress) await startInterview(progress.questionnaireId, progress.version, progress);
  else await showList();
  if (navigator.onLine && (await refreshDefinitions()) && view === 'list') await showList();
  void sync(false);
}

async function enrol(token: string): Promise<void> {
  await setSetting('deviceToken', token.trim());
  // Ask the browser not to evict this origin's data under storage pressure.
  await navigator.storage?.persist?.().catch(() => false);
}

function showEnrol(message = ''): void {
  const input = h('input', { id: 'device-token', name: 'token', autocomplete: 'off', required: true });
  replace(
    app,
    h('h1', {}, t('deviceTitle')),
    h(
      'form',
      {
        class: 'card',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          await enrol(input.value);
          location.reload();
        },
      },
      h('label', {}, h('span', {}, t('deviceToken')), input),
      h('button', { type: 'submit' }, t('enrol')),
      message && h('p', { class: 'error' }, message),
    ),
  );
}

/** Fetches the current version of each assigned questionnaire and pins it on the device; true when something changed. */
async function refreshDefinitions(): Promise<boolean> {
  let changed = false;
  try {
    const list = await api('/questionnaires');
    noteReachable(true);
    if (list.status === 401) {
      showEnrol(errorText(list));
      return false;
    }
    if (!list.ok) return false;
    const stored = await store.all<StoredDefinition>('definitions');
    for (const q of list.body.items as Array<{ id: string; title: string; state: string; currentVersion: string | null }>) {
      if (!q.currentVersion || q.state === 'closed') continue;
      const key = `${q.id}@${q.currentVersion}`;
      if (!stored.some((d) => d.key === key)) {
        const def = await api(`/questionnaires/${encodeURIComponent(q.id)}/versions/${encodeURIComponent(q.currentVersion)}/definition`);
        if (!def.ok) continue;
        await store.put('definitions', {
          key,
          questionnaireId: q.id,
          version: q.currentVersion,
          title: q.title,
          json: def.body,
          current: true,
        } satisfies StoredDefinition);
        changed = true;
      }
      // Older versions stop being offered for new interviews; queued ones keep their own version.
      for (const old of stored.filter((d) => d.questionnaireId === q.id && d.key !== key && d.current)) {
        await store.put('definitions', { ...old, current: false });
        changed = true;
      }
    }
  } catch {
    // Offline or flaky: work with what is pinned.
    noteReachable(false);
    await refreshStatus();
  }
  return changed;
}

/**
 * Sends what is due, then schedules the next run: when the next queued interview is due, or in
 * 15 s while the server cannot be reached (a probe: the browser's online event does not come when
 * a hotspot's uplink returns, or in every Chromium's offline emulation).
 */
async function sync(force: boolean): Promise<void> {
  if (timer) clearTimeout(timer);
  if (navigator.onLine) {
    if (!isOnline()) await refreshDefinitions();
    await sendQueued({ force, changed: () => void refreshStatus() });
  }
  await refreshStatus();
  const next = (await nextAttempt()) ?? (isOnline() ? undefined : Date.now() + 15_000);
  if (next !== undefined) timer = setTimeout(() => void sync(false), Math.max(1000, next - Date.now()));
}

async function refreshStatus(): Promise<void> {
  const el = document.getElementById('status');
  if (!el) return;
  const items = await outbox.all();
  const waiting = items.filter((i) => i.state === 'waiting');
  const failed = items.filter((i) => i.state === 'failed');
  const sent = (await setting<number>('sentCount')) ?? 0;
  const recent = (await setting<SentRecord[]>('sentRecent')) ?? [];
  replace(
    el,
    h('p', { class: isOnline() ? 'net online' : 'net offline', role: 'status' }, isOnline() ? t('online') : t('offline')),
    h(
      'dl',
      { class: 'counts' },
      h('div', {}, h('dt', {}, t('waiting')), h('dd', { id: 'count-waiting' }, String(waiting.length))),
      h('div', {}, h('dt', {}, t('sent')), h('dd', { id: 'count-sent' }, String(sent))),
      h('div', {}, h('dt', {}, t('failed')), h('dd', { id: 'count-failed' }, String(failed.length))),
    ),
    h('button', { id: 'send-now', type: 'button', onclick: () => void sync(true) }, t('sendNow')),
    items.length > 0 && h('ul', { class: 'queue' }, ...items.map(queueLine)),
    recent.length > 0 &&
      h(
        'details',
        {},
        h('summary', {}, `${t('sent')} (${recent.length})`),
        h('ul', {}, ...recent.map((r) => h('li', {}, `${r.questionnaireId} · ${r.instanceId.slice(0, 8)} · ${dateTimeOf(r.at)}`))),
      ),
  );
}

function queueLine(i: OutboxItem): HTMLElement {
  const state = i.state === 'failed' ? t('failed') : t('waiting');
  const detail = [
    i.lastError && t('why', { reason: i.lastError }),
    i.state === 'waiting' && i.attempts > 0 && t('nextTry', { time: timeOf(new Date(i.nextAttemptAt)) }),
  ]
    .filter(Boolean)
    .join(' · ');
  return h(
    'li',
    { class: i.state },
    h('strong', {}, state),
    ` ${i.questionnaireId} ${i.version} · ${i.instanceId.slice(0, 8)} · ${dateTimeOf(i.queuedAt)}`,
    detail && h('small', {}, ` ${detail}`),
  );
}

async function showList(): Promise<void> {
  view = 'list';
  const defs = (await store.all<StoredDefinition>('definitions')).filter((d) => d.current);
  replace(
    app,
    h(
      'header',
      { class: 'bar' },
      h('h1', {}, t('deviceTitle')),
      languageSwitch(APP_LANGUAGES, lang, (l) => {
        lang = l;
        setLanguage(l);
        void showList();
      }),
    ),
    h('section', { id: 'status', class: 'card', 'aria-live': 'polite' }),
    h(
      'section',
      { class: 'card' },
      defs.length === 0
        ? h('p', {}, t('noQuestionnaires'))
        : h(
            'ul',
            { class: 'plain' },
            ...defs.map((d) =>
              h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'primary',
                    'data-questionnaire': d.questionnaireId,
                    onclick: () => void startInterview(d.questionnaireId, d.version),
                  },
                  `${t('newInterview')}: ${d.title}`,
                ),
                h('small', {}, ` v${d.version}`),
              ),
            ),
          ),
    ),
    h('p', {}, h('button', { type: 'button', class: 'danger', id: 'forget', onclick: () => void forgetDevice() }, t('forget'))),
    h('p', { id: 'flash', role: 'status' }),
  );
  await refreshStatus();
}

/** Removing the device deletes its outbox: never without saying how many interviews that loses. */
async function forgetDevice(): Promise<void> {
  const pending = (await outbox.all()).length;
  if (!confirm(pending > 0 ? t('forgetWarn', { n: pending }) : t('forgetOk'))) return;
  for (const s of ['outbox', 'definitions', 'settings', 'progress'] as const) await store.clear(s);
  location.reload();
}

async function startInterview(questionnaireId: string, version: string, resume?: InProgress): Promise<void> {
  const def = await store.get<StoredDefinition>('definitions', `${questionnaireId}@${version}`);
  if (!def) return showList();
  view = 'interview';
  const languages = formLanguages(def.json);
  const formLang = resume?.locale || (languages.includes(lang) ? lang : languages[0]!);
  const model = createForm(def.json, formLang);
  setLanguage(formLang);
  const progress: InProgress = resume ?? {
    key: 'current',
    instanceId: uuid(),
    questionnaireId,
    version,
    data: {},
    page: 0,
    locale: formLang,
    startedAt: new Date().toISOString(),
  };
  if (resume) {
    model.data = resume.data;
    model.currentPageNo = resume.page;
  }
  const save = () =>
    store.put('progress', { ...progress, data: model.data, page: model.currentPageNo, locale: model.locale || 'en' } satisfies InProgress);
  model.onValueChanged.add(() => void save());
  model.onCurrentPageChanged.add(() => void save());
  model.onComplete.add((sender) => void finish(sender, def, progress));
  const formEl = h('div', { id: 'form' });
  const header = h('header', { class: 'bar' });
  const drawHeader = (current: string) =>
    replace(
      header,
      h('h1', {}, model.title || def.title),
      languageSwitch(languages, current, (l) => {
        applyLanguage(model, l);
        drawHeader(l);
        void save();
      }),
    );
  drawHeader(formLang);
  model.showTitle = false; // the header shows it, in the chosen language
  replace(app, header, formEl);
  render(model, formEl);
  await save();
}

async function finish(model: SurveyModel, def: StoredDefinition, progress: InProgress): Promise<void> {
  const rules = screeningRules(def.json);
  const data = model.data as Record<string, unknown>;
  const refusal = screeningStop(rules, data) !== null;
  const item: OutboxItem = {
    instanceId: progress.instanceId,
    questionnaireId: def.questionnaireId,
    version: def.version,
    // A stopped interview keeps only what the screening rules read: nothing else leaves the form.
    data: refusal ? screeningAnswers(rules, data) : data,
    locale: model.locale || 'en',
    startedAt: progress.startedAt,
    endedAt: new Date().toISOString(),
    refusal,
    state: 'waiting',
    attempts: 0,
    nextAttemptAt: 0,
    queuedAt: new Date().toISOString(),
  };
  await outbox.add(item);
  await store.delete('progress', 'current');
  await showList();
  byId('flash').textContent = refusal ? t('refusalSaved') : t('interviewSaved');
  void sync(false);
}

void main();
