// Enumerator devices: enrol one (the link and its QR code shown once), list, revoke.
import qrcode from 'qrcode-generator';
import { field, status, say, problem, table, when, checked, choices, countryInput, type Questionnaire, type Token } from './common';
import { api, type Session } from '../api';
import { byId, h, replace } from '../dom';
import { dateTimeOf, t } from '../i18n';
import { ENDONYMS } from '../language-switch';

export async function devicesPage(el: HTMLElement, s: Session): Promise<void> {
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
