// Signing in and out: a server-side session in an HttpOnly, SameSite=Lax cookie (Secure behind
// https), and the CSRF token that cookie-authenticated writes must echo.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../access/authenticate';
import { changeOwnPassword, signIn, signOut } from '../access/sign-in';
import { accountOf } from '../access/accounts';
import type { Deps } from '../deps';
import { actorOf, principalOf } from './auth';
import type { AppEnv } from './env';
import { zodTo400 } from './problem';
import { BODY, errorReplies, jsonBody, jsonReply } from './schemas';

const SignInBody = z
  .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1000) })
  .strict()
  .openapi('SignIn');
const SessionReply = z
  .object({
    actor: z.string(),
    role: z.string(),
    countries: z.union([z.literal('*'), z.array(z.string())]),
    questionnaires: z.union([z.literal('*'), z.array(z.string())]),
    via: z.string(),
    csrfToken: z.string().optional().openapi({ description: 'Echo in X-CSRF-Token on cookie-authenticated writes' }),
    expiresAt: z.iso.datetime().optional(),
    username: z.string().optional().openapi({ description: 'A person (session or API token): their user name' }),
    displayName: z.string().optional().openapi({ description: 'A person: the name shown in the pages' }),
  })
  .openapi('Session');
const PasswordChange = z
  .object({
    currentPassword: z.string().min(1).max(1000),
    newPassword: z.string().max(1000).openapi({ description: 'At least 12 characters, not easily guessed' }),
  })
  .strict()
  .openapi('PasswordChange');
const passwordRoute = createRoute({
  method: 'put',
  path: '/session/password',
  tags: ['Session'],
  summary: 'Change your own password (every session and API token of yours ends: sign in again)',
  request: { body: jsonBody(PasswordChange) },
  responses: { 204: { description: 'Changed; signed out everywhere' }, ...errorReplies(...BODY, 'too_many_attempts') },
});

const signInRoute = createRoute({
  method: 'post',
  path: '/session',
  tags: ['Session'],
  summary: 'Sign in with user name and password',
  description: 'Sets the session cookie. Failed attempts are throttled per account and per address (429 with Retry-After).',
  request: { body: jsonBody(SignInBody) },
  responses: {
    200: jsonReply(SessionReply, 'Signed in'),
    ...errorReplies(...BODY, 'invalid_credentials', 'too_many_attempts'),
  },
});
const whoRoute = createRoute({
  method: 'get',
  path: '/session',
  tags: ['Session'],
  summary: 'Who am I, and the CSRF token',
  responses: { 200: jsonReply(SessionReply, 'The current principal'), ...errorReplies() },
});
const signOutRoute = createRoute({
  method: 'delete',
  path: '/session',
  tags: ['Session'],
  summary: 'Sign out',
  responses: { 204: { description: 'Signed out' }, ...errorReplies() },
});

export function sessionRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: zodTo400 });

  app.openapi(signInRoute, async (c) => {
    const { username, password } = c.req.valid('json');
    const address = deps.clientAddress?.(c.req.raw, c.env) ?? 'unknown';
    try {
      const s = await signIn(deps, username, password, address, c.get('requestId'));
      setCookie(c, SESSION_COOKIE, s.sessionToken, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.config.secureCookies || new URL(c.req.url).protocol === 'https:',
        path: '/',
        expires: s.expiresAt,
      });
      const fills = s.user.role === 'assessor' || s.user.role === 'enumerator';
      return c.json(
        {
          actor: `user:${s.user.id}`,
          role: s.user.role,
          countries: s.user.countries.includes('*') ? ('*' as const) : s.user.countries,
          questionnaires: fills ? [] : ('*' as const),
          via: 'session',
          csrfToken: s.csrfToken,
          expiresAt: s.expiresAt.toISOString(),
        },
        200,
      );
    } catch (e) {
      const context = (e as { context?: { retryAfterSeconds?: number } }).context;
      if (context?.retryAfterSeconds) c.header('Retry-After', String(context.retryAfterSeconds));
      throw e;
    }
  });

  app.openapi(whoRoute, async (c) => {
    const p = principalOf(c);
    // A device acts for the coordinator who enrolled it: it is not told their name.
    const person = p.via === 'device-token' ? undefined : await accountOf(deps, p.userId);
    return c.json(
      {
        actor: p.actor,
        role: p.role,
        countries: p.countries === '*' ? ('*' as const) : [...p.countries],
        questionnaires: p.questionnaires === '*' ? ('*' as const) : [...p.questionnaires],
        via: p.via,
        csrfToken: p.csrfToken,
        ...(person ? { username: person.username, displayName: person.displayName } : {}),
      },
      200,
    );
  });

  app.openapi(passwordRoute, async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json');
    await changeOwnPassword(deps, actorOf(c), currentPassword, newPassword);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  app.openapi(signOutRoute, async (c) => {
    await signOut(deps, { principal: principalOf(c), requestId: c.get('requestId') });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
  return app;
}
