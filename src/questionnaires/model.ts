// The only place a survey-core Model is constructed on the server: custom properties registered
// and every locale loaded first, so error messages come in the response's language.
import { Model, settings } from 'survey-core';
import 'survey-core/survey.i18n';
import { registerCustomProperties } from './custom-properties';

registerCustomProperties();

// Without a DOM, survey-core's environment is undefined, yet a collapsed panel that gets an error
// during validate() expands and schedules a scroll to it on a timer, which then throws (an
// uncaught exception after the verdict: in a worker thread it took the worker down). An empty
// environment makes that scroll find no element and do nothing.
if (!settings.environment) settings.environment = {} as typeof settings.environment;

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
