// One place that recognises constraint failures from either driver: better-sqlite3 throws a
// SqliteError with `.code`; D1 wraps "D1_ERROR: UNIQUE constraint failed" in the error's cause.

function messageOf(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as { cause?: unknown }).cause;
  const code = (e as { code?: unknown }).code;
  return [e.message, typeof code === 'string' ? code : '', cause instanceof Error ? messageOf(cause) : ''].join(' ');
}

export function isUniqueViolation(e: unknown): boolean {
  return /UNIQUE constraint failed|SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)/.test(messageOf(e));
}
