import type { ErrorBody, ErrorCode } from '@rai-kit/core/api';
import { HEADERS } from '@rai-kit/core/api';
import type { Scope } from '@rai-kit/core/auth';
import { safeRequestId } from './http/request-id.js';
import { assertTokenSecret, mintWidgetToken } from './tokens.js';

/** Options of {@link authUrlHandler}. */
export interface AuthUrlHandlerOptions {
  secret: string;
  communityId: string;
  /** Resolves the signed-in user from the host's own session (cookie, header…); `null` = not signed in. */
  getUser: (req: Request) => Promise<{ id: string; displayName?: string } | null>;
  scopes?: readonly Scope[];
  ttlSeconds?: number;
}

/**
 * A Fetch-style handler a host backend mounts at its `auth-url` (e.g. `POST /rai/token`).
 * Answers `200 { token, expiresAt }`, `401` when `getUser` returns `null`, `405` for other methods.
 * Every answer is `Cache-Control: no-store`: a token must never sit in a shared cache.
 */
export function authUrlHandler(options: AuthUrlHandlerOptions): (req: Request) => Promise<Response> {
  assertTokenSecret(options.secret);
  return async (req) => {
    const requestId = safeRequestId(req.headers.get(HEADERS.requestId));
    if (req.method !== 'POST') {
      return errorResponse(405, 'invalid_request', 'Use POST to request a widget token.', requestId, { Allow: 'POST' });
    }
    let user: Awaited<ReturnType<AuthUrlHandlerOptions['getUser']>>;
    try {
      user = await options.getUser(req);
    } catch (error) {
      console.error(`[rai-kit] authUrlHandler getUser failed (request ${requestId}):`, error);
      return errorResponse(500, 'internal', 'Could not resolve the signed-in user.', requestId);
    }
    if (!user) return errorResponse(401, 'unauthorized', 'Not signed in.', requestId);

    const { token, expiresAt } = await mintWidgetToken({
      secret: options.secret,
      communityId: options.communityId,
      user,
      ...(options.scopes ? { scopes: options.scopes } : {}),
      ...(options.ttlSeconds ? { ttlSeconds: options.ttlSeconds } : {}),
    });
    return json(200, { token, expiresAt }, requestId);
  };
}

function errorResponse(
  status: number,
  code: ErrorCode,
  message: string,
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  const body: ErrorBody = { error: { code, message, requestId } };
  return json(status, body, requestId, headers);
}

function json(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      [HEADERS.requestId]: requestId,
      ...headers,
    },
  });
}
