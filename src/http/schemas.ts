// Request and reply shapes of the JSON API, in zod: they validate requests at the edge and
// generate the OpenAPI description, so the two cannot drift apart.
import { isCountryCode } from '../access/countries';
import { z } from '@hono/zod-openapi';
import { ERROR_CODES, type ErrorCode } from '../errors';
import { ID_PATTERN } from '../questionnaires/definition';
import { questionnaireStates, responseStatuses, reviewStates, roles } from '../vocabulary';

/** The error reply, its code one of `codes`. */
const errorShape = (codes: readonly ErrorCode[]) =>
  z.object({
    error: z.object({
      code: z
        .enum(codes as [ErrorCode, ...ErrorCode[]])
        .openapi({ example: codes[0], description: 'One of the catalogue in docs/errors.md (src/errors.ts)' }),
      message: z.string(),
      details: z
        .array(
          z.object({
            path: z.string().openapi({ example: 'legs[0].cost' }),
            type: z.string().openapi({ example: 'required' }),
            message: z.string(),
          }),
        )
        .openapi({ description: 'One entry per field or thing at fault; empty when the message says all' }),
      context: z
        .record(z.string(), z.unknown())
        .optional()
        .openapi({ description: 'Facts to act on that are not a field at fault: the current revision, when to retry, a limit' }),
      requestId: z.string(),
    }),
  });

const id = (name: string, example: string) =>
  z
    .string()
    .regex(ID_PATTERN, `${name} may hold letters, digits, ".", "_" and "-"`)
    .openapi({ param: { name, in: 'path' }, example });

export const QuestionnaireParams = z.object({ questionnaireId: id('questionnaireId', 'migrant-scoping') });
export const VersionParams = QuestionnaireParams.extend({ version: id('version', '1') });
const instanceId = z.uuid('instanceId must be a UUID').openapi({ example: '5b1f0f0e-8d0c-4c5e-9a55-0d6f1f6e2a11' });
export const InstanceParams = z.object({ instanceId: instanceId.openapi({ param: { name: 'instanceId', in: 'path' } }) });
export const DraftParams = VersionParams.extend({ instanceId: instanceId.openapi({ param: { name: 'instanceId', in: 'path' } }) });

export const VersionSummary = z
  .object({
    version: z.string(),
    title: z.string(),
    contentHash: z.string().openapi({ description: 'SHA-256 of the canonical definition' }),
    languages: z.array(z.string()),
    translations: z
      .array(
        z.object({
          lang: z.string(),
          status: z.string(),
          coverage: z.number().openapi({ description: 'Share of texts translated, 0-1' }),
          dir: z.enum(['ltr', 'rtl']),
        }),
      )
      .openapi({
        description:
          'Declared status (source, machine-draft, draft, needs-back-translation, back-translated, field-tested), measured coverage and direction of each language',
      }),
    questionCount: z.number().int(),
    publishedAt: z.iso.datetime(),
    closedAt: z.iso
      .datetime()
      .nullable()
      .openapi({ description: 'Closed for new data since then (interviews begun before are accepted); null: open' }),
  })
  .openapi('Version');

export const Questionnaire = z
  .object({
    id: z.string(),
    title: z.string(),
    family: z.string(),
    state: z.enum(questionnaireStates),
    stateChangedAt: z.iso.datetime(),
    currentVersion: z.string().nullable(),
    versions: z.array(VersionSummary),
  })
  .openapi('Questionnaire');

export const StateChange = z
  .object({ state: z.enum(questionnaireStates).openapi({ description: 'closing still accepts interviews started before now' }) })
  .strict()
  .openapi('StateChange');

export const VersionChange = z
  .object({
    acceptsNewData: z.boolean().openapi({ description: 'false: closed for new data (interviews begun before are still accepted)' }),
  })
  .strict()
  .openapi('VersionChange');

/** Deepest nesting SurveyJS answers can need (panels in panels in matrices) with room to spare. */
export const MAX_ANSWER_DEPTH = 32;

/** True when `value` nests no deeper than `limit`; iterative, so hostile input cannot overflow the stack. */
export function withinDepth(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return false;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}

/**
 * The answers object exactly as sent: not copied key by key (a record schema would silently drop a
 * `__proto__` key, which JSON makes an own key), so the structural checks see every key and
 * refuse unknown ones, that one included.
 */
const answers = z
  .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
    message: 'data must be an object of answers',
  })
  .refine((v) => withinDepth(v, MAX_ANSWER_DEPTH), `answers may nest at most ${MAX_ANSWER_DEPTH} levels deep`)
  .openapi({ type: 'object', additionalProperties: true, description: 'Answers in SurveyJS `data` shape', example: { age_band: '25-34' } });
/** BCP 47 as questionnaires use it: a language, then subtags ("prs-AF"). */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const locale = z.string().regex(LANGUAGE_TAG, 'locale must look like "en", "fr" or "prs-AF"').optional().openapi({ example: 'ar' });
/** A device's clock can be wrong, not absurd: times outside 2000-2099 are refused, not stored. */
const deviceTime = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time' })
  .refine((t) => {
    const year = new Date(t).getUTCFullYear();
    // A malformed value is reported once, by the date-time check.
    return Number.isNaN(year) || (year >= 2000 && year < 2100);
  }, 'must be a date-time between the years 2000 and 2099')
  .optional();
/** A language as questionnaires name it (BCP 47: "ar", "fr", "prs-AF"). */
export const languageCode = z.string().max(35).regex(LANGUAGE_TAG, 'a language must look like "en", "fr" or "prs-AF"');
/** Languages in a query string: "ar,fr". */
const tag = LANGUAGE_TAG.source.slice(1, -1);
export const languageList = z
  .string()
  .max(400)
  .regex(new RegExp(`^${tag}(,${tag})*$`), 'languages must be a comma-separated list such as "ar,fr"');

export const countryCode = z
  .string()
  .refine(isCountryCode, 'country must be an ISO 3166-1 alpha-3 code in capitals, such as TUN or LBY')
  .openapi({ example: 'TUN', description: 'ISO 3166-1 alpha-3' });
const site = z.string().min(1).max(64).optional().openapi({ description: 'Site or hub within the country', example: 'Sfax' });

export const SubmissionBody = z
  .object({
    instanceId,
    data: answers,
    locale,
    startedAt: deviceTime.openapi({ description: 'When the interview began on the device' }),
    endedAt: deviceTime.openapi({ description: 'When the interview ended on the device' }),
    country: countryCode.optional().openapi({ description: 'Required from people; a device token implies its country' }),
    site,
    distress: z
      .boolean()
      .optional()
      .openapi({ description: "The interview was paused for the respondent's distress (kept with the response, or with the count)" }),
    childReferral: z.literal(true).optional().openapi({
      description:
        'The enumerator app showed the child-protection referral at this stop (screening stopped it for age); kept with the count. Refused on an interview that screening does not stop',
    }),
    withdrawn: z.literal(true).optional().openapi({
      description:
        'The respondent stopped the interview. With data {}, only a count is kept (reason withdrawn), as for a screening stop. With answers: the answers given so far, kept as a response marked withdrawn, only where the questionnaire declares `withdrawal.keepAnswersIf` and it holds on them (the consent); answered questions are checked, unanswered ones are not required',
    }),
  })
  .strict()
  .openapi('Submission');

export const DraftBody = z
  .object({
    data: answers,
    locale,
    startedAt: deviceTime,
    country: countryCode.optional(),
    site,
    page: z
      .string()
      .max(200)
      .optional()
      .openapi({ description: 'The page the editor is on (its name), returned with the draft to resume there' }),
    baseRevision: z
      .number()
      .int()
      .positive()
      .optional()
      .openapi({ description: 'The revision this save was based on; a newer stored revision makes the save fail with 409' }),
  })
  .strict()
  .openapi('Draft');

export const RefusalReply = z
  .object({
    instanceId: z.string(),
    refused: z.literal(true),
    reason: z
      .string()
      .openapi({ description: 'The screening rule that stopped the interview (for example no-consent, repeat, under-age)' }),
  })
  .openapi('Refusal');

export const StoredResponse = z
  .object({
    instanceId: z.string(),
    questionnaireId: z.string(),
    version: z.string(),
    status: z.enum(responseStatuses),
    locale: z.string(),
    data: answers,
    dropped: z.array(z.string()).openapi({ description: 'Answers dropped because skip logic hid their question' }),
    revision: z.number().int(),
    page: z.string().nullable().openapi({ description: 'Drafts: the page the editor was on at the last save' }),
    startedAt: z.iso.datetime().nullable(),
    endedAt: z.iso.datetime().nullable(),
    receivedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    submittedAt: z.iso.datetime().nullable(),
    country: z.string(),
    site: z.string().nullable(),
    distress: z.boolean().openapi({ description: "The interview was paused for the respondent's distress" }),
    withdrawn: z.boolean().openapi({ description: 'The respondent stopped the interview: these are the answers they allowed to be kept' }),
    reviewState: z.enum(reviewStates),
    submittedBy: z.string(),
    deletedAt: z.iso.datetime().nullable(),
  })
  .openapi('Response');

export const EditBody = z
  .object({
    data: answers,
    locale,
    baseRevision: z.number().int().positive().openapi({ description: 'The revision the edit is based on' }),
  })
  .strict()
  .openapi('Edit');

export const ReviewBody = z
  .object({ state: z.enum(reviewStates), comment: z.string().max(4000).default('') })
  .strict()
  .openapi('Review');

export const ReviewEvent = z
  .object({ from: z.enum(reviewStates), to: z.enum(reviewStates), comment: z.string(), actor: z.string(), at: z.iso.datetime() })
  .openapi('ReviewEvent');
export const RevisionSummary = z
  .object({ revision: z.number().int(), actor: z.string(), createdAt: z.iso.datetime() })
  .openapi('RevisionSummary');
export const Revision = RevisionSummary.extend({ data: answers, dropped: z.array(z.string()) }).openapi('Revision');
export const RevisionParams = InstanceParams.extend({
  revision: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'revision', in: 'path' } }),
});
export const DiffQuery = z.object({
  from: z.coerce.number().int().positive().optional(),
  to: z.coerce.number().int().positive().optional(),
});
export const Diff = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
  })
  .openapi('Diff');
export const roleEnum = z.enum(roles);

export const ResponseListQuery = z.object({
  status: z.enum(responseStatuses).optional(),
  reviewState: z.enum(reviewStates).optional(),
  country: countryCode.optional(),
  site: z.string().min(1).max(64).optional(),
  version: z.string().min(1).max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Changed at or after this time' }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Changed at or before this time' }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(64).optional().openapi({ description: 'The `next` value of the previous page' }),
});

export const ResponseList = z.object({ items: z.array(StoredResponse), next: z.string().nullable() }).openapi('ResponseList');

/** Codes any route may answer: a malformed request, no or wrong credentials, the access table, the rate limit, a failure. */
export const EVERY_ROUTE = [
  'bad_request',
  'unauthenticated',
  'device_revoked',
  'forbidden',
  'csrf',
  'no_access_rule',
  'rate_limited',
  'internal_error',
  'misconfigured',
] as const satisfies readonly ErrorCode[];

/** Codes of a route that takes a JSON body: too large, not JSON, an unknown encoding. */
export const BODY = ['payload_too_large', 'unsupported_media_type', 'unsupported_encoding'] as const satisfies readonly ErrorCode[];

/**
 * A route's error replies for the OpenAPI description: one per status, its code an enum of those
 * the route may answer with that status (the ones every route may answer included), each named in
 * the description with its meaning. tests/support/app.ts checks every error a test receives
 * against the route's list.
 */
export function errorReplies(...codes: ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set<ErrorCode>([...EVERY_ROUTE, ...codes])) {
    const status = ERROR_CODES[code][0];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      status,
      {
        description: list.map((code) => `\`${code}\`: ${ERROR_CODES[code][1]}`).join('\n\n'),
        content: { 'application/json': { schema: errorShape(list) } },
      },
    ]),
  );
}

/** A JSON reply declaration for createRoute. */
export const jsonReply = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A required JSON request body declaration for createRoute. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
