// A dataset bundle as a stream: keyset pages of responses -> flatten -> anonymize -> CSV -> zip,
// one page per pull, so memory stays flat in the number of rows. The public profile reads the
// quasi-identifiers once first (a few bytes a record), decides every suppression, refuses to
// start when a threshold fails, then streams. The manifest (row counts, SHA-256) comes last:
// a truncated download lacks it.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { stringify } from 'csv-stringify/sync';
import { Zip, ZipDeflate } from 'fflate';
import type { Deps } from '../deps';
import { AppError, notFound } from '../errors';
import { findQuestionnaire, listVersions } from '../storage/questionnaires';
import { countExportRows, exportBound, exportPage, type ExportFilters, type ExportRow } from '../storage/exports';
import { anonymizeTable, type SdcReport } from './anonymize/anonymize';
import { reportHtml } from './anonymize/report-html';
import { SUPPRESSED, tableBuilder, type SdcTable } from './anonymize/table';
import { mergeRareCodes } from './anonymize/recode';
import { codebookCsv, readmeText, rScript, spssScript, stataScript, type TableFile } from './bundle-files';
import { columnsFor, type Column, type ColumnKeys, type Profile } from './columns';
import { flattenResponse, mainCellText, SUPPRESSED_CELL } from './flatten';
import { datasetLayout, type Layout } from './variables';

export interface ExportSpec {
  questionnaireId: string;
  profile: Profile;
  /** Choice labels (in `lang`) instead of codes. */
  labels: boolean;
  lang: string;
  splitMultiple: boolean;
  bom: boolean;
  /** Prefix cells that start with = + - @ (and are not numbers) with ' against CSV injection. */
  maskFormulas: boolean;
  filters: ExportFilters;
  sdc: { k: number; l: number; maxGlobalRisk: number };
}

export type ExportDeps = Pick<Deps, 'db' | 'clock'> & { pseudonymKey: Uint8Array };

interface SdcPlan {
  report: SdcReport;
  table: SdcTable;
  /** Row order of pass one, to check that pass two reads the same rows. */
  seqs: Float64Array;
  /** Main-table column index -> variable index in the treated table. */
  columnVar: Map<number, number>;
  /** Random 64-bit row keys, by row index: public keys link nothing across exports. */
  ids: Uint32Array;
}

/** Fills a large array with random values (getRandomValues takes 64 KiB at a time). */
function randomFill(a: Uint32Array): Uint32Array {
  for (let i = 0; i < a.length; i += 16384) crypto.getRandomValues(a.subarray(i, Math.min(a.length, i + 16384)));
  return a;
}

function publicKey(ids: Uint32Array, index: number): string {
  return ids[2 * index]!.toString(16).padStart(8, '0') + ids[2 * index + 1]!.toString(16).padStart(8, '0');
}

export interface PreparedExport {
  spec: ExportSpec;
  title: string;
  versions: string[];
  layout: Layout;
  files: TableFile[];
  bound: number;
  rows: number;
  keys: ColumnKeys;
  sdc?: SdcPlan;
  /** Per table + column: what disclosure control did to it, for the codebook. */
  treatments: Map<string, string>;
}

const PAGE = 500;

async function* pages(deps: ExportDeps, p: Pick<PreparedExport, 'spec' | 'bound'>): AsyncGenerator<ExportRow[]> {
  let after = 0;
  for (;;) {
    const rows = await exportPage(deps.db, p.spec.questionnaireId, p.spec.filters, p.bound, after, PAGE);
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)!.seq;
  }
}

/** Main-table cells of one row before disclosure control: all columns, or only those in `only`. */
function mainCells(p: Pick<PreparedExport, 'spec' | 'files'>, row: ExportRow, only?: readonly number[]): string[] {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const hidden = new Set(row.hidden);
  const columns = p.files[0]!.columns;
  const cell = (ci: number) => {
    const c = columns[ci]!;
    return cellOf(c, row, c.variable ? mainCellText(c.variable, data, hidden, p.spec.labels) : '');
  };
  return only ? only.map(cell) : columns.map((_, ci) => cell(ci));
}

function cellOf(c: Column, row: ExportRow, raw: string): string {
  const cell = c.system ? c.system(row) : raw;
  return c.transform ? c.transform(cell, row) : cell;
}

/** Loads the questionnaire, lays out the tables, counts the rows and, for public, decides suppression. */
export async function prepareExport(deps: ExportDeps, spec: ExportSpec): Promise<PreparedExport> {
  const q = await findQuestionnaire(deps.db, spec.questionnaireId);
  if (!q) throw notFound(`Questionnaire '${spec.questionnaireId}'`);
  const versions = await listVersions(deps.db, q.id);
  const wanted = spec.filters.versions?.length ? versions.filter((v) => spec.filters.versions!.includes(v.version)) : versions;
  const layout = datasetLayout(wanted.map((v) => ({ version: v.version, definition: JSON.parse(v.definition) })), { lang: spec.lang, splitMultiple: spec.splitMultiple });
  const keys: ColumnKeys = { pseudonymKey: deps.pseudonymKey };
  const files: TableFile[] = [
    { file: `${q.id}.csv`, table: '', columns: columnsFor(spec.profile, keys, '', layout.variables.filter((v) => v.table === '')) },
    ...layout.repeats.map((r) => ({ file: `${q.id}-${r.name.replace(/[^A-Za-z0-9_.-]/g, '_')}.csv`, table: r.name, columns: columnsFor(spec.profile, keys, r.name, layout.variables.filter((v) => v.table === r.name)) })),
  ];
  const bound = await exportBound(deps.db);
  const rows = await countExportRows(deps.db, q.id, spec.filters, bound);
  const treatments = new Map<string, string>();
  const prepared: PreparedExport = { spec, title: q.title, versions: wanted.map((v) => v.version), layout, files, bound, rows, keys, treatments };
  for (const f of files)
    for (const c of f.columns) if (c.transform) treatments.set(`${f.table}\u0000${c.name}`, spec.profile === 'public' ? 'recoded' : 'shifted per record');
  if (spec.profile === 'public') prepared.sdc = await planSuppression(deps, prepared);
  return prepared;
}

async function planSuppression(deps: ExportDeps, p: PreparedExport): Promise<SdcPlan> {
  const columns = p.files[0]!.columns;
  const pick = (roles: string[]) => columns.map((c, i) => [c, i] as const).filter(([c]) => roles.includes(c.role));
  const strata = columns.map((c, i) => [c, i] as const).filter(([c]) => c.name === 'country');
  const qis = pick(['quasi', 'location', 'date']);
  const sensitive = pick(['sensitive']);
  const chosen = [...strata, ...qis, ...sensitive];
  let seqs = new Float64Array(Math.max(16, p.rows));
  const builder = tableBuilder(chosen.map(([c]) => c.name), p.rows);
  let n = 0;
  const chosenColumns = chosen.map(([, i]) => i);
  for await (const page of pages(deps, p))
    for (const row of page) {
      const cells = mainCells(p, row, chosenColumns);
      if (n === seqs.length) {
        const bigger = new Float64Array(seqs.length * 2);
        bigger.set(seqs);
        seqs = bigger;
      }
      seqs[n++] = row.seq;
      builder.push(cells);
    }
  const table = builder.build();
  // Merging rare categories needs the whole column: done on the table, before suppression.
  chosen.forEach(([c], vi) => {
    const rule = c.variable?.recode;
    if (rule?.kind === 'merge-rare') mergeRareCodes(table, vi, rule.min, rule.into);
  });
  const { table: treated, report } = anonymizeTable(table, {
    quasiIdentifiers: qis.map(([c]) => c.name),
    strata: strata.map(([c]) => c.name),
    sensitive: sensitive.map(([c]) => c.name),
    k: p.spec.sdc.k,
    l: p.spec.sdc.l,
    maxIndividualRisk: 1 / p.spec.sdc.k,
    maxGlobalRisk: p.spec.sdc.maxGlobalRisk,
  }, { inPlace: true });
  if (!report.passed)
    throw new AppError(422, 'disclosure_risk', `The public dataset fails its disclosure thresholds: ${report.failures.join('; ')}.`, {
      failures: report.failures,
      quasiIdentifiers: report.parameters.quasiIdentifiers,
      violators: report.after.violators,
    });
  for (const [c] of qis) p.treatments.set(`\u0000${c.name}`, `k-anonymity key (k=${p.spec.sdc.k}); ${(p.treatments.get(`\u0000${c.name}`) ?? 'as collected')}`);
  for (const [c] of sensitive) p.treatments.set(`\u0000${c.name}`, `l-diversity (l=${p.spec.sdc.l})`);
  return {
    report,
    table: treated,
    seqs: seqs.length === n ? seqs : seqs.subarray(0, n),
    columnVar: new Map(chosen.map(([, i], vi) => [i, vi])),
    ids: randomFill(new Uint32Array(2 * n)),
  };
}

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function csvText(rows: string[][], mask: boolean): string {
  return stringify(mask ? rows.map((r) => r.map((c) => (FORMULA.test(c) && !NUMBER.test(c) ? `'${c}` : c))) : rows);
}

/** The bundle as a zip stream, one page of rows per pull. */
export function exportStream(deps: ExportDeps, p: PreparedExport, onProgress?: (done: number, total: number) => void): ReadableStream<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let zipError: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) zipError = err;
    else chunks.push(chunk);
  });
  const manifest: Array<{ name: string; rows: number | null; bytes: number; sha256: string }> = [];
  const encoder = new TextEncoder();

  function file(name: string, rowsCounted = false) {
    const entry = new ZipDeflate(name, { level: 1 });
    zip.add(entry);
    const hash = sha256.create();
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
        manifest.push({ name, rows: rowsCounted ? rows : null, bytes, sha256: bytesToHex(hash.digest()) });
      },
    };
  }
  const whole = (name: string, text: string) => {
    const f = file(name);
    f.write(text);
    f.close();
  };

  async function* work(): AsyncGenerator<void> {
    const bom = p.spec.bom ? '\uFEFF' : '';
    let done = 0;
    // The main table.
    const main = file(p.files[0]!.file, true);
    main.write(bom + csvText([p.files[0]!.columns.map((c) => c.name)], false));
    let index = 0;
    for await (const page of pages(deps, p)) {
      const out: string[][] = [];
      for (const row of page) {
        let cells = mainCells(p, row);
        if (p.sdc) {
          if (p.sdc.seqs[index] !== row.seq) throw new Error('responses changed while the export was running; export again');
          const t = p.sdc.table;
          cells[0] = publicKey(p.sdc.ids, index);
          cells = cells.map((cell, ci) => {
            const vi = p.sdc!.columnVar.get(ci);
            if (vi === undefined) return cell;
            const code = t.codes[vi]![index]!;
            return code === SUPPRESSED ? SUPPRESSED_CELL : t.labels[vi]![code]!;
          });
        }
        index++;
        out.push(cells);
      }
      main.write(csvText(out, p.spec.maskFormulas), out.length);
      done += page.length;
      onProgress?.(done, p.rows);
      yield;
    }
    if (p.sdc && index !== p.sdc.seqs.length) throw new Error('responses changed while the export was running; export again');
    main.close();
    // Each repeat table in a pass of its own: zip entries are written one after another.
    for (const f of p.files.slice(1)) {
      const out = file(f.file, true);
      out.write(bom + csvText([['PARENT_KEY', 'KEY', ...f.columns.map((c) => c.name)]], false));
      const vars = p.layout.variables.filter((v) => v.table === f.table);
      let rowIndex = 0;
      for await (const page of pages(deps, p)) {
        const rows: string[][] = [];
        for (const row of page) {
          const flat = flattenResponse(p.layout, JSON.parse(row.data), row.hidden, p.spec.labels);
          const mainKey = p.sdc ? publicKey(p.sdc.ids, rowIndex++) : p.files[0]!.columns[0]!.system!(row);
          for (const line of flat.repeats.get(f.table) ?? []) {
            const byName = new Map(vars.map((v, i) => [v.name, line.cells[i]!]));
            rows.push([mainKey + line.parent, mainKey + line.key, ...f.columns.map((c) => cellOf(c, row, byName.get(c.name) ?? ''))]);
          }
        }
        out.write(csvText(rows, p.spec.maskFormulas), rows.length);
        yield;
      }
      out.close();
    }
    whole('codebook.csv', bom + codebookCsv(p.files, p.treatments));
    whole('README.txt', readmeText(p.spec.profile, p.spec.questionnaireId));
    whole('load.R', rScript(p.files));
    whole('load.do', stataScript(p.files));
    whole('load.sps', spssScript(p.files));
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
      options: { labels: p.spec.labels, lang: p.spec.lang, splitMultiple: p.spec.splitMultiple, bom: p.spec.bom, maskFormulas: p.spec.maskFormulas },
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
      cancel: () => void steps.return(undefined),
    },
    { highWaterMark: 0 },
  );
}
