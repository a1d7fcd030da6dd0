// Publishing definitions into the database: lint, freeze, refuse value-shape changes, record the
// content hash. Used at server start and by `periplus publish`; the files come in as data, so
// this module reads no file system and runs on either runtime.
import type { Deps } from '../deps';
import {
  latestVersionSeq,
  listVersions,
  publishVersionStatements,
  setVersionClosedStatement,
  type VersionRow,
} from '../storage/questionnaires';
import { isUniqueViolation } from '../storage/errors';
import { auditStatement } from '../storage/audit';
import { canonicalJson, sha256Hex } from './canonical';
import { changedElements, ID_PATTERN, readMeta } from './definition';
import { lintDefinition } from './lint';
import { shapeChanges, shapeDiff, valueShapes, type ShapeMap } from './value-shape';
import { createModel } from './model';

export interface DefinitionFile {
  /** Where it came from, for messages (`surveys/scoping/1.json`). */
  file: string;
  questionnaireId: string;
  version: string;
  json: unknown;
  /** What converting the file (an XLSForm) had to say, kept with the outcome. */
  warnings?: string[];
}

export type PublishStatus = 'published' | 'unchanged' | 'refused' | 'checked';

export interface PublishOutcome {
  file: string;
  questionnaireId: string;
  version: string;
  status: PublishStatus;
  /** Question paths added and removed against the previous version (published only). */
  added: string[];
  removed: string[];
  problems: string[];
  /** SHA-256 of the canonical definition (all but refused outcomes). */
  contentHash?: string;
  /** Warnings of the file's conversion (XLSForm), located by sheet, row and column. */
  warnings?: string[];
  /** How responses to this version are validated (published and unchanged versions). */
  validation?: { path: 'plan' | 'model'; reasons: string[] };
  /** Earlier versions this one closed for new data (its `closesVersions`), when it was published. */
  closed?: string[];
}

type PublishDeps = Pick<Deps, 'db' | 'atomic' | 'clock' | 'newId' | 'validator'>;

/** The name a new version gets when none is given: the next whole number after the newest. */
export async function nextVersionName(db: Deps['db'], questionnaireId: string): Promise<string> {
  const versions = await listVersions(db, questionnaireId);
  const newest = versions
    .map((v) => v.version)
    .sort(compareVersions)
    .at(-1);
  return String(newest && /^\d+$/.test(newest) ? Number(newest) + 1 : versions.length + 1);
}

/** Natural order of version names: 2 before 10. */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function refused(f: DefinitionFile, problems: string[]): PublishOutcome {
  return { file: f.file, questionnaireId: f.questionnaireId, version: f.version, status: 'refused', added: [], removed: [], problems };
}

/**
 * Publishes every file not yet published, questionnaire by questionnaire in version order.
 * A refused version stops the later versions of the same questionnaire in this run. A file whose
 * content hash is already published under its version is "unchanged" without building a model
 * (so a Worker's cold start or a server restart costs a hash per file), unless `reportValidation`
 * asks which validation path it takes (the Node server prints it).
 */
export async function publishDefinitions(
  deps: PublishDeps,
  files: DefinitionFile[],
  actor = 'system',
  opts: { reportValidation?: boolean; dryRun?: boolean } = {},
): Promise<PublishOutcome[]> {
  const byQuestionnaire = new Map<string, DefinitionFile[]>();
  for (const f of files) byQuestionnaire.set(f.questionnaireId, [...(byQuestionnaire.get(f.questionnaireId) ?? []), f]);
  const outcomes: PublishOutcome[] = [];
  for (const [questionnaireId, group] of [...byQuestionnaire].sort(([a], [b]) => a.localeCompare(b))) {
    group.sort((a, b) => compareVersions(a.version, b.version));
    const published = await listVersions(deps.db, questionnaireId);
    // The value shapes of the published versions, built only if some file is new.
    let history: ShapeMap[] | undefined;
    const historyOf = () => (history ??= published.map((v) => valueShapes(createModel(JSON.parse(v.definition)))));
    let blockedBy: string | undefined;
    for (const f of group) {
      if (blockedBy) {
        outcomes.push(refused(f, [`not published: version ${blockedBy} of ${questionnaireId} was refused first`]));
        continue;
      }
      const outcome = await publishOne(deps, f, published, historyOf, actor, opts.reportValidation !== false, opts.dryRun === true);
      if (f.warnings?.length) outcome.warnings = f.warnings;
      if (outcome.status === 'refused') blockedBy = f.version;
      outcomes.push(outcome);
    }
  }
  return outcomes;
}

/**
 * One file: "unchanged" when this exact content is already published under its version (without
 * building a model, unless `report` asks which validation path it takes), refused when invalid or
 * when it changes a published version, else published. `history` gives the value shapes of the
 * versions published so far (built on first use) and takes the new version's.
 */
async function publishOne(
  deps: PublishDeps,
  f: DefinitionFile,
  published: VersionRow[],
  history: () => ShapeMap[],
  actor: string,
  report: boolean,
  dryRun = false,
): Promise<PublishOutcome> {
  if (!ID_PATTERN.test(f.questionnaireId) || !ID_PATTERN.test(f.version))
    return refused(f, ['questionnaire and version names may hold letters, digits, ".", "_" and "-" only (64 at most)']);
  if (typeof f.json !== 'object' || f.json === null || Array.isArray(f.json)) return refused(f, ['the definition must be a JSON object']);
  const json = f.json as Record<string, unknown>;
  const definition = canonicalJson(json);
  const contentHash = await sha256Hex(definition);
  const existing = published.find((v) => v.version === f.version);
  if (existing?.contentHash === contentHash)
    return {
      file: f.file,
      questionnaireId: f.questionnaireId,
      version: f.version,
      status: 'unchanged',
      added: [],
      removed: [],
      problems: [],
      contentHash,
      ...(report ? { validation: deps.validator.prepare({ contentHash, definition: json }) } : {}),
    };

  const model = createModel(json);
  const problems = lintDefinition(json, model).map((p) => `${p.where}: ${p.message}`);
  if (problems.length) return refused(f, problems);
  if (existing) {
    const changed = changedElements(JSON.parse(existing.definition), json);
    return refused(f, [
      `${f.file} changed after version ${f.version} was published (published versions are frozen; publish it as a new version). Changed: ${changed.join(', ') || '(formatting only)'}`,
    ]);
  }

  const shapes = valueShapes(model);
  const conflicts = history().flatMap((earlier) => shapeChanges(earlier, shapes));
  if (conflicts.length) {
    const unique = [...new Map(conflicts.map((c) => [`${c.path}:${c.before}`, c])).values()];
    return refused(
      f,
      unique.map((c) => `question '${c.path}' keeps its name but changes its value from ${c.before} to ${c.after}; give it a new name`),
    );
  }
  const { added, removed } = shapeDiff(history().at(-1) ?? new Map(), shapes);
  // A dry run stops here: everything a publication would check was checked, nothing is written.
  if (dryRun)
    return {
      file: f.file,
      questionnaireId: f.questionnaireId,
      version: f.version,
      status: 'checked',
      added,
      removed,
      problems: [],
      contentHash,
      validation: deps.validator.prepare({ contentHash, definition: json }, model),
    };
  const meta = readMeta(json, model, f.questionnaireId);
  const seq = (await latestVersionSeq(deps.db, f.questionnaireId)) + 1;
  const at = deps.clock.now();
  // A version may close earlier ones for new data as it is published (scoping 5 closes 1, which
  // had no screening rules): once, so a version an admin opens again stays open.
  const toClose = closesVersions(json);
  // Read now: the versions it closes may have been published earlier in the same run.
  const current = toClose.length ? await listVersions(deps.db, f.questionnaireId) : [];
  const closes = toClose.filter((v) => current.some((p) => p.version === v && !p.closedAt));
  try {
    await deps.atomic((db) => [
      ...publishVersionStatements(db, {
        id: deps.newId(),
        questionnaireId: f.questionnaireId,
        version: f.version,
        contentHash,
        definition,
        ...meta,
        seq,
        publishedAt: at,
      }),
      auditStatement(db, {
        at,
        actor,
        action: 'questionnaire.publish',
        targetType: 'questionnaire',
        targetId: f.questionnaireId,
        requestId: 'publish',
        details: { version: f.version, contentHash, file: f.file },
      }),
      ...closes.flatMap((version) => [
        setVersionClosedStatement(db, f.questionnaireId, version, true, at),
        auditStatement(db, {
          at,
          actor,
          action: 'questionnaire.version.close',
          targetType: 'questionnaire',
          targetId: f.questionnaireId,
          requestId: 'publish',
          details: { version, by: f.version },
        }),
      ]),
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) return refused(f, [`version ${f.version} was published by another process at the same time; publish again`]);
    throw e;
  }
  history().push(shapes);
  return {
    file: f.file,
    questionnaireId: f.questionnaireId,
    version: f.version,
    status: 'published',
    added,
    removed,
    problems: [],
    contentHash,
    // The plan is compiled now (validating reuses it), and the outcome says which path the version takes.
    validation: deps.validator.prepare({ contentHash, definition: json }, model),
    ...(closes.length ? { closed: closes } : {}),
  };
}

/** The earlier versions a definition closes for new data (`closesVersions`: version names). */
function closesVersions(json: Record<string, unknown>): string[] {
  return Array.isArray(json.closesVersions) ? json.closesVersions.filter((v): v is string => typeof v === 'string') : [];
}
