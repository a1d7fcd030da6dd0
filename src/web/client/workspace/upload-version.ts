// Publishing a new version from the workspace (admins, coordinators): an XLSForm workbook (or a zip
// of it and the CSV lists of its select_one_from_file questions) or a SurveyJS JSON file is checked first (?dryRun=true: problems located by cell, warnings, questions
// added and removed, the validation path), then published once the check passed for that file.
import { field, say, status, table, type Questionnaire } from './common';
import { api, type ApiResult } from '../api';
import { h, replace } from '../dom';
import { t } from '../i18n';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZIP_TYPE = 'application/zip';

interface Upload {
  version: string;
  status: 'published' | 'unchanged' | 'checked';
  added: string[];
  removed: string[];
  warnings: Array<{ sheet: string; row: number | null; column: string | null; message: string }>;
  validation?: { path: 'plan' | 'model'; reasons: string[] };
}

const cell = (w: { sheet: string; row: number | null; column: string | null }) =>
  w.row === null ? w.sheet : `${w.sheet}!${w.column ?? ''}${w.row}`;

export function uploadVersionCard(questionnaires: Questionnaire[], onPublished: () => void): HTMLElement {
  const message = status();
  const result = h('div', { class: 'upload-result', 'aria-live': 'polite' });
  const id = h('input', {
    name: 'questionnaireId',
    id: 'upload-questionnaire',
    list: 'upload-questionnaires',
    required: true,
    pattern: '[A-Za-z0-9._\\-]{1,64}',
  });
  const ids = h('datalist', { id: 'upload-questionnaires' }, ...questionnaires.map((q) => h('option', { value: q.id }, q.title)));
  const version = h('input', { name: 'version', id: 'upload-version', pattern: '[A-Za-z0-9._\\-]{1,64}' });
  const file = h('input', { name: 'file', id: 'upload-file', type: 'file', accept: '.xlsx,.xlsm,.zip,.json', required: true });
  const publish = h('button', { type: 'button', disabled: true, 'data-action': 'publish' }, t('publishButton'));
  // The check that passed, for which file: publishing needs one for the file as it is now.
  let checked: File | null = null;
  const send = async (dryRun: boolean): Promise<ApiResult> => {
    const f = file.files?.[0];
    const query = new URLSearchParams({ ...(version.value ? { version: version.value } : {}), ...(dryRun ? { dryRun: 'true' } : {}) });
    const path = `/questionnaires/${encodeURIComponent(id.value)}/versions?${query}`;
    if (f && /\.json$/i.test(f.name)) {
      let body: unknown;
      try {
        body = JSON.parse(await f.text());
      } catch (e) {
        return { ok: false, status: 400, body: { error: { message: (e as Error).message, details: [] } } };
      }
      return api<Upload>(path, { method: 'POST', body });
    }
    return api<Upload>(path, { method: 'POST', file: { bytes: f!, type: /\.zip$/i.test(f!.name) ? ZIP_TYPE : XLSX_TYPE } });
  };
  const show = (r: ApiResult) => {
    if (!r.ok) {
      const details = (r.body?.error?.details ?? []) as Array<{ path: string; message: string }>;
      say(message, details.length ? t('refusedCount', { count: details.length }) : (r.body?.error?.message ?? `HTTP ${r.status}`), false);
      return replace(
        result,
        details.length
          ? h(
              'section',
              {},
              h('h4', {}, t('problemsLabel')),
              table(
                [t('whereLabel'), t('problemsLabel')],
                details.map((d) => h('tr', { 'data-problem': d.path }, h('td', { dir: 'ltr' }, d.path), h('td', {}, d.message))),
              ),
            )
          : h('p', {}, r.body?.error?.message ?? ''),
      );
    }
    const b = r.body as Upload;
    const text = b.status === 'checked' ? 'checkedOk' : b.status === 'published' ? 'publishedOk' : 'unchangedOk';
    say(message, t(text, { version: b.version, id: id.value }), true);
    replace(
      result,
      h(
        'ul',
        {},
        b.added.length ? h('li', { 'data-change': 'added' }, `${t('addedLabel')}: ${b.added.join(', ')}`) : null,
        b.removed.length ? h('li', { 'data-change': 'removed' }, `${t('removedLabel')}: ${b.removed.join(', ')}`) : null,
        b.validation
          ? h(
              'li',
              {},
              t('validationPath', {
                path: b.validation.path === 'plan' ? 'plan' : `survey-core (${b.validation.reasons.slice(0, 2).join('; ')})`,
              }),
            )
          : null,
      ),
      b.warnings.length
        ? h(
            'section',
            {},
            h('h4', {}, t('warningsLabel')),
            table(
              [t('whereLabel'), t('warningsLabel')],
              b.warnings.map((w) => h('tr', { 'data-warning': cell(w) }, h('td', { dir: 'ltr' }, cell(w)), h('td', {}, w.message))),
            ),
          )
        : null,
    );
  };
  const reset = () => {
    checked = null;
    publish.disabled = true;
  };
  for (const input of [id, version, file]) input.addEventListener('change', reset);
  publish.addEventListener('click', async () => {
    if (!checked || checked !== file.files?.[0]) return reset();
    const r = await send(false);
    show(r);
    reset();
    if (r.ok && r.body.status === 'published') onPublished();
  });
  return h(
    'article',
    { class: 'card', 'data-upload': '' },
    h('h3', {}, t('uploadTitle')),
    h('p', { class: 'help' }, t('uploadHelp')),
    h(
      'form',
      {
        onsubmit: async (e: Event) => {
          e.preventDefault();
          reset();
          const r = await send(true);
          show(r);
          if (r.ok && r.body.status === 'checked') {
            checked = file.files?.[0] ?? null;
            publish.disabled = false;
          }
        },
      },
      field(t('questionnaireLabel'), id),
      ids,
      field(t('versionOptional'), version),
      field(t('fileLabel'), file),
      h('button', { type: 'submit' }, t('checkButton')),
      publish,
    ),
    message,
    result,
  );
}
