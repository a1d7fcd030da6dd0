// npm run test:differential [-- --runs 2000 --budget 240 --only sl-e2e-visibleif --seed 42]
// The long differential run: for every shipped questionnaire version and every definition of the
// SurveyJS corpus that compiles to a plan, thousands of generated responses validated by the
// plan and by survey-core's full model; any disagreement is printed with the response that shows
// it, and the exit code is 1. `npm test` runs the same comparison with a few responses each.
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { compileValidation } from '../src/validation/plan-compile';
import { disagreement, responses } from '../tests/support/differential';
import { differentialDefinitions } from '../tests/support/definitions';

const { values } = parseArgs({
  options: { runs: { type: 'string' }, budget: { type: 'string' }, only: { type: 'string' }, seed: { type: 'string' } },
});
const RUNS = Number(values.runs ?? 2000);
/** Seconds per definition at most: the 880-question gap analysis costs ~0.7 s per response on the full model. */
const BUDGET = Number(values.budget ?? 240);
const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;

let failed = 0;
let checked = 0;
const started = performance.now();
console.log(`differential: plan vs full model, ${RUNS} responses per definition (at most ${BUDGET} s each), seed ${seed}`);
for (const { name, json } of differentialDefinitions()) {
  if (values.only && !name.includes(values.only)) continue;
  const compiled = compileValidation(json);
  if (compiled.path === 'model') {
    console.log(
      `  ${name.padEnd(52)} full model: ${compiled.reasons.slice(0, 2).join('; ')}${compiled.reasons.length > 2 ? ` (+${compiled.reasons.length - 2})` : ''}`,
    );
    continue;
  }
  const t0 = performance.now();
  const property = fc.asyncProperty(
    responses(json),
    fc.constantFrom('', 'fr', 'ar'),
    async (data, locale) => (await disagreement(json, compiled.plan, data, locale)) === null,
  );
  const result = await fc.check(property, { numRuns: RUNS, seed, interruptAfterTimeLimit: BUDGET * 1000, markInterruptAsFailure: false });
  if (result.failed && result.counterexample) {
    failed++;
    const [data, locale] = result.counterexample;
    console.log(`  ${name.padEnd(52)} DISAGREE (locale '${locale}')\n${await disagreement(json, compiled.plan, data, locale)}`);
  } else {
    checked += result.numRuns;
    console.log(`  ${name.padEnd(52)} plan: ${result.numRuns} agree (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
}
console.log(
  `${checked} responses agreed; ${failed} definition(s) with a disagreement; ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
process.exit(failed ? 1 : 0);
