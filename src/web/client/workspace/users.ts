// Users (admins): create; edit role, countries, assignments, password, disabled; a user's tokens.
// API tokens (one's own, or a user's for admins) are listed and revoked here too.
import { field, status, say, problem, table, when, checked, choices, type Questionnaire, type Token, type User } from './common';
import { api } from '../api';
import { byId, h, replace } from '../dom';
import { dateTimeOf, t } from '../i18n';

const ROLES = ['admin', 'coordinator', 'assessor', 'enumerator', 'researcher'];

export async function usersPage(el: HTMLElement): Promise<void> {
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

export async function tokenList(where: HTMLElement, of?: User): Promise<void> {
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
