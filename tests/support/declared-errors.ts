// Every error the app answers a test with must be one its route lists in the OpenAPI description:
// createTestApp wraps app.request with this check, so the whole suite keeps each route's list of
// error codes honest (a code a route can return but does not declare fails the test that met it).
import type { createApp } from '../../src/app';
import { OPENAPI_PATH } from '../../src/http/docs';

type App = ReturnType<typeof createApp>;
interface DeclaredRoute {
  method: string;
  path: string;
  pattern: RegExp;
  codes: Set<string>;
}

async function declaredRoutes(request: App['request']): Promise<DeclaredRoute[]> {
  const doc = (await (await request(OPENAPI_PATH)).json()) as {
    paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
  };
  const routes: DeclaredRoute[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const codes = new Set<string>();
      for (const reply of Object.values(op.responses)) {
        const schema = reply.content?.['application/json']?.schema as
          | { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } }
          | undefined;
        for (const code of schema?.properties?.error?.properties?.code?.enum ?? []) codes.add(code);
      }
      const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      routes.push({ method, path, pattern, codes });
    }
  return routes;
}

export function checkingDeclaredErrors(app: App): App {
  const request = app.request.bind(app);
  let routes: Promise<DeclaredRoute[]> | undefined;
  app.request = (async (...args: Parameters<App['request']>) => {
    const res = await request(...args);
    if (res.status < 400 || !res.headers.get('content-type')?.includes('application/json')) return res;
    const [input, init] = args;
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost');
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toLowerCase();
    routes ??= declaredRoutes(request);
    const route = (await routes).find((r) => r.method === method && r.pattern.test(url.pathname));
    const code = ((await res.clone().json()) as { error?: { code?: string } }).error?.code;
    if (route && code && !route.codes.has(code))
      throw new Error(`${method.toUpperCase()} ${route.path} answered ${res.status} ${code}, which its OpenAPI description does not list`);
    return res;
  }) as App['request'];
  return app;
}
