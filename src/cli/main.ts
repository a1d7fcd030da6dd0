// The `periplus` command: serve, publish, list, validate, backup, state, users, export, sdc, xlsform.
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { optionsFromEnv, PublishRefused, startServer, type NodeOptions } from '../entry/node';
import { backupDatabase, openDatabase } from '../entry/sqlite';
import { publishDefinitions } from '../questionnaires/publish';
import { listQuestionnaires, listVersions } from '../storage/questionnaires';
import { changeState, setVersionClosed } from '../questionnaires/state';
import { questionnaireStates, type QuestionnaireState } from '../storage/schema';
import { defaultConfig, systemClock } from '../deps';
import { purgeExpiredTrash } from '../responses/manage';
import { CliUsageError, usersCommand } from './users';
import { sdcCommand } from './sdc';
import { exportCommand } from './export';
import { xlsformCommand } from './xlsform';
import { loadPseudonymKey } from '../entry/secrets';
import { inlineValidator, runValidation } from '../validation/run';
import { canonicalJson, sha256Hex } from '../questionnaires/canonical';
import { formatOutcome, formatValidation, readSurveyFiles } from '../entry/survey-files';

const USAGE = `periplus <command> [options]

  serve                 publish surveys/ and start the server
      --port N  --host H  --db FILE  --surveys DIR
  publish               lint and publish surveys/, print what changed
      --db FILE  --surveys DIR
  list                  questionnaires, their state and versions
      --db FILE
  validate <questionnaire> <version> <response.json>
                        check a response offline with the server's own rules
      --surveys DIR  --locale xx  --draft
  backup <file>         consistent copy of the live database (safe while serving)
      --db FILE
  state <questionnaire> <open|closing|closed>
      --db FILE
  state <questionnaire> --version V <open|closed>
                        close one version for new data (interviews begun before are still accepted)
  users add <username> --role R [--countries TUN,LBY|*] [--name "Full Name"] [--sql]
                        password from PERIPLUS_PASSWORD, standard input, or a hidden prompt;
                        --sql prints the INSERT statements instead (for D1: wrangler d1 execute --file)
  users list | users password <username>
  purge                 purge responses in the trash longer than PERIPLUS_TRASH_DAYS
  export <questionnaire> [--profile full|pseudonymized|public] [--out exports/] [--labels] [--lang fr]
      [--split] [--no-bom] [--no-mask] [--from DATE] [--to DATE] [--review-state approved,...]
      [--country TUN,LBY] [--version 1,2] [--k 5] [--l 2] [--max-global-risk 0.03] [--max-individual-risk 0.2]
                                     (thresholds may only be stricter than the questionnaire's disclosure policy)
                        dataset bundle (zip) with a progress bar; audited
  xlsform <file.xlsx> [--out file.json]
                        convert an XLSForm without publishing; every warning and error with its
                        sheet, row and column (CSV files beside it: select_one_from_file lists)
  sdc <file.csv> --qi a,b,c [--k 5] [--strata x] [--sensitive y --l 2] [--recode age=bands:18,25,35]
      [--sep ';'] [--out treated.csv]   disclosure control of a plain CSV (sdcMicro-style report)

Environment: PERIPLUS_DB, PERIPLUS_SURVEYS, PERIPLUS_HOST, PERIPLUS_PORT, PERIPLUS_BODY_LIMIT,
PERIPLUS_VALIDATION_THREADS, PERIPLUS_SYNCHRONOUS (FULL by default), PERIPLUS_TRASH_DAYS (30),
PERIPLUS_SECURE_COOKIES (true behind a TLS proxy).`;

const options = {
  port: { type: 'string' },
  host: { type: 'string' },
  db: { type: 'string' },
  surveys: { type: 'string' },
  locale: { type: 'string' },
  draft: { type: 'boolean' },
  sql: { type: 'boolean' },
  role: { type: 'string' },
  countries: { type: 'string' },
  name: { type: 'string' },
  sep: { type: 'string' },
  qi: { type: 'string' },
  strata: { type: 'string' },
  sensitive: { type: 'string' },
  k: { type: 'string' },
  l: { type: 'string' },
  recode: { type: 'string', multiple: true },
  out: { type: 'string' },
  profile: { type: 'string' },
  labels: { type: 'boolean' },
  lang: { type: 'string' },
  split: { type: 'boolean' },
  'no-bom': { type: 'boolean' },
  'no-mask': { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  'review-state': { type: 'string' },
  country: { type: 'string' },
  version: { type: 'string' },
  'max-global-risk': { type: 'string' },
  'max-individual-risk': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

function settings(values: { port?: string; host?: string; db?: string; surveys?: string }): NodeOptions {
  const env = optionsFromEnv();
  const port = values.port === undefined ? env.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not ${values.port}`);
  return { ...env, port, host: values.host ?? env.host, dbFile: values.db ?? env.dbFile, surveysDir: values.surveys ?? env.surveysDir };
}

async function publishCommand(opts: NodeOptions): Promise<number> {
  const handle = openDatabase(opts.dbFile, { synchronous: opts.synchronous });
  try {
    const { files, unreadable } = await readSurveyFiles(opts.surveysDir);
    const deps = { db: handle.db, atomic: handle.atomic, clock: systemClock, newId: randomUUID, validator: inlineValidator };
    const outcomes = [...unreadable, ...(await publishDefinitions(deps, files, 'cli'))];
    for (const o of outcomes) console.log(formatOutcome(o));
    const refused = outcomes.filter((o) => o.status === 'refused').length;
    console.log(`${outcomes.length} file(s): ${outcomes.filter((o) => o.status === 'published').length} published, ${refused} refused`);
    return refused ? 1 : 0;
  } finally {
    handle.close();
  }
}

async function listCommand(opts: NodeOptions): Promise<number> {
  const handle = openDatabase(opts.dbFile);
  try {
    for (const q of await listQuestionnaires(handle.db)) {
      console.log(`${q.id}  [${q.state}]  ${q.title}  (${q.family})`);
      for (const v of await listVersions(handle.db, q.id))
        console.log(
          `  ${v.id === q.currentVersionId ? '*' : ' '} ${v.version}  ${v.questionCount} questions  ${v.languages.join(',')}  sha256:${v.contentHash.slice(0, 12)}  ${v.publishedAt.toISOString()}`,
        );
    }
    return 0;
  } finally {
    handle.close();
  }
}

async function validateCommand(opts: NodeOptions, args: string[], locale: string | undefined, draft: boolean): Promise<number> {
  const [questionnaireId, version, responseFile] = args;
  if (!questionnaireId || !version || !responseFile) throw new UsageError('validate needs <questionnaire> <version> <response.json>');
  const { files } = await readSurveyFiles(opts.surveysDir);
  const def = files.find((f) => f.questionnaireId === questionnaireId && f.version === version);
  if (!def) throw new UsageError(`no ${opts.surveysDir}/${questionnaireId}/${version}.json`);
  const parsed = JSON.parse(await readFile(responseFile, 'utf8')) as Record<string, unknown>;
  // Accept either a submission body ({ data, locale, ... }) or the answers alone.
  const isBody = typeof parsed.data === 'object' && parsed.data !== null && !Array.isArray(parsed.data);
  const data = (isBody ? parsed.data : parsed) as Record<string, unknown>;
  const definition = canonicalJson(def.json);
  const result = await runValidation({
    contentHash: await sha256Hex(definition),
    definition,
    data,
    locale: locale ?? (isBody && typeof parsed.locale === 'string' ? parsed.locale : ''),
    mode: draft ? 'draft' : 'submit',
  });
  console.log(JSON.stringify({ ok: result.ok, errors: result.errors, dropped: result.dropped }, null, 2));
  return result.ok ? 0 : 1;
}

async function stateCommand(opts: NodeOptions, args: string[], version: string | undefined): Promise<number> {
  const [id, state] = args;
  if (version !== undefined) {
    if (!id || (state !== 'open' && state !== 'closed')) throw new UsageError('state needs <questionnaire> --version V <open|closed>');
    const handle = openDatabase(opts.dbFile);
    try {
      const v = await setVersionClosed(
        { atomic: handle.atomic, clock: systemClock },
        { actor: 'cli', requestId: 'cli' },
        id,
        version,
        state === 'closed',
      );
      console.log(
        `${id} version ${v.version} ${v.closedAt ? `is closed for new data since ${v.closedAt.toISOString()}` : 'takes new data'}`,
      );
      return 0;
    } finally {
      handle.close();
    }
  }
  if (!id || !questionnaireStates.includes(state as QuestionnaireState))
    throw new UsageError('state needs <questionnaire> <open|closing|closed>');
  const handle = openDatabase(opts.dbFile);
  try {
    const q = await changeState(
      { atomic: handle.atomic, clock: systemClock },
      { actor: 'cli', requestId: 'cli' },
      id,
      state as QuestionnaireState,
    );
    console.log(`${q.id} is ${q.state} since ${q.stateChangedAt.toISOString()}`);
    return 0;
  } finally {
    handle.close();
  }
}

async function serveCommand(opts: NodeOptions): Promise<number> {
  const server = await startServer(opts);
  for (const o of server.published) if (o.status === 'published') console.log(formatOutcome(o));
  for (const o of server.published) if (o.status === 'unchanged') console.log(formatValidation(o));
  console.log(`Periplus listening on ${server.url} (database ${opts.dbFile}; API reference ${server.url}/api/docs)`);
  if (server.noUsers) console.log('No account exists yet. Create the first admin: npx periplus users add <name> --role admin');
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const opts = settings(values);
  switch (command) {
    case 'serve':
      return serveCommand(opts);
    case 'publish':
      return publishCommand(opts);
    case 'list':
      return listCommand(opts);
    case 'validate':
      return validateCommand(opts, rest, values.locale, values.draft ?? false);
    case 'backup': {
      if (!rest[0]) throw new UsageError('backup needs <file>');
      const { bytes, integrity } = backupDatabase(opts.dbFile, rest[0]);
      console.log(`backup written to ${rest[0]}: ${bytes} bytes, integrity ${integrity}`);
      return integrity === 'ok' ? 0 : 1;
    }
    case 'state':
      return stateCommand(opts, rest, values.version);
    case 'users': {
      // --sql: the account is made in a throw-away database and printed as SQL for a D1 deployment.
      const handle = openDatabase(values.sql ? ':memory:' : opts.dbFile);
      try {
        return await usersCommand(handle, rest, values);
      } finally {
        handle.close();
      }
    }
    case 'export': {
      const handle = openDatabase(opts.dbFile);
      try {
        return await exportCommand(handle, loadPseudonymKey(opts.dbFile), rest[0], values);
      } finally {
        handle.close();
      }
    }
    case 'sdc':
      return sdcCommand(rest[0], values);
    case 'xlsform':
      return xlsformCommand(rest[0], values.out);
    case 'purge': {
      const handle = openDatabase(opts.dbFile);
      try {
        const n = await purgeExpiredTrash({
          db: handle.db,
          atomic: handle.atomic,
          clock: systemClock,
          config: { ...defaultConfig, trashDays: opts.trashDays },
        });
        console.log(`${n} response(s) purged`);
        return 0;
      } finally {
        handle.close();
      }
    }
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

// Everything this process creates (the database, its WAL and shared memory, backups, export
// bundles) holds answers about people: readable by its owner only, whatever the shell's umask.
process.umask(0o077);

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof PublishRefused) {
      console.error('Not starting: some questionnaires could not be published.');
      for (const r of e.refused) console.error(formatOutcome(r));
    } else if ([403, 404, 422].includes((e as { status?: number }).status ?? 0)) {
      console.error(`periplus: ${(e as Error).message}`);
    } else if (
      e instanceof UsageError ||
      e instanceof CliUsageError ||
      (e as { status?: number }).status === 400 ||
      (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`periplus: ${(e as Error).message}\n\n${USAGE}`);
      process.exit(2);
    } else console.error(`periplus: ${(e as Error).stack ?? e}`);
    process.exit(1);
  },
);
