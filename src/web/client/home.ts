// The home page: sign in; then the questionnaires one may fill, one's drafts to resume, and for
// coordinators each version's translations (declared status, measured coverage, direction) and the
// links to fieldwork and the cross-country matrix.
import { api, currentSession, errorText, uuid } from './api';
import { h, replace, root } from './dom';
import { dateTimeOf, initialLanguage, setLanguage, t } from './i18n';
import { navBar } from './nav';

interface Version {
  version: string;
  title: string;
  translations: Array<{ lang: string; status: string; coverage: number; dir: string }>;
}
interface Questionnaire {
  id: string;
  title: string;
  family: string;
  state: string;
  currentVersion: string | null;
  versions: Version[];
}
interface Draft {
  instanceId: string;
  version: string;
  country: string;
  updatedAt: string;
}
type Session = NonNullable<Awaited<ReturnType<typeof currentSession>>>;

const app = root().el;
let lang = initialLanguage();

async function main(): Promise<void> {
  setLanguage(lang);
  const session = await currentSession();
  if (!session) return showSignIn();
  await showHome(session);
}

function header(session: Session | null): HTMLElement {
  return navBar(session, 'home', lang, (l) => {
    lang = l;
    setLanguage(l);
    void main();
  });
}

function showSignIn(message = ''): void {
  const user = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const pass = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  replace(
    app,
    header(null),
    h(
      'form',
      {
        class: 'card narrow',
        id: 'sign-in',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const r = await api('/session', { method: 'POST', body: { username: user.value, password: pass.value } });
          if (r.ok) return main();
          showSignIn(r.status === 401 ? t('wrongPassword') : errorText(r));
        },
      },
      h('h2', {}, t('signIn')),
      h('label', {}, h('span', {}, t('username')), user),
      h('label', {}, h('span', {}, t('password')), pass),
      h('button', { type: 'submit', class: 'primary' }, t('signIn')),
      message && h('p', { class: 'error', role: 'alert' }, message),
    ),
  );
}

async function showHome(session: Session): Promise<void> {
  const list = await api<{ items: Questionnaire[] }>('/questionnaires');
  const items = list.ok ? list.body.items : [];
  const fills = ['admin', 'coordinator', 'assessor'].includes(session.role);
  const coordinates = ['admin', 'coordinator'].includes(session.role);
  // Drafts only where this person fills the questionnaire in the browser; all lists asked at once.
  const filledHere = (q: Questionnaire) => fills && q.family !== 'scoping';
  const drafts = await Promise.all(
    items.map((q) =>
      filledHere(q) ? api<{ items: Draft[] }>(`/questionnaires/${encodeURIComponent(q.id)}/responses?status=draft&limit=100`) : null,
    ),
  );
  const sections = items.map((q, i) => {
    const own = drafts[i];
    return h(
      'section',
      { class: 'card questionnaire', 'data-questionnaire': q.id },
      h('h2', {}, q.title, ' ', h('small', {}, `${q.id} · v${q.currentVersion ?? '-'} · ${q.state}`)),
      own && q.currentVersion && q.state === 'open' ? startForm(q, session) : null,
      own ? h('h3', {}, t('drafts')) : null,
      own
        ? own.ok && own.body.items.length
          ? h(
              'ul',
              { class: 'drafts' },
              ...own.body.items.map((d) =>
                h(
                  'li',
                  {},
                  h(
                    'a',
                    { href: `/fill/${encodeURIComponent(q.id)}/${encodeURIComponent(d.version)}/${d.instanceId}` },
                    `${t('resume')}: ${d.country} · v${d.version}`,
                  ),
                  h('small', {}, ` ${t('lastSaved', { time: dateTimeOf(d.updatedAt) })}`),
                ),
              ),
            )
          : h('p', {}, t('noDrafts'))
        : null,
      coordinates ? translationsTable(q) : null,
      coordinates
        ? h(
            'p',
            { class: 'links' },
            q.family === 'scoping'
              ? h('a', { href: `/workspace/fieldwork?questionnaire=${encodeURIComponent(q.id)}` }, t('fieldwork'))
              : null,
            q.family === 'assessment'
              ? h('a', { href: `/api/v1/questionnaires/${encodeURIComponent(q.id)}/heatmap?purpose=internal-coordination` }, t('heatmap'))
              : null,
          )
        : null,
    );
  });
  replace(app, header(session), h('h2', {}, t('questionnaires')), ...sections);
}

function startForm(q: Questionnaire, session: Session): HTMLElement {
  const countries = session.countries === '*' ? null : session.countries;
  const country = countries
    ? h('select', { name: 'country', 'aria-label': t('country') }, ...countries.map((c) => h('option', { value: c }, c)))
    : h('input', {
        name: 'country',
        'aria-label': t('country'),
        pattern: '[A-Za-z]{3}',
        maxlength: '3',
        size: '4',
        required: true,
        placeholder: 'TUN',
      });
  return h(
    'form',
    {
      class: 'inline',
      onsubmit: (e: Event) => {
        e.preventDefault();
        location.href = `/fill/${encodeURIComponent(q.id)}/${encodeURIComponent(q.currentVersion!)}/${uuid()}?country=${encodeURIComponent(country.value.toUpperCase())}`;
      },
    },
    h('label', {}, h('span', {}, t('country')), country),
    h('button', { type: 'submit', class: 'primary' }, t('start')),
  );
}

/** What coordinators need to know before sending a language to the field. */
function translationsTable(q: Questionnaire): HTMLElement | null {
  const v = q.versions.find((x) => x.version === q.currentVersion);
  if (!v || v.translations.length < 2) return null;
  return h(
    'details',
    { class: 'translations' },
    h('summary', {}, `${t('translations')} (v${v.version})`),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', {}, t('language')), h('th', {}, 'status'), h('th', {}, '%'), h('th', {}, 'dir'))),
      h(
        'tbody',
        {},
        ...v.translations.map((x) =>
          h(
            'tr',
            { class: `status-${x.status}` },
            h('td', { lang: x.lang }, x.lang),
            h('td', {}, x.status),
            h('td', {}, t('coverage', { pct: Math.round(x.coverage * 100) })),
            h('td', {}, x.dir),
          ),
        ),
      ),
    ),
  );
}

void main();
