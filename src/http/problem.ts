// The one mapper from errors to the JSON shape `{ error: { code, message, details, requestId } }`.
// Routes and feature code throw from the catalogue in ../errors.ts; only this file writes errors.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../deps';
import { AppError, badRequest } from '../errors';

export function errorBody(c: Context, code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }), requestId: c.get('requestId') as string } };
}

/** app.onError: known errors keep their status; anything else is a logged 500 with no internals. */
export function handleError(logger: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof AppError) return c.json(errorBody(c, err.code, err.message, err.details), err.status);
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const code = status === 400 ? 'bad_request' : status === 413 ? 'payload_too_large' : `http_${status}`;
      return c.json(errorBody(c, code, err.message || 'The request could not be processed.'), status);
    }
    logger.error({ level: 'error', requestId: c.get('requestId'), route: c.req.routePath, error: String(err?.stack ?? err) });
    return c.json(errorBody(c, 'internal_error', 'Something went wrong on the server; the request was not processed.'), 500);
  };
}

/** Turns a zod failure at the edge into a 400 whose details name each field. */
export const zodTo400 = (result: { success: boolean; target: string; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) => {
  if (result.success) return;
  const details = (result.error?.issues ?? []).map((i) => ({ in: result.target, path: i.path.map(String).join('.') || '(body)', message: i.message }));
  throw badRequest(`The request ${result.target === 'json' ? 'body' : result.target} is not valid: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
};
