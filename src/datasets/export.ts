// A dataset bundle as a stream: keyset pages of responses -> flatten -> anonymize -> CSV -> zip,
// one page per pull, so memory stays flat in the number of rows. The public profile reads the
// disclosure-relevant cells once first, grouped by distinct combination (memory follows the
// categories, not the records), decides every suppression, refuses to start when a threshold
// fails, then streams, placing each record on its treated row. The manifest (row counts, SHA-256) comes last:
// a truncated download lacks it.
import { stringify } from 'csv-stringify/sync';
import { Zip } from 'fflate';
import { portableCompression, zipEntry } from './compression';
import { notFound } from '../errors';
import { hasBit } from '../shared/bits';
import { collectGarbage } from '../shared/collect-garbage';
import { sha256Hasher } from '../questionnaires/canonical';
import { declaredSites, policyOf, tightened } from '../questionnaires/disclosure-policy';
import { findQuestionnaire, listVersions, type VersionRow } from '../storage/questionnaires';
import { countExportRows, exportBound } from '../storage/exports';
import { newLedger } from './anonymize/ledger';
import { reportHtml } from './anonymize/report-html';
import { isBlanked, recordPlacer, SUPPRESSED } from './anonymize/table';
import { codebookCsv, readmeText, rScript, spssScript, stataScript, type TableFile } from './bundle-files';
import { columnsFor, type ColumnKeys } from './columns';
import { csvLine, maskFormula } from './csv-cells';
import { planSuppression } from './disclosure-pass';
import {
  mainCells,
  pages,
  repeatRows,
  type ExportDeps,
  type ExportSpec,
  type PreparedExport,
  type ReleaseRun,
  type SdcPlan,
} from './export-rows';
import { SUPPRESSED_CELL } from './flatten';
import { withPublishedValues } from './published-values';
import { BUCKET, rowKeys, unpackCells } from './shuffle';
import { datasetLayout } from './variables';
import { withdrawalPolicy } from '../questionnaires/withdrawal';
import { versionScreeningRules } from '../questionnaires/screening';

export type { ExportDeps, ExportSpec, PreparedExport, ReleaseRun } from './export-rows';

/**
 * Loads the questionnaire, lays out the tables, counts the rows and, for public, decides
 * suppression; `release` makes it a release (public profile only) against earlier ones.
 */
/** The versions without the screening rules another version of the questionnaire has, if any. */
function unscreenedVersions(versions: ReadonlyArray<VersionRow>): { unscreened?: Set<string> } {
  const screened = versions.map((v) => versionScreeningRules(v).length > 0);
  if (!screened.some(Boolean) || screened.every(Boolean)) return {};
  return { unscreened: new Set(versions.filter((_, i) => !screened[i]).map((v) => v.version)) };
}

export async function prepareExport(deps: ExportDeps, spec: ExportSpec, release?: ReleaseRun): Promise<PreparedExport> {
  if (release && spec.profile !== 'public') throw new Error('a release is of the public profile');
  const q = await findQuestionnaire(deps.db, spec.questionnaireId);
  if (!q) throw notFound(`Questionnaire '${spec.questionnaireId}'`);
  const versions = await listVersions(deps.db, q.id);
  const wanted = spec.filters.versions?.length ? versions.filter((v) => spec.filters.versions!.includes(v.version)) : versions;
  const definitions = wanted.map((v) => JSON.parse(v.definition) as Record<string, unknown>);
  // The policy is the questionnaire's as it stands now: its newest version's.
  const policy = tightened(policyOf(JSON.parse(versions.at(-1)?.definition ?? '{}') as Record<string, unknown>), spec.requested);
  const layout = datasetLayout(
    wanted.map((v, i) => ({ version: v.version, definition: definitions[i]! })),
    { lang: spec.lang, splitMultiple: spec.splitMultiple },
  );
  const keys: ColumnKeys = {
    pseudonymKey: deps.pseudonymKey,
    sites: declaredSites(definitions),
    withdrawal: definitions.some((d) => withdrawalPolicy(d) !== null),
    ...unscreenedVersions(versions),
  };
  const files: TableFile[] = [
    {
      file: `${q.id}.csv`,
      table: '',
      columns: columnsFor(
        spec.profile,
        keys,
        '',
        layout.variables.filter((v) => v.table === ''),
      ),
    },
    ...layout.repeats.map((r) => ({
      file: `${q.id}-${r.name.replace(/[^A-Za-z0-9_.-]/g, '_')}.csv`,
      table: r.name,
      columns: columnsFor(
        spec.profile,
        keys,
        r.name,
        layout.variables.filter((v) => v.table === r.name),
      ),
    })),
  ];
  const bound = await exportBound(deps.db);
  const rows = await countExportRows(deps.db, q.id, spec.filters, bound);
  const treatments = new Map<string, string>();
  const prepared: PreparedExport = {
    spec,
    title: q.title,
    versions: wanted.map((v) => v.version),
    layout,
    files,
    bound,
    rows,
    keys,
    policy,
    treatments,
    release,
  };
  for (const f of files)
    for (const c of f.columns)
      if (c.transform) treatments.set(`${f.table}\u0000${c.name}`, spec.profile === 'public' ? 'recoded' : 'shifted per record');
  if (spec.profile === 'public') prepared.sdc = await planSuppression(deps, prepared);
  return prepared;
}

function csvText(rows: string[][], mask: boolean): string {
  return stringify(mask ? rows.map((r) => r.map(maskFormula)) : rows);
}

/** The bundle as a zip stream, one page of rows per pull. */
export function exportStream(
  deps: ExportDeps,
  p: PreparedExport,
  onProgress?: (done: number, total: number) => void,
): ReadableStream<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let zipError: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) zipError = err;
    else chunks.push(chunk);
  });
  const manifest: Array<{ name: string; rows: number | null; bytes: number; sha256: string }> = [];
  const encoder = new TextEncoder();

  function file(name: string, rowsCounted = false) {
    const entry = zipEntry(name, deps.compression ?? portableCompression);
    zip.add(entry);
    const hash = sha256Hasher();
    let bytes = 0;
    let rows = 0;
    return {
      write(text: string, addRows = 0) {
        const data = encoder.encode(text);
        hash.update(data);
        bytes += data.length;
        rows += addRows;
        entry.push(data);
      },
      close() {
        entry.push(new Uint8Array(0), true);
        manifest.push({ name, rows: rowsCounted ? rows : null, bytes, sha256: hash.hex() });
      },
    };
  }
  const whole = (name: string, text: string) => {
    const f = file(name);
    f.write(text);
    f.close();
  };

  /** Full and pseudonymized profiles: the tables in stored order, each repeat table in a pass of its own. */
  async function* storedOrderTables(bom: string): AsyncGenerator<void> {
    const main = file(p.files[0]!.file, true);
    main.write(bom + csvText([p.files[0]!.columns.map((c) => c.name)], false));
    let done = 0;
    for await (const page of pages(deps, p)) {
      main.write(
        csvText(
          page.map((row) => mainCells(p, row)),
          p.spec.maskFormulas,
        ),
        page.length,
      );
      done += page.length;
      onProgress?.(done, p.rows);
      yield;
    }
    main.close();
    // Zip entries are written one after another: each repeat table reads the rows again.
    for (const [i, f] of p.files.slice(1).entries()) {
      const out = file(f.file, true);
      out.write(bom + csvText([['PARENT_KEY', 'KEY', ...f.columns.map((c) => c.name)]], false));
      for await (const page of pages(deps, p)) {
        const rows: string[][] = [];
        for (const row of page) {
          const mainKey = p.files[0]!.columns[0]!.system!(row);
          for (const line of repeatRows(p, row)[i]!) rows.push([mainKey + line.parent, mainKey + line.key, ...line.cells]);
        }
        out.write(csvText(rows, p.spec.maskFormulas), rows.length);
        yield;
      }
      out.close();
    }
  }

  /**
   * The public profile: the responses pass one filed under their random positions are treated as
   * disclosure control decided and written bucket by bucket in position order, with the keys of
   * those positions. Nothing is read again: the bundle is the responses as they were read once.
   */
  async function* shuffledTables(sdc: SdcPlan, bom: string, published: Map<number, Set<string>>): AsyncGenerator<void> {
    yield* shuffledMainTable(sdc, bom, published);
    // The treated table (60 MB at a million records) was let go with the main table's generator:
    // given back now, not when V8 next counts what it holds off its heap.
    collectGarbage();
    for (const [i, f] of p.files.slice(1).entries()) {
      const out = file(f.file, true);
      out.write(bom + csvText([['PARENT_KEY', 'KEY', ...f.columns.map((c) => c.name)]], false));
      for (const [b, bucket] of sdc.repeats[i]!.entries()) {
        const from = b * BUCKET;
        const count = Math.min(BUCKET, p.rows - from);
        const keys = await rowKeys(sdc.rowKeyCipherKey, from, count);
        // Rows of one response keep their order (the bucket's sort is stable).
        const lines: string[] = [];
        bucket.take(from, count, (position, _a, _b, _c, text) => {
          const cut = text.indexOf('\n');
          const [parent, key] = JSON.parse(text.slice(0, cut)) as [string, string];
          const rowKey = keys.key(position - from);
          const head = csvLine([rowKey + parent, rowKey + key], false);
          lines.push(cut < text.length - 1 ? `${head.slice(0, -1)},${text.slice(cut + 1)}` : head);
        });
        out.write(lines.join(''), lines.length);
        yield;
      }
      out.close();
    }
  }

  /**
   * The main table. Its own generator, so that what it holds (the treated table, the placer) is
   * let go as it ends, before the repeat tables are written.
   */
  async function* shuffledMainTable(sdc: SdcPlan, bom: string, published: Map<number, Set<string>>): AsyncGenerator<void> {
    const t = sdc.table!;
    const placer = recordPlacer(t, sdc.inputRows);
    const release = p.release;
    const ledgerNames = sdc.ledgerColumns.map((ci) => p.files[0]!.columns[ci]!.name);
    if (release) release.ledger = newLedger(ledgerNames);
    // The values of key and sensitive columns are those of the treated table; only other recoded
    // columns are followed row by row.
    const tracked = [...published].filter(([ci]) => !sdc.keyColumns.includes(ci) && !sdc.sensitiveColumns.includes(ci));
    sdc.keyColumns.forEach((ci, v) => {
      const inUse = new Set<number>();
      for (let j = 0; j < t.n; j++) if (t.weights![j]! > 0) inUse.add(t.codes[v]![j]!);
      published.get(ci)?.add(SUPPRESSED_CELL);
      for (const code of inUse) if (code !== SUPPRESSED) published.get(ci)?.add(t.labels[v]![code]!);
    });
    sdc.sensitiveColumns.forEach((ci, s) => {
      const merge = sdc.sensitiveMerges[s];
      for (const label of t.sensitive![s]!.labels) published.get(ci)?.add(merge?.rare.has(label) ? merge.into : label);
    });
    const main = file(p.files[0]!.file, true);
    main.write(bom + csvText([p.files[0]!.columns.map((c) => c.name)], false));
    let done = 0;
    for (const [b, bucket] of sdc.rows.entries()) {
      const from = b * BUCKET;
      const count = Math.min(BUCKET, p.rows - from);
      const keys = await rowKeys(sdc.rowKeyCipherKey, from, count);
      // Written a few hundred lines at a time: nothing of a row lives long enough to be promoted.
      let lines: string[] = [];
      bucket.take(from, count, (position, r, rank, seq, text) => {
        const cells = unpackCells(text);
        const j = placer.place(r, rank);
        sdc.keyColumns.forEach((ci, v) => {
          const code = t.codes[v]![j]!;
          cells[ci] = code === SUPPRESSED ? SUPPRESSED_CELL : t.labels[v]![code]!;
        });
        sdc.sensitiveColumns.forEach((ci, s) => {
          const merge = sdc.sensitiveMerges[s];
          if (isBlanked(t.sensitive![s]!, j)) cells[ci] = SUPPRESSED_CELL;
          else if (merge?.rare.has(cells[ci]!)) cells[ci] = merge.into;
        });
        // What this release publishes of a record no release published before.
        if (release?.ledger && !(release.publishedBefore && hasBit(release.publishedBefore, position))) {
          release.ledger.seqs.push(seq);
          sdc.ledgerColumns.forEach((ci, c) => release.ledger!.values[c]!.push(cells[ci]!));
        }
        for (const [ci, seen] of tracked) seen.add(cells[ci]!);
        cells[0] = keys.key(position - from);
        lines.push(csvLine(cells, p.spec.maskFormulas));
        if (lines.length === 256) {
          main.write(lines.join(''), lines.length);
          lines = [];
        }
      });
      main.write(lines.join(''), lines.length);
      done += count;
      onProgress?.(done, p.rows);
      yield;
    }
    placer.finish();
    main.close();
    sdc.table = undefined;
  }

  async function* work(): AsyncGenerator<void> {
    const bom = p.spec.bom ? '\uFEFF' : '';
    // Publicly, key, sensitive and recoded columns hold values the questionnaire never listed
    // (bands, regions, quarters, 'other'): the codebook and loaders describe what was published.
    const published = new Map<number, Set<string>>(
      p.spec.profile === 'public'
        ? p.files[0]!.columns.flatMap((c, ci) =>
            c.variable && (c.transform || p.sdc?.keyColumns.includes(ci) || p.sdc?.sensitiveColumns.includes(ci))
              ? [[ci, new Set<string>()] as const]
              : [],
          )
        : [],
    );
    if (p.sdc)
      try {
        yield* shuffledTables(p.sdc, bom, published);
      } finally {
        p.sdc.spill.close();
      }
    else yield* storedOrderTables(bom);
    const files = published.size ? withPublishedValues(p.files, published) : p.files;
    whole('codebook.csv', bom + codebookCsv(files, p.treatments));
    whole('README.txt', readmeText(p.spec.profile, p.spec.questionnaireId));
    whole('load.R', rScript(files));
    whole('load.do', stataScript(files));
    whole('load.sps', spssScript(files));
    if (p.sdc) {
      whole('risk-report.json', JSON.stringify(p.sdc.report, null, 2));
      whole('risk-report.html', reportHtml(p.sdc.report, `Disclosure risk: ${p.title}`));
    }
    const m = {
      questionnaire: p.spec.questionnaireId,
      title: p.title,
      profile: p.spec.profile,
      generatedAt: deps.clock.now().toISOString(),
      versions: p.versions,
      options: {
        labels: p.spec.labels,
        lang: p.spec.lang,
        splitMultiple: p.spec.splitMultiple,
        bom: p.spec.bom,
        maskFormulas: p.spec.maskFormulas,
      },
      filters: { ...p.spec.filters, from: p.spec.filters.from?.toISOString(), to: p.spec.filters.to?.toISOString() },
      responses: p.rows,
      files: manifest,
    };
    whole('manifest.json', JSON.stringify(m, null, 2));
    zip.end();
  }

  const steps = work();
  let ended = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(ctrl) {
        try {
          // fflate emits synchronously: after each step the produced bytes are in `chunks`.
          while (chunks.length === 0 && !ended) {
            ended = Boolean((await steps.next()).done);
            if (zipError) throw zipError;
          }
          for (const c of chunks.splice(0)) ctrl.enqueue(c);
          if (ended) ctrl.close();
        } catch (e) {
          ctrl.error(e);
        }
      },
      // Awaited, so that what the bundle holds (its spill file) is let go when cancel() resolves.
      cancel: async () => {
        await steps.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
