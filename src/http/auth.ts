// Authentication, CSRF and authorization for every request. The route's rule comes from the one
// table in access/rules.ts; a route without a rule is refused. Answers are consistent: 401 without
// valid credentials, 403 for a role that may not call the route, 404 for what is out of scope.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import { fromBearer, fromSession, SESSION_COOKIE } from '../access/authenticate';
import type { Actor, Principal } from '../access/principal';
import { ruleFor } from '../access/rules';
import { constantTimeEqual } from '../access/secrets';
import type { Deps } from '../deps';
import { AppError, forbidden } from '../errors';
import type { AppEnv } from './env';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const unauthenticated = () => new AppError('unauthenticated', 'Sign in, or send a valid token in the Authorization header.');

/** The route pattern that will handle this request (`/api/v1/responses/:instanceId`), if any. */
function handlerPath(c: Context): { method: string; path: string } | undefined {
  const handlers = matchedRoutes(c).filter((r) => r.method !== 'ALL');
  const last = handlers.at(-1);
  return last ? { method: c.req.method === 'HEAD' ? 'GET' : c.req.method, path: last.path } : undefined;
}

export function authenticate(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let principal: Principal | undefined;
    const header = c.req.header('authorization');
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      principal = m ? await fromBearer(deps, m[1]!) : undefined;
      if (!principal) throw unauthenticated();
    } else {
      const cookie = getCookie(c, SESSION_COOKIE);
      if (cookie) principal = await fromSession(deps, cookie);
    }
    c.set('principal', principal);
    await next();
  };
}

export const authorize: MiddlewareHandler<AppEnv> = async (c, next) => {
  const route = handlerPath(c);
  if (!route) return next(); // no such route: the JSON 404 answers
  const rule = ruleFor(route.method, route.path);
  if (!rule) throw new AppError('no_access_rule', `No access rule is declared for ${route.method} ${route.path}.`);
  if ('public' in rule) return next();
  const p = c.get('principal');
  if (!p) throw unauthenticated();
  if (!rule.roles.includes(p.role)) throw forbidden();
  if (rule.sessionOnly && p.via !== 'session') throw forbidden('This needs a signed-in person, not a token.');
  if (p.via === 'device-token' && !rule.device)
    throw forbidden('An enumerator device only reads its questionnaires and submits interviews.');
  if (p.via === 'session' && !SAFE_METHODS.has(c.req.method)) {
    const sent = c.req.header('x-csrf-token') ?? '';
    if (!p.csrfToken || !constantTimeEqual(sent, p.csrfToken))
      throw new AppError('csrf', 'Missing or wrong X-CSRF-Token header (it is returned at sign-in and by GET /api/v1/session).');
  }
  return next();
};

/** Who acts in this request, for feature code and the audit log. */
export function actorOf(c: Context<AppEnv>): Actor {
  return { principal: principalOf(c), requestId: c.get('requestId') };
}

/** The principal of an authorized route (the middleware guarantees one on non-public routes). */
export function principalOf(c: Context<AppEnv>): Principal {
  const p = c.get('principal');
  if (!p) throw unauthenticated();
  return p;
}
