import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HEADERS } from '@rai-kit/core/api';
import { SCOPES, type WidgetTokenClaims } from '@rai-kit/core/auth';
import type { AppEnv } from '../http/app-env.js';
import { ApiError } from '../http/api-error.js';
import { requireToken } from '../http/token-auth.js';
import type { SseHub } from '../sse-hub.js';
import type { Upstream } from '../upstream/upstream.js';
import { communityIdParam, envelope, errorResponses, jsonContent, meSchema, pollMetaSchema, streamEventSchema } from './schemas.js';

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
  summary: "The member's event stream (xp.changed, coins.changed, tier.changed).",
  description:
    'With `Accept: text/event-stream`: Server-Sent Events with ids `<epoch>.<seq>`; resume with `Last-Event-ID`; ' +
    'a `reset` event means the resume point is gone. With `Accept: application/json`: the polling fallback, ' +
    'events after `after`.',
  tags: ['me'],
  security: [{ widgetToken: [] }],
  middleware: [requireToken(SCOPES.meStream)] as const,
  request: {
    params,
    query: z.object({
      after: z.string().max(200).optional().openapi({ description: 'Polling fallback: last event id seen.' }),
    }),
  },
  responses: {
    200: {
      description: 'The stream, or (polling) the events since `after`.',
      content: {
        'text/event-stream': { schema: z.string() },
        'application/json': { schema: z.object({ data: z.array(streamEventSchema), meta: pollMetaSchema }) },
      },
    },
    ...errorResponses(400, 401, 403, 404, 429),
  },
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
    if (!me) throw new ApiError(404, 'not_found', `User "${claims.sub}" is not a member of community "${communityId}".`);
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
    const topic = meTopic(communityId, claims.sub);
    if (wantsJson(c.req.header('Accept'))) return c.json(hub.poll(topic, c.req.valid('query').after), 200);
    return hub.stream(topic, { lastEventId: c.req.header(HEADERS.lastEventId) ?? null, signal: c.req.raw.signal });
  });
}

/** JSON only when asked for and SSE not: SSE is the default for this URL. */
function wantsJson(accept: string | undefined): boolean {
  return !!accept && accept.includes('application/json') && !accept.includes('text/event-stream');
}

function claimsOf(c: Context<AppEnv>): WidgetTokenClaims {
  const state = c.get('token');
  // requireToken ran first; reaching here without claims is a wiring bug, not a client error.
  if (!state || !('claims' in state)) throw new Error('requireToken must run before a protected handler.');
  return state.claims;
}
