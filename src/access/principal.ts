// Who is asking, and what that allows: one object built once per request by the auth middleware
// from a session cookie, an API token or a device token.
import type { Role } from '../storage/schema';

export interface Principal {
  /** `user:<id>` or `device:<id>`: how the audit log and responses name the actor. */
  actor: string;
  /** The user behind it (for a device: the coordinator who issued the token). */
  userId: string;
  role: Role;
  /** Countries in scope, or '*' for all. */
  countries: readonly string[] | '*';
  /** Questionnaires this principal may fill or read, or '*' for all. */
  questionnaires: readonly string[] | '*';
  /** A device's site, when it has one. */
  site: string | null;
  /** A device's interview languages, when they were given (definitions are sent in these only). */
  languages?: readonly string[];
  via: 'session' | 'api-token' | 'device-token';
  /** For sessions: the token a cookie-authenticated write must echo in X-CSRF-Token. */
  csrfToken?: string;
  /** For sessions: the session token hash (logout removes it). */
  sessionHash?: string;
}

export const ALL = '*';

/** Who acts in a request: the principal, and the request id the audit log records with it. */
export interface Actor {
  principal: Principal;
  requestId: string;
}

export function inCountries(p: Principal, country: string): boolean {
  return p.countries === ALL || p.countries.includes(country);
}

export function hasQuestionnaire(p: Principal, questionnaireId: string): boolean {
  return p.questionnaires === ALL || p.questionnaires.includes(questionnaireId);
}
