// Cross-cutting request handling: one access-log line per request, JSON-only bodies, size limit.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from '../deps';
import { AppError, badRequest, payloadTooLarge, unsupportedEncoding, unsupportedMediaType } from '../errors';
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

/** The media type of an .xlsx workbook: accepted where a questionnaire version is uploaded. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A zip of a workbook and its CSV lists (select_one_from_file), the other upload a version takes. */
export const ZIP_TYPE = 'application/zip';
const VERSION_UPLOAD = /^\/api\/v1\/questionnaires\/[^/]+\/versions$/;

/** Writes to the API must be JSON (or an XLSForm workbook where a version is uploaded): anything else is 415 before any parsing. */
export const requireJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  const hasBody = Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined;
  if (WITH_BODY.has(c.req.method) && (hasBody || c.req.header('content-type'))) {
    const type = c.req.header('content-type') ?? '';
    const workbook =
      c.req.method === 'POST' && VERSION_UPLOAD.test(c.req.path) && [XLSX_TYPE, ZIP_TYPE].some((t) => type.toLowerCase().startsWith(t));
    if (!workbook && !/^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(type)) throw unsupportedMediaType();
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

const DECODED = new Set(['gzip', 'x-gzip', 'deflate']);

/**
 * Request bodies may come compressed (a phone on a slow link sends a long interview in a fifth of
 * the bytes): gzip and deflate are decoded, identity passes, any other Content-Encoding is 415
 * before the body is read. The decoded body is held to the same limit as a plain one (413 as soon
 * as it passes it: a small bomb cannot expand in memory), and a body that does not decode is 400.
 */
export function decodeBody(maxSize: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('content-encoding');
    if (header === undefined || !WITH_BODY.has(c.req.method)) return next();
    const codings = header
      .split(',')
      .map((v) => v.trim().toLowerCase())
      .filter((v) => v && v !== 'identity');
    if (codings.length === 0) return next();
    if (codings.length > 1 || !DECODED.has(codings[0]!)) throw unsupportedEncoding(header.trim());
    const body = c.req.raw.body;
    if (!body) return next();
    const format = codings[0] === 'deflate' ? 'deflate' : 'gzip';
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      const reader = body.pipeThrough(new DecompressionStream(format)).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxSize) {
          await reader.cancel().catch(() => {});
          throw payloadTooLarge(maxSize);
        }
        chunks.push(value);
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw badRequest(`The body is not valid ${format} data.`, [
        { path: '(body)', type: 'bad_encoding', message: `does not decode as ${format}` },
      ]);
    }
    const decoded = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) decoded.set(chunk, (at += chunk.byteLength) - chunk.byteLength);
    const headers = new Headers(c.req.raw.headers);
    headers.delete('content-encoding');
    headers.delete('transfer-encoding');
    headers.set('content-length', String(size));
    c.req.raw = new Request(c.req.raw.url, { method: c.req.method, headers, body: decoded });
    return next();
  };
}
