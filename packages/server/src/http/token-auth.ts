import type { Context, MiddlewareHandler } from 'hono';
import { API_PREFIX } from '@rai-kit/core/api';
import type { Scope, WidgetTokenClaims } from '@rai-kit/core/auth';
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
 * Refuses (403) a channel-confined token (`chn` claim) anywhere but its own channel's routes
 * (`/communities/{cid}/channels/{chn}` and below) and the narrowing route, which checks the
 * channel of its body itself. Decided on the path, before routing, so public routes that
 * would ignore a token cannot be reached with one either: a partner app holding it learns
 * nothing outside its channel. Runs after {@link identifyToken}.
 */
export function confineToChannel(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const state = c.get('token');
    const claims = state && 'claims' in state ? state.claims : null;
    if (claims?.chn === undefined) return next();
    const { cid, chn } = claims;
    const [communities, communityId, kind, id] = c.req.path.slice(API_PREFIX.length).split('/').slice(1).map(decodeSegment);
    const inCommunity = communities === 'communities' && communityId === cid;
    if (inCommunity && ((kind === 'channels' && id === chn) || (kind === 'tokens' && id === 'scoped'))) return next();
    throw new ApiError(403, 'forbidden', `This token is restricted to channel "${chn}" of community "${cid}": only that channel's chat routes accept it.`);
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Route middleware: requires a valid token (401 otherwise) for the path's `communityId`
 * carrying `scope` (403 otherwise); without `scope`, any valid token of the community.
 */
export function requireToken(scope?: Scope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    assertToken(c, scope);
    return next();
  };
}

/**
 * {@link requireToken}'s checks inside a handler, for routes that need a token only
 * sometimes (a members-only leaderboard): throws its 401/403, or returns the claims.
 */
export function assertToken(c: Context<AppEnv>, scope?: Scope): WidgetTokenClaims {
  const checked = checkToken(c, scope);
  if ('refusal' in checked) throw checked.refusal;
  return checked.claims;
}

/** Whether the request carries a valid token for the path's community with `scope` (never throws). */
export function hasToken(c: Context<AppEnv>, scope: Scope): boolean {
  return 'claims' in checkToken(c, scope);
}

/** The claims {@link requireToken} (or {@link assertToken}) accepted for this request. */
export function claimsOf(c: Context<AppEnv>): WidgetTokenClaims {
  const state = c.get('token');
  // requireToken ran first; reaching here without claims is a wiring bug, not a client error.
  if (!state || !('claims' in state)) throw new Error('requireToken must run before a protected handler.');
  return state.claims;
}

function checkToken(c: Context<AppEnv>, scope: Scope | undefined): { claims: WidgetTokenClaims } | { refusal: ApiError } {
  const state = c.get('token');
  if (!state) {
    return {
      refusal: new ApiError(401, 'unauthorized', 'Missing bearer token: send "Authorization: Bearer <widget token>".', {
        headers: { 'WWW-Authenticate': 'Bearer realm="rai-widgets"' },
      }),
    };
  }
  if ('error' in state) {
    return {
      refusal: new ApiError(401, 'unauthorized', state.error.message, {
        headers: { 'WWW-Authenticate': `Bearer realm="rai-widgets", error="invalid_token"` },
      }),
    };
  }
  const { claims } = state;
  const communityId = c.req.param('communityId');
  if (claims.cid !== communityId) {
    return { refusal: new ApiError(403, 'forbidden', `Token is for community "${claims.cid}", not "${communityId}".`) };
  }
  if (scope !== undefined && !claims.scope.split(' ').includes(scope)) {
    return {
      refusal: new ApiError(403, 'forbidden', `Token lacks the "${scope}" scope.`, {
        headers: { 'WWW-Authenticate': `Bearer realm="rai-widgets", error="insufficient_scope", scope="${scope}"` },
      }),
    };
  }
  return { claims };
}
