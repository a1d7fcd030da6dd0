// Everything the app needs from its runtime, passed in: createApp(deps) does no I/O of its own,
// so the same app runs on Node (better-sqlite3) and on Workers (D1), and tests fix time and ids.
import type { Atomic, Db } from './storage/db';
import type { ResponseValidator } from './validation/types';

export interface Clock {
  now(): Date;
}

/** One JSON object per line; never answer values. */
export interface Logger {
  info(entry: Record<string, unknown>): void;
  error(entry: Record<string, unknown>): void;
}

/** Static files the app serves (the API reference page's scripts), found by a whitelisted name. */
export interface AssetSource {
  get(name: string): Promise<{ body: Uint8Array; contentType: string } | undefined>;
}

export interface AppConfig {
  /** Largest accepted request body, in bytes; larger gets 413. */
  bodyLimitBytes: number;
}

export interface Deps {
  db: Db;
  atomic: Atomic;
  clock: Clock;
  newId: () => string;
  validator: ResponseValidator;
  logger: Logger;
  config: AppConfig;
  assets?: AssetSource;
}

export const defaultConfig: AppConfig = { bodyLimitBytes: 2 * 1024 * 1024 };

export const systemClock: Clock = { now: () => new Date() };

/** Writes each entry as one JSON line to stdout/stderr. */
export const jsonLogger: Logger = {
  info: (entry) => console.log(JSON.stringify(entry)),
  error: (entry) => console.error(JSON.stringify(entry)),
};
