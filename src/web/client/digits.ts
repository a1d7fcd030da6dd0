// Numbers typed with Arabic-Indic (٠-٩) or Persian (۰-۹) digits, and the Arabic decimal and
// thousands separators, read as the number they are.

const ZEROS = [0x0660, 0x06f0];

export function toLatinDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const zero = ZEROS.find((z) => code >= z && code <= z + 9);
    if (zero !== undefined) out += String(code - zero);
    else if (ch === '\u066b')
      out += '.'; // Arabic decimal separator
    else if (ch === '\u066c' || ch === '\u060c')
      continue; // Arabic thousands separator, Arabic comma
    else out += ch;
  }
  return out;
}

/** survey-core's parseNumber hook: the default parse, or the parse of the Latin-digit text. */
export function parseNumber(stringValue: unknown, numericValue: number): number {
  if (typeof stringValue !== 'string' || !Number.isNaN(numericValue)) return numericValue;
  const latin = toLatinDigits(stringValue).trim();
  return latin !== '' && Number.isFinite(Number(latin)) ? Number(latin) : numericValue;
}
