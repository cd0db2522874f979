import type { MiddlewareHandler } from 'hono';
import { HEADERS } from '@rai-kit/core/api';
import { IDEMPOTENT_REPLAYED_HEADER } from '../idempotency.js';
import type { Upstream } from '../upstream/upstream.js';
import { ApiError, errorResponse } from './api-error.js';
import type { AppEnv } from './app-env.js';

/** Options of {@link communityCors}. */
export interface CorsOptions {
  upstream: Pick<Upstream, 'allowedOrigins'>;
  /** Also allow any `http://localhost:*` / `http://127.0.0.1:*` origin (sandbox and tests). */
  allowLocalhostOrigins: boolean;
}

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
const ALLOW_HEADERS = ['Authorization', 'Content-Type', HEADERS.idempotencyKey, HEADERS.lastEventId, HEADERS.requestId].join(', ');
const EXPOSE_HEADERS = [HEADERS.requestId, HEADERS.retryAfter, IDEMPOTENT_REPLAYED_HEADER].join(', ');
const LOCALHOST_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;
/** `/widget/v1/communities/{id}…` and `/sandbox/v1/communities/{id}…` name the community whose list applies. */
const COMMUNITY_PATH = /^\/(?:widget|sandbox)\/v1\/communities\/([^/]+)/;

/**
 * CORS per community: a browser origin is allowed iff it is on the community's
 * `allowedOrigins` (or is localhost when enabled). Paths that name no community
 * (the OpenAPI document, sandbox controls) allow localhost only. A refused origin gets no
 * `Access-Control-Allow-Origin`, and its preflight a 403. No credentials mode: auth is a
 * bearer header, never a cookie.
 */
export function communityCors({ upstream, allowLocalhostOrigins }: CorsOptions): MiddlewareHandler<AppEnv> {
  const isAllowed = async (origin: string, path: string): Promise<boolean> => {
    if (allowLocalhostOrigins && LOCALHOST_ORIGIN.test(origin)) return true;
    const communityId = communityOf(path);
    return communityId !== null && (await upstream.allowedOrigins(communityId)).includes(origin);
  };

  return async (c, next) => {
    const origin = c.req.header('Origin');
    const allowed = origin !== undefined && (await isAllowed(origin, c.req.path));

    if (origin && c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method')) {
      if (!allowed) {
        const refused = errorResponse(c, new ApiError(403, 'forbidden', `Origin ${origin} is not allowed to call this API.`));
        refused.headers.append('Vary', 'Origin');
        return refused;
      }
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
    }

    await next();
    // Always, so a cache never hands a response made for one origin (or none) to another.
    c.res.headers.append('Vary', 'Origin');
    if (origin && allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
  };
}

function communityOf(path: string): string | null {
  const match = COMMUNITY_PATH.exec(path);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}
