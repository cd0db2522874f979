import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { LEADERBOARD_PERIODS, type Leaderboard, type LeaderboardEntry, type LeaderboardPeriod, type StandingsMeta } from '@rai-kit/core/api';
import { SCOPES } from '@rai-kit/core/auth';
import type { AppEnv } from '../http/app-env.js';
import { ApiError } from '../http/api-error.js';
import { assertToken, claimsOf, hasToken, requireToken } from '../http/token-auth.js';
import { pageQuerySchema } from '../pagination.js';
import type { SseHub } from '../sse-hub.js';
import { decodeStandingsCursor, encodeStandingsCursor, withCursor } from '../standings-cursor.js';
import type { RankedSlice, StandingsQuery, Upstream } from '../upstream/upstream.js';
import { noSuchCommunity, notAMember } from './community-routes.js';
import { EVENT_STREAM_DESCRIPTION, afterQuery, eventStreamResponse, streamOrPoll } from './event-stream.js';
import {
  aroundMeSchema,
  communityIdParam,
  envelope,
  errorResponses,
  jsonContent,
  OPTIONAL_TOKEN,
  leaderboardEntrySchema,
  leaderboardSchema,
  pageEnvelope,
  standingsEventSchema,
  standingsMetaSchema,
} from './schemas.js';

const params = z.object({ communityId: communityIdParam });
const boardParams = params.extend({
  leaderboardId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'leaderboardId', in: 'path' }, example: 'lb-xp' }),
});

const period = z
  .enum(LEADERBOARD_PERIODS)
  .optional()
  .openapi({ description: "Ranking window, one of the board's `periods`; default its `defaultPeriod`." });

const position = (description: string) => z.string().min(1).max(500).optional().openapi({ description });

/** Public boards need no token; members-only ones answer like a protected route. */
const BOARD_ACCESS =
  'Public boards need no token. Members-only boards need a widget token of this community with the ' +
  '`leaderboard:read` scope: 401 without one, 403 for another community or without the scope.';

const listLeaderboards = createRoute({
  method: 'get',
  path: '/communities/{communityId}/leaderboards',
  summary: "The community's leaderboards, in display order.",
  description:
    'Public boards for everyone; members-only boards too when the request carries a valid token of this ' +
    'community with the `leaderboard:read` scope (any other token is ignored, as on every public read).',
  tags: ['leaderboards'],
  security: OPTIONAL_TOKEN,
  request: { params, query: pageQuerySchema },
  responses: { 200: jsonContent(pageEnvelope(leaderboardSchema), 'One page of leaderboards.'), ...errorResponses(400, 404, 429) },
});

const getLeaderboard = createRoute({
  method: 'get',
  path: '/communities/{communityId}/leaderboards/{leaderboardId}',
  summary: "A leaderboard's configuration.",
  description: BOARD_ACCESS,
  tags: ['leaderboards'],
  security: OPTIONAL_TOKEN,
  request: { params: boardParams },
  responses: { 200: jsonContent(envelope(leaderboardSchema), 'The leaderboard.'), ...errorResponses(400, 401, 403, 404, 429) },
});

const listEntries = createRoute({
  method: 'get',
  path: '/communities/{communityId}/leaderboards/{leaderboardId}/entries',
  summary: 'Ranked entries of a period, best first, paged by position.',
  description:
    'Order: score descending, then user id ascending; competition ranks (1, 1, 3); only scores above 0, and ' +
    'only ranks up to `topLimit`. `cursor` pages after a position, `before` before it (entries still best ' +
    'first); the position need not be anyone’s any more. `meta.lastEventId` is the position of the board’s ' +
    'event stream this page corresponds to. ' +
    BOARD_ACCESS,
  tags: ['leaderboards'],
  security: OPTIONAL_TOKEN,
  request: {
    params: boardParams,
    query: z
      .object({
        period,
        limit: pageQuerySchema.shape.limit,
        cursor: position("The page after this position: an entry's `cursor`, or `meta.nextCursor`."),
        before: position("The page before this position: an entry's `cursor`, or `meta.prevCursor`."),
      })
      .refine((q) => q.cursor === undefined || q.before === undefined, { message: 'Give cursor or before, not both', path: ['before'] }),
  },
  responses: {
    200: jsonContent(z.object({ data: z.array(leaderboardEntrySchema), meta: standingsMetaSchema }), 'One page of entries.'),
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

const aroundMe = createRoute({
  method: 'get',
  path: '/communities/{communityId}/leaderboards/{leaderboardId}/entries/around-me',
  summary: "The signed-in member's entry with up to `radius` neighbours each side.",
  description: '`me: null` and no entries when the member is not ranked in the period. Needs `leaderboard:read`.',
  tags: ['leaderboards'],
  security: [{ widgetToken: [] }],
  middleware: [requireToken(SCOPES.leaderboardRead)] as const,
  request: {
    params: boardParams,
    query: z.object({
      period,
      radius: z.coerce.number().int().min(0).max(50).default(5).openapi({ description: 'Neighbours each side, 0..50.' }),
    }),
  },
  responses: {
    200: jsonContent(z.object({ data: aroundMeSchema, meta: standingsMetaSchema }), 'The member and their neighbours.'),
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

const leaderboardEvents = createRoute({
  method: 'get',
  path: '/communities/{communityId}/leaderboards/{leaderboardId}/events',
  summary: 'A board’s event stream for one period: `standings.changed`, score changes coalesced.',
  description: `${EVENT_STREAM_DESCRIPTION} ${BOARD_ACCESS}`,
  tags: ['leaderboards'],
  security: OPTIONAL_TOKEN,
  request: { params: boardParams, query: z.object({ period, after: afterQuery }) },
  responses: { 200: eventStreamResponse(standingsEventSchema), ...errorResponses(400, 401, 403, 404, 429) },
});

/** Topic of one board's stream for one period on the hub. */
export function leaderboardTopic(communityId: string, leaderboardId: string, period: LeaderboardPeriod): string {
  return `leaderboard:${encodeURIComponent(communityId)}:${encodeURIComponent(leaderboardId)}:${period}`;
}

/** Leaderboards: list, configuration, entries by period, "around me", and each board's event stream. */
export function registerLeaderboardRoutes(app: OpenAPIHono<AppEnv>, { upstream, hub }: { upstream: Upstream; hub: SseHub }): void {
  const readableBoard = async (c: Context<AppEnv>, communityId: string, leaderboardId: string): Promise<Leaderboard> => {
    const board = await upstream.getLeaderboard(communityId, leaderboardId);
    if (!board) throw noSuchLeaderboard(communityId, leaderboardId);
    if (board.visibility === 'members') assertToken(c, SCOPES.leaderboardRead);
    return board;
  };

  app.openapi(listLeaderboards, async (c) => {
    const { communityId } = c.req.valid('param');
    const includeMembersOnly = hasToken(c, SCOPES.leaderboardRead);
    const page = await upstream.listLeaderboards(communityId, c.req.valid('query'), { includeMembersOnly });
    if (!page) throw noSuchCommunity(communityId);
    return c.json({ data: page.items, meta: { nextCursor: page.nextCursor } }, 200);
  });

  app.openapi(getLeaderboard, async (c) => {
    const { communityId, leaderboardId } = c.req.valid('param');
    return c.json({ data: await readableBoard(c, communityId, leaderboardId) }, 200);
  });

  app.openapi(listEntries, async (c) => {
    const { communityId, leaderboardId } = c.req.valid('param');
    const query = c.req.valid('query');
    const board = await readableBoard(c, communityId, leaderboardId);
    const period = periodOf(board, query.period);
    const after = query.cursor === undefined ? undefined : decodeStandingsCursor(query.cursor, 'cursor');
    const before = query.before === undefined ? undefined : decodeStandingsCursor(query.before, 'before');
    const asked = { after, before, limit: query.limit };
    const slice = await upstream.listStandings(communityId, leaderboardId, period, asked);
    if (!slice) throw noSuchLeaderboard(communityId, leaderboardId);
    // Read right after the standings, with no timer able to run in between, so the page and
    // the stream position describe the same moment (see Upstream.listStandings).
    const lastEventId = hub.position(leaderboardTopic(communityId, leaderboardId, period));
    const entries = slice.entries.map(withCursor);
    return c.json({ data: entries, meta: standingsMeta(entries, slice, lastEventId, asked) }, 200);
  });

  app.openapi(aroundMe, async (c) => {
    const { communityId, leaderboardId } = c.req.valid('param');
    const query = c.req.valid('query');
    const board = await readableBoard(c, communityId, leaderboardId);
    const period = periodOf(board, query.period);
    const { sub } = claimsOf(c);
    if (!(await upstream.getMe(communityId, sub))) throw notAMember(communityId, sub);
    const around = await upstream.standingsAround(communityId, leaderboardId, period, sub, query.radius);
    if (!around) throw noSuchLeaderboard(communityId, leaderboardId);
    // As for entries: the same moment as the standings just read.
    const lastEventId = hub.position(leaderboardTopic(communityId, leaderboardId, period));
    const entries = around.entries.map(withCursor);
    const me = around.me ? withCursor(around.me) : null;
    return c.json({ data: { me, entries }, meta: standingsMeta(entries, around, lastEventId, {}) }, 200);
  });

  app.openapi(leaderboardEvents, async (c) => {
    const { communityId, leaderboardId } = c.req.valid('param');
    const query = c.req.valid('query');
    const board = await readableBoard(c, communityId, leaderboardId);
    return streamOrPoll(c, hub, leaderboardTopic(communityId, leaderboardId, periodOf(board, query.period)), query.after);
  });
}

function noSuchLeaderboard(communityId: string, leaderboardId: string): ApiError {
  return new ApiError(404, 'not_found', `No leaderboard "${leaderboardId}" in community "${communityId}".`);
}

/** The period asked for, or the board's default; 400 naming the allowed ones when the board lacks it. */
function periodOf(board: Leaderboard, asked: LeaderboardPeriod | undefined): LeaderboardPeriod {
  if (asked === undefined) return board.defaultPeriod;
  if (board.periods.includes(asked)) return asked;
  const message = `Leaderboard "${board.id}" has no "${asked}" period; use one of: ${board.periods.join(', ')}.`;
  throw new ApiError(400, 'invalid_request', message, { details: [{ path: 'period', message }] });
}

/**
 * Cursors of the slice's ends: its first and last entries. An empty page lies past an end
 * of the board; its one useful cursor points just beside the position asked for, so that
 * paging back from it still includes the entry at that position: `\u0000` makes the
 * smallest id after `after`'s, and `''` sorts before every id of `before`'s score.
 */
function standingsMeta(entries: LeaderboardEntry[], slice: RankedSlice, lastEventId: string, asked: Pick<StandingsQuery, 'after' | 'before'>): StandingsMeta {
  const { after, before } = asked;
  const first = entries[0]?.cursor ?? (after && encodeStandingsCursor({ score: after.score, userId: `${after.userId}\u0000` }));
  const last = entries.at(-1)?.cursor ?? (before && encodeStandingsCursor({ score: before.score, userId: '' }));
  return {
    nextCursor: (slice.hasNext && last) || null,
    prevCursor: (slice.hasPrev && first) || null,
    total: slice.total,
    lastEventId,
  };
}
