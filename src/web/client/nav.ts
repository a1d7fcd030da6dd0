// The bar at the top of every signed-in page: where one may go for one's role (the server refuses
// the rest anyway), who is signed in (name, role, countries), the page language and signing out.
import { api, type Session } from './api';
import { h } from './dom';
import { PAGE_LANGUAGES, t } from './i18n';
import { languageSwitch } from './language-switch';

type Key = Parameters<typeof t>[0];

/** The workspace's pages and who sees them (src/access/rules.ts decides; this only hides links). */
export const NAV: ReadonlyArray<{ page: string; href: string; label: Key; roles: readonly string[] }> = [
  { page: 'home', href: '/', label: 'navHome', roles: ['admin', 'coordinator', 'assessor', 'enumerator', 'researcher'] },
  { page: 'questionnaires', href: '/workspace/questionnaires', label: 'navQuestionnaires', roles: ['admin', 'coordinator'] },
  { page: 'responses', href: '/workspace/responses', label: 'navResponses', roles: ['admin', 'coordinator', 'assessor', 'enumerator'] },
  { page: 'trash', href: '/workspace/trash', label: 'navTrash', roles: ['admin', 'coordinator'] },
  { page: 'fieldwork', href: '/workspace/fieldwork', label: 'navFieldwork', roles: ['admin', 'coordinator'] },
  { page: 'datasets', href: '/workspace/datasets', label: 'navDatasets', roles: ['admin', 'coordinator', 'researcher'] },
  { page: 'devices', href: '/workspace/devices', label: 'navDevices', roles: ['admin', 'coordinator'] },
  { page: 'users', href: '/workspace/users', label: 'navUsers', roles: ['admin'] },
  { page: 'audit', href: '/workspace/audit', label: 'navAudit', roles: ['admin'] },
  {
    page: 'account',
    href: '/workspace/account',
    label: 'navAccount',
    roles: ['admin', 'coordinator', 'assessor', 'enumerator', 'researcher'],
  },
];

const ROLE: Record<string, Key> = {
  admin: 'roleAdmin',
  coordinator: 'roleCoordinator',
  assessor: 'roleAssessor',
  enumerator: 'roleEnumerator',
  researcher: 'roleResearcher',
};

export const roleName = (role: string) => (ROLE[role] ? t(ROLE[role]) : role);
/** Pages reached from another (a response from the list): open to whoever may open that one. */
const WITHIN: Record<string, string> = { response: 'responses' };
export const mayOpen = (session: Session, page: string) =>
  NAV.find((n) => n.page === (WITHIN[page] ?? page))?.roles.includes(session.role) ?? false;

/** The page's header: the signed-in person's bar, or (signed out) the title and language only. */
export function navBar(session: Session | null, current: string, lang: string, onLanguage: (lang: string) => void): HTMLElement {
  const who =
    session &&
    h(
      'p',
      { class: 'who', id: 'who' },
      h('strong', {}, session.displayName ?? session.username ?? ''),
      ` · ${roleName(session.role)} · `,
      h('bdi', {}, session.countries === '*' ? t('allCountries') : session.countries.join(', ')),
    );
  const links =
    session &&
    h(
      'nav',
      { 'aria-label': t('navLabel') },
      h(
        'ul',
        {},
        ...NAV.filter((n) => n.roles.includes(session.role)).map((n) =>
          h('li', {}, h('a', { href: n.href, ...(n.page === (WITHIN[current] ?? current) ? { 'aria-current': 'page' } : {}) }, t(n.label))),
        ),
      ),
    );
  return h(
    'header',
    { class: 'bar' },
    h('h1', {}, 'Periplus'),
    links,
    who,
    languageSwitch(PAGE_LANGUAGES, lang, onLanguage),
    session &&
      h(
        'button',
        {
          type: 'button',
          id: 'sign-out',
          onclick: async () => {
            await api('/session', { method: 'DELETE' });
            location.href = '/';
          },
        },
        t('signOut'),
      ),
  );
}
