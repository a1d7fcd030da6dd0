// The choices sheet (and CSV files of select_one_from_file): lists of choices with their labels per
// language and the extra columns a choice_filter reads.
import { parse } from 'csv-parse/sync';
import { languageCode, readHeader } from './columns';
import type { Settings } from './settings';
import type { Sheet, WorkbookMessage } from './sheets';

export interface Choice {
  name: string;
  /** Label per language ('' for the language-free column). */
  labels: Map<string, string>;
  /** Every column of the choice row by its header (name, label, filter columns). */
  columns: Record<string, string>;
  row: number | null;
}

export interface ChoiceList {
  name: string;
  choices: Choice[];
  /** Default-language label by choice name (jr:choice-name()). */
  labels: Map<string, string>;
}

const MEDIA = ['image', 'audio', 'video', 'big-image'];

export function buildChoices(
  sheet: Sheet | undefined,
  settings: Settings,
  files: ReadonlyMap<string, string> | undefined,
  errors: WorkbookMessage[],
  warnings: WorkbookMessage[],
): Map<string, ChoiceList> {
  const lists = new Map<string, ChoiceList>();
  const add = (list: string, choice: Choice, at: { sheet: string; row: number | null; column: string | null }) => {
    const l: ChoiceList = lists.get(list) ?? { name: list, choices: [], labels: new Map() };
    lists.set(list, l);
    if (l.choices.some((c) => c.name === choice.name) && !settings.allowChoiceDuplicates) {
      errors.push({
        ...at,
        message: `choice '${choice.name}' appears twice in list '${list}' (settings allow_choice_duplicates = yes allows it)`,
      });
      return;
    }
    l.choices.push(choice);
    if (!l.labels.has(choice.name)) l.labels.set(choice.name, choice.labels.get('') ?? [...choice.labels.values()][0] ?? choice.name);
  };
  if (sheet?.rows.length) {
    const [headerRow, ...rows] = sheet.rows;
    const header = readHeader(sheet.name, headerRow!, 'any', errors, warnings);
    const listCol = header.get('list_name');
    const nameCol = header.get('name');
    if (!listCol || !nameCol)
      errors.push({
        sheet: sheet.name,
        row: headerRow!.row,
        column: null,
        message: "the choices sheet needs 'list_name' and 'name' columns",
      });
    else {
      for (const c of header.columns) if (c.lang !== null) settings.languagesSeen.add(c.lang);
      for (const r of rows) {
        const list = (r.cells[listCol.index] ?? '').trim();
        const name = (r.cells[nameCol.index] ?? '').trim();
        if (!list && !name) continue;
        const at = { sheet: sheet.name, row: r.row, column: nameCol.letter };
        if (!list || !name) {
          errors.push({ ...at, message: 'a choice needs both list_name and name' });
          continue;
        }
        const labels = new Map<string, string>();
        const columns: Record<string, string> = {};
        for (const c of header.columns) {
          const v = (r.cells[c.index] ?? '').trim();
          if (!v) continue;
          if (MEDIA.includes(c.name))
            errors.push({ sheet: sheet.name, row: r.row, column: c.letter, message: `media (${c.name}) on choices is not supported` });
          else if (c.name === 'label') labels.set(c.lang ?? '', v);
          else if (c.lang === null) columns[c.name] = v;
        }
        add(list, { name, labels, columns, row: r.row }, at);
      }
    }
  }
  for (const [file, text] of files ?? []) {
    let records: Array<Record<string, string>>;
    try {
      records = parse(text, { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Array<Record<string, string>>;
    } catch (e) {
      errors.push({ sheet: file, row: null, column: null, message: `the CSV file cannot be read (${(e as Error).message})` });
      continue;
    }
    records.forEach((rec, i) => {
      if (!rec.name) {
        errors.push({ sheet: file, row: i + 2, column: null, message: "every row needs a 'name'" });
        return;
      }
      const labels = new Map<string, string>();
      for (const [k, v] of Object.entries(rec))
        if (v && (k === 'label' || k.startsWith('label::'))) labels.set(k === 'label' ? '' : (languageCode(k.slice(7)) ?? k.slice(7)), v);
      add(`file:${file}`, { name: rec.name, labels, columns: { ...rec }, row: i + 2 }, { sheet: file, row: i + 2, column: null });
    });
  }
  return lists;
}
