// The browser pages: HTML shells (no data in them: every page script fetches what its user may see
// through the API), versioned static files, and the enumerator app's service worker and manifest.
// Every page has a Content-Security-Policy with script-src 'self' and no inline script.
import { Hono, type Context } from 'hono';
import type { AssetSource } from '../deps';
import type { AppEnv } from '../http/env';

export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const YEAR = 'public, max-age=31536000, immutable';

/** The renderer and its translations, in load order; each page adds its own script last. */
const SURVEY_SCRIPTS = [
  'survey.core.min.js',
  'survey-i18n-fr.min.js',
  'survey-i18n-ar.min.js',
  'survey-i18n-fa.min.js',
  'survey-theme-default-light.min.js',
  'survey-js-ui.min.js',
];
const SURVEY_STYLE = 'survey-core.fontless.min.css';
const OWN_STYLE = 'periplus.css';
const STYLES = [SURVEY_STYLE, OWN_STYLE];

interface PageSpec {
  title: string;
  script: string;
  /** Extra <head> lines (the enumerator app's manifest). */
  head?: string;
  /**
   * 'lazy': the page's script loads the renderer when it needs a form (web/client/renderer.ts);
   * the page only preloads it. 'none': a page without a form (the workspace) loads none of it.
   * Otherwise the renderer runs before the page's script.
   */
  renderer?: 'lazy' | 'none';
  attrs?: Record<string, string>;
}

/** The workspace's pages, by path (/workspace/<page>). */
export const WORKSPACE_PAGES = [
  'questionnaires',
  'responses',
  'response',
  'trash',
  'fieldwork',
  'datasets',
  'devices',
  'users',
  'audit',
  'account',
];
/** Workspace pages that show a questionnaire's form (read-only or to correct it): they load the renderer. */
const WITH_FORM = ['response'];

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export const assetUrl = (manifest: Record<string, string>, name: string) => `/assets/${manifest[name] ?? '0'}/${name}`;

/** The files a page loads, in order (the service worker precaches the enumerator app's). */
export const pageFiles = (script: string) => [...STYLES, ...SURVEY_SCRIPTS, script];

function shell(manifest: Record<string, string>, spec: PageSpec): string {
  const attrs = Object.entries(spec.attrs ?? {})
    .map(([k, v]) => ` data-${k}="${esc(v)}"`)
    .join('');
  const lazy = spec.renderer === 'lazy';
  const none = spec.renderer === 'none';
  const link = (s: string) => `<link rel="stylesheet" href="${assetUrl(manifest, s)}">`;
  const preload = (s: string, as: 'style' | 'script') => `<link rel="preload" as="${as}" href="${assetUrl(manifest, s)}" data-renderer>`;
  const head = none
    ? link(OWN_STYLE)
    : lazy
      ? [link(OWN_STYLE), preload(SURVEY_STYLE, 'style'), ...SURVEY_SCRIPTS.map((s) => preload(s, 'script'))].join('\n')
      : STYLES.map(link).join('\n');
  const scripts = lazy || none ? [spec.script] : [...SURVEY_SCRIPTS, spec.script];
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(spec.title)}</title>
${head}
${spec.head ?? ''}
</head>
<body>
<main id="app"${attrs}><p class="loading">Periplus</p><noscript>This page needs JavaScript.</noscript></main>
${scripts.map((s) => `<script src="${assetUrl(manifest, s)}"></script>`).join('\n')}
</body>
</html>
`;
}

const manifestJson = {
  name: 'Periplus interviews',
  short_name: 'Periplus',
  start_url: '/collect/',
  scope: '/collect/',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#0b4f6c',
  icons: [{ src: '/collect/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
};

const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#0b4f6c"/><path d="M14 44h36l-6 8H20z" fill="#fff"/><path d="M32 10v30M32 12l14 24H32z" stroke="#fff" stroke-width="3" fill="#fff"/></svg>`;

export function pageRoutes(assets: AssetSource | undefined) {
  const app = new Hono<AppEnv>();
  const manifest = async () => (assets ? await assets.manifest() : {});

  const html = async (c: Context<AppEnv>, spec: PageSpec) => {
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('Cache-Control', 'no-cache');
    return c.html(shell(await manifest(), spec));
  };

  app.get('/', (c) => html(c, { title: 'Periplus', script: 'home.js' }));
  // Page shells take their ids from the path: only well-formed ones (an id like `..%2Fusers` would
  // otherwise become part of the API path the page calls).
  const IDS = /^[A-Za-z0-9._-]{1,64}$/;
  const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
  app.use('/fill/:questionnaireId/:version/:instanceId', async (c, next) => {
    if (!IDS.test(c.req.param('questionnaireId')) || !IDS.test(c.req.param('version')) || !UUID.test(c.req.param('instanceId')))
      return c.notFound();
    await next();
  });
  app.use('/print/:instanceId', async (c, next) => (UUID.test(c.req.param('instanceId')) ? next() : c.notFound()));
  app.get('/fill/:questionnaireId/:version/:instanceId', (c) =>
    html(c, {
      title: 'Periplus: questionnaire',
      script: 'fill.js',
      attrs: { questionnaire: c.req.param('questionnaireId'), version: c.req.param('version'), instance: c.req.param('instanceId') },
    }),
  );
  app.get('/print/:instanceId', (c) =>
    html(c, { title: 'Periplus: printable questionnaire', script: 'print.js', attrs: { instance: c.req.param('instanceId') } }),
  );
  // The workspace: coordinators', admins' and researchers' pages (web/client/workspace.ts). Which
  // page is in the path; what the person may see there comes from the API, as on every page.
  app.get('/workspace/:page', (c) => {
    const page = c.req.param('page');
    if (!WORKSPACE_PAGES.includes(page)) return c.notFound();
    return html(c, {
      title: `Periplus: ${page}`,
      script: 'workspace.js',
      ...(WITH_FORM.includes(page) ? {} : { renderer: 'none' }),
      attrs: { page },
    });
  });
  app.get('/collect', (c) => c.redirect('/collect/', 301));
  app.get('/collect/', (c) =>
    html(c, {
      title: 'Periplus interviews',
      script: 'collect.js',
      renderer: 'lazy',
      head: '<link rel="manifest" href="/collect/manifest.webmanifest">',
    }),
  );
  app.get('/collect/manifest.webmanifest', (c) => {
    c.header('Content-Type', 'application/manifest+json');
    return c.body(JSON.stringify(manifestJson));
  });
  app.get('/collect/icon.svg', (c) => {
    c.header('Content-Type', 'image/svg+xml');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(ICON);
  });
  // The service worker: the bundled worker code after the list of files to keep offline. A new
  // deployment changes the list, so browsers install the new worker and its cache.
  app.get('/collect/sw.js', async (c) => {
    const m = await manifest();
    const sw = await assets?.get('collect-sw.js');
    if (!sw) return c.notFound();
    const precache = [
      '/collect/',
      '/collect/manifest.webmanifest',
      '/collect/icon.svg',
      ...pageFiles('collect.js').map((f) => assetUrl(m, f)),
    ];
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    c.header('Service-Worker-Allowed', '/collect/');
    return c.body(`self.PERIPLUS_PRECACHE=${JSON.stringify(precache)};\n${new TextDecoder().decode(sw.body)}`);
  });

  // Versioned static files: cached for a year when the hash in the URL is the file's own; an old
  // hash (a page from before a deployment) still gets the current file, uncached.
  app.get('/assets/:hash/:name', async (c) => {
    const a = await assets?.get(c.req.param('name'));
    if (!a) return c.notFound();
    c.header('Content-Type', a.contentType);
    c.header('Cache-Control', a.hash === c.req.param('hash') ? YEAR : 'no-cache');
    c.header('Vary', 'Accept-Encoding');
    c.header('X-Content-Type-Options', 'nosniff');
    if (a.gzip && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      c.header('Content-Encoding', 'gzip');
      return c.body(a.gzip as Uint8Array<ArrayBuffer>);
    }
    return c.body(a.body as Uint8Array<ArrayBuffer>);
  });
  return app;
}
