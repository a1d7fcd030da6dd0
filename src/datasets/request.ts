// Who may export what: the profile a role may have, and the countries an export is narrowed to.
// Shared by the HTTP endpoint and the CLI, so both apply the same rule.
import { ALL, type Principal } from '../access/principal';
import { forbidden } from '../errors';
import type { ReviewState } from '../storage/schema';
import type { Profile } from './columns';
import type { ExportSpec } from './export';

/** Researchers get anonymized data only; the full and pseudonymized profiles are for coordinators and admins. */
export function profilesFor(p: Principal): Profile[] {
  if (p.role === 'admin' || p.role === 'coordinator') return ['full', 'pseudonymized', 'public'];
  if (p.role === 'researcher') return ['public'];
  return [];
}

export interface ExportOptions {
  profile: Profile;
  labels?: boolean;
  lang?: string;
  splitMultiple?: boolean;
  bom?: boolean;
  maskFormulas?: boolean;
  from?: Date;
  to?: Date;
  reviewStates?: ReviewState[];
  countries?: string[];
  versions?: string[];
  k?: number;
  l?: number;
  maxGlobalRisk?: number;
}

/** The export a principal asked for, narrowed to their scope; 403 for a profile their role may not have. */
export function exportSpec(p: Principal, questionnaireId: string, o: ExportOptions): ExportSpec {
  if (!profilesFor(p).includes(o.profile)) throw forbidden(`Your role may not export the ${o.profile} profile.`);
  let countries = o.countries;
  if (p.countries !== ALL) countries = countries ? countries.filter((c) => p.countries.includes(c)) : [...p.countries];
  return {
    questionnaireId,
    profile: o.profile,
    labels: o.labels ?? false,
    lang: o.lang ?? '',
    splitMultiple: o.splitMultiple ?? false,
    bom: o.bom ?? true,
    maskFormulas: o.maskFormulas ?? true,
    filters: { from: o.from, to: o.to, reviewStates: o.reviewStates, countries, versions: o.versions },
    sdc: { k: o.k ?? 5, l: o.l ?? 1, maxGlobalRisk: o.maxGlobalRisk ?? 0.03 },
  };
}

/** The audit details of an export: who asked for which profile and filters, and how many rows. */
export function exportAuditDetails(spec: ExportSpec, rows: number): Record<string, unknown> {
  const f = spec.filters;
  return {
    profile: spec.profile,
    rows,
    filters: { from: f.from?.toISOString(), to: f.to?.toISOString(), reviewStates: f.reviewStates, countries: f.countries, versions: f.versions },
    options: { labels: spec.labels, lang: spec.lang, splitMultiple: spec.splitMultiple },
  };
}

/** `<questionnaire>-<profile>-YYYYMMDD-HHMMSS.zip` (UTC). */
export function exportFileName(questionnaireId: string, profile: string, at: Date): string {
  return `${questionnaireId}-${profile}-${at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.zip`;
}
