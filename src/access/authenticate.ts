// Turns the credentials of a request (session cookie or bearer token) into a Principal, or
// undefined. Expired sessions and revoked or expired tokens count as no credentials at all.
import type { Deps } from '../deps';
import { deleteSessionStatement, findSession, findTokenByHash, touchSession, touchToken } from '../storage/sessions';
import { assignedQuestionnaires, findUser, type UserRow } from '../storage/users';
import { ALL, type Principal } from './principal';
import { hashToken } from './secrets';

export const SESSION_COOKIE = 'periplus_session';
/** Last-seen times are written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

type AuthDeps = Pick<Deps, 'db' | 'atomic' | 'clock' | 'config'>;

async function userPrincipal(deps: AuthDeps, user: UserRow, via: Principal['via']): Promise<Principal> {
  const fills = user.role === 'assessor' || user.role === 'enumerator';
  return {
    actor: `user:${user.id}`,
    userId: user.id,
    role: user.role,
    countries: user.countries.includes(ALL) ? ALL : user.countries,
    questionnaires: fills ? await assignedQuestionnaires(deps.db, user.id) : ALL,
    site: null,
    via,
  };
}

/** From `Authorization: Bearer pa_...` (API token) or `pd_...` (device token). */
export async function fromBearer(deps: AuthDeps, token: string): Promise<Principal | undefined> {
  const row = await findTokenByHash(deps.db, await hashToken(token));
  const now = deps.clock.now();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return undefined;
  const user = await findUser(deps.db, row.userId);
  if (!user || user.disabledAt) return undefined;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) await touchToken(deps.db, row.id, now);
  if (row.kind === 'api') return userPrincipal(deps, user, 'api-token');
  return {
    actor: `device:${row.id}`,
    userId: user.id,
    role: 'enumerator',
    countries: row.country ? [row.country] : [],
    questionnaires: row.questionnaires,
    site: row.site,
    via: 'device-token',
  };
}

/** From the session cookie; an idle or too old session is removed. */
export async function fromSession(deps: AuthDeps, token: string): Promise<Principal | undefined> {
  const hash = await hashToken(token);
  const session = await findSession(deps.db, hash);
  if (!session) return undefined;
  const now = deps.clock.now().getTime();
  if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + deps.config.sessionIdleMs <= now) {
    await deps.atomic((db) => [deleteSessionStatement(db, hash)]);
    return undefined;
  }
  const user = await findUser(deps.db, session.userId);
  if (!user || user.disabledAt) return undefined;
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(deps.db, hash, new Date(now));
  return { ...(await userPrincipal(deps, user, 'session')), csrfToken: session.csrfToken, sessionHash: hash };
}
