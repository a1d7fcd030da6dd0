// The one mapper from errors to the JSON shape `{ error: { code, message, details, context?, requestId } }`,
// details always a list of { path, type, message }.
// Routes and feature code throw from the catalogue in ../errors.ts; only this file writes errors.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../deps';
import { AppError, badRequest, type ErrorCode, type ErrorDetail } from '../errors';

/** The body of every error reply. */
export function errorJson(
  requestId: string,
  code: ErrorCode,
  message: string,
  details: ErrorDetail[] = [],
  context?: Record<string, unknown>,
) {
  return { error: { code, message, details, ...(context === undefined ? {} : { context }), requestId } };
}

export function errorBody(c: Context, code: ErrorCode, message: string, details: ErrorDetail[] = [], context?: Record<string, unknown>) {
  return errorJson(c.get('requestId') as string, code, message, details, context);
}

/** The catalogue's code for an HTTPException thrown by Hono's own middleware. */
const HTTP_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/** app.onError: known errors keep their status; anything else is a logged 500 with no internals. */
export function handleError(logger: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof AppError) return c.json(errorBody(c, err.code, err.message, err.details, err.context), err.status);
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const code: ErrorCode = HTTP_CODES[status] ?? (status < 500 ? 'bad_request' : 'internal_error');
      return c.json(errorBody(c, code, err.message || 'The request could not be processed.'), status);
    }
    logger.error({ level: 'error', requestId: c.get('requestId'), route: c.req.routePath, error: String(err?.stack ?? err) });
    return c.json(errorBody(c, 'internal_error', 'Something went wrong on the server; the request was not processed.'), 500);
  };
}

/** Turns a zod failure at the edge into a 400 whose details name each field. */
export const zodTo400 = (result: {
  success: boolean;
  target: string;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) => {
  if (result.success) return;
  // Body fields by their path; query, path and header parameters as `query.from`, `param.userId`.
  const where = (path: string) => (result.target === 'json' ? path || '(body)' : `${result.target}${path ? `.${path}` : ''}`);
  const details = (result.error?.issues ?? []).map((i) => ({
    path: where(i.path.map(String).join('.')),
    type: (i as { code?: string }).code ?? 'invalid',
    message: i.message,
  }));
  throw badRequest(
    `The request ${result.target === 'json' ? 'body' : result.target} is not valid: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
    details,
  );
};
