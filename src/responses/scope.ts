// Which responses a principal may see: the rule in one place, as a predicate for single rows and
// as a SQL condition for lists. Anything outside it answers 404, as if it did not exist.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { ALL, hasQuestionnaire, inCountries, type Principal } from '../access/principal';
import { notFound } from '../errors';
import { responses } from '../storage/schema';
import type { StoredResponse } from '../storage/responses';

/**
 * admin: everything. coordinator: their countries. assessor: their countries and assigned
 * questionnaires (several assessors share a country questionnaire). enumerator: what they sent.
 * researcher: no raw responses at all (anonymized exports only).
 */
export function canSee(p: Principal, r: Pick<StoredResponse, 'country' | 'questionnaireId' | 'submittedBy' | 'purgedAt'>): boolean {
  if (r.purgedAt) return false;
  switch (p.role) {
    case 'admin':
      return true;
    case 'coordinator':
      return inCountries(p, r.country);
    case 'assessor':
      return inCountries(p, r.country) && hasQuestionnaire(p, r.questionnaireId);
    case 'enumerator':
      return r.submittedBy === p.actor;
    default:
      return false;
  }
}

/** The same rule as a WHERE condition; undefined means no restriction. */
export function scopeCondition(p: Principal): SQL | undefined {
  const countries = p.countries === ALL ? undefined : p.countries.length ? inArray(responses.country, [...p.countries]) : sql`0`;
  switch (p.role) {
    case 'admin':
      return undefined;
    case 'coordinator':
      return countries;
    case 'assessor': {
      const qs =
        p.questionnaires === ALL ? undefined : p.questionnaires.length ? inArray(responses.questionnaireId, [...p.questionnaires]) : sql`0`;
      return and(countries, qs);
    }
    case 'enumerator':
      return eq(responses.submittedBy, p.actor);
    default:
      return sql`0`;
  }
}

/** The row if the principal may see it and it is not in the trash; else 404. */
export function visibleOr404<T extends Pick<StoredResponse, 'country' | 'questionnaireId' | 'submittedBy' | 'purgedAt' | 'deletedAt'>>(
  p: Principal,
  r: T | undefined,
  what: string,
  opts: { trashed?: boolean } = {},
): T {
  if (!r || !canSee(p, r) || Boolean(r.deletedAt) !== Boolean(opts.trashed)) throw notFound(what);
  return r;
}
