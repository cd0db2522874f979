import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { FAULT_PHASES, type FaultInjector } from '../faults.js';
import type { AppEnv } from '../http/app-env.js';
import { ApiError } from '../http/api-error.js';
import { replayHeaders, type IdempotencyStore } from '../idempotency.js';
import { pageQuerySchema } from '../pagination.js';
import type { SseHub } from '../sse-hub.js';
import type { Upstream } from '../upstream/upstream.js';
import { channelParams, noSuchChannel } from './chat-access.js';
import { noSuchCommunity } from './community-routes.js';
import { assertReplyTarget, invalid, messageText } from './message-routes.js';
import { noSuchProduct, productParams } from './store-routes.js';
import {
  SERVER_ERROR_CODES,
  chatMessageSchema,
  communityIdParam,
  envelope,
  errorResponses,
  jsonBody,
  jsonContent,
  meSchema,
  orderSchema,
  pageEnvelope,
  productSchema,
  userSummarySchema,
} from './schemas.js';

/** Awards are bounded so a typo cannot overflow a balance. */
const MAX_AWARD = 1_000_000;

const award = createRoute({
  method: 'post',
  path: '/communities/{communityId}/users/{userId}/awards',
  summary: "Change a member's XP and/or coins; publishes me events. Honours Idempotency-Key.",
  request: {
    params: z.object({ communityId: communityIdParam, userId: z.string().min(1).max(100) }),
    headers: z.object({ 'idempotency-key': z.string().min(1).max(255).optional() }),
    body: jsonBody(
      z
        .object({
          xp: z.number().int().min(-MAX_AWARD).max(MAX_AWARD).optional(),
          coins: z.number().int().min(-MAX_AWARD).max(MAX_AWARD).optional(),
          reason: z.string().min(1).max(100).default('admin_award'),
        })
        .refine((b) => b.xp !== undefined || b.coins !== undefined, { message: 'Give xp or coins (or both).', path: ['xp'] }),
    ),
  },
  responses: { 200: jsonContent(envelope(meSchema), 'The new standing.'), ...errorResponses(400, 404, 409) },
});

const listUsers = createRoute({
  method: 'get',
  path: '/communities/{communityId}/users',
  summary: 'Members, for demo and test login pickers.',
  request: { params: z.object({ communityId: communityIdParam }), query: pageQuerySchema },
  responses: { 200: jsonContent(pageEnvelope(userSummarySchema), 'One page of members.'), ...errorResponses(400, 404) },
});

const faultSchema = z
  .object({
    path: z.string().startsWith('/').max(500),
    method: z.string().regex(/^[A-Za-z]+$/).optional(),
    status: z.number().int().min(400).max(599),
    times: z.number().int().min(1).max(10_000).optional().openapi({ description: 'Failures before the fault disarms itself.' }),
    probability: z
      .number()
      .gt(0)
      .max(1)
      .optional()
      .openapi({ description: 'Each matching request fails with this chance (seeded, so runs repeat); without `times`, until cleared.' }),
    seed: z.number().int().min(0).max(0xffff_ffff).optional().openapi({ description: 'Seed of the `probability` draws (default 1).' }),
    phase: z
      .enum(FAULT_PHASES)
      .default('request')
      .openapi({ description: '`response`: the request is handled (a message is created), then its answer is replaced by the error.' }),
    retryAfter: z.number().int().min(0).max(86_400).optional(),
    code: z.enum(SERVER_ERROR_CODES).optional(),
  })
  .strict()
  .refine((f) => f.times !== undefined || f.probability !== undefined, {
    message: 'Give `times`, or a `probability` (which may run until cleared).',
    path: ['times'],
  })
  .refine((f) => f.seed === undefined || f.probability !== undefined, { message: '`seed` only applies with a `probability`.', path: ['seed'] });

const addFault = createRoute({
  method: 'post',
  path: '/faults',
  summary: 'Make requests under `path` fail with `status`: the next `times`, or each with `probability`.',
  request: { body: jsonBody(faultSchema) },
  responses: { 201: jsonContent(envelope(faultSchema), 'The fault, armed.'), ...errorResponses(400) },
});

const clearFaults = createRoute({
  method: 'delete',
  path: '/faults',
  summary: 'Disarm every fault.',
  responses: { 200: jsonContent(envelope(z.object({ cleared: z.number().int() })), 'How many were disarmed.') },
});

const disconnectStreams = createRoute({
  method: 'post',
  path: '/streams/disconnect',
  summary: 'Close every open SSE connection, as a network drop would.',
  responses: { 200: jsonContent(envelope(z.object({ closed: z.number().int() })), 'How many were closed.') },
});

const postAs = createRoute({
  method: 'post',
  path: '/communities/{communityId}/channels/{channelId}/messages',
  summary: 'Post a message as any member, without a token or the send rate limit; published on the channel stream.',
  description: 'For demos ("someone else says hi") and benches that need traffic. Iframe channels hold no messages (403).',
  request: {
    params: channelParams,
    body: jsonBody(
      z
        .object({
          authorId: z.string().min(1).max(100),
          text: messageText(1),
          replyTo: z.string().min(1).max(100).optional(),
        })
        .strict(),
    ),
  },
  responses: { 201: jsonContent(envelope(chatMessageSchema), 'The message.'), ...errorResponses(400, 403, 404) },
});

const orderStatus = createRoute({
  method: 'post',
  path: '/communities/{communityId}/orders/{orderId}/status',
  summary: 'Fulfil or cancel a pending order; publishes `order.changed` on the buyer’s `me` stream.',
  description:
    'Fulfilling sets the redemption (`code`, `instructions`; a voucher gets a generated code when none is given). ' +
    'Cancelling refunds the coins (`coins.changed`, reason `refund`) and restocks the unit. An order that is no ' +
    'longer pending answers 409 and stays as it is.',
  request: {
    params: z.object({ communityId: communityIdParam, orderId: z.string().min(1).max(100) }),
    body: jsonBody(
      z
        .object({
          status: z.enum(['fulfilled', 'cancelled']),
          note: z.string().trim().min(1).max(200).optional().openapi({ description: 'History note; a default per status otherwise.' }),
          code: z.string().trim().min(1).max(100).optional(),
          instructions: z.string().trim().min(1).max(1000).optional(),
        })
        .strict()
        .refine((b) => b.status === 'fulfilled' || (b.code === undefined && b.instructions === undefined), {
          message: 'Only a fulfilment takes a code or instructions.',
          path: ['code'],
        }),
    ),
  },
  responses: { 200: jsonContent(envelope(orderSchema), 'The order.'), ...errorResponses(400, 404, 409) },
});

const productStockSchema = productSchema.extend({
  stock: z.number().int().nullable().openapi({ description: 'Units left, even when the store hides them; null = unlimited.' }),
  showRemaining: z.boolean(),
});

const updateProduct = createRoute({
  method: 'patch',
  path: '/communities/{communityId}/store/products/{productId}',
  summary: "Set a product's stock, whether the store shows it, or its price; `discount: null` ends its discount now.",
  description: 'For tests and benches: "the last one in stock", "sold out", "the price changed while I looked". Find products with the public list (`?q=`, `?category=`).',
  request: {
    params: productParams,
    body: jsonBody(
      z
        .object({
          stock: z.number().int().min(0).max(1_000_000).nullable().optional(),
          showRemaining: z.boolean().optional(),
          price: z.number().int().min(1).max(1_000_000).optional(),
          discount: z.null().optional(),
        })
        .strict()
        .refine((b) => Object.keys(b).length > 0, { message: 'Give stock, showRemaining, price or discount.', path: ['stock'] }),
    ),
  },
  responses: { 200: jsonContent(envelope(productStockSchema), 'The product, with its stock.'), ...errorResponses(400, 404) },
});

/** What the sandbox admin routes act on. */
export interface SandboxDeps {
  upstream: Upstream;
  hub: SseHub;
  faults: FaultInjector;
  idempotency: IdempotencyStore;
}

/**
 * Sandbox admin routes (mounted under `/sandbox/v1` only in sandbox mode): awards, member
 * lists, posts as any member, order fulfilment and cancellation, product stock and prices, fault
 * injection and stream disconnects, for demos, end-to-end tests and benches.
 */
export function registerSandboxRoutes(app: OpenAPIHono<AppEnv>, { upstream, hub, faults, idempotency }: SandboxDeps): void {
  app.openapi(award, async (c) => {
    const { communityId, userId } = c.req.valid('param');
    const body = c.req.valid('json');
    const key = c.req.valid('header')['idempotency-key'];
    const apply = async () => {
      if (!upstream.award) throw new ApiError(404, 'not_found', 'This upstream does not support sandbox awards.');
      const me = await upstream.award(communityId, userId, body);
      if (!me) throw new ApiError(404, 'not_found', `No user "${userId}" in community "${communityId}".`);
      return { status: 200 as const, body: { data: me } };
    };
    if (!key) return c.json((await apply()).body, 200);
    const { response, replayed } = await idempotency.run(
      // Unauthenticated sandbox: the principal is "the sandbox"; the fingerprint pins the key to one award.
      { key, scope: 'sandbox', fingerprint: JSON.stringify([communityId, userId, body]) },
      apply,
    );
    const stored = response as Awaited<ReturnType<typeof apply>>;
    return c.json(stored.body, stored.status as 200, replayHeaders(replayed));
  });

  app.openapi(listUsers, async (c) => {
    const { communityId } = c.req.valid('param');
    const page = await upstream.listUsers(communityId, c.req.valid('query'));
    if (!page) throw noSuchCommunity(communityId);
    return c.json({ data: page.items, meta: { nextCursor: page.nextCursor } }, 200);
  });

  app.openapi(postAs, async (c) => {
    const { communityId, channelId } = c.req.valid('param');
    const { authorId, text, replyTo } = c.req.valid('json');
    const channel = await upstream.getChannel(communityId, channelId);
    if (!channel) throw noSuchChannel(communityId, channelId);
    if (channel.type === 'iframe') throw new ApiError(403, 'forbidden', `Channel "${channelId}" is an iframe channel and holds no messages.`);
    if (!(await upstream.getMe(communityId, authorId))) throw invalid('authorId', `No member "${authorId}" in community "${communityId}".`);
    await assertReplyTarget(upstream, communityId, channelId, replyTo);
    const message = await upstream.sendMessage(communityId, channelId, { authorId, text, replyTo: replyTo ?? null, images: [], nonce: null });
    if (!message) throw noSuchChannel(communityId, channelId);
    return c.json({ data: message }, 201);
  });

  app.openapi(orderStatus, async (c) => {
    const { communityId, orderId } = c.req.valid('param');
    if (!upstream.setOrderStatus) throw new ApiError(404, 'not_found', 'This upstream does not support sandbox order changes.');
    const result = await upstream.setOrderStatus(communityId, orderId, c.req.valid('json'));
    if (!result) throw new ApiError(404, 'not_found', `No order "${orderId}" in community "${communityId}".`);
    if (!result.changed) throw new ApiError(409, 'conflict', `Order "${orderId}" is already ${result.order.status}.`);
    return c.json({ data: result.order }, 200);
  });

  app.openapi(updateProduct, async (c) => {
    const { communityId, productId } = c.req.valid('param');
    if (!upstream.updateProduct) throw new ApiError(404, 'not_found', 'This upstream does not support sandbox product changes.');
    const updated = await upstream.updateProduct(communityId, productId, c.req.valid('json'));
    if (!updated) throw noSuchProduct(communityId, productId);
    return c.json({ data: { ...updated.product, stock: updated.stock, showRemaining: updated.showRemaining } }, 200);
  });

  app.openapi(addFault, (c) => {
    const fault = c.req.valid('json');
    faults.add(fault);
    return c.json({ data: fault }, 201);
  });

  app.openapi(clearFaults, (c) => c.json({ data: { cleared: faults.clear() } }, 200));

  app.openapi(disconnectStreams, (c) => c.json({ data: { closed: hub.closeAll() } }, 200));
}
