// The enumerator app's PIN screens: choosing the PIN before anything is stored (the policy and what a
// forgotten PIN costs are said there), and unlocking, with the attempts left and the wipe.
import { h, replace } from './dom';
import { t } from './i18n';
import { choosePin, deviceToken, unlock } from './store';
import { PIN_MIN_LENGTH, pinProblem } from './vault';

function pinField(id: string, label: string): [HTMLElement, HTMLInputElement] {
  const input = h('input', {
    id,
    type: 'password',
    inputmode: 'numeric',
    autocomplete: 'off',
    required: true,
  }) as HTMLInputElement;
  return [h('label', {}, h('span', {}, label), input), input];
}

/** The enumerator chooses the PIN before anything is stored: the policy and what a forgotten PIN costs are said here. */
export function showChoosePin(app: HTMLElement, token: string, onReady: () => Promise<void>, message = ''): void {
  const [first, pin] = pinField('pin', t('pin'));
  const [second, again] = pinField('pin-again', t('pinAgain'));
  replace(
    app,
    h('h1', {}, t('choosePinTitle')),
    h(
      'form',
      {
        class: 'card',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const problem = pinProblem(pin.value);
          if (problem)
            return showChoosePin(app, token, onReady, t(problem === 'short' ? 'pinShort' : 'pinGuessable', { n: PIN_MIN_LENGTH }));
          if (pin.value !== again.value) return showChoosePin(app, token, onReady, t('pinMismatch'));
          replace(app, h('p', { role: 'status' }, t('pinWorking')));
          await choosePin(pin.value);
          await deviceToken.set(token);
          // Ask the browser not to evict this origin's data under storage pressure.
          await navigator.storage?.persist?.().catch(() => false);
          await onReady();
        },
      },
      h('p', {}, t('choosePinHelp', { n: PIN_MIN_LENGTH })),
      first,
      second,
      h('button', { type: 'submit', class: 'primary' }, t('setPin')),
      message && h('p', { class: 'error', role: 'alert' }, message),
    ),
  );
  pin.focus();
}

export function showUnlock(app: HTMLElement, newToken: string | undefined, onReady: () => Promise<void>, message = ''): void {
  const [field, pin] = pinField('pin', t('pin'));
  replace(
    app,
    h('h1', {}, t('unlockTitle')),
    h(
      'form',
      {
        class: 'card',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          replace(app, h('p', { role: 'status' }, t('pinWorking')));
          const r = await unlock(pin.value);
          if ('wiped' in r) {
            location.replace(`${location.pathname}#wiped`);
            return location.reload();
          }
          if (!r.ok) return showUnlock(app, newToken, onReady, t('wrongPin', { n: r.left }));
          if (newToken) await deviceToken.set(newToken);
          await onReady();
        },
      },
      field,
      h('button', { type: 'submit', class: 'primary' }, t('unlock')),
      message && h('p', { class: 'error', role: 'alert' }, message),
    ),
  );
  pin.focus();
}
