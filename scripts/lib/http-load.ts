// A small HTTP/1.1 load generator for the benchmarks, in the manner of wrk: each client is one
// keep-alive connection sending one request at a time, with every request's bytes built before
// the clock starts. `fetch` costs ~2 ms of CPU per request on this machine and node:http ~1 ms;
// on 2 cores shared with the server that cost would be measured as the server's slowness.
import { connect, type Socket } from 'node:net';

export interface LoadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  seconds: number;
  /** Milliseconds from writing a request to reading the last byte of its response, sorted. */
  latencies: number[];
  /** How many responses had each status. */
  statuses: Map<number, number>;
  /** The body of the first response whose status was not `expect`, to say why. */
  firstUnexpected?: string;
}

/** The p-th percentile of sorted numbers (the nearest rank at or below). */
export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** The request's bytes on the wire. */
export function requestBytes(host: string, r: LoadRequest): Buffer {
  const body = r.body === undefined ? undefined : Buffer.from(r.body);
  const head = [`${r.method} ${r.path} HTTP/1.1`, `host: ${host}`, ...Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`)];
  if (body) head.push(`content-length: ${body.length}`);
  const headBytes = Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1');
  return body ? Buffer.concat([headBytes, body]) : headBytes;
}

/** Reads one response after another from a socket: status and body (Content-Length or chunked). */
class ResponseReader {
  private buffered: Buffer = Buffer.alloc(0);
  private waiting: ((r: { status: number; body: Buffer }) => void) | undefined;
  private failed: ((e: Error) => void) | undefined;

  constructor(socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
      this.tryParse();
    });
    const fail = (e: Error) => this.failed?.(e);
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed by the server')));
  }

  next(): Promise<{ status: number; body: Buffer }> {
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failed = reject;
      this.tryParse();
    });
  }

  private tryParse(): void {
    if (!this.waiting) return;
    const end = this.buffered.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buffered.subarray(0, end).toString('latin1');
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    let body: Buffer;
    let consumed: number;
    if (length) {
      consumed = end + 4 + Number(length[1]);
      if (this.buffered.length < consumed) return;
      body = this.buffered.subarray(end + 4, consumed);
    } else if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
      const parts: Buffer[] = [];
      let at = end + 4;
      for (;;) {
        const lineEnd = this.buffered.indexOf('\r\n', at);
        if (lineEnd < 0) return;
        const size = parseInt(this.buffered.subarray(at, lineEnd).toString('latin1'), 16);
        if (this.buffered.length < lineEnd + 2 + size + 2) return;
        if (size === 0) {
          consumed = lineEnd + 4;
          break;
        }
        parts.push(this.buffered.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
      body = Buffer.concat(parts);
    } else {
      consumed = end + 4;
      body = Buffer.alloc(0);
    }
    this.buffered = this.buffered.subarray(consumed);
    const resolve = this.waiting;
    this.waiting = this.failed = undefined;
    resolve({ status, body });
  }
}

function open(url: URL): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port), noDelay: true }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * Sends `requests` over `clients` connections, each client taking the next request when its
 * previous response has arrived. Requests are sent in order of index across clients.
 */
export async function runLoad(baseUrl: string, clients: number, requests: LoadRequest[], expect: number): Promise<LoadResult> {
  const url = new URL(baseUrl);
  const wire = requests.map((r) => requestBytes(url.host, r));
  const sockets = await Promise.all(Array.from({ length: clients }, () => open(url)));
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let firstUnexpected: string | undefined;
  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(
      sockets.map(async (socket) => {
        const reader = new ResponseReader(socket);
        while (next < wire.length) {
          const bytes = wire[next++]!;
          const t0 = performance.now();
          socket.write(bytes);
          const { status, body } = await reader.next();
          latencies.push(performance.now() - t0);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status !== expect && firstUnexpected === undefined) firstUnexpected = `${status} ${body.toString('utf8').slice(0, 500)}`;
        }
      }),
    );
  } finally {
    for (const s of sockets) s.destroy();
  }
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b), statuses, firstUnexpected };
}
