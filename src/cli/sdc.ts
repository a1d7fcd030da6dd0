// `periplus sdc <file.csv>`: the export's disclosure control on any CSV, so it can be checked
// against sdcMicro and ARX on public benchmark files. Writes the treated CSV and the report.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { anonymizeTable, type SdcPolicy } from '../datasets/anonymize/anonymize';
import { recodeColumn, type RecodeRule } from '../datasets/anonymize/recode';
import { reportHtml } from '../datasets/anonymize/report-html';
import { SUPPRESSED, tableFromRows } from '../datasets/anonymize/table';
import { CliUsageError } from './users';

export interface SdcOptions {
  sep?: string;
  qi?: string;
  strata?: string;
  sensitive?: string;
  k?: string;
  l?: string;
  recode?: string[];
  out?: string;
  'max-global-risk'?: string;
}

const list = (s: string | undefined) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

/** `age=bands:17,20,25` | `date=month` | `date=quarter` | `site=map:Sfax>TN,Sebha>LY` | `nat=rare:5` */
export function parseRecode(spec: string): [string, RecodeRule] {
  const m = /^([^=]+)=(bands|month|quarter|map|rare)(?::(.*))?$/.exec(spec);
  if (!m) throw new CliUsageError(`--recode ${spec}: expected var=bands:..., var=month, var=quarter, var=map:a>b,... or var=rare:N`);
  const [, name, kind, arg = ''] = m as unknown as [string, string, string, string];
  if (kind === 'bands') return [name, { kind: 'bands', breaks: list(arg).map(Number) }];
  if (kind === 'map') return [name, { kind: 'map', map: Object.fromEntries(list(arg).map((p) => p.split('>') as [string, string])) }];
  if (kind === 'rare') return [name, { kind: 'merge-rare', min: Number(arg), into: 'other' }];
  return [name, { kind: kind as 'month' | 'quarter' }];
}

export function sdcCommand(file: string | undefined, o: SdcOptions): number {
  if (!file) throw new CliUsageError('sdc needs <file.csv>');
  const qis = list(o.qi);
  if (!qis.length) throw new CliUsageError('sdc needs --qi var1,var2,...');
  const records = parse(readFileSync(file, 'utf8'), {
    delimiter: o.sep ?? ',',
    columns: false,
    skip_empty_lines: true,
    bom: true,
  }) as string[][];
  const [header, ...rows] = records;
  if (!header) throw new CliUsageError(`${file} is empty`);
  for (const name of [...qis, ...list(o.strata), ...list(o.sensitive)])
    if (!header.includes(name)) throw new CliUsageError(`no column '${name}' in ${file}`);
  const columns = header.map((_, j) => rows.map((r) => r[j] ?? ''));
  for (const spec of o.recode ?? []) {
    const [name, rule] = parseRecode(spec);
    const j = header.indexOf(name);
    if (j < 0) throw new CliUsageError(`no column '${name}' to recode`);
    columns[j] = recodeColumn(columns[j]!, rule);
  }
  const table = tableFromRows(
    header,
    rows.map((_, i) => header.map((__, j) => columns[j]![i]!)),
  );
  const k = Number(o.k ?? 5);
  const policy: SdcPolicy = {
    quasiIdentifiers: qis,
    strata: list(o.strata),
    sensitive: list(o.sensitive),
    k,
    l: Number(o.l ?? 1),
    maxIndividualRisk: 1 / k,
    maxGlobalRisk: Number(o['max-global-risk'] ?? 0.03),
  };
  const { table: out, report } = anonymizeTable(table, policy);
  const s = report.suppressions;
  console.log(`records ${report.before.records}, keys ${report.before.keys} -> ${report.after.keys}`);
  console.log(
    `violators of 2/3/5-anonymity (strict) before: ${Object.values(report.before.violators.strict).join('/')}, after: ${Object.values(report.after.violators.strict).join('/')}`,
  );
  console.log(
    `suppressed cells: ${Object.entries(s)
      .map(([v, x]) => `${v} ${x.count}`)
      .join(', ')} (total ${Object.values(s).reduce((a, x) => a + x.count, 0)})`,
  );
  console.log(
    `global risk ${(report.after.globalRisk * 100).toFixed(2)}%, expected re-identifications ${report.after.expectedReidentifications}`,
  );
  if (o.out) {
    const cells = (i: number) => header.map((_, v) => (out.codes[v]![i] === SUPPRESSED ? '' : out.labels[v]![out.codes[v]![i]!]!));
    writeFileSync(o.out, stringify([header, ...Array.from({ length: out.n }, (_, i) => cells(i))], { delimiter: o.sep ?? ',' }));
    writeFileSync(`${o.out}.risk.json`, JSON.stringify(report, null, 2));
    writeFileSync(`${o.out}.risk.html`, reportHtml(report, `Disclosure risk: ${file}`));
    console.log(`written: ${o.out}, ${o.out}.risk.json, ${o.out}.risk.html`);
  }
  if (!report.passed) console.log(`REFUSED: ${report.failures.join('; ')}`);
  return report.passed ? 0 : 1;
}
