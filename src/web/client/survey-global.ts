// In the browser survey-core is the vendor script (window.Survey), loaded once and cached apart
// from our code; the page bundles alias 'survey-core' to this module, so shared modules such as
// questionnaires/custom-properties.ts register on the same instance the renderer uses.
import type * as SurveyCore from 'survey-core';

export const Survey = (globalThis as unknown as { Survey: typeof SurveyCore }).Survey;
export const Serializer = Survey.Serializer;
export const ExpressionRunner = Survey.ExpressionRunner;
