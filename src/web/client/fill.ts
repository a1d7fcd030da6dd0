// The assessor's form page (/fill/<questionnaire>/<version>/<instance>): a long questionnaire
// answered over days. Drafts save themselves (debounced) with the page the assessor is on and
// resume there; a save that would overwrite someone else's newer save is refused by the server
// (409) and the page says what to do; a contents list shows progress per section and jumps to it;
// submitting shows the server's validation errors on their questions.
import type { PageModel, PanelModel, Question, SurveyModel } from 'survey-core';
import { api, currentSession, errorText } from './api';
import { h, replace, root } from './dom';
import { applyLanguage, createForm, formLanguages, render } from './form';
import { languageSwitch } from './language-switch';
import { initialLanguage, setLanguage, t, timeOf } from './i18n';

const SAVE_DELAY_MS = 1500;
const { el: app, data: params } = root();
const questionnaireId = params.questionnaire!;
const version = params.version!;
const instanceId = params.instance!;

interface Draft {
  revision: number;
  data: Record<string, unknown>;
  page: string | null;
  locale: string;
  country: string;
  status: string;
  updatedAt: string;
}

async function main(): Promise<void> {
  setLanguage(initialLanguage());
  const session = await currentSession();
  if (!session) {
    location.href = '/';
    return;
  }
  const [def, existing] = await Promise.all([
    api(`/questionnaires/${encodeURIComponent(questionnaireId)}/versions/${encodeURIComponent(version)}/definition`),
    api<Draft>(`/responses/${encodeURIComponent(instanceId)}`),
  ]);
  if (!def.ok) return replace(app, h('p', { class: 'error' }, errorText(def)), h('a', { href: '/' }, t('home')));
  if (existing.ok && existing.body.status !== 'draft') {
    location.href = `/print/${encodeURIComponent(instanceId)}`;
    return;
  }
  const draft = existing.ok ? existing.body : null;
  const country = draft?.country ?? new URLSearchParams(location.search).get('country') ?? '';
  const json = def.body as Record<string, unknown>;
  const languages = formLanguages(json);
  const lang =
    draft?.locale && languages.includes(draft.locale)
      ? draft.locale
      : languages.includes(initialLanguage())
        ? initialLanguage()
        : languages[0]!;
  const model = createForm(json, lang);
  setLanguage(lang);
  model.showTitle = false; // the page header shows it
  model.textUpdateMode = 'onTyping'; // typing is saved too (debounced), not only on leaving a field
  if (draft) {
    model.data = draft.data;
    const page = draft.page ? model.getPageByName(draft.page) : null;
    if (page) model.currentPage = page;
  }

  const state = h(
    'p',
    { id: 'save-state', role: 'status', 'aria-live': 'polite' },
    draft ? t('savedAt', { time: timeOf(draft.updatedAt) }) : t('notSaved'),
  );
  const banner = h('div', { id: 'banner' });
  const toc = h('nav', { id: 'toc', 'aria-label': t('contents') });
  const formEl = h('div', { id: 'form' });
  // The header speaks the form's language too: redrawn on a switch.
  const header = h('header', { class: 'bar' });
  const drawHeader = (current: string) =>
    replace(
      header,
      h('a', { href: '/' }, t('home')),
      h('h1', {}, model.title || questionnaireId),
      languageSwitch(languages, current, (l) => {
        applyLanguage(model, l);
        drawHeader(l);
        drawToc();
        schedule();
      }),
      h('a', { href: `/print/${instanceId}`, target: '_blank', rel: 'noopener' }, t('print')),
    );
  drawHeader(lang);
  replace(app, header, state, banner, h('div', { class: 'workspace' }, toc, formEl));

  // Contents with progress per section; a click jumps there.
  const drawToc = () => {
    const pages = model.visiblePages as PageModel[];
    replace(
      toc,
      h('h2', {}, t('contents')),
      h(
        'ol',
        {},
        ...pages.map((p) => {
          const units = progressUnits(p);
          const done = units.filter((u) => u).length;
          return h(
            'li',
            { class: p === model.currentPage ? 'current' : done === units.length && units.length > 0 ? 'done' : '' },
            h('button', { type: 'button', 'data-page': p.name, onclick: () => (model.currentPage = p) }, p.processedTitle || p.name),
            h('small', {}, t('answered', { done, total: units.length })),
          );
        }),
      ),
    );
  };

  // Debounced autosave, one request at a time, always based on the revision last saved.
  let revision = draft?.revision;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> | undefined;
  let dirty = false;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(() => void save(), SAVE_DELAY_MS);
  };
  const save = async (): Promise<void> => {
    if (saving) await saving;
    if (!dirty || stopped) return;
    dirty = false;
    state.textContent = t('saving');
    saving = (async () => {
      const r = await api(
        `/questionnaires/${encodeURIComponent(questionnaireId)}/versions/${encodeURIComponent(version)}/drafts/${encodeURIComponent(instanceId)}`,
        {
          method: 'PUT',
          body: {
            data: model.data,
            locale: model.locale || 'en',
            country,
            page: model.currentPage?.name,
            ...(revision ? { baseRevision: revision } : {}),
          },
        },
      ).catch((e: Error) => ({ ok: false, status: 0, body: { error: { message: e.message } } }) as const);
      if (r.ok) {
        revision = r.body.revision;
        state.textContent = t('savedAt', { time: timeOf(r.body.updatedAt) });
      } else if (r.status === 409 && r.body?.error?.code === 'stale_draft') {
        stopped = true;
        const d = r.body.error.context ?? {};
        state.textContent = t('notSaved');
        replace(
          banner,
          h(
            'div',
            { class: 'conflict', role: 'alert' },
            h('p', {}, t('conflict', { who: d.updatedBy ?? '?', time: d.updatedAt ? timeOf(d.updatedAt) : '?' })),
            h('button', { type: 'button', class: 'primary', onclick: () => location.reload() }, t('reload')),
          ),
        );
      } else {
        dirty = true;
        state.textContent = t('saveFailed', { reason: r.body?.error?.message ?? `HTTP ${r.status}` });
      }
    })();
    await saving;
    saving = undefined;
  };
  model.onValueChanged.add(() => {
    drawToc();
    schedule();
  });
  model.onCurrentPageChanged.add(() => {
    drawToc();
    schedule();
  });
  window.addEventListener('beforeunload', (e) => {
    if (dirty && !stopped) {
      void save();
      e.preventDefault();
    }
  });

  // Submit: the server validates again; its errors go onto their questions.
  let accepted = false;
  model.onCompleting.add((_, options) => {
    if (accepted) return;
    options.allow = false;
    void submit(model, country, () => {
      accepted = true;
      stopped = true;
      clearTimeout(timer);
    });
  });
  model.onComplete.add(() => {
    replace(
      banner,
      h(
        'p',
        { class: 'ok', role: 'status' },
        t('submitted'),
        ' ',
        h('a', { href: `/print/${instanceId}` }, t('print')),
        ' · ',
        h('a', { href: '/' }, t('home')),
      ),
    );
    toc.remove();
  });
  drawToc();
  render(model, formEl);
}

const answerable = (q: Question) => q.isVisible && !q.isReadOnly && q.getType() !== 'html' && q.getType() !== 'expression';

/**
 * What a section's progress counts: its top-level items. A question is done when answered; a panel
 * (one gap-analysis element, say) when its visible required questions are answered, or, when none
 * is required, when any of its questions is.
 */
function progressUnits(page: PageModel): boolean[] {
  return page.elements
    .filter((e) => e.isVisible)
    .flatMap((e) => {
      if (!e.isPanel) return answerable(e as Question) ? [!(e as Question).isEmpty()] : [];
      const qs = (e as PanelModel).questions.filter(answerable);
      if (qs.length === 0) return [];
      const required = qs.filter((q) => q.isRequired);
      return [required.length ? required.every((q) => !q.isEmpty()) : qs.some((q) => !q.isEmpty())];
    });
}

async function submit(model: SurveyModel, country: string, done: () => void): Promise<void> {
  const r = await api(`/questionnaires/${encodeURIComponent(questionnaireId)}/versions/${encodeURIComponent(version)}/responses`, {
    method: 'POST',
    body: { instanceId, data: model.data, locale: model.locale || 'en', country },
  });
  const banner = document.getElementById('banner')!;
  if (r.ok) {
    done();
    model.doComplete();
    return;
  }
  const details: Array<{ path: string; message: string }> = Array.isArray(r.body?.error?.details) ? r.body.error.details : [];
  let first: ReturnType<SurveyModel['getQuestionByName']> | undefined;
  for (const d of details) {
    const name = String(d.path).split(/[.[]/)[0]!;
    const q = model.getQuestionByName(name);
    if (!q) continue;
    q.addError(d.message);
    first ??= q;
  }
  replace(banner, h('p', { class: 'error', role: 'alert' }, details.length ? t('submitErrors', { n: details.length }) : errorText(r)));
  if (first) {
    model.currentPage = first.page as PageModel;
    first.focus();
  }
}

void main();
