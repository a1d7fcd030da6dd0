// Public datasets beside the repository (../shared/data: ARX's adult extract, the SurveyJS team's
// corpus). CI has them; a user's clone may not. Tests that read them ask here: when the data is
// present they run in full; when it is absent they are skipped, and the skip names what is missing
// and why, in the test's title and once on the console. PERIPLUS_SHARED_DATA points elsewhere.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe } from 'vitest';

export const SHARED_DATA = resolve(process.env.PERIPLUS_SHARED_DATA ?? join(import.meta.dirname, '../../../shared/data'));

const warned = new Set<string>();

export interface SharedData {
  path: string;
  present: boolean;
  /** `describe`, or a skipped one whose title says what is absent. */
  describe: (name: string, fn: () => void) => void;
}

/** A file or folder under ../shared/data, e.g. `arx-adult/adult.csv`. */
export function sharedData(relative: string): SharedData {
  const path = join(SHARED_DATA, relative);
  const present = existsSync(path);
  if (!present && !warned.has(relative)) {
    warned.add(relative);
    console.warn(`skipped: tests on ${relative}, because ${path} is absent (set PERIPLUS_SHARED_DATA to the folder holding it; CI has it)`);
  }
  return {
    path,
    present,
    describe: present ? describe : (name, fn) => describe.skip(`${name} [skipped: ${relative} absent from ${SHARED_DATA}]`, fn),
  };
}
