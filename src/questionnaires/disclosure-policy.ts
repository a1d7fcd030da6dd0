// A questionnaire's disclosure policy: the thresholds every anonymized release must meet and the
// attacker scenarios it is measured against (sdcMicro's guidelines: one set of key variables per
// kind of intruder). It comes from the newest version's `disclosure` property, over defaults; a
// request may make it stricter, never looser.
import { perVersion } from './version-cache';
import { z } from 'zod';
import { AppError } from '../errors';

export const Scenario = z.strictObject({
  /** Short name (`community`, `smuggler`, `team`). */
  name: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/),
  description: z.string().max(500).default(''),
  /** The variables this attacker knows: dataset column names (`country`, `age_band`, ...). */
  knows: z.array(z.string().min(1).max(200)).min(1).max(40),
});
export type Scenario = z.infer<typeof Scenario>;

export const Thresholds = z.strictObject({
  /** Smallest class an attacker may find a person in (strictly counted). */
  k: z.number().int().min(2).max(100),
  /** Distinct values of each sensitive variable per class. */
  l: z.number().int().min(1).max(20),
  /** Mean re-identification risk (HDX: 3%). */
  maxGlobalRisk: z.number().min(0).max(1),
  /** Highest risk of any one record. */
  maxIndividualRisk: z.number().min(0).max(1),
});
export type Thresholds = z.infer<typeof Thresholds>;

export const DisclosureProperty = Thresholds.partial().extend({
  scenarios: z.array(Scenario).max(12).optional(),
  /** Variables researchers need most: global recoding may broaden them, never withhold them whole. */
  keep: z.array(z.string().min(1).max(200)).max(100).optional(),
});

export interface DisclosurePolicy extends Thresholds {
  scenarios: Scenario[];
  keep: string[];
}

/** The defaults: k 5 and 3% global risk as the SDC Practice Guide and HDX use; l 2 on sensitive variables. */
export const DEFAULT_THRESHOLDS: Thresholds = { k: 5, l: 2, maxGlobalRisk: 0.03, maxIndividualRisk: 0.2 };

/** Problems with a definition's `disclosure` property, for the publishing lint. */
export function disclosureProblems(value: unknown): string[] {
  if (value === undefined) return [];
  const r = DisclosureProperty.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `disclosure.${i.path.join('.')}: ${i.message}`);
}

/** The policy a definition declares, over the defaults (an invalid one was refused at publishing). */
export function policyOf(definition: Record<string, unknown>): DisclosurePolicy {
  const declared = DisclosureProperty.safeParse(definition.disclosure ?? {});
  const d = declared.success ? declared.data : {};
  const k = d.k ?? DEFAULT_THRESHOLDS.k;
  return {
    k,
    l: d.l ?? DEFAULT_THRESHOLDS.l,
    maxGlobalRisk: d.maxGlobalRisk ?? DEFAULT_THRESHOLDS.maxGlobalRisk,
    // A class of k records carries a risk of 1/k: the default individual limit follows k.
    maxIndividualRisk: d.maxIndividualRisk ?? 1 / k,
    scenarios: d.scenarios ?? [],
    keep: d.keep ?? [],
  };
}

/** Which direction is stricter for each threshold. */
const STRICTER: Record<keyof Thresholds, 1 | -1> = { k: 1, l: 1, maxGlobalRisk: -1, maxIndividualRisk: -1 };

/**
 * The policy with the requested thresholds applied: each may be stricter than the policy's, never
 * looser. A looser one is refused with 403 `policy_loosened`, naming every field that tried.
 */
export function tightened(policy: DisclosurePolicy, requested: Partial<Thresholds>): DisclosurePolicy {
  const out = { ...policy };
  const looser: Array<{ path: string; type: string; message: string }> = [];
  for (const key of Object.keys(STRICTER) as Array<keyof Thresholds>) {
    const want = requested[key];
    if (want === undefined) continue;
    if ((want - policy[key]) * STRICTER[key] < 0)
      looser.push({
        path: key,
        type: 'policy',
        message: `${key}=${want} is looser than this questionnaire's policy (${key}=${policy[key]}); a release may only be stricter`,
      });
    else out[key] = want;
  }
  if (looser.length)
    throw new AppError(
      'policy_loosened',
      "The request asks for less protection than the questionnaire's disclosure policy allows.",
      looser,
    );
  if (out.maxIndividualRisk > 1 / out.k) out.maxIndividualRisk = 1 / out.k;
  return out;
}

export const SitesProperty = z.record(z.string().regex(/^[A-Z]{3}$/), z.array(z.string().min(1).max(120)).max(500));

/** Problems with a definition's `sites` property (declared sites per ISO 3166-1 alpha-3 country). */
export function sitesProblems(value: unknown): string[] {
  if (value === undefined) return [];
  const r = SitesProperty.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `sites.${i.path.join('.')}: ${i.message}`);
}

/** The sites declared across versions (united), or undefined when no version declares any. */
export function declaredSites(definitions: ReadonlyArray<Record<string, unknown>>): Record<string, string[]> | undefined {
  let out: Record<string, string[]> | undefined;
  for (const d of definitions) {
    const r = SitesProperty.safeParse(d.sites);
    if (d.sites === undefined || !r.success) continue;
    out ??= {};
    for (const [country, list] of Object.entries(r.data)) out[country] = [...new Set([...(out[country] ?? []), ...list])];
  }
  return out;
}

/** The sites a published version declares (read once per version). */
export const versionSites = perVersion('declared sites', (definition) => declaredSites([definition]));

/**
 * Why a site may not be used for a country under the declared sites, or null when it may: a
 * questionnaire that lists sites for a country takes only those there (no site at all is allowed:
 * the response is filed under the country).
 */
export function siteProblem(
  sites: Readonly<Record<string, readonly string[]>> | undefined,
  country: string,
  site: string | null | undefined,
): string | null {
  const listed = sites?.[country];
  if (!listed || !site || listed.includes(site)) return null;
  return `'${site}' is not one of the sites this questionnaire declares for ${country} (${listed.join(', ')})`;
}
