// Password sign-in: throttled per account and per address, no user enumeration (unknown names
// cost a hash too and get the same answer), a server-side session on success, every attempt audited.
import type { Deps } from '../deps';
import type { Db } from '../storage/db';
import type { Actor } from './principal';
import { AppError, tooMany } from '../errors';
import { auditStatement } from '../storage/audit';
import {
  clearThrottleStatement,
  deleteSessionStatement,
  findThrottles,
  insertSessionStatement,
  recordFailureStatement,
  refundFailureStatement,
} from '../storage/sessions';
import { findUser, findUserByName, type UserRow } from '../storage/users';
import { updateUser } from './accounts';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { randomToken, hashToken } from './secrets';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

type SignInDeps = Pick<Deps, 'db' | 'atomic' | 'clock' | 'config' | 'secrets'>;

/**
 * What a sign-in may keep of a name typed in: people type their password into the user-name
 * field. Never the text itself: a keyed hash (the server's pseudonym key), the same for the same
 * name, so repeated attempts still group in the audit log and the throttle.
 */
function typedName(deps: SignInDeps, name: string): string {
  return bytesToHex(hmac(sha256, deps.secrets.pseudonymKey, utf8ToBytes(`sign-in:${name}`))).slice(0, 20);
}

export interface SignedIn {
  user: UserRow;
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

export const invalidCredentials = () => new AppError('invalid_credentials', 'The user name or password is not correct.');

export async function signIn(deps: SignInDeps, username: string, password: string, address: string, requestId: string): Promise<SignedIn> {
  const now = deps.clock.now();
  const name = username.trim().toLowerCase();
  const typed = typedName(deps, name);
  const accountKey = `account:${typed}`;
  const addressKey = `address:${address}`;
  const lockedUntil = Math.max(0, ...(await findThrottles(deps.db, [accountKey, addressKey])).map((t) => t.lockedUntil?.getTime() ?? 0));
  const user = await findUserByName(deps.db, name);
  // An existing account by its id; a name that is none (perhaps a password) by its keyed hash only.
  const target = user?.id ?? `unknown:${typed}`;
  const audit = (db: Db, action: string, details: Record<string, unknown>) =>
    auditStatement(db, { at: now, actor: `address:${address}`, action, targetType: 'user', targetId: target, requestId, details });

  if (lockedUntil > now.getTime()) {
    await deps.atomic((db) => [audit(db, 'session.sign_in_failed', { reason: 'throttled' })]);
    const retryAfter = Math.ceil((lockedUntil - now.getTime()) / 1000);
    throw tooMany('too_many_attempts', `Too many failed sign-ins; try again in ${retryAfter} seconds.`, retryAfter);
  }

  // Every attempt is counted as a failure before its password is checked, in one statement per
  // key: of many attempts at once, only those within the limits get a check (counting after the
  // check let 12 of 100 parallel guesses through a limit of 5). A success gives its count back.
  const { signInWindowMs: w, signInLockMs: lock, signInLimitPerAccount, signInLimitPerAddress } = deps.config;
  const [account, addressCount] = (await deps.atomic((db) => [
    recordFailureStatement(db, accountKey, now, w, signInLimitPerAccount, lock),
    recordFailureStatement(db, addressKey, now, w, signInLimitPerAddress, lock),
  ])) as Array<Array<{ failures: number }>>;
  if (account![0]!.failures > signInLimitPerAccount || addressCount![0]!.failures > signInLimitPerAddress) {
    await deps.atomic((db) => [audit(db, 'session.sign_in_failed', { reason: 'throttled' })]);
    throw tooMany('too_many_attempts', `Too many failed sign-ins; try again in ${Math.ceil(lock / 1000)} seconds.`, Math.ceil(lock / 1000));
  }
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabledAt) {
    await deps.atomic((db) => [audit(db, 'session.sign_in_failed', { reason: user?.disabledAt ? 'disabled' : 'credentials' })]);
    throw invalidCredentials();
  }

  const sessionToken = randomToken('ps_');
  const csrfToken = randomToken('');
  const expiresAt = new Date(now.getTime() + deps.config.sessionMaxMs);
  const tokenHash = await hashToken(sessionToken);
  await deps.atomic((db) => [
    clearThrottleStatement(db, accountKey),
    refundFailureStatement(db, addressKey, signInLimitPerAddress),
    insertSessionStatement(db, { tokenHash, userId: user.id, csrfToken, createdAt: now, lastSeenAt: now, expiresAt }),
    auditStatement(db, {
      at: now,
      actor: `user:${user.id}`,
      action: 'session.sign_in',
      targetType: 'user',
      targetId: user.id,
      requestId,
      details: { address },
    }),
  ]);
  return { user, sessionToken, csrfToken, expiresAt };
}

/** Ends the principal's session, audited in the same batch. */
export async function signOut(deps: Pick<Deps, 'atomic' | 'clock'>, { principal: p, requestId }: Actor): Promise<void> {
  await deps.atomic((db) => [
    deleteSessionStatement(db, p.sessionHash!),
    auditStatement(db, {
      at: deps.clock.now(),
      actor: p.actor,
      action: 'session.sign_out',
      targetType: 'user',
      targetId: p.userId,
      requestId,
      details: {},
    }),
  ]);
}

/**
 * A person changes their own password. The current one is checked, counted with sign-in's
 * failures for the account (a stolen session cannot guess it faster than the sign-in form); then,
 * as when an admin resets it, every session and API token of theirs ends: they sign in again.
 */
export async function changeOwnPassword(
  deps: SignInDeps & Pick<Deps, 'newId'>,
  actor: Actor,
  current: string,
  next: string,
): Promise<void> {
  const p = actor.principal;
  const user = p.via === 'session' ? await findUser(deps.db, p.userId) : undefined;
  if (!user) throw new AppError('forbidden', 'Only a signed-in person changes their own password.');
  const now = deps.clock.now();
  const accountKey = `account:${typedName(deps, user.username)}`;
  const { signInWindowMs: w, signInLockMs: lock, signInLimitPerAccount } = deps.config;
  const [counted] = (await deps.atomic((db) => [recordFailureStatement(db, accountKey, now, w, signInLimitPerAccount, lock)])) as Array<
    Array<{ failures: number }>
  >;
  if (counted![0]!.failures > signInLimitPerAccount)
    throw tooMany('too_many_attempts', `Too many wrong passwords; try again in ${Math.ceil(lock / 1000)} seconds.`, Math.ceil(lock / 1000));
  if (!(await verifyPassword(current, user.passwordHash))) {
    await deps.atomic((db) => [
      auditStatement(db, {
        at: now,
        actor: p.actor,
        action: 'user.password_change_failed',
        targetType: 'user',
        targetId: user.id,
        requestId: actor.requestId,
        details: {},
      }),
    ]);
    throw new AppError('bad_request', 'The current password is not correct.', [
      { path: 'currentPassword', type: 'wrong_password', message: 'not your current password' },
    ]);
  }
  await deps.atomic((db) => [clearThrottleStatement(db, accountKey)]);
  await updateUser(deps, actor, user.id, { password: next }).catch((e: unknown) => {
    // The policy's refusal names this request's field.
    if (e instanceof AppError) for (const d of e.details) if (d.path === 'password') d.path = 'newPassword';
    throw e;
  });
}
