// The workspace: what coordinators and admins do without curl. One script for the pages under
// /workspace/<page> (devices, users, audit, account); the server sends the shell, everything else
// comes from the API with the person's session, so a page shows only what the role may see. No
// form renderer is loaded here.
import qrcode from 'qrcode-generator';
import { api, currentSession, errorText, type Session } from './api';
import { byId, h, replace, root } from './dom';
import { dateTimeOf, initialLanguage, setLanguage, t } from './i18n';
import { ENDONYMS } from './language-switch';
import { mayOpen, navBar } from './nav';
import { createForm, render } from './form';

interface Questionnaire {
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
  }>;
}
interface Token {
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
interface User {
  id: string;
  username: string;
  displayName: string;
  role: string;
  countries: string[];
  questionnaires: string[];
  disabled: boolean;
}
interface StoredResponse {
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
interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
}

const { el: app, data } = root();
const page = data.page ?? '';
let lang = initialLanguage();
let session: Session | null = null;

const ROLES = ['admin', 'coordinator', 'assessor', 'enumerator', 'researcher'];

async function main(): Promise<void> {
  setLanguage(lang);
  session = await currentSession();
  // Signed out: the home page signs in, and brings the person back to the front.
  if (!session) return void location.assign('/');
  const content = h('section', { id: 'page' });
  replace(
    app,
    navBar(session, page, lang, (l) => {
      lang = l;
      void main();
    }),
    content,
  );
  if (!mayOpen(session, page)) return replace(content, h('p', { class: 'error', role: 'alert' }, t('notForRole')));
  const show = PAGES[page];
  if (show) await show(content, session);
}

const PAGES: Record<string, (el: HTMLElement, s: Session) => Promise<void>> = {
  questionnaires: questionnairesPage,
  responses: responsesPage,
  response: responsePage,
  trash: trashPage,
  fieldwork: fieldworkPage,
  datasets: datasetsPage,
  devices: devicesPage,
  users: usersPage,
  audit: auditPage,
  account: accountPage,
};

// ---------------------------------------------------------------- small helpers

/** A labelled input. */
function field(label: string, input: HTMLElement): HTMLElement {
  return h('label', {}, h('span', {}, label), input);
}

/** A message area that screen readers announce. */
const status = () => h('p', { role: 'status', class: 'message' });

function say(where: HTMLElement, text: string, ok: boolean): void {
  where.className = ok ? 'message ok' : 'message error';
  where.textContent = text;
}

/** The error of a reply, with the fields it names. */
function problem(r: { body: any; status: number }): string {
  const details = Array.isArray(r.body?.error?.details) ? (r.body.error.details as Array<{ path: string; message: string }>) : [];
  return [errorText(r as never), ...details.map((d) => `${d.path}: ${d.message}`)].join(' · ');
}

/** A table that scrolls on its own on a narrow screen instead of widening the page. */
function table(headers: string[], rows: HTMLElement[]): HTMLElement {
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

const when = (iso: string | null) => (iso ? dateTimeOf(iso) : t('never'));
const checkbox = (name: string, value: string, checked = false) =>
  h('input', { type: 'checkbox', name, value, ...(checked ? { checked: true } : {}) });
const checked = (form: HTMLElement, name: string) =>
  Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`), (i) => i.value);

/** A group of checkboxes with a visible legend. */
function choices(legend: string, name: string, items: Array<{ value: string; label: string; checked?: boolean }>): HTMLElement {
  return h(
    'fieldset',
    { class: 'choices' },
    h('legend', {}, legend),
    ...items.map((i) => h('label', { class: 'check' }, checkbox(name, i.value, i.checked), h('span', {}, i.label))),
  );
}

/** The countries a person may pick: a list when their scope is one, else a code to type. */
function countryInput(s: Session): HTMLInputElement | HTMLSelectElement {
  if (s.countries !== '*')
    return h('select', { name: 'country', id: 'device-country' }, ...s.countries.map((c) => h('option', { value: c }, c)));
  return h('input', { name: 'country', id: 'device-country', required: true, pattern: '[A-Z]{3}', maxlength: '3', placeholder: 'TUN' });
}

// ---------------------------------------------------------------- devices

async function devicesPage(el: HTMLElement, s: Session): Promise<void> {
  const [qs, devices] = await Promise.all([api<{ items: Questionnaire[] }>('/questionnaires'), api<{ items: Token[] }>('/devices')]);
  // Devices collect interviews: country assessments are filled in the browser, not on a phone.
  const questionnaires = qs.ok ? qs.body.items.filter((q) => q.currentVersion && q.family !== 'assessment') : [];
  const languages = [
    ...new Set(
      questionnaires.flatMap((q) => q.versions.find((v) => v.version === q.currentVersion)?.translations.map((x) => x.lang) ?? []),
    ),
  ];
  const message = status();
  const issued = h('section', { id: 'issued', 'aria-live': 'polite' });
  const name = h('input', { name: 'name', id: 'device-name', required: true, maxlength: '100' });
  const country = countryInput(s);
  const site = h('input', { name: 'site', id: 'device-site', maxlength: '64' });
  const days = h('input', { name: 'days', id: 'device-days', type: 'number', min: '1', max: '730', value: '180' });
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card',
      id: 'new-device',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const picked = checked(form, 'questionnaire');
        const langs = checked(form, 'lang');
        const r = await api<Token & { token: string }>('/devices', {
          method: 'POST',
          body: {
            name: name.value.trim(),
            questionnaires: picked,
            country: country.value.trim().toUpperCase(),
            ...(site.value.trim() ? { site: site.value.trim() } : {}),
            ...(langs.length ? { languages: langs } : {}),
            expiresInDays: Number(days.value),
          },
        });
        if (!r.ok) return say(message, problem(r), false);
        form.reset();
        say(message, '', true);
        showEnrolment(issued, r.body);
        await drawDevices();
      },
    },
    h('h2', {}, t('newDevice')),
    field(t('name'), name),
    choices(
      t('questionnairesLabel'),
      'questionnaire',
      questionnaires.map((q) => ({ value: q.id, label: `${q.title} (${q.id})` })),
    ),
    field(t('country'), country),
    field(t('siteLabel'), site),
    languages.length > 1
      ? choices(
          t('languagesLabel'),
          'lang',
          languages.map((l) => ({ value: l, label: ENDONYMS[l] ?? l })),
        )
      : null,
    field(t('validDays'), days),
    h('button', { type: 'submit', class: 'primary' }, t('enrolDevice')),
    message,
  );
  const list = h('section', { id: 'devices' });
  const drawDevices = async () => {
    const r = devices.ok && list.childElementCount === 0 ? devices : await api<{ items: Token[] }>('/devices');
    const items = r.ok ? r.body.items : [];
    replace(
      list,
      items.length === 0
        ? h('p', {}, t('noDevices'))
        : table(
            [t('name'), t('questionnairesLabel'), t('country'), t('lastSeen'), t('status'), ''],
            items.map((d) =>
              h(
                'tr',
                { 'data-device': d.id },
                h('td', {}, d.name),
                h('td', {}, d.questionnaires.join(', ')),
                h('td', {}, [d.country, d.site].filter(Boolean).join(' / '), d.languages ? ` (${d.languages.join(', ')})` : ''),
                h('td', {}, when(d.lastUsedAt)),
                h(
                  'td',
                  {},
                  d.revokedAt
                    ? t('revokedOn', { time: dateTimeOf(d.revokedAt) })
                    : d.expiresAt
                      ? `${t('active')}, ${t('expiresOn', { time: dateTimeOf(d.expiresAt) })}`
                      : t('active'),
                ),
                h(
                  'td',
                  {},
                  d.revokedAt
                    ? ''
                    : h(
                        'button',
                        {
                          type: 'button',
                          class: 'danger',
                          'aria-label': `${t('revoke')}: ${d.name}`,
                          onclick: async () => {
                            if (!confirm(t('revokeDevice', { name: d.name }))) return;
                            const rr = await api(`/devices/${encodeURIComponent(d.id)}`, { method: 'DELETE' });
                            if (!rr.ok) return say(message, problem(rr), false);
                            await drawDevices();
                          },
                        },
                        t('revoke'),
                      ),
                ),
              ),
            ),
          ),
    );
  };
  replace(el, h('h2', { class: 'page-title' }, t('devicesTitle')), list, issued, form);
  await drawDevices();
}

/**
 * The enrolment of a new device, shown once: the link the phone opens, and the same link as a QR
 * code drawn here (never sent to a third party) for the phone's camera.
 */
function showEnrolment(where: HTMLElement, issued: Token & { token: string }): void {
  const link = `${location.origin}/collect/#token=${encodeURIComponent(issued.token)}`;
  const qr = qrcode(0, 'M');
  qr.addData(link);
  qr.make();
  replace(
    where,
    h(
      'div',
      { class: 'card enrolment' },
      h('h2', {}, `${t('enrolLink')}: ${issued.name}`),
      h('p', {}, t('enrolled')),
      h('img', { id: 'enrol-qr', src: qr.createDataURL(6, 4), alt: t('qrAlt'), width: String(qr.getModuleCount() * 6 + 48) }),
      h('p', {}, h('a', { id: 'enrol-link', href: link, dir: 'ltr' }, link)),
    ),
  );
  byId('enrol-link').focus();
}

// ---------------------------------------------------------------- users (admins)

async function usersPage(el: HTMLElement): Promise<void> {
  const [users, qs] = await Promise.all([api<{ items: User[] }>('/users'), api<{ items: Questionnaire[] }>('/questionnaires')]);
  const questionnaires = qs.ok ? qs.body.items : [];
  const message = status();
  const list = h('section', { id: 'users' });
  const editor = h('section', { id: 'user-editor', 'aria-live': 'polite' });
  const roleSelect = (id: string, current = 'assessor') =>
    h('select', { name: 'role', id }, ...ROLES.map((r) => h('option', { value: r, ...(r === current ? { selected: true } : {}) }, r)));
  const countriesOf = (text: string) =>
    text
      .split(/[\s,]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);

  const username = h('input', { name: 'username', id: 'new-username', required: true, autocomplete: 'off' });
  const displayName = h('input', { name: 'displayName', id: 'new-display-name', required: true });
  const password = h('input', { name: 'password', id: 'new-password', type: 'password', required: true, autocomplete: 'new-password' });
  const role = roleSelect('new-role');
  const countries = h('input', { name: 'countries', id: 'new-countries', required: true, placeholder: 'TUN, LBY' });
  const create: HTMLFormElement = h(
    'form',
    {
      class: 'card',
      id: 'new-user',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const r = await api<User>('/users', {
          method: 'POST',
          body: {
            username: username.value.trim(),
            displayName: displayName.value.trim(),
            password: password.value,
            role: role.value,
            countries: countriesOf(countries.value),
          },
        });
        if (!r.ok) return say(message, problem(r), false);
        create.reset();
        say(message, t('saved'), true);
        await draw();
        edit(r.body);
      },
    },
    h('h2', {}, t('newUser')),
    field(t('username'), username),
    field(t('name'), displayName),
    field(t('password'), password),
    field(t('roleLabel'), role),
    field(t('countriesLabel'), countries),
    h('button', { type: 'submit', class: 'primary' }, t('create')),
    message,
  );

  /** One user's role, countries, status, password, questionnaires and tokens. */
  function edit(u: User): void {
    const note = status();
    const r2 = roleSelect('edit-role', u.role);
    const c2 = h('input', { name: 'countries', id: 'edit-countries', value: u.countries.join(', ') });
    const name2 = h('input', { name: 'displayName', id: 'edit-display-name', value: u.displayName });
    const pass2 = h('input', { name: 'password', id: 'edit-password', type: 'password', autocomplete: 'new-password' });
    const off = h('input', { type: 'checkbox', name: 'disabled', id: 'edit-disabled', ...(u.disabled ? { checked: true } : {}) });
    const tokens = h('section', { id: 'user-tokens' });
    const form: HTMLFormElement = h(
      'form',
      {
        class: 'card',
        id: 'edit-user',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const change: Record<string, unknown> = {};
          if (r2.value !== u.role) change.role = r2.value;
          const cs = countriesOf(c2.value);
          if (cs.join() !== u.countries.join()) change.countries = cs;
          if (name2.value.trim() !== u.displayName) change.displayName = name2.value.trim();
          if (pass2.value) change.password = pass2.value;
          if (off.checked !== u.disabled) change.disabled = off.checked;
          if (Object.keys(change).length) {
            const r = await api<User>(`/users/${encodeURIComponent(u.id)}`, { method: 'PATCH', body: change });
            if (!r.ok) return say(note, problem(r), false);
          }
          const picked = checked(form, 'assigned');
          if (picked.join() !== [...u.questionnaires].sort().join()) {
            const r = await api(`/users/${encodeURIComponent(u.id)}/assignments`, { method: 'PUT', body: { questionnaires: picked } });
            if (!r.ok) return say(note, problem(r), false);
          }
          await draw();
          const fresh = (await api<{ items: User[] }>('/users')).body.items.find((x) => x.id === u.id);
          if (fresh) edit(fresh);
          say(byId('edit-status'), t('saved'), true);
        },
      },
      h('h2', {}, `${t('edit')}: ${u.username}`),
      field(t('name'), name2),
      field(t('roleLabel'), r2),
      field(t('countriesLabel'), c2),
      choices(
        t('assignedLabel'),
        'assigned',
        questionnaires.map((q) => ({ value: q.id, label: `${q.title} (${q.id})`, checked: u.questionnaires.includes(q.id) })),
      ),
      field(t('resetPassword'), pass2),
      h('label', { class: 'check' }, off, h('span', {}, t('disable'))),
      h('button', { type: 'submit', class: 'primary' }, t('save')),
      Object.assign(note, { id: 'edit-status' }),
    );
    replace(editor, form, tokens);
    void tokenList(tokens, u);
    r2.focus();
  }

  async function draw(): Promise<void> {
    const r = users.ok && list.childElementCount === 0 ? users : await api<{ items: User[] }>('/users');
    const items = r.ok ? r.body.items : [];
    replace(
      list,
      table(
        [t('username'), t('name'), t('roleLabel'), t('countriesLabel'), t('assignedLabel'), t('status'), ''],
        items.map((u) =>
          h(
            'tr',
            { 'data-user': u.username },
            h('td', {}, u.username),
            h('td', {}, u.displayName),
            h('td', {}, u.role),
            h('td', {}, u.countries.join(', ')),
            h('td', {}, u.questionnaires.join(', ')),
            h('td', {}, u.disabled ? t('disabled') : t('active')),
            h('td', {}, h('button', { type: 'button', 'aria-label': `${t('edit')}: ${u.username}`, onclick: () => edit(u) }, t('edit'))),
          ),
        ),
      ),
    );
  }
  replace(el, h('h2', { class: 'page-title' }, t('usersTitle')), list, editor, create);
  await draw();
}

// ---------------------------------------------------------------- tokens (own, or a user's for admins)

async function tokenList(where: HTMLElement, of?: User): Promise<void> {
  const query = of ? `?userId=${encodeURIComponent(of.id)}` : '';
  const r = await api<{ items: Token[] }>(`/tokens${query}`);
  const items = r.ok ? r.body.items.filter((x) => !x.revokedAt) : [];
  const message = status();
  replace(
    where,
    h('h3', {}, of ? t('tokenFor', { name: of.username }) : t('tokens')),
    items.length === 0
      ? h('p', {}, t('noTokens'))
      : table(
          [t('name'), t('lastSeen'), t('status'), ''],
          items.map((x) =>
            h(
              'tr',
              { 'data-token': x.name },
              h('td', {}, x.name),
              h('td', {}, when(x.lastUsedAt)),
              h('td', {}, x.expiresAt ? t('expiresOn', { time: dateTimeOf(x.expiresAt) }) : t('active')),
              h(
                'td',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'danger',
                    'aria-label': `${t('revoke')}: ${x.name}`,
                    onclick: async () => {
                      if (!confirm(t('confirmRevokeToken', { name: x.name }))) return;
                      const rr = await api(`/tokens/${encodeURIComponent(x.id)}`, { method: 'DELETE' });
                      if (!rr.ok) return say(message, problem(rr), false);
                      await tokenList(where, of);
                    },
                  },
                  t('revoke'),
                ),
              ),
            ),
          ),
        ),
    message,
  );
}

// ---------------------------------------------------------------- audit log (admins)

async function auditPage(el: HTMLElement): Promise<void> {
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

// ---------------------------------------------------------------- my account

async function accountPage(el: HTMLElement): Promise<void> {
  const message = status();
  const current = h('input', {
    name: 'currentPassword',
    id: 'current-password',
    type: 'password',
    required: true,
    autocomplete: 'current-password',
  });
  const next = h('input', { name: 'newPassword', id: 'new-password', type: 'password', required: true, autocomplete: 'new-password' });
  const password = h(
    'form',
    {
      class: 'card narrow',
      id: 'change-password',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const r = await api('/session/password', { method: 'PUT', body: { currentPassword: current.value, newPassword: next.value } });
        if (!r.ok) return say(message, problem(r), false);
        say(message, t('passwordChanged'), true);
        setTimeout(() => location.assign('/'), 2500);
      },
    },
    h('h2', {}, t('changePassword')),
    field(t('currentPassword'), current),
    field(t('newPassword'), next),
    h('button', { type: 'submit', class: 'primary' }, t('changePassword')),
    message,
  );
  const tokens = h('section', { id: 'my-tokens' });
  const shown = h('section', { id: 'token-shown', 'aria-live': 'polite' });
  const tokenMessage = status();
  const tokenName = h('input', { name: 'name', id: 'token-name', required: true, maxlength: '100' });
  const tokenDays = h('input', { name: 'days', id: 'token-days', type: 'number', min: '1', max: '365', value: '90' });
  const create: HTMLFormElement = h(
    'form',
    {
      class: 'card',
      id: 'new-token',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const r = await api<Token & { token: string }>('/tokens', {
          method: 'POST',
          body: { name: tokenName.value.trim(), expiresInDays: Number(tokenDays.value) },
        });
        if (!r.ok) return say(tokenMessage, problem(r), false);
        create.reset();
        say(tokenMessage, '', true);
        replace(
          shown,
          h(
            'div',
            { class: 'card enrolment' },
            h('p', {}, t('tokenShown')),
            h('code', { id: 'new-token-value', dir: 'ltr' }, r.body.token),
          ),
        );
        await tokenList(tokens);
      },
    },
    h('h2', {}, t('apiTokens')),
    field(t('name'), tokenName),
    field(t('validDays'), tokenDays),
    h('button', { type: 'submit', class: 'primary' }, t('createToken')),
    tokenMessage,
  );
  replace(el, h('h2', { class: 'page-title' }, t('accountTitle')), password, create, shown, tokens);
  await tokenList(tokens);
}

// ---------------------------------------------------------------- responses

const REVIEW_STATES = ['received', 'has_issues', 'approved', 'rejected'];
const params = new URLSearchParams(location.search);

/** A select of values with an "any" first (for filters). */
function anyOf(name: string, values: readonly string[], current = ''): HTMLSelectElement {
  return h(
    'select',
    { name, id: `filter-${name}` },
    h('option', { value: '' }, t('anyValue')),
    ...values.map((v) => h('option', { value: v, ...(v === current ? { selected: true } : {}) }, v)),
  );
}

/** The questionnaire picker of the responses and trash pages; its choice goes into the address. */
async function questionnairePicker(): Promise<{ select: HTMLSelectElement; list: Questionnaire[] }> {
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
    replace(
      results,
      rows.length
        ? table([t('open'), t('versionLabel'), t('country'), t('updatedLabel'), t('status'), t('reviewStateLabel'), ''], rows)
        : h('p', {}, trash ? t('emptyTrash') : t('noResponses')),
      more,
    );
  };
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
  replace(el, h('h2', { class: 'page-title' }, trash ? t('trashTitle') : t('navResponses')), form, results);
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

function responsesPage(el: HTMLElement): Promise<void> {
  return listPage(el, false);
}
function trashPage(el: HTMLElement): Promise<void> {
  return listPage(el, true);
}

/**
 * One response: its answers read-only in the questionnaire's own form, its review (state and
 * comment, history), its revisions and what changed between two, a correction (for questionnaires
 * filled in the browser: assessments) and the move to the trash.
 */
async function responsePage(el: HTMLElement, s: Session): Promise<void> {
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
  const model = createForm(def.body, lang);
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
    items.length > 1
      ? h(
          'form',
          {
            class: 'inline',
            onsubmit: (e: Event) => {
              e.preventDefault();
              void compare();
            },
          },
          field(t('fromLabel'), from),
          field(t('toLabel'), to),
          h('button', { type: 'submit' }, t('compare')),
        )
      : null,
    out,
  );
}

// ---------------------------------------------------------------- datasets and releases

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

const pct = (x: number) => `${(Math.round(x * 10_000) / 100).toLocaleString(lang)} %`;

/**
 * Datasets: reviewers export any profile their role allows with its options; releases are
 * computed, their risk report reviewed in words and figures, and approved or discarded;
 * researchers see and download approved releases only.
 */
async function datasetsPage(el: HTMLElement, s: Session): Promise<void> {
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
  const link = h('a', { id: 'export-link', class: 'button-link', download: '' }, t('download'));
  const form = h('form', { class: 'card', id: 'export' }, h('h3', {}, t('exportTitle')), field(t('profileLabel'), profile), options, link);
  const update = () => {
    const on = new Set(checked(form, 'option'));
    const q = new URLSearchParams({ profile: profile.value });
    for (const o of ['labels', 'split', 'bom', 'mask']) q.set(o, on.has(o) ? 'true' : 'false');
    if (on.has('labels')) q.set('lang', lang);
    link.setAttribute('href', `/api/v1/questionnaires/${encodeURIComponent(select.value)}/export?${q}`);
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

// ---------------------------------------------------------------- questionnaires

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
async function questionnairesPage(el: HTMLElement, s: Session): Promise<void> {
  const r = await api<{ items: Questionnaire[] }>('/questionnaires');
  if (!r.ok) return replace(el, h('p', { class: 'error', role: 'alert' }, problem(r)));
  replace(
    el,
    h('h2', { class: 'page-title' }, t('navQuestionnaires')),
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
    admin ? changeState : null,
    message,
    table(
      [t('versionLabel'), t('publishedLabel'), t('questionsLabel'), t('translations')],
      versions.map((v) =>
        h(
          'tr',
          { 'data-version': v.version },
          h('td', {}, `v${v.version}`, v.version === q.currentVersion ? ` (${t('currentLabel')})` : ''),
          h('td', {}, dateTimeOf(v.publishedAt)),
          h('td', {}, String(v.questionCount)),
          h('td', {}, v.translations.map((x) => `${x.lang} ${Math.round(x.coverage * 100)}% ${x.status}`).join(' · ')),
        ),
      ),
    ),
    versions.length > 1
      ? h(
          'form',
          {
            class: 'inline',
            onsubmit: (e: Event) => {
              e.preventDefault();
              void compare();
            },
          },
          h('span', {}, t('whatChanged')),
          field(t('fromLabel'), from),
          field(t('toLabel'), to),
          h('button', { type: 'submit' }, t('showChanges')),
        )
      : null,
    changes,
  );
}

// ---------------------------------------------------------------- fieldwork

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

async function fieldworkPage(el: HTMLElement): Promise<void> {
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

void main();
