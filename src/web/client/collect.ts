// The enumerator app (/collect/): works offline once opened online. A device code from the
// coordinator (a device token, in the link's #token= fragment or typed in) pins this phone to its
// questionnaires, country and site. Completed interviews go to the IndexedDB outbox and are sent
// when the network allows; the counts of waiting, sent and failed interviews are always on screen.
// Nothing readable stays on the phone without the enumerator's PIN: interviews and the token are
// sealed with a key derived from it (store.ts, vault.ts); the app locks when hidden or idle.
import type { SurveyModel } from 'survey-core';
import { screeningAnswers, screeningRules, screeningStop } from '../../questionnaires/screening';
import { mayKeepAnswers, withdrawalPolicy } from '../../questionnaires/withdrawal';
import { api, errorText, useBearer, uuid, whenRevoked } from './api';
import { byId, h, replace, root } from './dom';
import { applyLanguage, createForm, formLanguages, render, stampOpened } from './form';
import { languageSwitch } from './language-switch';
import { dateTimeOf, initialLanguage, setLanguage, t, timeOf } from './i18n';
import {
  deviceToken,
  hasPin,
  outbox,
  progress as inProgress,
  sentRecently,
  setting,
  store,
  wipeDevice,
  type InProgress,
  type OutboxItem,
  type StoredDefinition,
} from './store';
import { isOnline, nextAttempt, noteReachable, sendQueued, type SentRecord } from './sync';
import { cryptoAvailable, forgetKey, unlocked } from './vault';
import { showChoosePin, showUnlock } from './pin-screens';
import { showStop, showsChildReferral } from './stop-screen';
import { loadRenderer } from './renderer';
import { answersSoFar, askKeep } from './keep-screen';

const APP_LANGUAGES = ['en', 'fr', 'ar', 'fa', 'ps', 'ti', 'am', 'so'];
const app = root().el;
let lang = initialLanguage(APP_LANGUAGES);
let timer: ReturnType<typeof setTimeout> | undefined;
let view: 'list' | 'interview' = 'list';
/** Locked after this long without a touch or a key (and at once when the app is hidden). */
const IDLE_LOCK_MS = 3 * 60_000;

async function main(): Promise<void> {
  setLanguage(lang);
  // The renderer downloads while the PIN is typed; the service worker installs (and caches every
  // file for offline use) once it has, not competing with the page for a slow link.
  void loadRenderer()
    .catch(() => undefined)
    .then(() => {
      if ('serviceWorker' in navigator) navigator.serviceWorker.register('/collect/sw.js', { scope: '/collect/' }).catch(() => undefined);
    });
  // The token leaves the address bar at once: it is kept only sealed.
  const hash = new URLSearchParams(location.hash.slice(1));
  const fromLink = hash.get('token')?.trim();
  if (location.hash) history.replaceState(null, '', location.pathname);
  if (!cryptoAvailable()) return replace(app, h('p', { class: 'error', role: 'alert' }, t('needsHttps')));
  if (!(await hasPin())) {
    const legacy = await setting<unknown>('deviceToken');
    const token = fromLink ?? (typeof legacy === 'string' ? legacy : undefined);
    // After a wipe the page was reloaded to say why (nothing of the old session stays in memory).
    const lost = Number(hash.get('revoked'));
    const why = hash.has('wiped')
      ? t('wiped')
      : hash.has('revoked')
        ? `${t('revoked')}${lost > 0 ? ` ${t('revokedLost', { n: lost })}` : ''}`
        : '';
    return token ? showChoosePin(app, token, openApp) : showEnrol(why);
  }
  if (!unlocked()) return showUnlock(app, fromLink, openApp);
  if (fromLink) await deviceToken.set(fromLink);
  await openApp();
}

/** The app once unlocked: what the device holds shows at once; the network only refreshes it (never waited for). */
async function openApp(): Promise<void> {
  const token = await deviceToken.get();
  if (!token) return showEnrol();
  useBearer(token);
  whenRevoked(() => void revoked());
  watchIdle();
  window.addEventListener('online', () => void sync(true));
  window.addEventListener('offline', () => void refreshStatus());
  const current = await inProgress.get();
  if (current) await startInterview(current.questionnaireId, current.version, current);
  else await showList();
  if (navigator.onLine && (await refreshDefinitions()) && view === 'list') await showList();
  void sync(false);
}

/** The last save of the interview in progress, which locking waits for (an answer is never lost to the lock). */
let saving: Promise<unknown> = Promise.resolve();

/** Locks: the key is dropped and the page reloaded, so no answer stays in the page or its memory. */
async function lock(): Promise<void> {
  if (timer) clearTimeout(timer);
  await saving.catch(() => undefined);
  forgetKey();
  location.reload();
}

let idleWatched = false;
function watchIdle(): void {
  if (idleWatched) return;
  idleWatched = true;
  let idle = setTimeout(() => void lock(), IDLE_LOCK_MS);
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => void lock(), IDLE_LOCK_MS);
  };
  for (const type of ['pointerdown', 'keydown', 'input', 'scroll']) window.addEventListener(type, touch, { passive: true, capture: true });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void lock();
  });
}

/** The coordinator removed this device: everything on it is deleted, saying how many unsent interviews went with it. */
let revoking = false;
async function revoked(): Promise<void> {
  if (revoking) return;
  revoking = true;
  const lost = await outbox.count().catch(() => 0);
  forgetKey();
  await wipeDevice();
  location.replace(`${location.pathname}#revoked=${lost}`);
  location.reload();
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
          const token = input.value.trim();
          if (!(await hasPin())) return showChoosePin(app, token, openApp);
          if (!unlocked()) return showUnlock(app, token, openApp);
          await deviceToken.set(token);
          location.reload();
        },
      },
      h('label', {}, h('span', {}, t('deviceToken')), input),
      h('button', { type: 'submit' }, t('enrol')),
      message && h('p', { class: 'error', role: 'alert' }, message),
    ),
  );
}

/** Fetches the current version of each assigned questionnaire and pins it on the device; true when something changed. */
async function refreshDefinitions(): Promise<boolean> {
  let changed = false;
  try {
    const list = await api('/questionnaires');
    noteReachable(true);
    if (list.body?.error?.code === 'device_revoked') return false; // revoked() wipes the device
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
    // "Send now" also checks in with the server (new versions; a revoked device learns it here).
    if (force || !isOnline()) await refreshDefinitions();
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
  const recent = await sentRecently<SentRecord>();
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
    h(
      'p',
      {},
      h('button', { type: 'button', id: 'lock', onclick: () => void lock() }, t('lock')),
      ' ',
      h('button', { type: 'button', class: 'danger', id: 'forget', onclick: () => void forgetDevice() }, t('forget')),
    ),
    h('p', { id: 'flash', role: 'status' }),
  );
  await refreshStatus();
}

/** Removing the device deletes its outbox: never without saying how many interviews that loses. */
async function forgetDevice(): Promise<void> {
  const pending = (await outbox.all()).length;
  if (!confirm(pending > 0 ? t('forgetWarn', { n: pending }) : t('forgetOk'))) return;
  forgetKey();
  await wipeDevice();
  location.reload();
}

/** The interview on screen: the model's events (registered once per model) act on it. */
interface Interview {
  model: SurveyModel;
  def: StoredDefinition;
  progress: InProgress;
}
let interview: Interview | undefined;

/** Saves the interview on screen after each answer and page (locking waits for it). */
function save(): Promise<unknown> {
  const current = interview;
  if (!current) return saving;
  const { model, progress } = current;
  saving = saving
    .catch(() => undefined)
    .then(() => inProgress.put({ ...progress, data: model.data, page: model.currentPageNo, locale: model.locale || 'en' }));
  return saving;
}

/**
 * One model per questionnaire version while the app is open, rendered once: building it is most of
 * the time to the first question (a 235 KB definition in eight languages), so the next interview
 * clears the model instead of building and rendering it again.
 */
const forms = new Map<string, { model: SurveyModel; el: HTMLElement }>();
/** A version's model and the element it is rendered in (the renderer keeps drawing there). */
function formFor(def: StoredDefinition, lang: string): { model: SurveyModel; el: HTMLElement } {
  const kept = forms.get(def.key);
  if (kept) {
    kept.model.clear(true, true);
    applyLanguage(kept.model, lang);
    kept.el.hidden = false;
    return kept;
  }
  const model = createForm(def.json, lang);
  const own = (sender: SurveyModel) => (interview?.model === sender ? interview : undefined);
  model.onValueChanged.add((sender) => void (own(sender) && save()));
  model.onCurrentPageChanged.add((sender) => void (own(sender) && save()));
  model.onComplete.add((sender) => {
    const current = own(sender);
    if (current) void finish(current);
  });
  model.showTitle = false; // the header shows it, in the chosen language
  const el = h('div', { id: 'form' });
  render(model, el);
  const form = { model, el };
  forms.set(def.key, form);
  return form;
}

async function startInterview(questionnaireId: string, version: string, resume?: InProgress): Promise<void> {
  const def = await store.get<StoredDefinition>('definitions', `${questionnaireId}@${version}`);
  if (!def) return showList();
  view = 'interview';
  try {
    await loadRenderer();
  } catch {
    await showList();
    byId('flash').textContent = t('rendererMissing');
    return;
  }
  const languages = formLanguages(def.json);
  const formLang = resume?.locale || (languages.includes(lang) ? lang : languages[0]!);
  interview = undefined;
  const { model, el: formEl } = formFor(def, formLang);
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
  } else stampOpened(model);
  const current: Interview = { model, def, progress };
  interview = current;
  const header = h('header', { class: 'bar' });
  const drawHeader = (shown: string) =>
    replace(
      header,
      h('h1', {}, model.title || def.title),
      languageSwitch(languages, shown, (l) => {
        applyLanguage(model, l);
        drawHeader(l);
        void save();
      }),
      h('button', { type: 'button', id: 'distress', onclick: () => pause() }, t('distress')),
      h('button', { type: 'button', class: 'danger', id: 'withdraw', onclick: () => void withdraw(current) }, t('withdraw')),
    );
  // Distress: the form is hidden, the flag is saved with the interview, and the enumerator resumes
  // or lets the respondent stop.
  const paused = h('section', { class: 'card', id: 'paused', hidden: true });
  const pause = () => {
    progress.distress = true;
    void save();
    formEl.hidden = true;
    paused.hidden = false;
    replace(
      paused,
      h('h2', {}, t('pausedTitle')),
      h('p', {}, t('pausedHelp')),
      h(
        'button',
        { type: 'button', class: 'primary', id: 'resume', onclick: () => ((paused.hidden = true), (formEl.hidden = false)) },
        t('resumeInterview'),
      ),
      ' ',
      h('button', { type: 'button', class: 'danger', onclick: () => void withdraw(current) }, t('withdraw')),
    );
  };
  drawHeader(formLang);
  replace(app, header, paused, formEl);
  await save();
}

async function finish({ model, def, progress }: Interview): Promise<void> {
  const rules = screeningRules(def.json);
  const data = model.data as Record<string, unknown>;
  const reason = screeningStop(rules, data);
  const refusal = reason !== null;
  await queue(model, def, progress, {
    // A stopped interview keeps only what the screening rules read: nothing else leaves the form.
    data: refusal ? screeningAnswers(rules, data) : data,
    refusal,
    // The stop screen that follows shows the child-protection referral: recorded with the count.
    ...(reason && showsChildReferral(reason) ? { childReferral: true } : {}),
  });
  stopped(def, model.locale || 'en', reason, refusal ? t('refusalSaved') : t('interviewSaved'));
}

/**
 * The respondent stops the interview: nothing of it is kept but a count (reason withdrawn), sent
 * like a screening refusal, and the answers given so far are dropped from the phone at once. Where
 * the questionnaire allows it and the respondent's consent answer says so, the app asks whether the
 * answers given so far may be kept; only an explicit yes sends them (marked withdrawn).
 */
async function withdraw({ model, def, progress }: Interview): Promise<void> {
  const mayKeep = mayKeepAnswers(withdrawalPolicy(def.json), model.data as Record<string, unknown>);
  if (!confirm(t(mayKeep ? 'withdrawConfirmAsk' : 'withdrawConfirm'))) return;
  const given = mayKeep ? answersSoFar(model) : {};
  const keep = mayKeep && Object.keys(given).length > 0 && (await askKeep(app));
  await queue(model, def, progress, keep ? { data: given, refusal: false, withdrawn: true } : { data: {}, refusal: true, withdrawn: true });
  stopped(def, model.locale || 'en', 'withdrawn', t(keep ? 'withdrawnKeptSaved' : 'withdrawnSaved'));
}

async function queue(
  model: SurveyModel,
  def: StoredDefinition,
  progress: InProgress,
  what: Pick<OutboxItem, 'data' | 'refusal' | 'withdrawn' | 'childReferral'>,
): Promise<void> {
  // No save after this point: the last one is awaited, then the interview moves to the outbox.
  interview = undefined;
  await saving.catch(() => undefined);
  await outbox.add({
    ...(progress.distress ? { distress: true } : {}),
    instanceId: progress.instanceId,
    questionnaireId: def.questionnaireId,
    version: def.version,
    locale: model.locale || 'en',
    startedAt: progress.startedAt,
    endedAt: new Date().toISOString(),
    state: 'waiting',
    attempts: 0,
    nextAttemptAt: 0,
    queuedAt: new Date().toISOString(),
    ...what,
  });
  await inProgress.delete();
  // The answers leave the page's memory too (the model stays, for the next interview).
  model.clear(true, true);
  void sync(false);
}

/** An interview stopped: the referral screen, then the list with what was kept. */
function stopped(def: StoredDefinition, locale: string, reason: string | null, saved: string): void {
  view = 'list';
  showStop(app, def, locale, reason, saved, () => void showList().then(() => (byId('flash').textContent = saved)));
}

void main();
