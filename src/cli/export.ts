// `periplus export <questionnaire> --profile <name>`: writes a dataset bundle into exports/ with
// a progress bar, as a trusted operator on the server's shell (audited as "cli").
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { profiles, type Profile } from '../datasets/columns';
import { exportStream, prepareExport } from '../datasets/export';
import { exportAuditDetails, exportFileName, exportSpec } from '../datasets/request';
import { systemClock } from '../deps';
import type { SqliteHandle } from '../entry/sqlite';
import { auditStatement } from '../storage/audit';
import { reviewStates, type ReviewState } from '../storage/schema';
import { CliUsageError } from './users';
import { nodeCompression } from '../entry/compression';
import { fileSpill } from '../entry/spill';

export interface ExportCliOptions {
  profile?: string;
  out?: string;
  labels?: boolean;
  lang?: string;
  split?: boolean;
  'no-bom'?: boolean;
  'no-mask'?: boolean;
  from?: string;
  to?: string;
  'review-state'?: string;
  country?: string;
  version?: string;
  k?: string;
  l?: string;
  'max-global-risk'?: string;
  'max-individual-risk'?: string;
}

const list = (s: string | undefined) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;
const date = (s: string | undefined, flag: string) => {
  if (!s) return undefined;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) throw new CliUsageError(`${flag} must be a date such as 2026-11-01`);
  return d;
};

/** A bar on a terminal; a line every tenth otherwise (logs stay readable). */
function progress(): (done: number, total: number) => void {
  let lastTenth = -1;
  return (done, total) => {
    const share = total ? done / total : 1;
    if (process.stderr.isTTY) {
      const width = 30;
      const full = Math.round(share * width);
      process.stderr.write(`\r[${'#'.repeat(full)}${' '.repeat(width - full)}] ${Math.round(share * 100)}%  ${done}/${total} responses`);
      if (done >= total) process.stderr.write('\n');
    } else if (Math.floor(share * 10) > lastTenth) {
      lastTenth = Math.floor(share * 10);
      process.stderr.write(`${done}/${total} responses\n`);
    }
  };
}

export async function exportCommand(
  handle: SqliteHandle,
  pseudonymKey: Uint8Array,
  questionnaireId: string | undefined,
  o: ExportCliOptions,
): Promise<number> {
  if (!questionnaireId) throw new CliUsageError('export needs <questionnaire>');
  const profile = (o.profile ?? 'public') as Profile;
  if (!profiles.includes(profile)) throw new CliUsageError(`--profile must be one of ${profiles.join(', ')}`);
  const states = list(o['review-state']);
  if (states?.some((s) => !reviewStates.includes(s as ReviewState)))
    throw new CliUsageError(`--review-state takes ${reviewStates.join(', ')}`);
  const operator = {
    actor: 'cli',
    userId: 'cli',
    role: 'admin' as const,
    countries: '*' as const,
    questionnaires: '*' as const,
    site: null,
    via: 'session' as const,
  };
  const spec = exportSpec(operator, questionnaireId, {
    profile,
    labels: o.labels,
    lang: o.lang,
    splitMultiple: o.split,
    bom: !o['no-bom'],
    maskFormulas: !o['no-mask'],
    from: date(o.from, '--from'),
    to: date(o.to, '--to'),
    reviewStates: states as ReviewState[] | undefined,
    countries: list(o.country),
    versions: list(o.version),
    k: o.k ? Number(o.k) : undefined,
    l: o.l ? Number(o.l) : undefined,
    maxGlobalRisk: o['max-global-risk'] ? Number(o['max-global-risk']) : undefined,
    maxIndividualRisk: o['max-individual-risk'] ? Number(o['max-individual-risk']) : undefined,
  });
  const deps = { db: handle.db, clock: systemClock, pseudonymKey, compression: nodeCompression, spill: fileSpill };
  const prepared = await prepareExport(deps, spec);
  const at = systemClock.now();
  await handle.atomic((db) => [
    auditStatement(db, {
      at,
      actor: 'cli',
      action: 'dataset.export',
      targetType: 'questionnaire',
      targetId: questionnaireId,
      requestId: 'cli',
      details: exportAuditDetails(spec, prepared),
    }),
  ]);
  const dir = o.out ?? 'exports';
  mkdirSync(dir, { recursive: true });
  const file = join(dir, exportFileName(questionnaireId, profile, at));
  const stream = exportStream(deps, prepared, progress());
  await pipeline(Readable.fromWeb(stream as unknown as NodeWebStream<Uint8Array>), createWriteStream(file));
  console.log(`${file}: ${prepared.rows} responses, profile ${profile}`);
  if (prepared.sdc) {
    const r = prepared.sdc.report;
    console.log(
      `disclosure control: k=${prepared.policy.k} l=${prepared.policy.l} strict violators after ${r.after.violators.strict[5]}, suppressed ${
        Object.entries(r.suppressions)
          .map(([v, s]) => `${v} ${s.count}`)
          .join(', ') || 'nothing'
      }, global risk ${(r.after.globalRisk * 100).toFixed(2)}%`,
    );
  }
  return 0;
}
