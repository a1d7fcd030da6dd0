// A per-caller request budget (fixed one-minute windows): a runaway script or a flood from one
// address gets 429 with Retry-After instead of slowing everyone. Kept in memory, so it is per
// process on Node and per isolate on Workers: a guard rail, not an accounting system.
import type { MiddlewareHandler } from 'hono';
import type { Deps } from '../deps';
import { tooMany } from '../errors';
import type { AppEnv } from './env';

const WINDOW_MS = 60_000;

export function rateLimit(deps: Pick<Deps, 'clock' | 'config' | 'clientAddress'>): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const limit = deps.config.rateLimitPerMinute;
    if (limit <= 0) return next();
    const key = c.get('principal')?.actor ?? `address:${deps.clientAddress?.(c.req.raw, c.env) ?? 'unknown'}`;
    const now = deps.clock.now().getTime();
    let w = windows.get(key);
    if (!w || now - w.start >= WINDOW_MS) {
      if (windows.size > 10_000) for (const [k, v] of windows) if (now - v.start >= WINDOW_MS) windows.delete(k);
      w = { start: now, count: 0 };
      windows.set(key, w);
    }
    w.count++;
    if (w.count > limit) {
      const retryAfter = Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000));
      c.header('Retry-After', String(retryAfter));
      throw tooMany('rate_limited', `More than ${limit} requests in a minute; try again in ${retryAfter} seconds.`, retryAfter);
    }
    return next();
  };
}
