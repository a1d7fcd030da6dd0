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
import { convertedBand, recodeValue, type RecodeRule } from './anonymize/recode';
import type { Variable } from './variables';
import { SUPPRESSED_CELL } from './flatten';

export const profiles = ['full', 'pseudonymized', 'public'] as const;
export type Profile = (typeof profiles)[number];

export interface Column {
  name: string;
  label: string;
  role: DisclosureRole;
  /** The variable behind it; system columns have none. */
  variable?: Variable;
  /** Treatment applied to each cell before disclosure control (recoding, date shift); `data` is the row's answers, parsed. */
  transform?: (cell: string, row: ExportRow, data: Record<string, unknown>) => string;
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

/**
 * Shifts a date-like value back by `days`: a date or date-time exactly, a month or an ISO week
 * through its middle day (so a month moves by whole months, as its day is unknown). A time of
 * day is not a date and stays; anything else is not a well-formed date and is withheld (.s).
 */
export function shiftDate(value: string, days: number): string {
  const date = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(value);
  if (date) return isoDay(Date.parse(`${date[1]}T00:00:00Z`) - days * DAY) + (date[2] ?? '');
  if (/^\d{4}-\d{2}$/.test(value)) return isoDay(Date.parse(`${value}-15T00:00:00Z`) - days * DAY).slice(0, 7);
  const week = /^(\d{4})-W(\d{2})$/.exec(value);
  if (week) return isoWeek(weekMonday(Number(week[1]), Number(week[2])) + 3 * DAY - days * DAY);
  if (/^\d{2}:\d{2}/.test(value)) return value;
  return value === '' || value.startsWith('.') ? value : '.s';
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Midnight UTC of the Monday of ISO week `w` of `year`. */
function weekMonday(year: number, w: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const day = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - day * DAY + (w - 1) * 7 * DAY;
}

/** The ISO week (`YYYY-Www`) of a time. */
function isoWeek(ms: number): string {
  const d = new Date(ms);
  const thursday = ms + (3 - ((d.getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const w = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(w).padStart(2, '0')}`;
}

const dropped = (profile: Profile, v: Variable, table: string) => {
  const role = v.role;
  // A direct identifier never leaves the server, in no profile, full included (a key informant's
  // reference in the institutional assessment): it is read on the server only.
  if (role === 'direct') return true;
  if (profile === 'full') return false;
  // Only closed fields leave in an anonymized profile: text typed freely goes, whatever its role.
  if (role === 'free-text' || v.type === 'text') return true;
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
  /**
   * The questionnaire's declared sites per country. Without a list, the site a submission names
   * is free text and stays out of anonymized profiles; with one, only listed sites are written.
   */
  sites?: Readonly<Record<string, readonly string[]>>;
  /**
   * A version exported allows keeping the answers of an interview the respondent stopped: a
   * `withdrawn` column (1 or 0) tells those partial records apart.
   */
  withdrawal?: boolean;
  /**
   * Versions asked without the screening rules a later version has (consent, age, repeat
   * interview not checked at the time): a `screened` column (0 for their records) flags them.
   */
  unscreened?: ReadonlySet<string>;
}

/** Columns of one table for a profile; main tables start with the system columns. */
export function columnsFor(profile: Profile, keys: ColumnKeys, table: string, variables: Variable[]): Column[] {
  const cols: Column[] = [];
  if (table === '') {
    const iso = (d: Date | null) => (d ? d.toISOString() : '');
    // Full: the instance id; pseudonymized: a stable keyed pseudonym; public: random per row and
    // export, filled in by the exporter (nothing links two public exports, no million hashes).
    const key =
      profile === 'full'
        ? (r: ExportRow) => r.instanceId
        : profile === 'pseudonymized'
          ? (r: ExportRow) => pseudonym(keys.pseudonymKey, r.instanceId)
          : () => '';
    cols.push({ name: 'KEY', label: 'Response key', role: 'none', system: key });
    cols.push({ name: 'version', label: 'Questionnaire version', role: 'none', system: (r) => r.version });
    cols.push({ name: 'country', label: 'Country', role: 'none', system: (r) => r.country });
    // Publicly, site and interview language say again what questions ask (hub, language) at a finer grain.
    if (profile === 'full') cols.push({ name: 'site', label: 'Site', role: 'location', system: (r) => r.site ?? '' });
    const sites = keys.sites;
    if (profile === 'pseudonymized' && sites)
      cols.push({
        name: 'site',
        label: 'Site (declared list)',
        role: 'location',
        system: (r) => (!r.site ? '' : sites[r.country]?.includes(r.site) ? r.site : SUPPRESSED_CELL),
      });
    if (profile === 'full') cols.push({ name: 'submitted_at', label: 'Received (UTC)', role: 'date', system: (r) => iso(r.submittedAt) });
    if (profile === 'pseudonymized')
      cols.push({
        name: 'submitted_date',
        label: 'Received (date, shifted per record)',
        role: 'date',
        system: (r) => (r.submittedAt ? shiftDate(iso(r.submittedAt).slice(0, 10), shiftDays(keys.pseudonymKey, r.instanceId)) : ''),
      });
    if (profile === 'public')
      cols.push({
        name: 'submitted_quarter',
        label: 'Received (quarter)',
        role: 'date',
        system: (r) => (r.submittedAt ? `${r.submittedAt.getUTCFullYear()}-Q${Math.floor(r.submittedAt.getUTCMonth() / 3) + 1}` : ''),
      });
    cols.push({ name: 'review_state', label: 'Review state', role: 'none', system: (r) => r.reviewState });
    if (keys.withdrawal)
      cols.push({
        name: 'withdrawn',
        label: 'Stopped by the respondent (1: only the answers given before, kept with consent)',
        role: 'none',
        system: (r) => (r.withdrawn ? '1' : '0'),
      });
    const unscreened = keys.unscreened;
    if (unscreened)
      cols.push({
        name: 'screened',
        label:
          'Screened at the interview (0: asked on a version without the screening rules: consent, age and repeat interview not checked)',
        role: 'none',
        system: (r) => (unscreened.has(r.version) ? '0' : '1'),
      });
    if (profile !== 'public') cols.push({ name: 'locale', label: 'Interview language', role: 'none', system: (r) => r.locale });
    if (profile === 'full') cols.push({ name: 'collector', label: 'Submitted by', role: 'none', system: (r) => r.submittedBy });
    if (profile === 'pseudonymized')
      cols.push({
        name: 'collector',
        label: 'Collector (pseudonym)',
        role: 'none',
        system: (r) => pseudonym(keys.pseudonymKey, r.submittedBy),
      });
  }
  for (const v of variables) {
    if (dropped(profile, v, table)) continue;
    const col: Column = { name: v.name, label: v.label, role: v.role, variable: v };
    if (profile === 'public') {
      const rule = publicRecode(v);
      if (rule?.kind === 'bands' && rule.convert) {
        const by = rule.convert.by;
        col.transform = (cell, _r, data) => (cell.startsWith('.') ? cell : convertedBand(cell, data[by], rule));
      } else if (rule) col.transform = (cell) => (cell.startsWith('.') ? cell : recodeValue(cell, rule));
    } else if (profile === 'pseudonymized' && v.role === 'date') {
      col.transform = (cell, r) => shiftDate(cell, shiftDays(keys.pseudonymKey, r.instanceId));
    }
    cols.push(col);
  }
  return cols;
}
