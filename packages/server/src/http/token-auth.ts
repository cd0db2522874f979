import type { MiddlewareHandler } from 'hono';
import type { Scope } from '@rai-kit/core/auth';
import { TokenError, verifyWidgetToken } from '../tokens.js';
import { ApiError } from './api-error.js';
import type { AppEnv } from './app-env.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Verifies the bearer token, if any, once per request and records the outcome in
 * `c.var.token`. It refuses nothing itself: public routes ignore the token, protected ones
 * use {@link requireToken}, and the rate limiter keys on the subject.
 */
export function identifyToken(secret: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    if (!header) {
      c.set('token', null);
      return next();
    }
    const token = BEARER.exec(header)?.[1];
    if (!token) {
      c.set('token', { error: new TokenError('malformed', 'Authorization must be "Bearer <widget token>".') });
      return next();
    }
    try {
      c.set('token', { claims: await verifyWidgetToken(token, { secret }) });
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      c.set('token', { error });
    }
    return next();
  };
}

/**
 * Route middleware: requires a valid token (401 otherwise) for the path's `communityId`
 * carrying `scope` (403 otherwise).
 */
export function requireToken(scope: Scope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const state = c.get('token');
    if (!state) {
      throw new ApiError(401, 'unauthorized', 'Missing bearer token: send "Authorization: Bearer <widget token>".', {
        headers: { 'WWW-Authenticate': 'Bearer realm="rai-widgets"' },
      });
    }
    if ('error' in state) {
      throw new ApiError(401, 'unauthorized', state.error.message, {
        headers: { 'WWW-Authenticate': `Bearer realm="rai-widgets", error="invalid_token"` },
      });
    }
    const { claims } = state;
    const communityId = c.req.param('communityId');
    if (claims.cid !== communityId) {
      throw new ApiError(403, 'forbidden', `Token is for community "${claims.cid}", not "${communityId}".`);
    }
    if (!claims.scope.split(' ').includes(scope)) {
      throw new ApiError(403, 'forbidden', `Token lacks the "${scope}" scope.`, {
        headers: { 'WWW-Authenticate': `Bearer realm="rai-widgets", error="insufficient_scope", scope="${scope}"` },
      });
    }
    return next();
  };
}
