// Accounts and credentials: creating and changing users, assignments, API tokens for scripts and
// device tokens for enumerators. Every change is audited in the same atomic batch.
import type { Deps } from '../deps';
import { AppError, badRequest, conflict, forbidden, notFound } from '../errors';
import { siteProblem, versionSites } from '../questionnaires/disclosure-policy';
import { findQuestionnaire, findVersionById } from '../storage/questionnaires';
import { auditIfChangedStatement, auditStatement } from '../storage/audit';
import { isUniqueViolation } from '../storage/errors';
import type { Role } from '../storage/schema';
import {
  deleteUserSessionsStatement,
  findToken,
  insertTokenStatement,
  listTokens,
  revokeTokenStatement,
  revokeUserTokensStatement,
  type TokenRow,
} from '../storage/sessions';
import { listAudit, type AuditFilter, type AuditRow } from '../storage/audit';
import {
  assignedQuestionnaires,
  assignmentsByUser,
  findUser,
  insertUserStatement,
  listUsers,
  replaceAssignmentsStatements,
  updateUserStatement,
  type UserRow,
} from '../storage/users';
import { hashPassword, passwordProblem } from './passwords';
import { ALL, inCountries, type Actor, type Principal } from './principal';
import { hashToken, randomToken } from './secrets';

type AccountDeps = Pick<Deps, 'db' | 'atomic' | 'clock' | 'newId'>;

const weakPassword = (problem: string) =>
  new AppError('bad_request', `The password is too weak: ${problem}.`, [{ path: 'password', type: 'weak_password', message: problem }]);

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  countries: string[];
}

export async function createUser(deps: AccountDeps, actor: { actor: string; requestId: string }, u: NewUser): Promise<UserRow> {
  const problem = await passwordProblem(u.password, [u.username, u.displayName]);
  if (problem) throw weakPassword(problem);
  const at = deps.clock.now();
  const row: UserRow = {
    id: deps.newId(),
    username: u.username.trim().toLowerCase(),
    displayName: u.displayName,
    passwordHash: await hashPassword(u.password),
    role: u.role,
    countries: u.countries,
    disabledAt: null,
    createdAt: at,
  };
  try {
    await deps.atomic((db) => [
      insertUserStatement(db, row),
      auditStatement(db, {
        at,
        actor: actor.actor,
        action: 'user.create',
        targetType: 'user',
        targetId: row.id,
        requestId: actor.requestId,
        details: { username: row.username, role: row.role, countries: row.countries },
      }),
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('username_taken', `The user name '${row.username}' is already taken.`);
    throw e;
  }
  return row;
}

export interface UserChange {
  role?: Role;
  countries?: string[];
  disabled?: boolean;
  displayName?: string;
  password?: string;
}

/**
 * Changes a user. Disabling, a new password or a new role ends their sessions; disabling or a new
 * password also revokes their API tokens (a reset password means the old credentials may be
 * known). The devices a user issued keep their collection rights only while the issuer could
 * still issue them: disabling or a role that cannot enrol devices revokes them all, new countries
 * revoke those of the countries lost.
 */
export async function updateUser(deps: AccountDeps, { principal, requestId }: Actor, userId: string, change: UserChange): Promise<UserRow> {
  const user = await findUser(deps.db, userId);
  if (!user) throw notFound(`User ${userId}`);
  if (change.password !== undefined) {
    const problem = await passwordProblem(change.password, [user.username, change.displayName ?? user.displayName]);
    if (problem) throw weakPassword(problem);
  }
  const at = deps.clock.now();
  const set = {
    ...(change.role ? { role: change.role } : {}),
    ...(change.countries ? { countries: change.countries } : {}),
    ...(change.displayName ? { displayName: change.displayName } : {}),
    ...(change.disabled === undefined ? {} : { disabledAt: change.disabled ? at : null }),
    ...(change.password === undefined ? {} : { passwordHash: await hashPassword(change.password) }),
  };
  const endSessions = change.disabled === true || change.password !== undefined || change.role !== undefined;
  const changed = Object.keys(change)
    .filter((k) => k !== 'password')
    .concat(change.password === undefined ? [] : ['password']);
  const revokeApi = change.disabled === true || change.password !== undefined;
  const issuer = (change.role ?? user.role) === 'admin' || (change.role ?? user.role) === 'coordinator';
  const countries = change.countries ?? user.countries;
  const revokeDevices = change.disabled === true || !issuer ? 'all' : change.countries && !countries.includes(ALL) ? 'outside' : 'none';
  const [rows] = await deps.atomic((db) => [
    updateUserStatement(db, userId, set),
    ...(endSessions ? [deleteUserSessionsStatement(db, userId)] : []),
    ...(revokeApi ? [revokeUserTokensStatement(db, userId, 'api', at)] : []),
    ...(revokeDevices === 'all'
      ? [revokeUserTokensStatement(db, userId, 'device', at)]
      : revokeDevices === 'outside'
        ? [revokeUserTokensStatement(db, userId, 'device', at, countries)]
        : []),
    auditStatement(db, {
      at,
      actor: principal.actor,
      action: 'user.update',
      targetType: 'user',
      targetId: userId,
      requestId,
      details: {
        changed,
        ...(change.role ? { role: change.role } : {}),
        ...(change.countries ? { countries: change.countries } : {}),
        ...(change.disabled === undefined ? {} : { disabled: change.disabled }),
      },
    }),
  ]);
  return (rows as UserRow[])[0]!;
}

/** Coordinators may assign only users whose countries all lie within their own scope. */
export async function setAssignments(
  deps: AccountDeps,
  { principal, requestId }: Actor,
  userId: string,
  questionnaireIds: string[],
): Promise<void> {
  const user = await findUser(deps.db, userId);
  if (!user || (principal.role !== 'admin' && (user.countries.includes(ALL) || !user.countries.every((c) => inCountries(principal, c)))))
    throw notFound(`User ${userId}`);
  const unique = [...new Set(questionnaireIds)].sort();
  const at = deps.clock.now();
  await deps.atomic((db) => [
    ...replaceAssignmentsStatements(db, userId, unique),
    auditStatement(db, {
      at,
      actor: principal.actor,
      action: 'user.assignments',
      targetType: 'user',
      targetId: userId,
      requestId,
      details: { questionnaires: unique },
    }),
  ]);
}

export interface Issued {
  row: TokenRow;
  /** Shown once; only its hash is kept. */
  token: string;
}

/** Makes a token of either kind, stores its hash and audits the issue, all at once. */
async function issue(
  deps: AccountDeps,
  { principal, requestId }: Actor,
  kind: TokenRow['kind'],
  fields: Pick<TokenRow, 'name' | 'questionnaires' | 'country' | 'site' | 'languages'> & { expiresInDays: number | undefined },
): Promise<Issued> {
  const at = deps.clock.now();
  const token = randomToken(kind === 'api' ? 'pa_' : 'pd_');
  const { expiresInDays, ...rest } = fields;
  const row: TokenRow = {
    id: deps.newId(),
    kind,
    tokenHash: await hashToken(token),
    ...rest,
    userId: principal.userId,
    createdAt: at,
    expiresAt: expiresInDays ? new Date(at.getTime() + expiresInDays * 86_400_000) : null,
    revokedAt: null,
    lastUsedAt: null,
  };
  const details = {
    kind,
    name: row.name,
    questionnaires: row.questionnaires,
    country: row.country,
    site: row.site,
    languages: row.languages,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
  await deps.atomic((db) => [
    insertTokenStatement(db, row),
    auditStatement(db, {
      at,
      actor: principal.actor,
      action: 'token.issue',
      targetType: kind === 'api' ? 'token' : 'device',
      targetId: row.id,
      requestId,
      details,
    }),
  ]);
  return { row, token };
}

/** A script token carrying its owner's role and scopes. */
export function issueApiToken(deps: AccountDeps, actor: Actor, name: string, expiresInDays: number): Promise<Issued> {
  return issue(deps, actor, 'api', { name, questionnaires: [], country: null, site: null, languages: null, expiresInDays });
}

export interface DeviceRequest {
  name: string;
  questionnaires: string[];
  country: string;
  site?: string;
  /** The languages interviews are done in on this device: definitions are sent in these only. */
  languages?: string[];
  expiresInDays?: number;
}

/** An enumerator device: its questionnaires, one country within the issuer's scope, maybe a site. */
export async function issueDeviceToken(deps: AccountDeps, actor: Actor, d: DeviceRequest): Promise<Issued> {
  if (!inCountries(actor.principal, d.country)) throw forbidden(`Country ${d.country} is outside your scope.`);
  const questionnaires = [...new Set(d.questionnaires)].sort();
  // A device bound to a site of a questionnaire that declares its sites must name a declared one.
  for (const id of questionnaires) {
    const q = await findQuestionnaire(deps.db, id);
    const current = q?.currentVersionId ? await findVersionById(deps.db, q.currentVersionId) : undefined;
    const problem = current && siteProblem(versionSites(current), d.country, d.site);
    if (problem)
      throw badRequest(`The device's site is not a declared site of '${id}': ${problem}.`, [
        { path: 'site', type: 'not_declared', message: problem },
      ]);
  }
  return issue(deps, actor, 'device', {
    name: d.name,
    questionnaires,
    country: d.country,
    site: d.site ?? null,
    languages: d.languages ? [...new Set(d.languages)] : null,
    expiresInDays: d.expiresInDays,
  });
}

/** Revokes a token the principal may manage: their own API tokens; devices in their countries. */
export async function revokeToken(
  deps: AccountDeps,
  { principal, requestId }: Actor,
  kind: TokenRow['kind'],
  id: string,
): Promise<TokenRow> {
  const row = await findToken(deps.db, id);
  const mayManage =
    row?.kind === kind &&
    (principal.role === 'admin' ||
      (kind === 'api' ? row.userId === principal.userId : row.country !== null && inCountries(principal, row.country)));
  if (!row || !mayManage) throw notFound(`Token ${id}`);
  const at = deps.clock.now();
  const [rows] = await deps.atomic((db) => [
    revokeTokenStatement(db, id, at),
    auditIfChangedStatement(db, {
      at,
      actor: principal.actor,
      action: 'token.revoke',
      targetType: kind === 'api' ? 'token' : 'device',
      targetId: id,
      requestId,
      details: { name: row.name },
    }),
  ]);
  const revoked = (rows as TokenRow[])[0];
  if (!revoked) throw conflict('already_revoked', 'This token was already revoked.');
  return revoked;
}

export type { AuditFilter, AuditRow, TokenRow, UserRow };

/** A user with the questionnaires assigned to them. */
export type Account = UserRow & { questionnaires: string[] };

/** Every account, with assignments, in two queries. */
export async function listAccounts(deps: Pick<Deps, 'db'>): Promise<Account[]> {
  const [rows, assigned] = await Promise.all([listUsers(deps.db), assignmentsByUser(deps.db)]);
  return rows.map((u) => ({ ...u, questionnaires: assigned.get(u.id) ?? [] }));
}

/** One account, with assignments. */
export async function accountOf(deps: Pick<Deps, 'db'>, userId: string): Promise<Account> {
  const user = await findUser(deps.db, userId);
  if (!user) throw notFound(`User ${userId}`);
  return { ...user, questionnaires: await assignedQuestionnaires(deps.db, userId) };
}

/** The device tokens the principal may see: all for admins, else those of their countries. */
export async function listDevices(deps: Pick<Deps, 'db'>, p: Principal): Promise<TokenRow[]> {
  return (await listTokens(deps.db, 'device')).filter((t) => p.role === 'admin' || (t.country !== null && inCountries(p, t.country)));
}

/** A user's API tokens: one's own, or any user's for an admin. */
export async function listApiTokens(deps: Pick<Deps, 'db'>, p: Principal, userId = p.userId): Promise<TokenRow[]> {
  if (userId !== p.userId && p.role !== 'admin') throw forbidden("Only admins list another user's tokens.");
  return listTokens(deps.db, 'api', userId);
}

/** One page of the audit log, newest first. */
export async function readAudit(deps: Pick<Deps, 'db'>, filter: AuditFilter): Promise<{ rows: AuditRow[]; next: number | null }> {
  if (filter.from && filter.to && filter.from > filter.to)
    throw badRequest('from must not be after to', [{ path: 'query.from', type: 'after_to', message: 'after to' }]);
  return listAudit(deps.db, filter);
}
