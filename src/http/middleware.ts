// Cross-cutting request handling: one access-log line per request, JSON-only bodies, size limit.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from '../deps';
import { payloadTooLarge, unsupportedMediaType } from '../errors';
import type { AppEnv } from './env';

/** One structured line per request: id, method, route pattern, status, duration. Never bodies. */
export function accessLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    await next();
    logger.info({
      level: 'info',
      requestId: c.get('requestId'),
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      durationMs: Math.round((performance.now() - start) * 10) / 10,
    });
  };
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** Writes to the API must be JSON: anything else is 415 before any parsing. */
export const requireJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  const hasBody = Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined;
  if (WITH_BODY.has(c.req.method) && (hasBody || c.req.header('content-type'))) {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(type)) throw unsupportedMediaType();
  }
  await next();
};

/**
 * Bodies over the limit get 413. A Content-Length is checked before anything is read (Node then
 * reads no more than it says); a chunked body is counted while it streams. Hono's bodyLimit does
 * the same but first asks for `c.req.raw.body`, which on Node builds a web stream around every
 * request: a cost every submission paid for nothing.
 */
export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  const streaming = bodyLimit({
    maxSize,
    onError: () => {
      throw payloadTooLarge(maxSize);
    },
  });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxSize) throw payloadTooLarge(maxSize);
      return next();
    }
    // No length given: a chunked body, or a Request built in-process around a stream.
    return WITH_BODY.has(c.req.method) || c.req.header('transfer-encoding') !== undefined ? streaming(c, next) : next();
  };
}
