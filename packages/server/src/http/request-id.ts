import type { MiddlewareHandler } from 'hono';
import { HEADERS } from '@rai-kit/core/api';
import type { AppEnv } from './app-env.js';

/** The caller's request id when it is a plain token (so it cannot smuggle anything into headers or logs), else a new one. */
export function safeRequestId(given: string | null | undefined): string {
  return given && /^[\w\-=]{1,200}$/.test(given) ? given : crypto.randomUUID();
}

/**
 * Echoes the caller's `X-Request-Id` (or makes one) into `c.var.requestId` and onto every
 * response, including ones a handler builds itself such as the SSE stream.
 */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = safeRequestId(c.req.header(HEADERS.requestId));
    c.set('requestId', id);
    await next();
    c.res.headers.set(HEADERS.requestId, id);
  };
}
