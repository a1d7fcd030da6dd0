// A dataset bundle as a stream: keyset pages of responses -> flatten -> anonymize -> CSV -> zip,
// one page per pull, so memory stays flat in the number of rows. The public profile reads the
// disclosure-relevant cells once first, grouped by distinct combination (memory follows the
// categories, not the records), decides every suppression, refuses to start when a threshold
// fails, then streams, placing each record on its treated row. The manifest (row counts, SHA-256) comes last:
// a truncated download lacks it.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { stringify } from 'csv-stringify/sync';
import { Zip, ZipDeflate } from 'fflate';
import type { Deps } from '../deps';
import { AppError, notFound } from '../errors';
import { findQuestionnaire, listVersions } from '../storage/questionnaires';
import { countExportRows, exportBound, exportPage, type ExportFilters, type ExportRow } from '../storage/exports';
import { inlineAnonymizer, type SdcReport } from './anonymize/anonymize';
import { reportHtml } from './anonymize/report-html';
import { groupedTableBuilder, recordPlacer, SUPPRESSED, type SdcTable } from './anonymize/table';
import { mergeRareCodes, mergeRareSensitive, rareValues } from './anonymize/recode';
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

export type ExportDeps = Pick<Deps, 'db' | 'clock' | 'anonymizer'> & { pseudonymKey: Uint8Array };

interface SdcPlan {
  report: SdcReport;
  /** The treated table: one row per combination of the chosen columns (plus rows split off). */
  table: SdcTable;
  /** Finds a record's row in the table from its chosen cells, as pass one grouped them. */
  rowOf(cells: ReadonlyArray<string>): number | undefined;
  inputRows: number;
  records: number;
  /** Checksum of the row order of pass one, to check that pass two reads the same rows. */
  seqSum: number;
  /** Main-table columns of the key variables, in table order. */
  keyColumns: number[];
  /** Main-table columns of the sensitive variables, in the table's sensitive order. */
  sensitiveColumns: number[];
  /** Per sensitive variable with a merge-rare rule: its rare values and what they become. */
  sensitiveMerges: Array<{ rare: ReadonlySet<string>; into: string } | undefined>;
  /** Per-export random key of the row keys: public keys link nothing across exports. */
  rowKeyKey: CryptoKey;
}

/** Order-sensitive checksum of the rows read. */
const seqStep = (sum: number, seq: number) => (Math.imul(sum, 31) + seq) | 0;

/**
 * Public row keys for rows [from, from + count): 64 bits of AES-CTR keystream per row, so the
 * main table and the repeat tables agree without keeping a key per row in memory.
 */
async function rowKeys(key: CryptoKey, from: number, count: number): Promise<string[]> {
  const counter = new Uint8Array(16);
  const view = new DataView(counter.buffer);
  view.setUint32(8, Math.floor(from / 2 ** 32));
  view.setUint32(12, from >>> 0);
  const stream = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CTR', counter, length: 64 }, key, new Uint8Array(16 * count)));
  const keys: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    let k = '';
    for (let b = 16 * i; b < 16 * i + 8; b++) k += HEX[stream[b]!];
    keys[i] = k;
  }
  return keys;
}
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

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

async function* pages(deps: ExportDeps, p: Pick<PreparedExport, 'spec' | 'bound'>, fields: 'all' | 'sdc' = 'all'): AsyncGenerator<ExportRow[]> {
  let after = 0;
  for (;;) {
    const rows = await exportPage(deps.db, p.spec.questionnaireId, p.spec.filters, p.bound, after, PAGE, fields);
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
  const keyed = [...strata, ...qis];
  // Pass one keeps one row per key (stratum and quasi-identifiers) with the distinct values of
  // each sensitive variable, not one per record: memory follows the categories, whatever the
  // number of responses.
  const builder = groupedTableBuilder(keyed.map(([c]) => c.name), sensitive.map(([c]) => c.name));
  const keyColumns = keyed.map(([, i]) => i);
  const sensitiveColumns = sensitive.map(([, i]) => i);
  const readColumns = [...keyColumns, ...sensitiveColumns];
  // Sensitive variables whose rare values are merged: their values are counted in pass one.
  const mergeRules = sensitive.map(([c]) => (c.variable?.recode?.kind === 'merge-rare' ? c.variable.recode : undefined));
  const sensitiveCounts = mergeRules.map((rule) => (rule ? new Map<string, number>() : undefined));
  let records = 0;
  let seqSum = 0;
  // A key or sensitive column that derived from a field pass one does not read would not match
  // in pass two, and the export would stop with an error rather than misplace a record.
  for await (const page of pages(deps, p, 'sdc'))
    for (const row of page) {
      const cells = mainCells(p, row, readColumns);
      const sensitiveCells = cells.slice(keyColumns.length);
      builder.push(cells.slice(0, keyColumns.length), sensitiveCells);
      sensitiveCounts.forEach((counts, s) => counts?.set(sensitiveCells[s]!, (counts.get(sensitiveCells[s]!) ?? 0) + 1));
      seqSum = seqStep(seqSum, row.seq);
      records++;
    }
  const table = builder.build();
  const inputRows = table.n;
  // Merging rare categories needs the whole column: done on the table, before suppression (and,
  // for sensitive variables, before l-diversity is measured on them).
  keyed.forEach(([c], vi) => {
    const rule = c.variable?.recode;
    if (rule?.kind === 'merge-rare') mergeRareCodes(table, vi, rule.min, rule.into);
  });
  const sensitiveMerges = mergeRules.map((rule, s) => {
    if (!rule) return undefined;
    const rare = rareValues(sensitiveCounts[s]!, rule.min);
    mergeRareSensitive(table.sensitive![s]!, rare, rule.into);
    return { rare, into: rule.into };
  });
  const { table: treated, report } = await (deps.anonymizer ?? inlineAnonymizer)(table, {
    quasiIdentifiers: qis.map(([c]) => c.name),
    strata: strata.map(([c]) => c.name),
    sensitive: sensitive.map(([c]) => c.name),
    k: p.spec.sdc.k,
    l: p.spec.sdc.l,
    maxIndividualRisk: 1 / p.spec.sdc.k,
    maxGlobalRisk: p.spec.sdc.maxGlobalRisk,
  });
  if (!report.passed)
    throw new AppError(422, 'disclosure_risk', `The public dataset fails its disclosure thresholds: ${report.failures.join('; ')}.`, {
      failures: report.failures,
      quasiIdentifiers: report.parameters.quasiIdentifiers,
      violators: report.after.violators,
    });
  for (const [c] of qis) p.treatments.set(`\u0000${c.name}`, `k-anonymity key (k=${p.spec.sdc.k}); ${(p.treatments.get(`\u0000${c.name}`) ?? 'as collected')}`);
  sensitive.forEach(([c], s) => {
    const merge = mergeRules[s];
    p.treatments.set(`\u0000${c.name}`, `l-diversity (l=${p.spec.sdc.l})${merge ? `; values of fewer than ${merge.min} records merged into '${merge.into}'` : ''}`);
  });
  return {
    report,
    table: treated,
    rowOf: builder.rowOf,
    inputRows,
    records,
    seqSum,
    keyColumns,
    sensitiveColumns,
    sensitiveMerges,
    rowKeyKey: await crypto.subtle.generateKey({ name: 'AES-CTR', length: 128 }, false, ['encrypt']),
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
    const sdc = p.sdc;
    const placer = sdc && recordPlacer(sdc.table, sdc.inputRows);
    let seqSum = 0;
    for await (const page of pages(deps, p)) {
      const out: string[][] = [];
      const keys = sdc ? await rowKeys(sdc.rowKeyKey, index, page.length) : [];
      for (const [r, row] of page.entries()) {
        const cells = mainCells(p, row);
        if (sdc && placer) {
          seqSum = seqStep(seqSum, row.seq);
          const t = sdc.table;
          const j = placer.place(sdc.rowOf(sdc.keyColumns.map((ci) => cells[ci]!)) ?? -1);
          cells[0] = keys[r]!;
          sdc.keyColumns.forEach((ci, v) => {
            const code = t.codes[v]![j]!;
            cells[ci] = code === SUPPRESSED ? SUPPRESSED_CELL : t.labels[v]![code]!;
          });
          sdc.sensitiveColumns.forEach((ci, s) => {
            const merge = sdc.sensitiveMerges[s];
            if (t.sensitive![s]!.blanked[j]) cells[ci] = SUPPRESSED_CELL;
            else if (merge?.rare.has(cells[ci]!)) cells[ci] = merge.into;
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
    if (sdc && placer) {
      placer.finish();
      if (index !== sdc.records || seqSum !== sdc.seqSum) throw new Error('responses changed while the export was running; export again');
    }
    main.close();
    // Each repeat table in a pass of its own: zip entries are written one after another.
    for (const f of p.files.slice(1)) {
      const out = file(f.file, true);
      out.write(bom + csvText([['PARENT_KEY', 'KEY', ...f.columns.map((c) => c.name)]], false));
      const vars = p.layout.variables.filter((v) => v.table === f.table);
      let rowIndex = 0;
      for await (const page of pages(deps, p)) {
        const rows: string[][] = [];
        const keys = sdc ? await rowKeys(sdc.rowKeyKey, rowIndex, page.length) : [];
        rowIndex += page.length;
        for (const [r, row] of page.entries()) {
          const flat = flattenResponse(p.layout, JSON.parse(row.data), row.hidden, p.spec.labels);
          const mainKey = sdc ? keys[r]! : p.files[0]!.columns[0]!.system!(row);
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
