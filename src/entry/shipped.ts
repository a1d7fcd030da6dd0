// The questionnaire files shipped in surveys/, bundled into the Worker (which has no file system).
// A test checks this list against the directory, so both runtimes publish the same versions.
import type { DefinitionFile } from '../questionnaires/publish';
import scoping1 from '../../surveys/migrant-scoping/1.json';
import scoping2 from '../../surveys/migrant-scoping/2.json';
import scoping3 from '../../surveys/migrant-scoping/3.json';
import scoping4 from '../../surveys/migrant-scoping/4.json';
import scoping5 from '../../surveys/migrant-scoping/5.json';
import gapAnalysis1 from '../../surveys/som-gap-analysis/1.json';
import gapAnalysis2 from '../../surveys/som-gap-analysis/2.json';
import institutional1 from '../../surveys/som-institutional/1.json';
import institutional2 from '../../surveys/som-institutional/2.json';

const files: Array<[string, string, unknown]> = [
  ['migrant-scoping', '1', scoping1],
  ['migrant-scoping', '2', scoping2],
  ['migrant-scoping', '3', scoping3],
  ['migrant-scoping', '4', scoping4],
  ['migrant-scoping', '5', scoping5],
  ['som-gap-analysis', '1', gapAnalysis1],
  ['som-gap-analysis', '2', gapAnalysis2],
  ['som-institutional', '1', institutional1],
  ['som-institutional', '2', institutional2],
];

export function shippedDefinitions(): DefinitionFile[] {
  return files.map(([questionnaireId, version, json]) => ({ file: `${questionnaireId}/${version}.json`, questionnaireId, version, json }));
}
