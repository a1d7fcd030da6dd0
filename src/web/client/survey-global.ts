// In the browser survey-core is the vendor script (window.Survey), loaded once and cached apart
// from our code; the page bundles alias 'survey-core' to this module, so shared modules such as
// questionnaires/custom-properties.ts register on the same instance the renderer uses.
// The bindings are live: a page that loads the renderer after its own script (the enumerator app,
// web/client/renderer.ts) binds them once the vendor script has run; the others find it loaded.
import type * as SurveyCore from 'survey-core';

const vendor = () => (globalThis as unknown as { Survey?: typeof SurveyCore }).Survey;

export let Survey = vendor() as typeof SurveyCore;
export let Serializer = Survey?.Serializer;
export let ExpressionRunner = Survey?.ExpressionRunner;
export let FunctionFactory = Survey?.FunctionFactory;

/** Binds the vendor script's exports once it has run; throws when it has not. */
export function bindSurvey(): void {
  const loaded = vendor();
  if (!loaded) throw new Error('The form renderer (survey-core) is not loaded.');
  Survey = loaded;
  Serializer = loaded.Serializer;
  ExpressionRunner = loaded.ExpressionRunner;
  FunctionFactory = loaded.FunctionFactory;
}
