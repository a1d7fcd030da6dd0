// The settings sheet: title, id, version, default language, style, and Periplus's own survey
// properties (screening rules, disclosure policy, sites, withdrawal, referrals...), each in a
// column named after the property, objects written as JSON.
import { languageCode, readHeader } from './columns';
import type { Sheet, WorkbookMessage } from './sheets';

/** Survey properties of Periplus (questionnaires/custom-properties.ts) a settings column may carry. */
export const SURVEY_PROPERTIES = {
  text: ['family', 'practiceQuestionnaire', 'instanceName'],
  json: [
    'translationStatus',
    'screening',
    'disclosure',
    'sites',
    'withdrawal',
    'siteReferrals',
    'versionNotes',
    'closesVersions',
    'triggers',
    'calculatedValues',
    'surveyjs',
  ],
  localizable: ['referral', 'childReferral', 'description', 'completedHtml'],
} as const;

const XLSFORM_SETTINGS = [
  'form_title',
  'form_id',
  'version',
  'default_language',
  'style',
  'allow_choice_duplicates',
  'instance_name',
  'surveyjs',
];
const REFUSED_SETTINGS: Record<string, string> = {
  public_key: 'encrypted submissions (public_key) are not supported: Periplus protects answers on the device and the server itself',
  submission_url: 'submission_url is not supported: responses go to this server',
  auto_send: 'auto_send is not supported',
  auto_delete: 'auto_delete is not supported',
};

export interface Settings {
  title: string | null;
  formId: string | null;
  version: string | null;
  allowChoiceDuplicates: boolean;
  /** The workbook was written by Periplus (settings carry the survey's SurveyJS properties). */
  fromPeriplus: boolean;
  /** Language codes of the translated columns met (filled while headers are read). */
  languagesSeen: Set<string>;
  languages(): { codes: string[]; fallback: string };
  surveyProperties(localize: (texts: Map<string, string>) => unknown): Record<string, unknown>;
}

export function readSettings(sheet: Sheet | undefined, errors: WorkbookMessage[], warnings: WorkbookMessage[]): Settings {
  const values = new Map<string, string>();
  const translated = new Map<string, Map<string, string>>();
  if (sheet?.rows.length) {
    const known = new Set([
      ...XLSFORM_SETTINGS,
      ...Object.keys(REFUSED_SETTINGS),
      ...SURVEY_PROPERTIES.text,
      ...SURVEY_PROPERTIES.json,
      ...SURVEY_PROPERTIES.localizable,
    ]);
    const [header, first, ...more] = sheet.rows;
    const h = readHeader(sheet.name, header!, known, errors, warnings);
    if (more.length)
      warnings.push({ sheet: sheet.name, row: more[0]!.row, column: null, message: 'only the first row under the header is read' });
    for (const c of h.columns) {
      const v = (first?.cells[c.index] ?? '').trim();
      if (!v) continue;
      const at = { sheet: sheet.name, row: first!.row, column: c.letter };
      if (REFUSED_SETTINGS[c.name]) errors.push({ ...at, message: REFUSED_SETTINGS[c.name]! });
      else if ((SURVEY_PROPERTIES.localizable as readonly string[]).includes(c.name)) {
        const m = translated.get(c.name) ?? new Map<string, string>();
        m.set(c.lang ?? '', v);
        translated.set(c.name, m);
      } else values.set(c.name, v);
      if ((SURVEY_PROPERTIES.json as readonly string[]).includes(c.name))
        try {
          JSON.parse(v);
        } catch {
          errors.push({ ...at, message: `${c.name} must be JSON` });
        }
    }
    const style = values.get('style');
    // Groups are pages already; any other style (theme-grid, ...) is Enketo's layout, not applied.
    if (style && style !== 'pages')
      warnings.push({
        sheet: sheet.name,
        row: first?.row ?? null,
        column: null,
        message: `style '${style}' has no SurveyJS equivalent: not applied`,
      });
  }
  const defaultLanguage = values.get('default_language');
  const defaultCode = defaultLanguage ? languageCode(defaultLanguage) : null;
  if (defaultLanguage && !defaultCode)
    errors.push({
      sheet: sheet?.name ?? 'settings',
      row: null,
      column: null,
      message: `default_language '${defaultLanguage}' has no code: write it as Name (xx)`,
    });
  const seen = new Set<string>();
  return {
    title: values.get('form_title') ?? null,
    formId: values.get('form_id') ?? null,
    version: values.get('version') ?? null,
    fromPeriplus: values.has('surveyjs'),
    allowChoiceDuplicates: /^(yes|true)$/i.test(values.get('allow_choice_duplicates') ?? ''),
    languagesSeen: seen,
    languages() {
      const fallback = defaultCode ?? 'en';
      const first = defaultCode ?? (seen.size ? [...seen][0]! : fallback);
      return { codes: [first, ...[...seen].filter((c) => c !== first)], fallback };
    },
    surveyProperties(localize) {
      const out: Record<string, unknown> = {};
      for (const p of SURVEY_PROPERTIES.text) if (values.has(p)) out[p] = values.get(p);
      for (const p of SURVEY_PROPERTIES.json) if (values.has(p) && p !== 'surveyjs') out[p] = JSON.parse(values.get(p)!);
      // A workbook written by Periplus: the survey's other properties, as they were.
      if (values.has('surveyjs')) Object.assign(out, JSON.parse(values.get('surveyjs')!));
      for (const p of SURVEY_PROPERTIES.localizable) if (translated.has(p)) out[p] = localize(translated.get(p)!);
      return out;
    },
  };
}
