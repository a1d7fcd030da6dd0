// Runs one ValidationRequest: the same function serves the Node worker threads and any runtime
// that validates inline. Parsed definitions are cached by content hash; models never are.
import { validateResponse } from './validate';
import type { ResponseValidator, ValidationRequest, ValidationResult } from './types';

const parsed = new Map<string, object>();

export function runValidation(req: ValidationRequest): Promise<ValidationResult> {
  let definition = parsed.get(req.definitionKey);
  if (!definition) {
    definition = JSON.parse(req.definition) as object;
    if (parsed.size >= 64) parsed.clear();
    parsed.set(req.definitionKey, definition);
  }
  return validateResponse(definition, req.data, req.locale, req.mode);
}

/** Validation in the calling thread (CLI, tests of the app, the Workers runtime). */
export const inlineValidator: ResponseValidator = { validate: runValidation };

export default runValidation;
