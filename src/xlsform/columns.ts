// The header row of an XLSForm sheet: which column holds what, in which language. Old spellings
// (`label:english`, `bind::relevant`, `jr:constraintMsg`) are read as pyxform reads them; columns
// that are not XLSForm's are reported, never dropped without a word.
import { columnLetter, type SheetRow, type WorkbookMessage } from './sheets';

/** XLSForm's columns, by their canonical name, with the older spellings pyxform accepts. */
const ALIASES: Record<string, string> = {
  'list name': 'list_name',
  'bind:relevant': 'relevant',
  relevance: 'relevant',
  'bind:constraint': 'constraint',
  'bind:jr:constraintmsg': 'constraint_message',
  'jr:constraintmsg': 'constraint_message',
  'constraint message': 'constraint_message',
  'bind:required': 'required',
  'bind:jr:requiredmsg': 'required_message',
  'jr:requiredmsg': 'required_message',
  'required message': 'required_message',
  'bind:calculate': 'calculation',
  'bind:readonly': 'read_only',
  readonly: 'read_only',
  'control:appearance': 'appearance',
  'jr:count': 'repeat_count',
  'repeat count': 'repeat_count',
  'choice filter': 'choice_filter',
  'guidance hint': 'guidance_hint',
  'media:image': 'image',
  'media:audio': 'audio',
  'media:video': 'video',
  'big image': 'big-image',
};

/** Columns whose text differs per language. */
export const TRANSLATABLE = new Set([
  'label',
  'hint',
  'guidance_hint',
  'constraint_message',
  'required_message',
  'image',
  'audio',
  'video',
  'big-image',
  // Periplus's own localizable survey properties, on the settings sheet.
  'referral',
  'childReferral',
  'description',
  'completedHtml',
]);

/** ISO 639 codes of language names written without a code (`label::English`). */
const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  arabic: 'ar',
  العربية: 'ar',
  spanish: 'es',
  español: 'es',
  portuguese: 'pt',
  swahili: 'sw',
  chinese: 'zh',
  farsi: 'fa',
  persian: 'fa',
  dari: 'prs',
  pashto: 'ps',
  tigrinya: 'ti',
  amharic: 'am',
  somali: 'so',
  hausa: 'ha',
  italian: 'it',
  german: 'de',
  russian: 'ru',
  turkish: 'tr',
  urdu: 'ur',
  bengali: 'bn',
  hindi: 'hi',
  indonesian: 'id',
  bambara: 'bm',
  wolof: 'wo',
  pular: 'fuf',
  kurdish: 'ku',
  tamazight: 'zgh',
};

export interface Column {
  index: number;
  letter: string;
  /** The canonical column name (`label`, `relevant`, `sdcRole`...). */
  name: string;
  /** The language code of a translated column; null for the language-free column. */
  lang: string | null;
}

export interface Header {
  columns: Column[];
  /** The column of a name (language-free), if any. */
  get(name: string): Column | undefined;
  /** Columns of a name, one per language. */
  translations(name: string): Column[];
}

/** Reads a language written as `English (en)`, `english(en)`, `English` or `en`. */
export function languageCode(text: string): string | null {
  const t = text.trim();
  const coded = t.match(/\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\)\s*$/);
  if (coded) return coded[1]!.toLowerCase();
  const byName = LANGUAGE_NAMES[t.toLowerCase()];
  if (byName) return byName;
  return /^[a-z]{2,3}$/.test(t) ? t : null;
}

/** The header of a sheet; unknown language names and duplicate columns are errors. */
export function readHeader(
  sheet: string,
  header: SheetRow,
  known: ReadonlySet<string> | 'any',
  errors: WorkbookMessage[],
  warnings: WorkbookMessage[],
): Header {
  const knows = (n: string) => known === 'any' || known.has(n);
  const columns: Column[] = [];
  const seen = new Map<string, string>();
  header.cells.forEach((cell, index) => {
    const text = cell.trim();
    if (!text) return;
    const letter = columnLetter(index);
    const at = { sheet, row: header.row, column: letter };
    // `label::English (en)`, `label:English`, `bind::relevant`, `media::image::English`.
    const parts = text.split(/::?/);
    let base = parts[0]!.trim().toLowerCase();
    let rest = parts.slice(1).join(':');
    if (base === 'media' && parts.length >= 2) {
      base = parts[1]!.trim().toLowerCase();
      rest = parts.slice(2).join(':');
    }
    if ((base === 'bind' || base === 'control' || base === 'body' || base === 'instance') && rest) {
      const key = `${base}:${rest.toLowerCase()}`;
      base = ALIASES[key] ?? key;
      rest = '';
    }
    // Extra columns of the choices sheet keep their spelling: choice_filter names them.
    const plain = known === 'any' && !TRANSLATABLE.has(base) && !['list_name', 'name'].includes(base) && !ALIASES[base];
    const raw = parts[0]!.trim();
    const name = plain ? raw : (ALIASES[base] ?? (knows(base) ? base : knows(raw) ? raw : base));
    let lang: string | null = null;
    if (rest && TRANSLATABLE.has(name)) {
      lang = languageCode(rest);
      if (!lang) {
        errors.push({ ...at, message: `language '${rest}' has no code: write the column as ${name}::${rest} (xx) with its ISO 639 code` });
        return;
      }
    } else if (rest) {
      errors.push({ ...at, message: `column '${text}' is not an XLSForm column` });
      return;
    }
    if (!knows(name)) {
      warnings.push({ ...at, message: `column '${text}' is not read (not an XLSForm column of this sheet)` });
      return;
    }
    const key = `${name}\u0000${lang ?? ''}`;
    if (seen.has(key)) {
      errors.push({ ...at, message: `column '${text}' repeats column ${seen.get(key)}` });
      return;
    }
    seen.set(key, letter);
    columns.push({ index, letter, name, lang });
  });
  return {
    columns,
    get: (name) => columns.find((c) => c.name === name && c.lang === null),
    translations: (name) => columns.filter((c) => c.name === name),
  };
}
