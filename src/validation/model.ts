// The only place a survey-core Model is constructed on the server: custom properties registered
// and every locale loaded first, so error messages come in the response's language.
import { Model } from 'survey-core';
import 'survey-core/survey.i18n';
import { registerCustomProperties } from '../questionnaires/custom-properties';

registerCustomProperties();

/**
 * Runs survey-core code with its console output silenced. survey-core warns with the submitted
 * value in the text ("An attempt to assign an incorrect value {...}"), and answer values must
 * never reach server logs; lint reports expression errors itself. Synchronous code only.
 */
export function silently<T>(fn: () => T): T {
  const { warn, error } = console;
  console.warn = () => {};
  console.error = () => {};
  try {
    return fn();
  } finally {
    console.warn = warn;
    console.error = error;
  }
}

/** A fresh model: never reuse one between responses (stale panel counts give false errors). */
export function createModel(definition: object): Model {
  return silently(() => new Model(definition));
}

export type { Model };
