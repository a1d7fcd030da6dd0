// Password sign-in: throttled per account and per address, no user enumeration (unknown names
// cost a hash too and get the same answer), a server-side session on success, every attempt audited.
import type { Deps } from '../deps';
import type { Db } from '../storage/db';
import { AppError } from '../errors';
import { auditStatement } from '../storage/audit';
import { clearThrottleStatement, findThrottles, insertSessionStatement, recordFailureStatement } from '../storage/sessions';
import { findUserByName, type UserRow } from '../storage/users';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { randomToken, hashToken } from './secrets';

type SignInDeps = Pick<Deps, 'db' | 'atomic' | 'clock' | 'config'>;

export interface SignedIn {
  user: UserRow;
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

export const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'The user name or password is not correct.');

export async function signIn(deps: SignInDeps, username: string, password: string, address: string, requestId: string): Promise<SignedIn> {
  const now = deps.clock.now();
  const name = username.trim().toLowerCase();
  const accountKey = `account:${name}`;
  const addressKey = `address:${address}`;
  const lockedUntil = Math.max(0, ...(await findThrottles(deps.db, [accountKey, addressKey])).map((t) => t.lockedUntil?.getTime() ?? 0));
  const audit = (db: Db, action: string, targetId: string, details: Record<string, unknown>) =>
    auditStatement(db, { at: now, actor: `address:${address}`, action, targetType: 'user', targetId, requestId, details });

  if (lockedUntil > now.getTime()) {
    await deps.atomic((db) => [audit(db, 'session.sign_in_failed', name, { reason: 'throttled' })]);
    const retryAfter = Math.ceil((lockedUntil - now.getTime()) / 1000);
    throw new AppError(429, 'too_many_attempts', `Too many failed sign-ins; try again in ${retryAfter} seconds.`, { retryAfterSeconds: retryAfter });
  }

  const user = await findUserByName(deps.db, name);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabledAt) {
    const { signInWindowMs: w, signInLockMs: lock, signInLimitPerAccount, signInLimitPerAddress } = deps.config;
    await deps.atomic((db) => [
      recordFailureStatement(db, accountKey, now, w, signInLimitPerAccount, lock),
      recordFailureStatement(db, addressKey, now, w, signInLimitPerAddress, lock),
      audit(db, 'session.sign_in_failed', user?.id ?? name, { reason: user?.disabledAt ? 'disabled' : 'credentials' }),
    ]);
    throw invalidCredentials();
  }

  const sessionToken = randomToken('ps_');
  const csrfToken = randomToken('');
  const expiresAt = new Date(now.getTime() + deps.config.sessionMaxMs);
  const tokenHash = await hashToken(sessionToken);
  await deps.atomic((db) => [
    clearThrottleStatement(db, accountKey),
    insertSessionStatement(db, { tokenHash, userId: user.id, csrfToken, createdAt: now, lastSeenAt: now, expiresAt }),
    auditStatement(db, { at: now, actor: `user:${user.id}`, action: 'session.sign_in', targetType: 'user', targetId: user.id, requestId, details: { address } }),
  ]);
  return { user, sessionToken, csrfToken, expiresAt };
}
