// Users, assignments, API tokens and enumerator device tokens, and the audit log.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  accountOf,
  createUser,
  issueApiToken,
  issueDeviceToken,
  listAccounts,
  listApiTokens,
  listDevices,
  readAudit,
  revokeToken,
  setAssignments,
  updateUser,
  type Account,
  type TokenRow,
} from '../access/accounts';
import type { Deps } from '../deps';
import { actorOf, principalOf } from './auth';
import type { AppEnv } from './env';
import { zodTo400 } from './problem';
import { countryCode, languageCode, BODY, errorReplies, jsonBody, jsonReply, roleEnum } from './schemas';

const countries = z
  .array(z.union([z.literal('*'), countryCode]))
  .min(1)
  .openapi({ description: 'ISO codes, or ["*"] for all' });
const User = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: roleEnum,
    countries: z.array(z.string()),
    questionnaires: z.array(z.string()),
    disabled: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .openapi('User');
const NewUser = z
  .object({
    username: z.string().regex(/^[a-z0-9._@-]{2,64}$/i, 'user names use letters, digits and . _ @ -'),
    displayName: z.string().min(1).max(200),
    password: z.string().max(1000),
    role: roleEnum,
    countries,
  })
  .strict()
  .openapi('NewUser');
const UserChange = z
  .object({
    role: roleEnum.optional(),
    countries: countries.optional(),
    disabled: z.boolean().optional(),
    displayName: z.string().min(1).max(200).optional(),
    password: z.string().max(1000).optional(),
  })
  .strict()
  .openapi('UserChange');
const UserParams = z.object({
  userId: z
    .string()
    .max(64)
    .openapi({ param: { name: 'userId', in: 'path' } }),
});
const TokenParams = z.object({
  tokenId: z
    .string()
    .max(64)
    .openapi({ param: { name: 'tokenId', in: 'path' } }),
});
const Assignments = z
  .object({ questionnaires: z.array(z.string().max(64)).max(500) })
  .strict()
  .openapi('Assignments');
const Token = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
    questionnaires: z.array(z.string()),
    country: z.string().nullable(),
    site: z.string().nullable(),
    languages: z.array(z.string()).nullable().openapi({ description: "A device's interview languages (null: all)" }),
  })
  .openapi('Token');
const IssuedToken = Token.extend({
  token: z.string().openapi({ description: 'Shown this once; keep it safe' }),
  enrolment: z.string().optional(),
}).openapi('IssuedToken');
const NewToken = z
  .object({ name: z.string().min(1).max(100), expiresInDays: z.number().int().min(1).max(365).default(90) })
  .strict()
  .openapi('NewToken');
const NewDevice = z
  .object({
    name: z.string().min(1).max(100),
    questionnaires: z.array(z.string().max(64)).min(1).max(50),
    country: countryCode,
    site: z.string().min(1).max(64).optional(),
    languages: z.array(languageCode).min(1).max(20).optional().openapi({
      description:
        'The languages interviews are done in on this device (BCP 47, e.g. ["ar", "fr"]): it is sent each questionnaire in these (and its source language) only. Omitted: all.',
    }),
    expiresInDays: z.number().int().min(1).max(730).optional(),
  })
  .strict()
  .openapi('NewDevice');
const AuditQuery = z.object({
  action: z.string().max(64).optional(),
  actor: z.string().max(100).optional(),
  target: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.coerce.number().int().positive().optional(),
});
const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    actor: z.string(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    requestId: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const userReply = (u: Account) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  countries: u.countries,
  questionnaires: u.questionnaires,
  disabled: Boolean(u.disabledAt),
  createdAt: u.createdAt.toISOString(),
});
const tokenReply = (t: TokenRow) => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
  expiresAt: iso(t.expiresAt),
  revokedAt: iso(t.revokedAt),
  lastUsedAt: iso(t.lastUsedAt),
  questionnaires: t.questionnaires,
  country: t.country,
  site: t.site,
  languages: t.languages,
});

const listUsersRoute = createRoute({
  method: 'get',
  path: '/users',
  tags: ['Users'],
  summary: 'All users',
  responses: { 200: jsonReply(z.object({ items: z.array(User) }), 'Users'), ...errorReplies() },
});
const createUserRoute = createRoute({
  method: 'post',
  path: '/users',
  tags: ['Users'],
  summary: 'Create a user',
  request: { body: jsonBody(NewUser) },
  responses: { 201: jsonReply(User, 'Created'), ...errorReplies(...BODY, 'username_taken') },
});
const updateUserRoute = createRoute({
  method: 'patch',
  path: '/users/{userId}',
  tags: ['Users'],
  summary: 'Change role, countries, name, password; disable',
  request: { params: UserParams, body: jsonBody(UserChange) },
  responses: { 200: jsonReply(User, 'Changed'), ...errorReplies(...BODY, 'not_found') },
});
const assignRoute = createRoute({
  method: 'put',
  path: '/users/{userId}/assignments',
  tags: ['Users'],
  summary: 'Questionnaires the user fills',
  request: { params: UserParams, body: jsonBody(Assignments) },
  responses: { 200: jsonReply(User, 'Assigned'), ...errorReplies(...BODY, 'not_found') },
});
const listDevicesRoute = createRoute({
  method: 'get',
  path: '/devices',
  tags: ['Devices'],
  summary: 'Enumerator devices in your countries',
  responses: { 200: jsonReply(z.object({ items: z.array(Token) }), 'Devices'), ...errorReplies() },
});
const createDevice = createRoute({
  method: 'post',
  path: '/devices',
  tags: ['Devices'],
  summary: 'Enrol a device: a token limited to some questionnaires, one country and maybe a site, shown once',
  request: { body: jsonBody(NewDevice) },
  responses: { 201: jsonReply(IssuedToken, 'Issued'), ...errorReplies(...BODY) },
});
const revokeDevice = createRoute({
  method: 'delete',
  path: '/devices/{tokenId}',
  tags: ['Devices'],
  summary: 'Revoke a device',
  request: { params: TokenParams },
  responses: { 200: jsonReply(Token, 'Revoked'), ...errorReplies('not_found', 'already_revoked') },
});
const TokenListQuery = z.object({ userId: z.string().min(1).max(64).optional().openapi({ description: "Admins: another user's tokens" }) });
const listTokenRoute = createRoute({
  method: 'get',
  path: '/tokens',
  tags: ['Tokens'],
  summary: "Your API tokens (admins: any user's, with userId)",
  request: { query: TokenListQuery },
  responses: { 200: jsonReply(z.object({ items: z.array(Token) }), 'Tokens'), ...errorReplies() },
});
const createToken = createRoute({
  method: 'post',
  path: '/tokens',
  tags: ['Tokens'],
  summary: 'An API token for scripts, shown once',
  request: { body: jsonBody(NewToken) },
  responses: { 201: jsonReply(IssuedToken, 'Issued'), ...errorReplies(...BODY) },
});
const revokeTokenRoute = createRoute({
  method: 'delete',
  path: '/tokens/{tokenId}',
  tags: ['Tokens'],
  summary: "Revoke one of your API tokens (admins: anyone's)",
  request: { params: TokenParams },
  responses: { 200: jsonReply(Token, 'Revoked'), ...errorReplies('not_found', 'already_revoked') },
});
const auditRoute = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['Audit'],
  summary: 'The audit log, newest first, filtered',
  request: { query: AuditQuery },
  responses: { 200: jsonReply(z.object({ items: z.array(AuditEntry), next: z.number().nullable() }), 'One page'), ...errorReplies() },
});

export function accountRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: zodTo400 });

  app.openapi(listUsersRoute, async (c) => c.json({ items: (await listAccounts(deps)).map(userReply) }, 200));
  app.openapi(createUserRoute, async (c) => {
    const { principal, requestId } = actorOf(c);
    const created = await createUser(deps, { actor: principal.actor, requestId }, c.req.valid('json'));
    return c.json(userReply(await accountOf(deps, created.id)), 201);
  });
  app.openapi(updateUserRoute, async (c) => {
    const updated = await updateUser(deps, actorOf(c), c.req.valid('param').userId, c.req.valid('json'));
    return c.json(userReply(await accountOf(deps, updated.id)), 200);
  });
  app.openapi(assignRoute, async (c) => {
    const { userId } = c.req.valid('param');
    await setAssignments(deps, actorOf(c), userId, c.req.valid('json').questionnaires);
    return c.json(userReply(await accountOf(deps, userId)), 200);
  });

  app.openapi(listDevicesRoute, async (c) => c.json({ items: (await listDevices(deps, principalOf(c))).map(tokenReply) }, 200));
  app.openapi(createDevice, async (c) => {
    const { row, token } = await issueDeviceToken(deps, actorOf(c), c.req.valid('json'));
    const origin = new URL(c.req.url).origin;
    const enrolment = `periplus://enrol?server=${encodeURIComponent(origin)}&token=${encodeURIComponent(token)}`;
    return c.json({ ...tokenReply(row), token, enrolment }, 201);
  });
  app.openapi(revokeDevice, async (c) =>
    c.json(tokenReply(await revokeToken(deps, actorOf(c), 'device', c.req.valid('param').tokenId)), 200),
  );

  app.openapi(listTokenRoute, async (c) =>
    c.json({ items: (await listApiTokens(deps, principalOf(c), c.req.valid('query').userId)).map(tokenReply) }, 200),
  );
  app.openapi(createToken, async (c) => {
    const { name, expiresInDays } = c.req.valid('json');
    const { row, token } = await issueApiToken(deps, actorOf(c), name, expiresInDays);
    return c.json({ ...tokenReply(row), token }, 201);
  });
  app.openapi(revokeTokenRoute, async (c) =>
    c.json(tokenReply(await revokeToken(deps, actorOf(c), 'api', c.req.valid('param').tokenId)), 200),
  );

  app.openapi(auditRoute, async (c) => {
    const q = c.req.valid('query');
    const page = await readAudit(deps, {
      action: q.action,
      actor: q.actor,
      targetId: q.target,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      before: q.cursor,
      limit: q.limit,
    });
    const items = page.rows.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actor,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      requestId: e.requestId,
      details: e.details,
    }));
    return c.json({ items, next: page.next }, 200);
  });
  return app;
}
