// The API description (OpenAPI 3.1, generated from the zod schemas) and a browsable reference
// page built from swagger-ui served by this server: no CDN, no inline script.
import { Hono } from 'hono';
import type { AssetSource } from '../deps';
import type { AppEnv } from './env';

export const OPENAPI_PATH = '/api/v1/openapi.json';

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Periplus API reference</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

const init = `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(OPENAPI_PATH)}, dom_id: '#swagger-ui', deepLinking: true });\n`;

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Serves /api/docs (the page), its init script and the whitelisted swagger-ui files. */
export function docsRoutes(assets: AssetSource | undefined) {
  const app = new Hono<AppEnv>();
  app.get('/api/docs', (c) => {
    c.header('Content-Security-Policy', CSP);
    return c.html(page);
  });
  app.get('/api/docs/init.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(init);
  });
  app.get('/api/docs/:file', async (c) => {
    const asset = await assets?.get(c.req.param('file'));
    if (!asset) return c.notFound();
    c.header('Content-Type', asset.contentType);
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(asset.body as Uint8Array<ArrayBuffer>);
  });
  return app;
}
