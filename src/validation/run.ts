// Which path validates a response. Each questionnaire version is compiled once per process into
// a validation plan (src/validation/plan); responses to it are validated by walking the plan, in
// the calling thread, in well under a millisecond. A version using a construct the plan does not
// reproduce goes to survey-core's full model: on Node in the worker pool, elsewhere inline.
// The default export (the worker threads' entry) runs the full model only.
import { validateResponse } from './validate';
import { compileValidation, type CompiledValidation } from './plan-compile';
import { validateWithPlan } from './plan-run';
import type { Model } from '../questionnaires/model';
import { derivedOf, parsedDefinition, slot, type VersionText } from '../questionnaires/version-cache';
import type { ResponseValidator, ValidationRequest, ValidationResult, Validator } from './types';

const plan = slot<CompiledValidation>('validation plan');

/**
 * The compiled form of a version, kept with the version: publishing compiles (and reports the
 * path), validation reuses it. `model` may be passed when the caller has built one already.
 */
export function compiledFor(v: VersionText, model?: Model): CompiledValidation {
  return derivedOf(v, plan, (definition) => compileValidation(definition, model));
}

/** survey-core's full model: the worker threads' entry, and the inline fallback. */
export function runFullModel(req: ValidationRequest): Promise<ValidationResult> {
  return validateResponse(parsedDefinition(req), req.data, req.locale, req.mode);
}

/** Plan first; versions the plan does not cover go to `fallback` (the Node worker pool, or inline). */
export function createValidator(fallback: ResponseValidator = { validate: runFullModel }): Validator {
  return {
    prepare(version, model) {
      const compiled = compiledFor(version, model);
      return { path: compiled.path, reasons: compiled.path === 'model' ? compiled.reasons : [] };
    },
    validate(req) {
      const version = compiledFor(req);
      if (version.path === 'model') return fallback.validate(req);
      return Promise.resolve(validateWithPlan(version.plan, req.data, req.locale, req.mode));
    },
    close: () => fallback.close?.() ?? Promise.resolve(),
  };
}

/** Validation in the calling thread (CLI, tests of the app, the Workers runtime). */
export const inlineValidator: Validator = createValidator();

export function runValidation(req: ValidationRequest): Promise<ValidationResult> {
  return inlineValidator.validate(req);
}

export default runFullModel;
