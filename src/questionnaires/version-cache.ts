// What is derived from a published definition (the parsed JSON, its validation plan, screening
// rules, declared sites, translation coverage, gap-analysis elements) is computed once per process
// and kept in one bounded cache keyed by the definition's content hash. A published version is
// frozen and its hash is that of its canonical JSON, so an entry can never be stale, and two
// databases (tests, a CLI beside a server) that hold different definitions under one version id
// can never be served each other's. A long-running process drops what it has not used for a
// while (dropIdleVersions): a validation plan keeps its version's survey-core model (the error
// messages in each language), 5-8 MB each, and a server that published nine versions at start
// kept them all though it serves one or two.

type Json = Record<string, unknown>;

/** A definition as stored (JSON text) or already parsed, with its content hash. */
export interface VersionText {
  contentHash: string;
  definition: string | Json;
}

/** The place of one derived thing in each version's entry (the name is for reading, `T` for the compiler). */
export interface Slot<T> {
  readonly name: string;
  readonly type?: T;
}
export const slot = <T>(name: string): Slot<T> => ({ name });

/** The most versions kept at once (the gap analysis alone parses to several MB). */
const LIMIT = 64;

interface Entry {
  definition: Json;
  derived: Map<Slot<unknown>, unknown>;
  /** When it was last asked for (milliseconds since the epoch). */
  used: number;
}
const entries = new Map<string, Entry>();

function entryOf(v: VersionText): Entry {
  let entry = entries.get(v.contentHash);
  if (entry) {
    // Least recently used goes first: move this one to the end.
    entries.delete(v.contentHash);
  } else {
    entry = {
      definition: typeof v.definition === 'string' ? (JSON.parse(v.definition) as Json) : v.definition,
      derived: new Map(),
      used: 0,
    };
    if (entries.size >= LIMIT) entries.delete(entries.keys().next().value!);
  }
  entry.used = Date.now();
  entries.set(v.contentHash, entry);
  return entry;
}

/**
 * Drops the versions not asked for in the last `idleMs` (derived again when next asked for);
 * returns how many. The entries are in the order of their last use, oldest first.
 */
export function dropIdleVersions(idleMs: number, now = Date.now()): number {
  let dropped = 0;
  for (const [hash, entry] of entries) {
    if (now - entry.used < idleMs) break;
    entries.delete(hash);
    dropped++;
  }
  return dropped;
}

/** The parsed definition. Callers must not change it: every reader of the version shares it. */
export function parsedDefinition(v: VersionText): Json {
  return entryOf(v).definition;
}

/** The version's value in `place`, made by `make` the first time. */
export function derivedOf<T>(v: VersionText, place: Slot<T>, make: (definition: Json) => T): T {
  const entry = entryOf(v);
  if (entry.derived.has(place)) return entry.derived.get(place) as T;
  const value = make(entry.definition);
  entry.derived.set(place, value);
  return value;
}

/** A reader of one derived thing: `const sitesOf = perVersion('sites', (d) => ...)`, then `sitesOf(version)`. */
export function perVersion<T>(name: string, derive: (definition: Json) => T): (v: VersionText) => T {
  const place = slot<T>(name);
  return (v) => derivedOf(v, place, derive);
}
