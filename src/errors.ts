// The closed catalogue of errors any layer may throw. Each carries its HTTP status, a stable
// machine code, and one shape of details: a list of { path, type, message }, one per field or
// thing at fault (empty when nothing more precise than the message can be named). Facts a client
// acts on that are not a field at fault (the current revision, when to retry, the limit) go in
// `context`. http/problem.ts is the one place that writes them out.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One problem: where (a field's path, `query.from`, `(body)`), what kind (a stable word), and a sentence. */
export interface ErrorDetail {
  path: string;
  type: string;
  message: string;
}

/** Every error code the API can return: its HTTP status and what it means. The one list; docs/errors.md is generated from it. */
export const ERROR_CODES = {
  bad_request: [400, 'The request is malformed: JSON, fields, query or path parameters (details name them).'],
  unauthenticated: [401, 'No valid session cookie or bearer token.'],
  invalid_credentials: [401, 'Wrong user name or password (the same answer for both).'],
  device_revoked: [401, 'The device token was revoked (by a coordinator, or with its issuer): the enumerator app wipes what it holds.'],
  forbidden: [403, 'The role, country, questionnaire or profile of the caller does not allow this.'],
  csrf: [403, 'A write with a session cookie lacks the right X-CSRF-Token header.'],
  no_access_rule: [403, 'The route has no access rule declared: refused, fail closed.'],
  policy_loosened: [403, 'An export or release asked for less protection than the disclosure policy (details name the fields).'],
  not_found: [404, "Unknown, or outside the caller's scope (the two are not told apart)."],
  username_taken: [409, 'The user name is already in use.'],
  already_revoked: [409, 'The token was already revoked.'],
  questionnaire_closed: [409, 'The questionnaire is closed and accepts no responses.'],
  questionnaire_closing: [409, 'The questionnaire is closing: only interviews begun before it closed are accepted.'],
  version_closed: [
    409,
    'This version of the questionnaire is closed for new data (context.closedSince): only interviews begun before are accepted; a newer version takes new ones.',
  ],
  instance_conflict: [409, 'The instance id holds another response (other answers, version, country, or a refusal).'],
  instance_deleted: [409, 'The response with this instance id was deleted; it cannot be submitted again.'],
  already_submitted: [409, 'The instance id was already submitted: edit the response instead.'],
  stale_draft: [409, 'The draft was saved by someone else since the revision given (context says who and when).'],
  stale_response: [409, 'The response changed since the revision given (context has the current one).'],
  not_submitted: [409, 'Only submitted responses are edited or reviewed.'],
  review_conflict: [409, 'The review state changed meanwhile.'],
  already_deleted: [409, 'The response is already in the trash.'],
  not_in_trash: [409, 'The response is not in the trash any more.'],
  release_pending: [409, 'Another release of the questionnaire is pending review.'],
  release_decided: [409, 'The release was already approved or discarded.'],
  release_discarded: [409, 'The release was discarded; its bundle is erased.'],
  payload_too_large: [413, 'The body (decoded) is larger than the limit (context.limitBytes).'],
  export_too_large: [413, 'The dataset holds more responses than one request may handle on this deployment.'],
  unsupported_media_type: [415, 'The body is not sent as JSON (or, for a questionnaire version, as an .xlsx workbook).'],
  unsupported_encoding: [415, 'The body has a Content-Encoding other than gzip, deflate or identity.'],
  invalid_definition: [
    422,
    'The questionnaire version (SurveyJS JSON or XLSForm) cannot be published: details name each problem (for a workbook: sheet!cell).',
  ],
  invalid_response: [422, "The answers do not pass the questionnaire's rules (details: path, type, message each)."],
  disclosure_risk: [422, 'The anonymized dataset fails its disclosure thresholds (details name each failure).'],
  not_releasable: [422, 'Assessment questionnaires are not released as anonymized data.'],
  nothing_to_release: [422, "No submitted response matches the release's filters."],
  not_an_assessment: [422, 'The questionnaire has no scored elements: there is no gap-analysis report.'],
  not_comparable: [422, 'Agreement is measured between assessments of the same questionnaire and country.'],
  rate_limited: [429, 'Too many requests in a minute (Retry-After, context.retryAfterSeconds).'],
  too_many_attempts: [429, 'Too many failed sign-ins (Retry-After, context.retryAfterSeconds).'],
  internal_error: [500, 'An unexpected failure; nothing was written, the request id is in the server log.'],
  misconfigured: [503, 'The Worker deployment lacks a secret it needs (the message says which).'],
} as const satisfies Record<string, readonly [ContentfulStatusCode, string]>;

/** The closed set of error codes. */
export type ErrorCode = keyof typeof ERROR_CODES;
type CodeWith<S extends number> = { [C in ErrorCode]: (typeof ERROR_CODES)[C][0] extends S ? C : never }[ErrorCode];

export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly context: Record<string, unknown> | undefined = undefined,
  ) {
    super(message);
    this.status = ERROR_CODES[code][0];
  }
}

/** 400: the request itself is malformed (details name the fields). */
export const badRequest = (message: string, details: ErrorDetail[] = []) => new AppError('bad_request', message, details);
export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
/** 403: the principal may not do this (role, country, profile). */
export const forbidden = (message = 'Your role does not allow this.') => new AppError('forbidden', message);
/** 409: the request conflicts with the current state; `context` says what the state is. */
export const conflict = (code: CodeWith<409>, message: string, context?: Record<string, unknown>) =>
  new AppError(code, message, [], context);
/** 422: well-formed, but the answers do not pass the questionnaire's rules. */
export const invalidResponse = (message: string, details: ErrorDetail[]) => new AppError('invalid_response', message, details);
export const unsupportedMediaType = () =>
  new AppError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.', [
    { path: 'content-type', type: 'unsupported', message: 'expected application/json' },
  ]);
/** 415: a Content-Encoding the server does not decode. */
export const unsupportedEncoding = (encoding: string) =>
  new AppError(
    'unsupported_encoding',
    `Content-Encoding '${encoding}' is not accepted: send the body uncompressed, or gzip- or deflate-compressed.`,
    [{ path: 'content-encoding', type: 'unsupported', message: `'${encoding}' is not gzip, deflate or identity` }],
  );
export const payloadTooLarge = (limit: number) =>
  new AppError(
    'payload_too_large',
    `The request body is larger than the limit of ${limit} bytes.`,
    [{ path: '(body)', type: 'too_large', message: `over ${limit} bytes` }],
    {
      limitBytes: limit,
    },
  );
/** 429: too many requests or sign-ins; `context.retryAfterSeconds` (also the Retry-After header). */
export const tooMany = (code: CodeWith<429>, message: string, retryAfterSeconds: number) =>
  new AppError(code, message, [], { retryAfterSeconds });

/** docs/errors.md: the catalogue as a table (a test checks the file is this text). */
export function errorCatalogueMarkdown(): string {
  const rows = Object.entries(ERROR_CODES).map(([code, [status, meaning]]) => `| ${status} | \`${code}\` | ${meaning} |`);
  return [
    '# Errors',
    '',
    'Every error the API returns has one shape:',
    '`{ "error": { "code", "message", "details": [{ "path", "type", "message" }], "context"?, "requestId" } }`.',
    '`details` names each field or thing at fault (empty when the message says all); `context` holds facts',
    'to act on that are not a field (a current revision, when to retry, a limit). The codes below are the',
    'whole list: `src/errors.ts` declares them, this page is generated from it (`npm run docs:errors`),',
    'and the OpenAPI description (`/api/v1/openapi.json`) lists them as the enum of `error.code`.',
    '',
    '| status | code | meaning |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
