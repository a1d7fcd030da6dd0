// What the workspace's pages share: the shapes the API answers with, the page language, small
// builders (labelled fields, announced messages, tables that become cards on a phone, checkbox
// groups) and the questionnaire picker.
import { api, errorText, type Session } from '../api';
import { h } from '../dom';
import { dateTimeOf, t } from '../i18n';

export interface Questionnaire {
  id: string;
  title: string;
  family: string;
  state: string;
  stateChangedAt: string;
  currentVersion: string | null;
  versions: Array<{
    version: string;
    publishedAt: string;
    questionCount: number;
    translations: Array<{ lang: string; status: string; coverage: number }>;
    closedAt: string | null;
  }>;
}
export interface Token {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  questionnaires: string[];
  country: string | null;
  site: string | null;
  languages: string[] | null;
}
export interface User {
  id: string;
  username: string;
  displayName: string;
  role: string;
  countries: string[];
  questionnaires: string[];
  disabled: boolean;
}
export interface StoredResponse {
  instanceId: string;
  questionnaireId: string;
  version: string;
  status: string;
  locale: string;
  data: Record<string, unknown>;
  revision: number;
  updatedAt: string;
  submittedAt: string | null;
  country: string;
  site: string | null;
  withdrawn: boolean;
  reviewState: string;
  submittedBy: string;
  deletedAt: string | null;
}
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
}

/** A labelled input. */
export function field(label: string, input: HTMLElement): HTMLElement {
  return h('label', {}, h('span', {}, label), input);
}

/** A message area that screen readers announce. */
export const status = () => h('p', { role: 'status', class: 'message' });

export function say(where: HTMLElement, text: string, ok: boolean): void {
  where.className = ok ? 'message ok' : 'message error';
  where.textContent = text;
}

/** The error of a reply, with the fields it names. */
export function problem(r: { body: any; status: number }): string {
  const details = Array.isArray(r.body?.error?.details) ? (r.body.error.details as Array<{ path: string; message: string }>) : [];
  return [errorText(r as never), ...details.map((d) => `${d.path}: ${d.message}`)].join(' · ');
}

/** A table that scrolls on its own on a narrow screen instead of widening the page. */
export function table(headers: string[], rows: HTMLElement[]): HTMLElement {
  // On a phone each row becomes a card: every cell says its column (periplus.css).
  for (const row of rows) Array.from(row.children, (cell, i) => cell.setAttribute('data-label', headers[i] ?? ''));
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': headers.join(', ') },
    h(
      'table',
      { class: 'data' },
      h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, ...rows),
    ),
  );
}

export const when = (iso: string | null) => (iso ? dateTimeOf(iso) : t('never'));
const checkbox = (name: string, value: string, checked = false) =>
  h('input', { type: 'checkbox', name, value, ...(checked ? { checked: true } : {}) });
export const checked = (form: HTMLElement, name: string) =>
  Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`), (i) => i.value);

/** A group of checkboxes with a visible legend. */
export function choices(legend: string, name: string, items: Array<{ value: string; label: string; checked?: boolean }>): HTMLElement {
  return h(
    'fieldset',
    { class: 'choices' },
    h('legend', {}, legend),
    ...items.map((i) => h('label', { class: 'check' }, checkbox(name, i.value, i.checked), h('span', {}, i.label))),
  );
}

/** The countries a person may pick: a list when their scope is one, else a code to type. */
export function countryInput(s: Session): HTMLInputElement | HTMLSelectElement {
  if (s.countries !== '*')
    return h('select', { name: 'country', id: 'device-country' }, ...s.countries.map((c) => h('option', { value: c }, c)));
  return h('input', { name: 'country', id: 'device-country', required: true, pattern: '[A-Z]{3}', maxlength: '3', placeholder: 'TUN' });
}

/** What the address asks for (?questionnaire=, ?id=). */
export const params = new URLSearchParams(location.search);

/** A select of values with an "any" first (for filters). */
export function anyOf(name: string, values: readonly string[]): HTMLSelectElement {
  return h(
    'select',
    { name, id: `filter-${name}` },
    h('option', { value: '' }, t('anyValue')),
    ...values.map((v) => h('option', { value: v }, v)),
  );
}

/** The questionnaire picker of the responses and trash pages; its choice goes into the address. */
export async function questionnairePicker(): Promise<{ select: HTMLSelectElement; list: Questionnaire[] }> {
  const r = await api<{ items: Questionnaire[] }>('/questionnaires');
  const list = r.ok ? r.body.items : [];
  const wanted = params.get('questionnaire') ?? list[0]?.id ?? '';
  const select = h(
    'select',
    { name: 'questionnaire', id: 'filter-questionnaire' },
    ...list.map((q) => h('option', { value: q.id, ...(q.id === wanted ? { selected: true } : {}) }, `${q.title} (${q.id})`)),
  );
  return { select, list };
}

/** Two versions or revisions side by side and a button: what changed from one to the other. */
export function compareForm(
  from: HTMLSelectElement,
  to: HTMLSelectElement,
  button: string,
  compare: () => Promise<void>,
  lead?: string,
): HTMLElement {
  return h(
    'form',
    {
      class: 'inline',
      onsubmit: (e: Event) => {
        e.preventDefault();
        void compare();
      },
    },
    lead ? h('span', {}, lead) : null,
    field(t('fromLabel'), from),
    field(t('toLabel'), to),
    h('button', { type: 'submit' }, button),
  );
}
