import type { Context, MiddlewareHandler } from 'hono';
import { HEADERS } from '@rai-kit/core/api';
import { ApiError } from './api-error.js';
import type { AppEnv } from './app-env.js';

/** Requests allowed per key per window. */
export interface RateLimitOptions {
  windowMs: number;
  max: number;
}

/** Generous enough for a page full of widgets, tight enough to blunt a runaway loop. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { windowMs: 60_000, max: 600 };

/**
 * Fixed-window rate limiting keyed by token subject (`cid/sub`), or by client IP for public
 * calls; over the limit answers 429 `rate_limited` with `Retry-After` seconds.
 * Written here rather than taken from a package: it is 30 lines, has no dependencies, and
 * needs to key on our verified token, which generic limiters cannot see. Memory-only, so
 * per process; a multi-instance deployment would put the counters in a shared store.
 */
export function rateLimit({ windowMs, max }: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = 0;

  return async (c, next) => {
    const now = Date.now();
    if (now >= nextSweep) {
      // Windows are all the same length, so anything past its reset is dead weight.
      for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
      nextSweep = now + windowMs;
    }
    const key = rateLimitKey(c);
    let window = windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      windows.set(key, window);
    }
    window.count++;
    if (window.count > max) {
      const retryAfter = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
      throw new ApiError(429, 'rate_limited', `Too many requests: retry in ${retryAfter} s.`, {
        headers: { [HEADERS.retryAfter]: String(retryAfter) },
      });
    }
    return next();
  };
}

function rateLimitKey(c: Context<AppEnv>): string {
  const token = c.get('token');
  if (token && 'claims' in token) return `sub:${token.claims.cid}/${token.claims.sub}`;
  return `ip:${clientIp(c)}`;
}

/**
 * The socket's peer address under @hono/node-server. `X-Forwarded-For` is deliberately not
 * trusted: any client can send it. Other runtimes share one bucket until they pass an IP.
 */
function clientIp(c: Context<AppEnv>): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
