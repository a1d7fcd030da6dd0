// The only place a survey-core Model is constructed on the server: custom properties registered
// and every locale loaded first, so error messages come in the response's language.
import { Model } from 'survey-core';
import 'survey-core/survey.i18n';
import { registerCustomProperties } from '../questionnaires/custom-properties';

registerCustomProperties();

/** A fresh model: never reuse one between responses (stale panel counts give false errors). */
export function createModel(definition: object): Model {
  return new Model(definition);
}

export type { Model };
