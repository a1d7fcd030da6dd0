// What only a Node HTTP server can do about request bodies it refuses (Workers' runtime does this
// itself): a client that asked `Expect: 100-continue` for a body over the limit gets the 413 before
// it sends a byte of it, and every 413 closes the connection, since the rest of the refused body
// would otherwise be read as the next request on a kept-alive connection.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { payloadTooLarge } from '../errors';
import { errorJson } from '../http/problem';

type Fetch = (request: Request, env: unknown) => Response | Promise<Response>;

/** How long a refused body is read and discarded at most before the connection is closed. */
const LINGER_MS = 10_000;

/**
 * The app's fetch, with `Connection: close` on every 413. The rest of the refused body is read and
 * discarded first (for up to 10 s): closing a connection the client is still writing to resets it,
 * and the client would lose the 413 it had not read yet.
 */
export function closingOnRefusedBodies(fetch: Fetch): Fetch {
  return async (request, env) => {
    const res = await fetch(request, env);
    if (res.status !== 413) return res;
    res.headers.set('connection', 'close');
    const incoming = (env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (incoming && !incoming.complete && !incoming.destroyed)
      await new Promise<void>((done) => {
        const timer = setTimeout(done, LINGER_MS);
        const finish = () => (clearTimeout(timer), done());
        incoming.once('end', finish).once('close', finish).resume();
      });
    return res;
  };
}

/**
 * Answers `Expect: 100-continue` itself: 413 at once (no 100 Continue, so the client sends nothing)
 * when the declared length is over the limit; otherwise 100 Continue and the request goes to the app.
 */
export function refuseOversizedBeforeContinue(server: Server, limitBytes: number): void {
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const length = Number(req.headers['content-length'] ?? 0);
    if (req.url?.startsWith('/api/') && length > limitBytes) {
      const e = payloadTooLarge(limitBytes);
      const body = JSON.stringify(errorJson(crypto.randomUUID(), e.code, e.message, e.details, e.context));
      res.writeHead(413, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        connection: 'close',
        'cache-control': 'no-store',
      });
      res.end(body);
      return;
    }
    res.writeContinue();
    server.emit('request', req, res);
  });
}
