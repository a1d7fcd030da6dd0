// Everything the app needs from its runtime, passed in: createApp(deps) does no I/O of its own,
// so the same app runs on Node (better-sqlite3) and on Workers (D1), and tests fix time and ids.
import type { Anonymizer } from './datasets/anonymize/anonymize';
import type { Compression } from './datasets/compression';
import type { Spill } from './datasets/spill';
import type { Atomic, Db } from './storage/db';
import type { Validator } from './validation/types';

export interface Clock {
  now(): Date;
}

/** One JSON object per line; never answer values. */
export interface Logger {
  info(entry: Record<string, unknown>): void;
  error(entry: Record<string, unknown>): void;
}

/** A static file: its bytes (and gzipped bytes when worth it), type and content hash. */
export interface Asset {
  body: Uint8Array;
  gzip?: Uint8Array;
  contentType: string;
  /** Short content hash: versioned URLs (/assets/<hash>/<name>) are cached for a year. */
  hash: string;
}

/** Static files the app serves (vendor renderers, our page scripts), found by a whitelisted name. */
export interface AssetSource {
  get(name: string): Promise<Asset | undefined>;
  /** Every servable name with its content hash. */
  manifest(): Promise<Record<string, string>>;
}

export interface AppConfig {
  /** Largest accepted request body, in bytes; larger gets 413. */
  bodyLimitBytes: number;
  /** A session unused this long is over. */
  sessionIdleMs: number;
  /** A session is over this long after sign-in, used or not. */
  sessionMaxMs: number;
  /** Mark the session cookie Secure even when the request URL is plain http (behind a TLS proxy). */
  secureCookies: boolean;
  /** Deleted responses stay in the trash this long before they are purged. */
  trashDays: number;
  /** Failed sign-ins allowed per account, and per address, within the window before a lock. */
  signInLimitPerAccount: number;
  signInLimitPerAddress: number;
  signInWindowMs: number;
  signInLockMs: number;
  /** Requests per minute per caller (principal, else address); 0 turns the limit off. */
  rateLimitPerMinute: number;
  /**
   * Largest dataset one export request may stream; 0 for no limit. On Workers an export must fit in
   * one invocation's D1 queries; a larger one is refused up front with this figure, never truncated.
   */
  exportRowLimit: number;
}

/** Per-deployment secrets: from a key file on Node, from Worker secrets on Workers. */
export interface Secrets {
  /** Keys the HMAC pseudonyms of exports: stable across exports, useless without this key. */
  pseudonymKey: Uint8Array;
}

export interface Deps {
  secrets: Secrets;
  db: Db;
  atomic: Atomic;
  clock: Clock;
  newId: () => string;
  validator: Validator;
  logger: Logger;
  config: AppConfig;
  assets?: AssetSource;
  /** The client's network address (for sign-in throttling); each runtime knows how to read it. */
  clientAddress?: (request: Request, env: unknown) => string;
  /** Where a public export's disclosure control runs; in the calling thread when absent. */
  anonymizer?: Anonymizer;
  /** The runtime's native DEFLATE for exports (Node: zlib); fflate's when absent. */
  compression?: Compression;
  /** Where a public export's rows wait between its passes (Node: a temporary file); memory when absent. */
  spill?: () => Spill;
  /** Reads and writes XLSForm workbooks (Node only: the Worker takes SurveyJS JSON uploads). */
  xlsform?: XlsformCodec;
}

export interface XlsformCodec {
  /** An uploaded workbook to a definition; throws WorkbookError with every problem located. */
  read(
    bytes: Uint8Array,
    target?: { questionnaireId: string; version?: string },
  ): Promise<{
    definition: Record<string, unknown>;
    warnings: Array<{ sheet: string; row: number | null; column: string | null; message: string }>;
    /** The settings sheet's version, if any. */
    version?: string;
  }>;
  /** The same for a zip of one workbook and the CSV lists of its select_one_from_file questions. */
  readBundle(bytes: Uint8Array, target?: { questionnaireId: string; version?: string }): ReturnType<XlsformCodec['read']>;
  /** A published definition as an XLSForm workbook. */
  write(definition: Record<string, unknown>): Promise<Uint8Array>;
}

const MINUTE = 60_000;

export const defaultConfig: AppConfig = {
  bodyLimitBytes: 2 * 1024 * 1024,
  sessionIdleMs: 120 * MINUTE,
  sessionMaxMs: 12 * 60 * MINUTE,
  secureCookies: false,
  trashDays: 30,
  signInLimitPerAccount: 5,
  signInLimitPerAddress: 20,
  signInWindowMs: 15 * MINUTE,
  signInLockMs: 15 * MINUTE,
  rateLimitPerMinute: 3000,
  exportRowLimit: 0,
};

export const systemClock: Clock = { now: () => new Date() };

/** Writes each entry as one JSON line to stdout/stderr. */
export const jsonLogger: Logger = {
  info: (entry) => console.log(JSON.stringify(entry)),
  error: (entry) => console.error(JSON.stringify(entry)),
};
