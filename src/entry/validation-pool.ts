// The Node validator: survey-core's model costs 100-300 ms per response on a 100-question form,
// so it runs in a pool of worker threads and the event loop keeps serving other requests.
// Only versions the validation plan cannot cover come here (every shipped questionnaire compiles
// to a plan): the threads start with the first such response and stop after a minute idle, so a
// server that never needs them does not carry them (about 25 MB of RSS each, with survey-core).
import { Piscina } from 'piscina';
import type { ResponseValidator, ValidationRequest, ValidationResult } from '../validation/types';

export function createValidationPool(threads: number): ResponseValidator {
  const pool = new Piscina({
    filename: new URL('./validation-worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 60_000,
  });
  return {
    validate: (req: ValidationRequest) => pool.run(req) as Promise<ValidationResult>,
    close: () => pool.destroy(),
  };
}
