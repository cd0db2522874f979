import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { SCOPES } from '@rai-kit/core/auth';
import type { AppEnv } from '../http/app-env.js';
import { claimsOf, requireToken } from '../http/token-auth.js';
import type { SseHub } from '../sse-hub.js';
import type { Upstream } from '../upstream/upstream.js';
import { notAMember } from './community-routes.js';
import { EVENT_STREAM_DESCRIPTION, afterQuery, eventStreamResponse, streamOrPoll } from './event-stream.js';
import { communityIdParam, envelope, errorResponses, jsonContent, meSchema, streamEventSchema } from './schemas.js';

const params = z.object({ communityId: communityIdParam });

const getMe = createRoute({
  method: 'get',
  path: '/communities/{communityId}/me',
  summary: "The signed-in member's XP, coins, tier and progress.",
  tags: ['me'],
  security: [{ widgetToken: [] }],
  middleware: [requireToken(SCOPES.meRead)] as const,
  request: { params },
  responses: {
    200: jsonContent(
      envelope(meSchema).extend({ meta: z.object({ lastEventId: z.string() }) }),
      'The member, and the position of the `me` stream this snapshot corresponds to (resume from it).',
    ),
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

const meEvents = createRoute({
  method: 'get',
  path: '/communities/{communityId}/me/events',
  summary: "The member's event stream (xp.changed, coins.changed, tier.changed, order.changed).",
  description: EVENT_STREAM_DESCRIPTION,
  tags: ['me'],
  security: [{ widgetToken: [] }],
  middleware: [requireToken(SCOPES.meStream)] as const,
  request: { params, query: z.object({ after: afterQuery }) },
  responses: { 200: eventStreamResponse(streamEventSchema), ...errorResponses(400, 401, 403, 404, 429) },
});

/** Topic of one member's `me` stream on the hub. */
export function meTopic(communityId: string, userId: string): string {
  return `me:${encodeURIComponent(communityId)}:${encodeURIComponent(userId)}`;
}

/** The token-protected member routes: `me` and its event stream. */
export function registerMeRoutes(app: OpenAPIHono<AppEnv>, { upstream, hub }: { upstream: Upstream; hub: SseHub }): void {
  const memberOf = async (c: Context<AppEnv>, communityId: string) => {
    const claims = claimsOf(c);
    const me = await upstream.getMe(communityId, claims.sub);
    if (!me) throw notAMember(communityId, claims.sub);
    return { claims, me };
  };

  app.openapi(getMe, async (c) => {
    const { communityId } = c.req.valid('param');
    const { claims, me } = await memberOf(c, communityId);
    return c.json({ data: me, meta: { lastEventId: hub.position(meTopic(communityId, claims.sub)) } }, 200);
  });

  app.openapi(meEvents, async (c) => {
    const { communityId } = c.req.valid('param');
    const { claims } = await memberOf(c, communityId);
    return streamOrPoll(c, hub, meTopic(communityId, claims.sub), c.req.valid('query').after);
  });
}
