import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { DEFAULT_TOKEN_TTL_SECONDS, MAX_TOKEN_TTL_SECONDS, SCOPES, type Scope, type TokenGrant } from '@rai-kit/core/auth';
import { ApiError } from '../http/api-error.js';
import type { AppEnv } from '../http/app-env.js';
import { limitBody } from '../http/body-limit.js';
import { claimsOf, requireToken } from '../http/token-auth.js';
import { mintWidgetToken } from '../tokens.js';
import type { Upstream } from '../upstream/upstream.js';
import { noSuchChannel } from './chat-access.js';
import { communityIdParam, envelope, errorResponses, jsonBody, jsonContent } from './schemas.js';

/**
 * A channel-confined token is refused on every route but its channel's chat routes, so only the
 * chat scopes mean anything on it. Asking for another is a mistake worth a 400, not a token that
 * silently cannot do what its scope says.
 */
const CHANNEL_SCOPES = [SCOPES.chatRead, SCOPES.chatWrite] as const satisfies readonly Scope[];
const scopeSchema = z.enum(CHANNEL_SCOPES);

const narrowBody = z.object({
  channelId: z.string().min(1).max(100).openapi({ example: 'ch-general' }),
  scopes: z
    .array(scopeSchema)
    .min(1)
    .max(8)
    .openapi({ description: 'Chat scopes only: the token is good for nothing else.', example: [...CHANNEL_SCOPES] }),
  ttlSeconds: z
    .number()
    .int()
    .min(1)
    .max(MAX_TOKEN_TTL_SECONDS)
    .optional()
    .openapi({ description: `Default ${DEFAULT_TOKEN_TTL_SECONDS}; never past the calling token's own expiry.` }),
});

const narrowToken = createRoute({
  method: 'post',
  path: '/communities/{communityId}/tokens/scoped',
  summary: "A token confined to one channel, for an iframe channel's app.",
  description:
    "Mints a token for the caller's member that only that channel's chat routes accept (403 elsewhere), " +
    "with no scope the calling token lacks (403) and an expiry no later than the calling token's. " +
    'A token already confined to a channel can be narrowed further for that channel only (403 for another).',
  tags: ['auth'],
  security: [{ widgetToken: [] }],
  middleware: [limitBody(4 * 1024), requireToken()] as const,
  request: { params: z.object({ communityId: communityIdParam }), body: jsonBody(narrowBody) },
  responses: {
    200: jsonContent(envelope(z.object({ token: z.string(), expiresAt: z.number().int() })), 'The narrowed token and its expiry (epoch ms).'),
    ...errorResponses(400, 401, 403, 404, 413, 429),
  },
});

/** `POST tokens/scoped`: narrows the caller's token to one channel (never widens it). */
export function registerTokenRoutes(app: OpenAPIHono<AppEnv>, { upstream, tokenSecret }: { upstream: Upstream; tokenSecret: string }): void {
  app.openapi(narrowToken, async (c) => {
    const { communityId } = c.req.valid('param');
    const { channelId, scopes, ttlSeconds } = c.req.valid('json');
    const claims = claimsOf(c);
    // Checked before the channel lookup, so a confined token cannot probe which channels exist.
    if (claims.chn !== undefined && claims.chn !== channelId) {
      throw new ApiError(403, 'forbidden', `This token is restricted to channel "${claims.chn}"; it cannot be narrowed to "${channelId}".`);
    }
    const held = claims.scope.split(' ');
    const lacking = scopes.filter((scope) => !held.includes(scope));
    if (lacking.length > 0) {
      throw new ApiError(403, 'forbidden', `A narrowed token cannot carry scopes the calling token lacks: ${[...new Set(lacking)].join(', ')}.`);
    }
    if (!(await upstream.getChannel(communityId, channelId))) throw noSuchChannel(communityId, channelId);
    const grant: TokenGrant = await mintWidgetToken({
      secret: tokenSecret,
      communityId,
      user: { id: claims.sub, ...(claims.name ? { displayName: claims.name } : {}) },
      scopes: [...new Set(scopes)],
      channelId,
      notAfter: claims.exp,
      ...(ttlSeconds === undefined ? {} : { ttlSeconds }),
    });
    return c.json({ data: { token: grant.token, expiresAt: grant.expiresAt } }, 200);
  });
}
