import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { API_PREFIX, MAX_UPLOAD_BYTES, UPLOAD_TYPES, paths, type ChatUpload } from '@rai-kit/core/api';
import { SCOPES } from '@rai-kit/core/auth';
import type { AppEnv } from '../http/app-env.js';
import { ApiError } from '../http/api-error.js';
import { limitBody } from '../http/body-limit.js';
import { requireToken } from '../http/token-auth.js';
import { replayHeaders, type IdempotencyStore } from '../idempotency.js';
import { imageInfo } from '../image-info.js';
import type { Upstream } from '../upstream/upstream.js';
import { channelParams, noSuchChannel, type ChatAccess } from './chat-access.js';
import { chatUploadSchema, envelope, errorResponses, jsonContent } from './schemas.js';

const binary = z.string().openapi({ type: 'string', format: 'binary' });
const imageContent = Object.fromEntries(UPLOAD_TYPES.map((type) => [type, { schema: binary }]));

const uploadImage = createRoute({
  method: 'post',
  path: '/communities/{communityId}/channels/{channelId}/uploads',
  summary: 'Upload an image to attach to a message of this channel (`imageIds` on send).',
  description:
    `The raw image as the body, with its Content-Type: ${UPLOAD_TYPES.join(', ')}; at most ` +
    `${MAX_UPLOAD_BYTES / (1024 * 1024)} MiB (413). Other types, or bytes that are not what the Content-Type says, ` +
    'answer 415. Needs what posting in the channel needs. An optional `Idempotency-Key` (per member and ' +
    'channel) answers a retried upload of the same bytes with the same upload.',
  tags: ['chat'],
  security: [{ widgetToken: [] }],
  middleware: [limitBody(MAX_UPLOAD_BYTES), requireToken(SCOPES.chatWrite)] as const,
  request: {
    params: channelParams,
    headers: z.object({ 'idempotency-key': z.string().min(1).max(255).optional() }),
    body: { required: true, content: imageContent },
  },
  responses: { 201: jsonContent(envelope(chatUploadSchema), 'The upload.'), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429) },
});

const getUpload = createRoute({
  method: 'get',
  path: '/communities/{communityId}/channels/{channelId}/uploads/{uploadId}',
  summary: 'An uploaded image (a message image’s `url`).',
  description:
    'Served without a token, so `<img>` can load it: the id is an unguessable capability, as in most chat ' +
    'products. Immutable, cached for a year, with `X-Content-Type-Options: nosniff`.',
  tags: ['chat'],
  request: { params: channelParams.extend({ uploadId: z.string().min(1).max(100).openapi({ param: { name: 'uploadId', in: 'path' } }) }) },
  responses: { 200: { description: 'The image.', content: imageContent }, ...errorResponses(400, 404, 429) },
});

/** The absolute URL an upload is served at, on the origin the request came to. */
export function uploadUrl(c: Context<AppEnv>, communityId: string, channelId: string, uploadId: string): string {
  return `${new URL(c.req.url).origin}${API_PREFIX}${paths.channelUpload(communityId, channelId, uploadId)}`;
}

/** Image uploads for messages, kept by the upstream and served back with safe headers. */
export function registerUploadRoutes(
  app: OpenAPIHono<AppEnv>,
  { upstream, access, idempotency }: { upstream: Upstream; access: ChatAccess; idempotency: IdempotencyStore },
): void {
  app.openapi(uploadImage, async (c) => {
    const { communityId, channelId } = c.req.valid('param');
    const { claims } = await access.writableChannel(c, communityId, channelId, 'post');
    const declared = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!(UPLOAD_TYPES as readonly string[]).includes(declared)) {
      throw new ApiError(415, 'invalid_request', `Send the image as the body with Content-Type ${UPLOAD_TYPES.join(', ')}.`);
    }
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw new ApiError(400, 'invalid_request', 'The body is empty: send the image bytes.');
    const info = imageInfo(bytes);
    // The declared type must match the bytes, so nothing is ever served as something it is not.
    if (info?.type !== declared) throw new ApiError(415, 'invalid_request', `The body is not a ${declared} image.`);
    const save = async () => {
      const upload = await upstream.saveUpload(communityId, { channelId, contentType: info.type, bytes, width: info.width, height: info.height });
      if (!upload) throw noSuchChannel(communityId, channelId);
      const { id, width, height } = upload;
      return { status: 201, body: { data: { id, url: uploadUrl(c, communityId, channelId, id), width, height } } };
    };
    const key = c.req.valid('header')['idempotency-key'];
    if (!key) return c.json((await save()).body, 201);
    const digest = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('base64url');
    const { response, replayed } = await idempotency.run(
      // Its own scope: an upload's key never collides with a send's.
      { key, scope: `${communityId}/${claims.sub}/${channelId}/uploads`, fingerprint: `${info.type} ${digest}` },
      save,
    );
    return c.json(response.body as { data: ChatUpload }, 201, replayHeaders(replayed));
  });

  app.openapi(getUpload, async (c) => {
    const { communityId, channelId, uploadId } = c.req.valid('param');
    const upload = await upstream.getUpload(communityId, uploadId);
    if (!upload || upload.channelId !== channelId) throw new ApiError(404, 'not_found', `No upload "${uploadId}" in channel "${channelId}".`);
    return c.body(upload.bytes, 200, {
      'Content-Type': upload.contentType,
      'Content-Length': String(upload.bytes.byteLength),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'public, max-age=31536000, immutable',
      // Defence in depth should the file ever be opened as a document.
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
  });
}
