// My account: one's password and API tokens.
import { field, status, say, problem, type Token } from './common';
import { api } from '../api';
import { h, replace } from '../dom';
import { t } from '../i18n';
import { tokenList } from './users';

export async function accountPage(el: HTMLElement): Promise<void> {
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
