// createApp(deps): the whole HTTP application, built from its dependencies and doing no I/O of
// its own. src/entry/node.ts and src/entry/worker.ts hand requests to app.fetch.
import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { compress } from 'hono/compress';
import type { Deps } from './deps';
import { docsRoutes, OPENAPI_PATH } from './http/docs';
import type { AppEnv } from './http/env';
import { accessLog, decodeBody, limitBody, requireJson } from './http/middleware';
import { authenticate, authorize } from './http/auth';
import { accountRoutes } from './http/accounts';
import { responseAdminRoutes } from './http/response-admin';
import { sessionRoutes } from './http/session';
import { datasetRoutes } from './http/datasets';
import { releaseRoutes } from './http/releases';
import { assessmentRoutes } from './http/assessments';
import { rateLimit } from './http/rate-limit';
import { errorBody, handleError, zodTo400 } from './http/problem';
import { questionnaireRoutes } from './http/questionnaires';
import { versionRoutes } from './http/versions';
import { responseRoutes } from './http/responses';
import { pageRoutes } from './web/pages';

export function createApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', requestId());
  app.use('*', accessLog(deps.logger));
  app.use('*', secureHeaders());
  app.use('/api/*', limitBody(deps.config.bodyLimitBytes));
  app.use('/api/*', requireJson);
  app.use('/api/*', decodeBody(deps.config.bodyLimitBytes));
  app.use('*', authenticate(deps));
  app.use('/api/*', rateLimit(deps));
  app.use('*', authorize);
  // API replies carry answers, reports and accounts: no cache keeps them unless a route says so
  // (published definitions are immutable and say so themselves).
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  // Definitions are large (the scoping survey in eight languages is 235 KB, 37 KB gzipped) and
  // every phone downloads them: compressed when the client accepts it.
  app.use('/api/v1/questionnaires/:questionnaireId/versions/:version/definition', compress());

  const api = new OpenAPIHono<AppEnv>({ defaultHook: zodTo400 });
  api.route('/', questionnaireRoutes(deps));
  api.route('/', versionRoutes(deps));
  api.route('/', responseRoutes(deps));
  api.route('/', responseAdminRoutes(deps));
  api.route('/', sessionRoutes(deps));
  api.route('/', accountRoutes(deps));
  api.route('/', datasetRoutes(deps));
  api.route('/', releaseRoutes(deps));
  api.route('/', assessmentRoutes(deps));
  app.route('/api/v1', api);

  app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: {
      title: 'Periplus API',
      version: '1',
      description:
        'Versioned SurveyJS questionnaires, validated responses and drafts, review and audit. Authenticate with the session cookie from POST /api/v1/session ' +
        '(writes then need the X-CSRF-Token header) or with `Authorization: Bearer <token>` (API and device tokens). ' +
        'Errors share one shape: { error: { code, message, details: [{ path, type, message }], context?, requestId } }; context holds facts to act on (current revision, retry time, limit).',
    },
  });
  app.route('/', docsRoutes(deps.assets));
  app.route('/', pageRoutes(deps.assets));
  app.get('/healthz', (c) => c.json({ ok: true }));

  app.notFound((c) => c.json(errorBody(c, 'not_found', `No route for ${c.req.method} ${c.req.path}.`), 404));
  app.onError(handleError(deps.logger));
  return app;
}

export type App = ReturnType<typeof createApp>;
