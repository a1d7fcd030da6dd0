// Screening rules of a questionnaire (the survey property `screening`): when one holds, the
// interview stops, and the server keeps nothing but a refusal count. Evaluated with survey-core's
// own expression engine, so the browser's complete trigger and the server agree.
import { perVersion } from './version-cache';
import { ExpressionRunner } from 'survey-core';
import { registerCustomProperties } from './custom-properties';

export interface ScreeningRule {
  reason: string;
  if: string;
}

export function screeningRules(definition: Record<string, unknown>): ScreeningRule[] {
  const rules = definition.screening;
  if (!Array.isArray(rules)) return [];
  return rules.filter((r): r is ScreeningRule => Boolean(r) && typeof r.reason === 'string' && typeof r.if === 'string');
}

/**
 * The rules of a published version, read once: a definition can be large (the gap analysis is
 * 550 KB), too large to parse again for every submission.
 */
export const versionScreeningRules = perVersion('screening rules', screeningRules);

/** The top-level answers an expression reads: survey-core's parser names them ({a.b} reads answer a). */
export function answersRead(expression: string): string[] {
  registerCustomProperties();
  return new ExpressionRunner(expression).getVariables().map((v) => v.split(/[.[]/)[0]!);
}

/** The reason the interview stopped at screening, or null when it goes on. */
export function screeningStop(rules: readonly ScreeningRule[], data: Record<string, unknown>): string | null {
  registerCustomProperties();
  for (const rule of rules) if (new ExpressionRunner(rule.if).runValues(data) === true) return rule.reason;
  return null;
}

/**
 * The answers the rules read: all a refused interview may keep on its way to the server (the
 * browser drops everything else the moment screening stops an interview).
 */
export function screeningAnswers(rules: readonly ScreeningRule[], data: Record<string, unknown>): Record<string, unknown> {
  const names = new Set(rules.flatMap((r) => answersRead(r.if)));
  return Object.fromEntries(Object.entries(data).filter(([k]) => names.has(k)));
}
