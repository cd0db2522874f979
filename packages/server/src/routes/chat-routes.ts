import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { MessagePageMeta } from '@rai-kit/core/api';
import type { AppEnv } from '../http/app-env.js';
import { decodeMessageCursor, messageId, messageSeq } from '../message-ids.js';
import { pageQuerySchema } from '../pagination.js';
import type { SseHub } from '../sse-hub.js';
import type { MessageQuery, MessageSlice, Upstream } from '../upstream/upstream.js';
import { CHANNEL_ACCESS, channelParams, chatTopic, noSuchChannel, type ChatAccess } from './chat-access.js';
import { noSuchCommunity } from './community-routes.js';
import { EVENT_STREAM_DESCRIPTION, afterQuery, eventStreamResponse, streamOrPoll } from './event-stream.js';
import {
  channelSchema,
  chatEventSchema,
  chatMessageSchema,
  communityIdParam,
  envelope,
  errorResponses,
  jsonContent,
  messagePageMetaSchema,
  OPTIONAL_TOKEN,
  pageEnvelope,
} from './schemas.js';

const position = (description: string) => z.string().min(1).max(100).optional().openapi({ description });

const listChannels = createRoute({
  method: 'get',
  path: '/communities/{communityId}/channels',
  summary: "The community's channels, in display order, with what the caller may do in each.",
  description:
    'Public channels for everyone; members-only ones too with a token of this community carrying `chat:read` ' +
    '(any other token is ignored, as on every public read). `permissions.post` / `react` need `chat:write`.',
  tags: ['chat'],
  security: OPTIONAL_TOKEN,
  request: { params: z.object({ communityId: communityIdParam }), query: pageQuerySchema },
  responses: { 200: jsonContent(pageEnvelope(channelSchema), 'One page of channels.'), ...errorResponses(400, 404, 429) },
});

const getChannel = createRoute({
  method: 'get',
  path: '/communities/{communityId}/channels/{channelId}',
  summary: 'One channel, with what the caller may do in it.',
  description: CHANNEL_ACCESS,
  tags: ['chat'],
  security: OPTIONAL_TOKEN,
  request: { params: channelParams },
  responses: { 200: jsonContent(envelope(channelSchema), 'The channel.'), ...errorResponses(400, 401, 403, 404, 429) },
});

const listMessages = createRoute({
  method: 'get',
  path: '/communities/{communityId}/channels/{channelId}/messages',
  summary: 'Message history, oldest first within a page: the newest page, or the page before / after a message.',
  description:
    'Message ids sort in creation order and are the cursors: `before` gives the page of messages older than ' +
    'it, `after` the page newer than it. Deleted messages stay as tombstones. `meta.lastEventId` is the ' +
    'position of the channel’s stream this page corresponds to. ' +
    CHANNEL_ACCESS,
  tags: ['chat'],
  security: OPTIONAL_TOKEN,
  request: {
    params: channelParams,
    query: z
      .object({
        limit: pageQuerySchema.shape.limit,
        before: position('Messages older than this message id (or `meta.prevCursor`).'),
        after: position('Messages newer than this message id (or `meta.nextCursor`).'),
      })
      .refine((q) => q.before === undefined || q.after === undefined, { message: 'Give before or after, not both', path: ['after'] }),
  },
  responses: {
    200: jsonContent(z.object({ data: z.array(chatMessageSchema), meta: messagePageMetaSchema }), 'One page of messages.'),
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

const channelEvents = createRoute({
  method: 'get',
  path: '/communities/{communityId}/channels/{channelId}/events',
  summary: 'A channel’s event stream: `message.created`, `message.updated`, `message.deleted`, each with the whole message.',
  description: `${EVENT_STREAM_DESCRIPTION} Reactions’ \`mine\` is always false in events. ${CHANNEL_ACCESS}`,
  tags: ['chat'],
  security: OPTIONAL_TOKEN,
  request: { params: channelParams, query: z.object({ after: afterQuery }) },
  responses: { 200: eventStreamResponse(chatEventSchema), ...errorResponses(400, 401, 403, 404, 429) },
});

/** Chat reads: channels, one channel, message history both ways, and each channel's event stream. */
export function registerChatRoutes(
  app: OpenAPIHono<AppEnv>,
  { upstream, hub, access }: { upstream: Upstream; hub: SseHub; access: ChatAccess },
): void {
  app.openapi(listChannels, async (c) => {
    const { communityId } = c.req.valid('param');
    const includeMembersOnly = access.viewerOf(c) !== null;
    const page = await upstream.listChannels(communityId, c.req.valid('query'), { includeMembersOnly });
    if (!page) throw noSuchCommunity(communityId);
    return c.json({ data: await access.withPermissions(c, communityId, page.items), meta: { nextCursor: page.nextCursor } }, 200);
  });

  app.openapi(getChannel, async (c) => {
    const { communityId, channelId } = c.req.valid('param');
    const channel = await access.readableChannel(c, communityId, channelId);
    const [withPermissions] = await access.withPermissions(c, communityId, [channel]);
    return c.json({ data: withPermissions! }, 200);
  });

  app.openapi(listMessages, async (c) => {
    const { communityId, channelId } = c.req.valid('param');
    const query = c.req.valid('query');
    await access.readableChannel(c, communityId, channelId);
    const asked: MessageQuery = {
      limit: query.limit,
      ...(query.before === undefined ? {} : { before: decodeMessageCursor(query.before, 'before') }),
      ...(query.after === undefined ? {} : { after: decodeMessageCursor(query.after, 'after') }),
    };
    const slice = await upstream.listMessages(communityId, channelId, asked, access.viewerOf(c));
    if (!slice) throw noSuchChannel(communityId, channelId);
    // Read right after the messages, with no timer able to run in between, so the page and
    // the stream position describe the same moment (see Upstream.listMessages).
    const lastEventId = hub.position(chatTopic(communityId, channelId));
    return c.json({ data: slice.messages, meta: messagePageMeta(slice, asked, lastEventId) }, 200);
  });

  app.openapi(channelEvents, async (c) => {
    const { communityId, channelId } = c.req.valid('param');
    await access.readableChannel(c, communityId, channelId);
    return streamOrPoll(c, hub, chatTopic(communityId, channelId), c.req.valid('query').after);
  });
}

/**
 * Cursors of the slice's ends: its first and last messages. An empty page lies past an end
 * of the history; its cursors then sit just beside the position asked for, so paging back
 * from it includes the message at that position.
 */
function messagePageMeta({ messages, hasPrev, hasNext }: MessageSlice, asked: MessageQuery, lastEventId: string): MessagePageMeta {
  const firstSeq = messages.length ? messageSeq(messages[0]!.id)! : (asked.after ?? 0) + 1;
  const lastSeq = messages.length ? messageSeq(messages.at(-1)!.id)! : Math.max((asked.before ?? 1) - 1, 0);
  return {
    prevCursor: hasPrev ? messageId(firstSeq) : null,
    nextCursor: hasNext ? messageId(lastSeq) : null,
    lastEventId,
  };
}
