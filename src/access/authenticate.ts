// Turns the credentials of a request (session cookie or bearer token) into a Principal, or
// undefined. Expired sessions and revoked or expired tokens count as no credentials at all.
import type { Deps } from '../deps';
import { AppError } from '../errors';
import {
  deleteSessionStatement,
  findSessionWithUser,
  findTokenWithUser,
  touchSessionStatement,
  touchTokenStatement,
} from '../storage/sessions';
import { assignedQuestionnaires, type UserRow } from '../storage/users';
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
  const found = await findTokenWithUser(deps.db, await hashToken(token));
  const now = deps.clock.now();
  if (!found) return undefined;
  const { token: row, user } = found;
  // A revoked device is told so (only its own token can ask): the app then wipes the phone.
  if (row.kind === 'device' && row.revokedAt)
    throw new AppError('device_revoked', 'This device was removed from Periplus; what it held is being deleted from it.');
  if (row.revokedAt || (row.expiresAt && row.expiresAt <= now) || user.disabledAt) return undefined;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS)
    await deps.atomic((db) => [touchTokenStatement(db, row.id, now)]);
  if (row.kind === 'api') return userPrincipal(deps, user, 'api-token');
  return {
    actor: `device:${row.id}`,
    userId: user.id,
    role: 'enumerator',
    countries: row.country ? [row.country] : [],
    questionnaires: row.questionnaires,
    site: row.site,
    ...(row.languages ? { languages: row.languages } : {}),
    via: 'device-token',
  };
}

/** From the session cookie; an idle or too old session is removed. */
export async function fromSession(deps: AuthDeps, token: string): Promise<Principal | undefined> {
  const hash = await hashToken(token);
  const found = await findSessionWithUser(deps.db, hash);
  if (!found) return undefined;
  const { session, user } = found;
  const now = deps.clock.now().getTime();
  if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + deps.config.sessionIdleMs <= now) {
    await deps.atomic((db) => [deleteSessionStatement(db, hash)]);
    return undefined;
  }
  if (user.disabledAt) return undefined;
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await deps.atomic((db) => [touchSessionStatement(db, hash, new Date(now))]);
  return { ...(await userPrincipal(deps, user, 'session')), csrfToken: session.csrfToken, sessionHash: hash };
}
