// The workspace: what coordinators, admins and researchers do without curl. One script for the
// pages under /workspace/<page>; the server sends the shell, everything else comes from the API
// with the person's session, so a page shows only what the role may see. Each page is a module of
// its own under workspace/; only the page of one response loads the form renderer.
import { currentSession, type Session } from './api';
import { h, replace, root } from './dom';
import { currentLanguage, initialLanguage, setLanguage, t } from './i18n';
import { mayOpen, navBar } from './nav';
import { accountPage } from './workspace/account';
import { auditPage } from './workspace/audit';
import { datasetsPage } from './workspace/datasets';
import { devicesPage } from './workspace/devices';
import { fieldworkPage } from './workspace/fieldwork';
import { questionnairesPage } from './workspace/questionnaires';
import { responsePage, responsesPage, trashPage } from './workspace/responses';
import { usersPage } from './workspace/users';

const { el: app, data } = root();
const page = data.page ?? '';
let session: Session | null = null;

async function main(): Promise<void> {
  session = await currentSession();
  // Signed out: the home page signs in, and brings the person back to the front.
  if (!session) return void location.assign('/');
  const content = h('section', { id: 'page' });
  replace(
    app,
    navBar(session, page, currentLanguage(), (l) => {
      setLanguage(l);
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

setLanguage(initialLanguage());
void main();
