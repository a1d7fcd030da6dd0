// The small files of a dataset bundle: the codebook, a README on the cell codes, and scripts
// that load the CSVs with variable and value labels in R, Stata and SPSS (as REDCap ships them).
import { stringify } from 'csv-stringify/sync';
import type { Column } from './columns';
import { NOT_ASKED, SUPPRESSED_CELL } from './flatten';

export interface TableFile {
  file: string;
  table: string;
  columns: Column[];
}

/** The columns as written: repeat files start with PARENT_KEY and KEY. */
function written(f: TableFile): Column[] {
  if (f.table === '') return f.columns;
  return [
    { name: 'PARENT_KEY', label: 'Key of the parent row', role: 'none' },
    { name: 'KEY', label: 'Row key', role: 'none' },
    ...f.columns,
  ];
}

const NOTE_ROLE: Record<string, string> = {
  direct: 'direct identifier',
  quasi: 'quasi-identifier',
  sensitive: 'sensitive',
  'free-text': 'free text',
  date: 'date',
  location: 'location',
  none: '',
};

/** codebook.csv: one line per column of every table. */
export function codebookCsv(files: TableFile[], treatments: Map<string, string>): string {
  const rows: string[][] = [['file', 'variable', 'label', 'type', 'choices', 'versions', 'disclosure_role', 'treatment']];
  for (const f of files)
    for (const c of written(f)) {
      const v = c.variable;
      rows.push([
        f.file,
        c.name,
        c.label,
        v?.type ?? 'text',
        (v?.choices ?? []).map((ch) => `${ch.value}=${ch.label}`).join(' | '),
        (v?.versions ?? []).join(' '),
        NOTE_ROLE[c.role] ?? c.role,
        treatments.get(`${f.table}\u0000${c.name}`) ?? '',
      ]);
    }
  return stringify(rows);
}

export function readmeText(profile: string, questionnaire: string): string {
  return `Dataset of questionnaire ${questionnaire}, profile ${profile}.

Cell codes
  (empty)  no answer: the question was shown and left unanswered, or the question is not in
           the version of this response (see the version column and the codebook's versions)
  ${NOT_ASKED}       not asked: skip logic hid the question for this respondent
  ${SUPPRESSED_CELL}       suppressed by statistical disclosure control (public profile)

Multiple-choice answers are space-separated codes, or one 0/1 column per choice.
Repeating groups are in their own files, linked by PARENT_KEY to the KEY of their parent row.
manifest.json lists every file with its row count and SHA-256: a bundle without it, or whose
counts differ, is incomplete. load.R, load.do and load.sps read the files with their labels.
`;
}

/** Names valid in Stata and SPSS (letters, digits, underscore; 32 characters), made unique. */
export function safeNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((n) => {
    const base = n
      .replace(/[^A-Za-z0-9_]/g, '_')
      .replace(/^([^A-Za-z])/, 'v$1')
      .slice(0, 32);
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)}_${i}`;
    used.add(name.toLowerCase());
    return name;
  });
}

const rq = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const sq = (s: string) => `'${s.replace(/'/g, "''")}'`;
const dq = (s: string) => `"${s.replace(/"/g, "'")}"`;

/** load.R: base R only; codes become factors with their labels, ".n"/".s" become NA. */
export function rScript(files: TableFile[]): string {
  const out = ['# Loads the bundle with variable and value labels. Run from the folder of the CSV files.', 'periplus <- list()'];
  for (const f of files) {
    const obj = `periplus[[${rq(f.table || 'main')}]]`;
    out.push(
      `${obj} <- utils::read.csv(${rq(f.file)}, colClasses = "character", na.strings = c("", ${rq(NOT_ASKED)}, ${rq(SUPPRESSED_CELL)}), fileEncoding = "UTF-8-BOM", check.names = FALSE)`,
    );
    for (const c of written(f)) {
      const col = `${obj}[[${rq(c.name)}]]`;
      const v = c.variable;
      if (v?.type === 'number') out.push(`${col} <- as.numeric(${col})`);
      if (v && (v.type === 'choice' || v.type === 'boolean') && v.choices.length)
        out.push(
          `${col} <- factor(${col}, levels = c(${v.choices.map((ch) => rq(ch.value)).join(', ')}), labels = c(${v.choices.map((ch) => rq(ch.label)).join(', ')}))`,
        );
      out.push(`attr(${col}, "label") <- ${rq(c.label)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** load.do: each file into a frame; labels on variables, value labels on numeric codes. */
export function stataScript(files: TableFile[]): string {
  const out = ['* Loads the bundle with variable and value labels. Run from the folder of the CSV files.', 'version 16', 'clear all'];
  for (const f of files) {
    const frame = safeNames([f.table || 'main'])[0]!;
    const columns = written(f);
    const names = safeNames(columns.map((c) => c.name));
    out.push(
      `frame create ${frame}`,
      `frame change ${frame}`,
      `import delimited using ${dq(f.file)}, varnames(nonames) rowrange(2) stringcols(_all) encoding("utf-8") clear`,
    );
    columns.forEach((c, i) => {
      const n = names[i]!;
      out.push(`rename v${i + 1} ${n}`, `label variable ${n} ${dq(c.label.slice(0, 80))}`);
      const v = c.variable;
      const numericCodes = v && v.choices.length > 0 && v.choices.every((ch) => /^-?\d+$/.test(ch.value));
      if (v?.type === 'number' || numericCodes) out.push(`replace ${n} = "" if ${n} == ""`, `destring ${n}, replace force`);
      if (numericCodes && (v.type === 'choice' || v.type === 'boolean')) {
        out.push(
          `label define ${n}_l ${v.choices.map((ch) => `${ch.value} ${dq(ch.label)}`).join(' ')}, replace`,
          `label values ${n} ${n}_l`,
        );
      }
    });
  }
  return `${out.join('\n')}\n`;
}

/** load.sps: GET DATA per file, variable labels, value labels and the missing codes. */
export function spssScript(files: TableFile[]): string {
  const out = ['* Loads the bundle with variable and value labels. Set the working folder to the CSV files first.'];
  for (const f of files) {
    const columns = written(f);
    const names = safeNames(columns.map((c) => c.name));
    out.push(
      `GET DATA /TYPE=TXT /FILE=${sq(f.file)} /ENCODING='UTF8' /DELIMITERS="," /QUALIFIER='"' /ARRANGEMENT=DELIMITED /FIRSTCASE=2`,
      `  /VARIABLES=${names.map((n) => `${n} A255`).join(' ')}.`,
    );
    columns.forEach((c, i) => {
      const n = names[i]!;
      out.push(`VARIABLE LABELS ${n} ${sq(c.label.slice(0, 250))}.`);
      const v = c.variable;
      if (v && (v.type === 'choice' || v.type === 'boolean') && v.choices.length)
        out.push(`VALUE LABELS ${n} ${v.choices.map((ch) => `${sq(ch.value)} ${sq(ch.label)}`).join(' ')}.`);
      out.push(`MISSING VALUES ${n} (${sq(NOT_ASKED)}, ${sq(SUPPRESSED_CELL)}).`);
    });
    // A copy per file, once labelled: the next GET DATA replaces the active dataset (SPSS and PSPP).
    out.push(`DATASET COPY ${safeNames([f.table || 'main'])[0]}.`);
  }
  out.push('EXECUTE.');
  return `${out.join('\n')}\n`;
}
