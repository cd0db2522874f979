import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { MAX_MESSAGE_IMAGES, MAX_MESSAGE_LENGTH, MAX_NONCE_LENGTH, SHORTCODE_PATTERN, type ChatImage, type ChatMessage } from '@rai-kit/core/api';
import { SCOPES } from '@rai-kit/core/auth';
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { ApiError } from '../http/api-error.js';
import { limitBody } from '../http/body-limit.js';
import { fixedWindowLimiter, rateLimitedError, type RateLimitOptions } from '../http/rate-limit.js';
import { claimsOf, requireToken } from '../http/token-auth.js';
import { replayHeaders, type IdempotencyStore } from '../idempotency.js';
import type { Upstream } from '../upstream/upstream.js';
import { channelParams, messageParams, noSuchChannel, noSuchMessage, type ChatAccess } from './chat-access.js';
import { uploadUrl } from './upload-routes.js';
import { chatMessageSchema, envelope, errorResponses, jsonBody, jsonContent } from './schemas.js';

/** Per member: a chat burst is fine, a runaway loop is not. */
export const DEFAULT_SEND_RATE_LIMIT: RateLimitOptions = { windowMs: 10_000, max: 20 };

/** JSON bodies of these routes are small; anything bigger is refused before parsing. */
const MAX_JSON_BODY = 64 * 1024;

const WRITE_ACCESS =
  'Needs a widget token of this community with `chat:write` (and `chat:read` for members-only channels) whose ' +
  'user is a member: 401 without, 403 for another community or scope, 404 for a non-member.';

/** Message text: trimmed, then at least `min` and at most MAX_MESSAGE_LENGTH characters. */
export const messageText = (min: number) =>
  z
    .string()
    .trim()
    .min(min, 'Must not be empty')
    .max(MAX_MESSAGE_LENGTH, `At most ${MAX_MESSAGE_LENGTH} characters`)
    .openapi({ description: `Plain text, trimmed, at most ${MAX_MESSAGE_LENGTH} characters.` });

const sendBody = z
  .object({
    text: messageText(0).default(''),
    replyTo: z.string().min(1).max(100).optional().openapi({ description: 'Id of the message of this channel being answered.' }),
    imageIds: z.array(z.string().min(1).max(100)).max(MAX_MESSAGE_IMAGES).optional().openapi({ description: 'Upload ids of this channel.' }),
    nonce: z
      .string()
      .min(1)
      .max(MAX_NONCE_LENGTH)
      .optional()
      .openapi({ description: 'Client-chosen id echoed as the message’s `nonce`, to match the stream’s copy to the send.' }),
  })
  .refine((b) => b.text.length > 0 || (b.imageIds?.length ?? 0) > 0, { message: 'Write some text or attach an image', path: ['text'] });

const sendMessage = createRoute({
  method: 'post',
  path: '/communities/{communityId}/channels/{channelId}/messages',
  summary: 'Send a message (or a reply, or images). Requires Idempotency-Key.',
  description:
    'The same key (per member and channel) with the same body answers the same message with ' +
    '`Idempotent-Replayed: true` and never sends twice; with another body, 409. Announcement channels refuse ' +
    'posts (403); an iframe channel takes them only from its app (a token narrowed to it with `tokens/scoped`). ' +
    `Per-member send rate limit: 429 with Retry-After. ${WRITE_ACCESS}`,
  tags: ['chat'],
  security: [{ widgetToken: [] }],
  middleware: [limitBody(MAX_JSON_BODY), requireToken(SCOPES.chatWrite)] as const,
  request: {
    params: channelParams,
    headers: z.object({ 'idempotency-key': z.string().min(1).max(255).openapi({ description: 'Unique per intended message.' }) }),
    body: jsonBody(sendBody),
  },
  responses: { 201: jsonContent(envelope(chatMessageSchema), 'The message.'), ...errorResponses(400, 401, 403, 404, 409, 413, 429) },
});

const reactionParams = messageParams.extend({
  shortcode: z
    .string()
    .max(64)
    .regex(SHORTCODE_PATTERN, 'A shortcode like :sparkling_heart:')
    .openapi({ param: { name: 'shortcode', in: 'path' }, example: ':sparkling_heart:' }),
});

const reactionRoute = (method: 'put' | 'delete') =>
  createRoute({
    method,
    path: '/communities/{communityId}/channels/{channelId}/messages/{messageId}/reactions/{shortcode}',
    summary: method === 'put' ? "Add the member's reaction (idempotent)." : "Remove the member's reaction (idempotent).",
    description: `Publishes \`message.updated\` when something changed. ${WRITE_ACCESS}`,
    tags: ['chat'],
    security: [{ widgetToken: [] }],
    middleware: [requireToken(SCOPES.chatWrite)] as const,
    request: { params: reactionParams },
    responses: { 200: jsonContent(envelope(chatMessageSchema), 'The message as the member sees it.'), ...errorResponses(400, 401, 403, 404, 429) },
  });

const editMessage = createRoute({
  method: 'patch',
  path: '/communities/{communityId}/channels/{channelId}/messages/{messageId}',
  summary: "Edit one's own message's text; publishes `message.updated`.",
  description: `Only the author (403 for others); deleted messages cannot be edited (404). ${WRITE_ACCESS}`,
  tags: ['chat'],
  security: [{ widgetToken: [] }],
  middleware: [limitBody(MAX_JSON_BODY), requireToken(SCOPES.chatWrite)] as const,
  request: { params: messageParams, body: jsonBody(z.object({ text: messageText(1) })) },
  responses: { 200: jsonContent(envelope(chatMessageSchema), 'The edited message.'), ...errorResponses(400, 401, 403, 404, 413, 429) },
});

const deleteMessage = createRoute({
  method: 'delete',
  path: '/communities/{communityId}/channels/{channelId}/messages/{messageId}',
  summary: "Delete one's own message, leaving a tombstone; publishes `message.deleted`.",
  description: `Only the author (403 for others); deleting again answers the tombstone. ${WRITE_ACCESS}`,
  tags: ['chat'],
  security: [{ widgetToken: [] }],
  middleware: [requireToken(SCOPES.chatWrite)] as const,
  request: { params: messageParams },
  responses: { 200: jsonContent(envelope(chatMessageSchema), 'The tombstone.'), ...errorResponses(400, 401, 403, 404, 429) },
});

/** What the message write routes act on. */
export interface MessageRouteDeps {
  upstream: Upstream;
  access: ChatAccess;
  idempotency: IdempotencyStore;
  /** Sends per member; `false` disables. */
  sendRateLimit: RateLimitOptions | false;
}

/** Chat writes: send (idempotent, rate limited), react/unreact, edit and delete by the author. */
export function registerMessageRoutes(app: OpenAPIHono<AppEnv>, { upstream, access, idempotency, sendRateLimit }: MessageRouteDeps): void {
  const sendLimiter = sendRateLimit ? fixedWindowLimiter(sendRateLimit) : null;

  app.openapi(sendMessage, async (c) => {
    const { communityId, channelId } = c.req.valid('param');
    const body = c.req.valid('json');
    const key = c.req.valid('header')['idempotency-key'];
    const { claims } = await access.writableChannel(c, communityId, channelId, 'post');
    const { response, replayed } = await idempotency.run(
      { key, scope: `${communityId}/${claims.sub}/${channelId}`, fingerprint: JSON.stringify(body) },
      async () => {
        // Inside the idempotent step: a replay is not a new send and never counts.
        const retryAfter = sendLimiter?.hit(`${communityId}/${claims.sub}`) ?? null;
        if (retryAfter !== null) throw rateLimitedError(retryAfter, 'messages');
        await assertReplyTarget(upstream, communityId, channelId, body.replyTo);
        const images = await Promise.all((body.imageIds ?? []).map((id, i) => imageOf(c, communityId, channelId, id, i)));
        const message = await upstream.sendMessage(communityId, channelId, {
          authorId: claims.sub,
          text: body.text,
          replyTo: body.replyTo ?? null,
          images,
          nonce: body.nonce ?? null,
        });
        if (!message) throw noSuchChannel(communityId, channelId);
        return { status: 201, body: { data: message } };
      },
    );
    return c.json(response.body as { data: ChatMessage }, 201, replayHeaders(replayed));
  });

  const imageOf = async (c: Context<AppEnv>, communityId: string, channelId: string, id: string, index: number): Promise<ChatImage> => {
    const upload = await upstream.getUpload(communityId, id);
    if (!upload || upload.channelId !== channelId) throw invalid(`imageIds.${index}`, `No upload "${id}" in this channel.`);
    return { url: uploadUrl(c, communityId, channelId, id), width: upload.width, height: upload.height, alt: '' };
  };

  for (const [route, on] of [[reactionRoute('put'), true], [reactionRoute('delete'), false]] as const) {
    app.openapi(route, async (c) => {
      const { communityId, channelId, messageId, shortcode } = c.req.valid('param');
      const { claims } = await access.writableChannel(c, communityId, channelId, 'react');
      const current = await upstream.getMessage(communityId, channelId, messageId, null);
      if (!current || current.deleted) throw noSuchMessage(channelId, messageId);
      const message = await upstream.setReaction(communityId, channelId, messageId, claims.sub, shortcode, on);
      if (!message) throw noSuchMessage(channelId, messageId);
      return c.json({ data: message }, 200);
    });
  }

  /** The message if the caller wrote it: 404 when unknown, 403 for someone else's. */
  const ownMessage = async (c: Context<AppEnv>, { communityId, channelId, messageId }: MessageRef, change: 'edit' | 'delete') => {
    await access.readableChannel(c, communityId, channelId);
    const { sub } = claimsOf(c);
    const message = await upstream.getMessage(communityId, channelId, messageId, sub);
    if (!message) throw noSuchMessage(channelId, messageId);
    if (message.author.id !== sub) throw new ApiError(403, 'forbidden', `Only its author may ${change} message "${messageId}".`);
    return message;
  };

  app.openapi(editMessage, async (c) => {
    const ref = c.req.valid('param');
    const { communityId, channelId, messageId } = ref;
    const existing = await ownMessage(c, ref, 'edit');
    if (existing.deleted) throw noSuchMessage(channelId, messageId);
    const message = await upstream.changeMessage(communityId, channelId, messageId, c.req.valid('json'), claimsOf(c).sub);
    if (!message) throw noSuchMessage(channelId, messageId);
    return c.json({ data: message }, 200);
  });

  app.openapi(deleteMessage, async (c) => {
    const ref = c.req.valid('param');
    const { communityId, channelId, messageId } = ref;
    await ownMessage(c, ref, 'delete');
    const message = await upstream.changeMessage(communityId, channelId, messageId, { deleted: true }, claimsOf(c).sub);
    if (!message) throw noSuchMessage(channelId, messageId);
    return c.json({ data: message }, 200);
  });
}

interface MessageRef {
  communityId: string;
  channelId: string;
  messageId: string;
}

/** 400 unless `replyTo` (when given) is a message of the channel. */
export async function assertReplyTarget(upstream: Upstream, communityId: string, channelId: string, replyTo: string | undefined): Promise<void> {
  if (replyTo !== undefined && !(await upstream.getMessage(communityId, channelId, replyTo, null))) {
    throw invalid('replyTo', `No message "${replyTo}" in this channel to reply to.`);
  }
}

/** A 400 naming the offending field. */
export function invalid(path: string, message: string): ApiError {
  return new ApiError(400, 'invalid_request', message, { details: [{ path, message }] });
}
