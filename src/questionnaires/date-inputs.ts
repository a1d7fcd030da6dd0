// The date-like input types of a text question and the one well-formed value of each, as the
// browser's own inputs produce them. Validation refuses anything else, and exports rely on it:
// a date column never carries free text.

export const DATE_FORMATS = {
  date: 'a date YYYY-MM-DD',
  month: 'a month YYYY-MM',
  week: 'a week YYYY-Www',
  time: 'a time HH:MM',
  'datetime-local': 'a date and time YYYY-MM-DDTHH:MM',
} as const;

export type DateInput = keyof typeof DATE_FORMATS;

export const isDateInput = (inputType: unknown): inputType is DateInput =>
  typeof inputType === 'string' && Object.hasOwn(DATE_FORMATS, inputType);

const PATTERNS: Record<DateInput, RegExp> = {
  date: /^(\d{4})-(\d{2})-(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  week: /^(\d{4})-W(\d{2})$/,
  time: /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?$/,
  'datetime-local': /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?$/,
};

/** Whether `value` is a well-formed value of the input type (a real calendar day, month 01-12, week 01-53). */
export function isDateValue(type: DateInput, value: string): boolean {
  const m = PATTERNS[type].exec(value);
  if (!m) return false;
  if (type === 'time') return true;
  const month = Number(m[2]);
  if (type === 'week') return month >= 1 && month <= 53;
  if (month < 1 || month > 12) return false;
  if (type === 'month') return true;
  const day = Number(m[3]);
  return day >= 1 && day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}
