// The closed catalogue of errors any layer may throw. Each carries its HTTP status, a stable
// machine code and structured details; http/problem.ts is the one place that writes them out.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
  }
}

/** 400: the request itself is malformed (details name the fields). */
export const badRequest = (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details);
export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);
/** 403: the principal may not do this (role, country, profile). */
export const forbidden = (message = 'Your role does not allow this.') => new AppError(403, 'forbidden', message);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
/** 422: well-formed, but the answers do not pass the questionnaire's rules. */
export const invalidResponse = (message: string, details: unknown) => new AppError(422, 'invalid_response', message, details);
export const unsupportedMediaType = () =>
  new AppError(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
export const payloadTooLarge = (limit: number) =>
  new AppError(413, 'payload_too_large', `The request body is larger than the limit of ${limit} bytes.`, { limitBytes: limit });
