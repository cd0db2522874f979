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

/** Counts hits per key in fixed windows; `hit` answers the seconds to wait once `max` is exceeded. */
export interface FixedWindowLimiter {
  /** Counts one hit for `key`: `null` when allowed, else the `Retry-After` seconds. */
  hit(key: string): number | null;
}

/**
 * Fixed-window counters per key. Written here rather than taken from a package: it is a few
 * lines, has no dependencies, and keys on our verified token, which generic limiters cannot
 * see. Memory-only, so per process; a multi-instance deployment would use a shared store.
 */
export function fixedWindowLimiter({ windowMs, max }: RateLimitOptions): FixedWindowLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = 0;
  return {
    hit(key) {
      const now = Date.now();
      if (now >= nextSweep) {
        // Windows are all the same length, so anything past its reset is dead weight.
        for (const [k, window] of windows) if (window.resetAt <= now) windows.delete(k);
        nextSweep = now + windowMs;
      }
      let window = windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + windowMs };
        windows.set(key, window);
      }
      window.count++;
      return window.count > max ? Math.max(1, Math.ceil((window.resetAt - now) / 1000)) : null;
    },
  };
}

/** 429 `rate_limited` in the contract shape, with `Retry-After` seconds. */
export function rateLimitedError(retryAfter: number, what = 'requests'): ApiError {
  return new ApiError(429, 'rate_limited', `Too many ${what}: retry in ${retryAfter} s.`, {
    headers: { [HEADERS.retryAfter]: String(retryAfter) },
  });
}

/**
 * Fixed-window rate limiting keyed by token subject (`cid/sub`), or by client IP for public
 * calls; over the limit answers 429 `rate_limited` with `Retry-After` seconds.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const limiter = fixedWindowLimiter(options);
  return async (c, next) => {
    const retryAfter = limiter.hit(rateLimitKey(c));
    if (retryAfter !== null) throw rateLimitedError(retryAfter);
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
