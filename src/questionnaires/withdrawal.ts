// What a questionnaire allows when the respondent stops the interview (the survey property
// `withdrawal`). By default nothing is kept but a count. A questionnaire may allow the answers
// given so far to be kept, only where the respondent consented to it at the start:
//   "withdrawal": { "keepAnswersIf": "{consent_keep} = 'yes'" }
// The expression must read at least one question (the consent). When it holds on the answers, the
// enumerator app asks the respondent once more, at the stop; the server checks it again.
// Evaluated with survey-core's own expression engine, as the screening rules are, so the browser
// and the server agree.
import { ExpressionRunner } from 'survey-core';
import { registerCustomProperties } from './custom-properties';
import { answersRead } from './screening';
import { perVersion } from './version-cache';

export interface WithdrawalPolicy {
  /** An expression over the consent answers. */
  keepAnswersIf: string;
}

/** What is wrong with a `withdrawal` value, or null. (No zod: the enumerator app reads this too.) */
function shapeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'withdrawal must be an object';
  const extra = Object.keys(value).filter((k) => k !== 'keepAnswersIf');
  if (extra.length) return `withdrawal: unknown key '${extra[0]}' (only keepAnswersIf)`;
  const expr = (value as { keepAnswersIf?: unknown }).keepAnswersIf;
  if (typeof expr !== 'string' || expr.trim() === '' || expr.length > 2000)
    return 'withdrawal.keepAnswersIf must be an expression of 1 to 2000 characters';
  return null;
}

/** The questionnaire's policy, or null when it keeps nothing of a withdrawn interview (the default). */
export function withdrawalPolicy(definition: Record<string, unknown>): WithdrawalPolicy | null {
  const value = definition.withdrawal;
  return value === undefined || shapeProblem(value) ? null : { keepAnswersIf: (value as WithdrawalPolicy).keepAnswersIf };
}

/** The policy of a published version, read once. */
export const versionWithdrawal = perVersion('withdrawal policy', withdrawalPolicy);

/** Problems with `withdrawal`: its shape, and a condition that reads no question of the form. */
export function withdrawalProblems(definition: Record<string, unknown>, questionNames: ReadonlySet<string>): string[] {
  if (definition.withdrawal === undefined) return [];
  const problem = shapeProblem(definition.withdrawal);
  if (problem) return [problem];
  const names = answersRead((definition.withdrawal as WithdrawalPolicy).keepAnswersIf);
  if (names.length === 0)
    return ['withdrawal.keepAnswersIf must read the respondent’s consent: it names no question, so it would keep answers without one'];
  return names
    .filter((n) => !questionNames.has(n))
    .map((n) => `withdrawal.keepAnswersIf reads '${n}', which is not a question of this questionnaire`);
}

/** Whether the answers given so far may be kept: the questionnaire allows it and the consent says so. */
export function mayKeepAnswers(policy: WithdrawalPolicy | null, data: Record<string, unknown>): boolean {
  if (!policy) return false;
  registerCustomProperties();
  return new ExpressionRunner(policy.keepAnswersIf).runValues(data) === true;
}

/** Error types that say an answer is missing or incomplete, not wrong: kept answers are not held to them. */
const MISSING = new Set(['required', 'requiredinallrowserror', 'requireoneanswer', 'minrowcounterror', 'otherempty']);

/**
 * Whether a validation error holds in this mode: a partial response (the answers of a stopped
 * interview) is not held to questions it never reached. The server and the app judge alike.
 */
export const holdsWhen = (mode: string, e: { type: string }): boolean => mode !== 'partial' || !MISSING.has(e.type);
