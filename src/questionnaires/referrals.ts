// Referral cards: what the enumerator app shows whenever an interview stops. A questionnaire has a
// card (`referral`) and a child-protection card (`childReferral`, for a stop for being under age),
// and may give each site its own (`siteReferrals`: country -> site -> { referral, childReferral }):
// the legal-aid desk in Sfax is not the one in Agadez. A device bound to a site is sent its site's
// cards in place of the general ones, and no other site's.
import { z } from 'zod';
import { SitesProperty } from './disclosure-policy';

/** A text as SurveyJS localizes it: a string, or { default, fr, ar, ... }. */
const LocalizedText = z.union([
  z.string().min(1).max(2000),
  z.object({ default: z.string().min(1).max(2000) }).catchall(z.string().max(2000)),
]);
const Cards = z.object({ referral: LocalizedText.optional(), childReferral: LocalizedText.optional() }).strict();
export const SiteReferrals = z.record(z.string().regex(/^[A-Z]{3}$/), z.record(z.string().min(1).max(120), Cards));

/** Problems with `siteReferrals`: its shape, and sites the questionnaire does not declare. */
export function siteReferralProblems(definition: Record<string, unknown>): string[] {
  const value = definition.siteReferrals;
  if (value === undefined) return [];
  const r = SiteReferrals.safeParse(value);
  if (!r.success) return r.error.issues.map((i) => `siteReferrals.${i.path.join('.')}: ${i.message}`);
  const declared = SitesProperty.safeParse(definition.sites);
  if (definition.sites === undefined || !declared.success) return [];
  return Object.entries(r.data).flatMap(([country, sites]) =>
    Object.keys(sites)
      .filter((site) => !declared.data[country]?.includes(site))
      .map((site) => `siteReferrals.${country}.${site}: '${site}' is not a site this questionnaire declares for ${country}`),
  );
}

/**
 * The definition as a device of this country and site needs it: its site's cards (where the
 * questionnaire has them) in place of the general ones, and no card of another site.
 */
export function forSite(definition: Record<string, unknown>, country: string | undefined, site: string | null): Record<string, unknown> {
  if (definition.siteReferrals === undefined) return definition;
  const { siteReferrals, ...rest } = definition;
  const parsed = SiteReferrals.safeParse(siteReferrals);
  const cards = parsed.success && country && site ? parsed.data[country]?.[site] : undefined;
  return { ...rest, ...cards };
}
