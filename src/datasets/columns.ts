// Which columns an export profile writes and how each cell is treated. full: everything.
// pseudonymized: direct identifiers and free text dropped, keyed pseudonyms for response and
// collector ids, dates shifted per record. public: also recoding, k-anonymity within country,
// l-diversity on sensitive variables, and no collector. A free-text question without a role is
// free text: it never leaves in an anonymized profile.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { DisclosureRole } from '../questionnaires/custom-properties';
import type { ExportRow } from '../storage/exports';
import { recodeValue, type RecodeRule } from './anonymize/recode';
import type { Variable } from './variables';

export const profiles = ['full', 'pseudonymized', 'public'] as const;
export type Profile = (typeof profiles)[number];

export interface Column {
  name: string;
  label: string;
  role: DisclosureRole;
  /** The variable behind it; system columns have none. */
  variable?: Variable;
  /** Treatment applied to each cell before disclosure control (recoding, date shift). */
  transform?: (cell: string, row: ExportRow) => string;
  /** System columns read the row itself. */
  system?: (row: ExportRow) => string;
}

const DAY = 86_400_000;

/** A keyed pseudonym: the same id and key always give the same 16 hex digits. */
export function pseudonym(key: Uint8Array, id: string): string {
  return bytesToHex(hmac(sha256, key, utf8ToBytes(id))).slice(0, 16);
}

/** 0-364 days, fixed per record (REDCap's date shift): intervals within a record are kept. */
export function shiftDays(key: Uint8Array, id: string): number {
  const h = hmac(sha256, key, utf8ToBytes(`shift:${id}`));
  return ((h[0]! << 8) | h[1]!) % 365;
}

/** Shifts an ISO date or date-time back by `days`; other text (month, week, time) is left alone. */
export function shiftDate(value: string, days: number): string {
  const m = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(value);
  if (!m) return value;
  const d = new Date(Date.parse(`${m[1]}T00:00:00Z`) - days * DAY);
  return d.toISOString().slice(0, 10) + (m[2] ?? '');
}

const dropped = (profile: Profile, role: DisclosureRole, table: string) => {
  if (profile === 'full') return false;
  if (role === 'direct' || role === 'free-text') return true;
  // Repeat rows are not part of the k-anonymity key: identifying roles stay out of them publicly.
  return profile === 'public' && table !== '' && (role === 'quasi' || role === 'location' || role === 'date');
};

/** The recoding a public export applies to a variable: its own rule, or months for dates. */
function publicRecode(v: { role: DisclosureRole; recode?: RecodeRule }): RecodeRule | undefined {
  return v.recode ?? (v.role === 'date' ? { kind: 'month' } : undefined);
}

export interface ColumnKeys {
  /** Per-deployment pseudonym key (stable across exports). */
  pseudonymKey: Uint8Array;
}

/** Columns of one table for a profile; main tables start with the system columns. */
export function columnsFor(profile: Profile, keys: ColumnKeys, table: string, variables: Variable[]): Column[] {
  const cols: Column[] = [];
  if (table === '') {
    const iso = (d: Date | null) => (d ? d.toISOString() : '');
    // Full: the instance id; pseudonymized: a stable keyed pseudonym; public: random per row and
    // export, filled in by the exporter (nothing links two public exports, no million hashes).
    const key = profile === 'full' ? (r: ExportRow) => r.instanceId : profile === 'pseudonymized' ? (r: ExportRow) => pseudonym(keys.pseudonymKey, r.instanceId) : () => '';
    cols.push({ name: 'KEY', label: 'Response key', role: 'none', system: key });
    cols.push({ name: 'version', label: 'Questionnaire version', role: 'none', system: (r) => r.version });
    cols.push({ name: 'country', label: 'Country', role: 'none', system: (r) => r.country });
    // Publicly, site and interview language say again what questions ask (hub, language) at a finer grain.
    if (profile !== 'public') cols.push({ name: 'site', label: 'Site', role: 'location', system: (r) => r.site ?? '' });
    if (profile === 'full') cols.push({ name: 'submitted_at', label: 'Received (UTC)', role: 'date', system: (r) => iso(r.submittedAt) });
    if (profile === 'pseudonymized')
      cols.push({ name: 'submitted_date', label: 'Received (date, shifted per record)', role: 'date', system: (r) => (r.submittedAt ? shiftDate(iso(r.submittedAt).slice(0, 10), shiftDays(keys.pseudonymKey, r.instanceId)) : '') });
    if (profile === 'public')
      cols.push({ name: 'submitted_quarter', label: 'Received (quarter)', role: 'date', system: (r) => (r.submittedAt ? `${r.submittedAt.getUTCFullYear()}-Q${Math.floor(r.submittedAt.getUTCMonth() / 3) + 1}` : '') });
    cols.push({ name: 'review_state', label: 'Review state', role: 'none', system: (r) => r.reviewState });
    if (profile !== 'public') cols.push({ name: 'locale', label: 'Interview language', role: 'none', system: (r) => r.locale });
    if (profile === 'full') cols.push({ name: 'collector', label: 'Submitted by', role: 'none', system: (r) => r.submittedBy });
    if (profile === 'pseudonymized') cols.push({ name: 'collector', label: 'Collector (pseudonym)', role: 'none', system: (r) => pseudonym(keys.pseudonymKey, r.submittedBy) });
  }
  for (const v of variables) {
    if (dropped(profile, v.role, table)) continue;
    const col: Column = { name: v.name, label: v.label, role: v.role, variable: v };
    if (profile === 'public') {
      const rule = publicRecode(v);
      if (rule) col.transform = (cell) => (cell.startsWith('.') ? cell : recodeValue(cell, rule));
    } else if (profile === 'pseudonymized' && v.role === 'date') {
      col.transform = (cell, r) => shiftDate(cell, shiftDays(keys.pseudonymKey, r.instanceId));
    }
    cols.push(col);
  }
  return cols;
}
