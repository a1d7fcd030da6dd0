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

export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly context: Record<string, unknown> | undefined = undefined,
  ) {
    super(message);
  }
}

/** 400: the request itself is malformed (details name the fields). */
export const badRequest = (message: string, details: ErrorDetail[] = []) => new AppError(400, 'bad_request', message, details);
export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);
/** 403: the principal may not do this (role, country, profile). */
export const forbidden = (message = 'Your role does not allow this.') => new AppError(403, 'forbidden', message);
/** 409: the request conflicts with the current state; `context` says what the state is. */
export const conflict = (code: string, message: string, context?: Record<string, unknown>) => new AppError(409, code, message, [], context);
/** 422: well-formed, but the answers do not pass the questionnaire's rules. */
export const invalidResponse = (message: string, details: ErrorDetail[]) => new AppError(422, 'invalid_response', message, details);
export const unsupportedMediaType = () =>
  new AppError(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.', [
    { path: 'content-type', type: 'unsupported', message: 'expected application/json' },
  ]);
/** 415: a Content-Encoding the server does not decode. */
export const unsupportedEncoding = (encoding: string) =>
  new AppError(415, 'unsupported_encoding', `Content-Encoding '${encoding}' is not accepted: send the body uncompressed, or gzip- or deflate-compressed.`, [
    { path: 'content-encoding', type: 'unsupported', message: `'${encoding}' is not gzip, deflate or identity` },
  ]);
export const payloadTooLarge = (limit: number) =>
  new AppError(413, 'payload_too_large', `The request body is larger than the limit of ${limit} bytes.`, [{ path: '(body)', type: 'too_large', message: `over ${limit} bytes` }], {
    limitBytes: limit,
  });
/** 429: too many requests or sign-ins; `context.retryAfterSeconds` (also the Retry-After header). */
export const tooMany = (code: string, message: string, retryAfterSeconds: number) => new AppError(429, code, message, [], { retryAfterSeconds });
