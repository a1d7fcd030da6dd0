// Questionnaires and their versions: list, detail, the SurveyJS definition of any version, and
// the open / closing / closed state.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Deps } from '../deps';
import { principalOf } from './auth';
import { entryOf, listVisibleQuestionnaires, visibleQuestionnaire, visibleVersion } from '../access/catalogue';
import { changeState as changeQuestionnaireState, setVersionClosed } from '../questionnaires/state';
import { inLanguages } from '../questionnaires/translations';
import { forSite } from '../questionnaires/referrals';
import { questionnaireReply, versionReply } from './replies';
import {
  BODY,
  errorReplies,
  jsonBody,
  jsonReply,
  languageList,
  Questionnaire,
  QuestionnaireParams,
  StateChange,
  VersionChange,
  VersionParams,
  VersionSummary,
} from './schemas';
import type { AppEnv } from './env';
import { zodTo400 } from './problem';

const list = createRoute({
  method: 'get',
  path: '/questionnaires',
  tags: ['Questionnaires'],
  summary: 'List questionnaires with their published versions',
  responses: { 200: jsonReply(z.object({ items: z.array(Questionnaire) }), 'All questionnaires'), ...errorReplies() },
});

const detail = createRoute({
  method: 'get',
  path: '/questionnaires/{questionnaireId}',
  tags: ['Questionnaires'],
  summary: 'One questionnaire with its versions and state',
  request: { params: QuestionnaireParams },
  responses: { 200: jsonReply(Questionnaire, 'The questionnaire'), ...errorReplies('not_found') },
});

const changeState = createRoute({
  method: 'patch',
  path: '/questionnaires/{questionnaireId}',
  tags: ['Questionnaires'],
  summary: 'Open, close, or start closing a questionnaire',
  description: 'closing keeps accepting interviews that devices started before the change; closed refuses all with 409.',
  request: { params: QuestionnaireParams, body: jsonBody(StateChange) },
  responses: { 200: jsonReply(Questionnaire, 'The updated questionnaire'), ...errorReplies(...BODY, 'not_found') },
});

const version = createRoute({
  method: 'get',
  path: '/questionnaires/{questionnaireId}/versions/{version}',
  tags: ['Questionnaires'],
  summary: 'Metadata of one published version',
  request: { params: VersionParams },
  responses: { 200: jsonReply(VersionSummary, 'The version'), ...errorReplies('not_found') },
});

const changeVersion = createRoute({
  method: 'patch',
  path: '/questionnaires/{questionnaireId}/versions/{version}',
  tags: ['Questionnaires'],
  summary: 'Close one version for new data, or open it again',
  description:
    'A version asked without rules a later version has (screening, say) stops taking new interviews; those begun before it closed are still accepted (409 version_closed otherwise); the other versions are untouched.',
  request: { params: VersionParams, body: jsonBody(VersionChange) },
  responses: { 200: jsonReply(VersionSummary, 'The version'), ...errorReplies(...BODY, 'not_found') },
});

const DefinitionQuery = z.object({
  languages: languageList.optional().openapi({ example: 'ar,fr', description: 'Translations to keep (the source language always stays)' }),
});

const definition = createRoute({
  method: 'get',
  path: '/questionnaires/{questionnaireId}/versions/{version}/definition',
  tags: ['Questionnaires'],
  summary: 'The SurveyJS definition of one version, as published or in some of its languages',
  description:
    'Exactly as published, unless `languages` names some of its languages: then each text keeps its source and those translations only (a smaller download for a phone). A device enrolled with interview languages gets its languages unless it asks otherwise.',
  request: { params: VersionParams, query: DefinitionQuery },
  responses: {
    200: jsonReply(z.record(z.string(), z.unknown()).openapi('SurveyDefinition'), 'SurveyJS JSON (survey-core 2.5.38)'),
    ...errorReplies('not_found'),
  },
});

export function questionnaireRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: zodTo400 });

  app.openapi(list, async (c) => {
    const items = (await listVisibleQuestionnaires(deps, principalOf(c))).map((e) => questionnaireReply(e.questionnaire, e.versions));
    return c.json({ items }, 200);
  });

  app.openapi(detail, async (c) => {
    const { questionnaireId } = c.req.valid('param');
    const e = await visibleQuestionnaire(deps, principalOf(c), questionnaireId);
    return c.json(questionnaireReply(e.questionnaire, e.versions), 200);
  });

  app.openapi(changeState, async (c) => {
    const { questionnaireId } = c.req.valid('param');
    const { state } = c.req.valid('json');
    const q = await changeQuestionnaireState(deps, { actor: principalOf(c).actor, requestId: c.get('requestId') }, questionnaireId, state);
    const e = await entryOf(deps, q);
    return c.json(questionnaireReply(e.questionnaire, e.versions), 200);
  });

  app.openapi(changeVersion, async (c) => {
    const { questionnaireId, version: v } = c.req.valid('param');
    const { acceptsNewData } = c.req.valid('json');
    const row = await setVersionClosed(
      deps,
      { actor: principalOf(c).actor, requestId: c.get('requestId') },
      questionnaireId,
      v,
      !acceptsNewData,
    );
    return c.json(versionReply(row), 200);
  });

  app.openapi(version, async (c) => {
    const { questionnaireId, version: v } = c.req.valid('param');
    // Fresh: the reply shows closedAt, which changes after publication.
    return c.json(versionReply(await visibleVersion(deps, principalOf(c), questionnaireId, v, { fresh: true })), 200);
  });

  app.openapi(definition, async (c) => {
    const { questionnaireId, version: v } = c.req.valid('param');
    const principal = principalOf(c);
    const row = await visibleVersion(deps, principal, questionnaireId, v);
    const asked = c.req.valid('query').languages?.split(',') ?? principal.languages;
    const published = JSON.parse(row.definition) as Record<string, unknown>;
    // A device gets its site's referral cards (questionnaires/referrals.ts) and its languages.
    const device = principal.via === 'device-token' ? principal : undefined;
    const forDevice = device ? forSite(published, device.countries === '*' ? undefined : device.countries[0], device.site) : published;
    const sent = asked ? inLanguages(forDevice, asked) : forDevice;
    const languages = Array.isArray(sent.languages) ? (sent.languages as string[]).join(',') : '';
    const variant = [forDevice === published ? '' : `site=${device?.site ?? ''}`, sent === forDevice ? '' : languages]
      .filter(Boolean)
      .join(';');
    c.header('ETag', variant ? `"${row.contentHash}-${encodeURIComponent(variant)}"` : `"${row.contentHash}"`);
    c.header('Cache-Control', 'private, max-age=31536000, immutable');
    return c.json(sent, 200);
  });

  return app;
}
