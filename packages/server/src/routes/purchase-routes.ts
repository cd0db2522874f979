import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { PurchaseResult } from '@rai-kit/core/api';
import { SCOPES } from '@rai-kit/core/auth';
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { ApiError } from '../http/api-error.js';
import { limitBody } from '../http/body-limit.js';
import { claimsOf, requireToken } from '../http/token-auth.js';
import { replayHeaders, type IdempotencyStore } from '../idempotency.js';
import { pageQuerySchema } from '../pagination.js';
import type { PurchaseRefusal, Upstream } from '../upstream/upstream.js';
import { notAMember } from './community-routes.js';
import { communityIdParam, envelope, errorResponses, jsonBody, jsonContent, orderSchema, pageEnvelope, purchaseResultSchema } from './schemas.js';
import { noSuchProduct } from './store-routes.js';

const params = z.object({ communityId: communityIdParam });

const MEMBER_ACCESS =
  'Needs a widget token of this community with `store:purchase` whose user is a member: 401 without, ' +
  '403 for another community or scope, 404 for a non-member.';

/** Coins a purchase can possibly cost; anything beyond is a malformed request, not a price. */
const MAX_PRICE = 100_000_000;

const purchase = createRoute({
  method: 'post',
  path: '/communities/{communityId}/store/purchases',
  summary: 'Buy a product at the price the member agreed to. Requires Idempotency-Key.',
  description:
    'Checks, in one step no other purchase can interleave with: the store is open (else 403 `forbidden`), the ' +
    'product exists (404), `expectedPrice` is its `currentPrice` (else 409 `conflict`, `meta: { price }`), it is ' +
    'in stock (else 409 `out_of_stock`, `meta: { remaining: 0 }`) and the balance covers it (else 409 ' +
    '`insufficient_balance`, `meta: { balance, price, shortfall }`). Then debits the coins, takes one unit and ' +
    'creates a `pending` order, and publishes `coins.changed` (reason `purchase`) and `order.changed` on the ' +
    "member's `me` stream. Vouchers and digital goods are fulfilled shortly after (another `order.changed`); " +
    'physical goods when the team ships them. The same key (per member) with the same body answers the same ' +
    'order with `Idempotent-Replayed: true` and never charges twice; with another body, 409. A refusal is not ' +
    `remembered: the same key may be tried again. ${MEMBER_ACCESS}`,
  tags: ['store'],
  security: [{ widgetToken: [] }],
  middleware: [limitBody(4 * 1024), requireToken(SCOPES.storePurchase)] as const,
  request: {
    params,
    headers: z.object({ 'idempotency-key': z.string().min(1).max(255).openapi({ description: 'Unique per intended purchase.' }) }),
    body: jsonBody(
      z.object({
        productId: z.string().min(1).max(100),
        expectedPrice: z.number().int().min(0).max(MAX_PRICE).openapi({ description: 'The `currentPrice` the member was shown.' }),
      }),
    ),
  },
  responses: {
    201: jsonContent(envelope(purchaseResultSchema), 'The order and the balance after it.'),
    ...errorResponses(400, 401, 403, 404, 409, 413, 429),
  },
});

const listOrders = createRoute({
  method: 'get',
  path: '/communities/{communityId}/me/orders',
  summary: "The member's orders, newest first, with their status history.",
  description: `The cursor holds a position, so orders placed meanwhile do not shift the next page. ${MEMBER_ACCESS}`,
  tags: ['store'],
  security: [{ widgetToken: [] }],
  middleware: [requireToken(SCOPES.storePurchase)] as const,
  request: { params, query: pageQuerySchema },
  responses: { 200: jsonContent(pageEnvelope(orderSchema), 'One page of orders.'), ...errorResponses(400, 401, 403, 404, 429) },
});

const getOrder = createRoute({
  method: 'get',
  path: '/communities/{communityId}/me/orders/{orderId}',
  summary: 'One of the member’s orders (404 for anyone else’s).',
  description: MEMBER_ACCESS,
  tags: ['store'],
  security: [{ widgetToken: [] }],
  middleware: [requireToken(SCOPES.storePurchase)] as const,
  request: { params: params.extend({ orderId: z.string().min(1).max(100).openapi({ param: { name: 'orderId', in: 'path' }, example: 'ord_000001' }) }) },
  responses: { 200: jsonContent(envelope(orderSchema), 'The order.'), ...errorResponses(400, 401, 403, 404, 429) },
});

/** What the purchase and order routes act on. */
export interface PurchaseRouteDeps {
  upstream: Upstream;
  idempotency: IdempotencyStore;
}

/** Buying, and the member's orders. */
export function registerPurchaseRoutes(app: OpenAPIHono<AppEnv>, { upstream, idempotency }: PurchaseRouteDeps): void {
  /** The caller's user id, if a member of the community (404 otherwise). */
  const member = async (c: Context<AppEnv>, communityId: string): Promise<string> => {
    const { sub } = claimsOf(c);
    if (!(await upstream.getMe(communityId, sub))) throw notAMember(communityId, sub);
    return sub;
  };

  app.openapi(purchase, async (c) => {
    const { communityId } = c.req.valid('param');
    const body = c.req.valid('json');
    const userId = await member(c, communityId);
    const { response, replayed } = await idempotency.run(
      { key: c.req.valid('header')['idempotency-key'], scope: `store:${communityId}/${userId}`, fingerprint: JSON.stringify(body) },
      async () => {
        const outcome = await upstream.purchase(communityId, userId, body);
        if (!outcome) throw notAMember(communityId, userId);
        if (!outcome.ok) throw refusalError(communityId, body.productId, outcome.refusal);
        return { status: 201, body: { data: outcome.result } };
      },
    );
    return c.json(response.body as { data: PurchaseResult }, 201, replayHeaders(replayed));
  });

  app.openapi(listOrders, async (c) => {
    const { communityId } = c.req.valid('param');
    const page = await upstream.listOrders(communityId, await member(c, communityId), c.req.valid('query'));
    if (!page) throw notAMember(communityId, claimsOf(c).sub);
    return c.json({ data: page.items, meta: { nextCursor: page.nextCursor } }, 200);
  });

  app.openapi(getOrder, async (c) => {
    const { communityId, orderId } = c.req.valid('param');
    const order = await upstream.getOrder(communityId, await member(c, communityId), orderId);
    if (!order) throw new ApiError(404, 'not_found', `No order "${orderId}" of yours in community "${communityId}".`);
    return c.json({ data: order }, 200);
  });
}

/** The contract error of a refused purchase, with the numbers a widget needs to explain it. */
function refusalError(communityId: string, productId: string, refusal: PurchaseRefusal): ApiError {
  switch (refusal.reason) {
    case 'store_closed':
      return new ApiError(403, 'forbidden', `The store of community "${communityId}" is closed: nothing can be bought right now.`);
    case 'no_product':
      return noSuchProduct(communityId, productId);
    case 'price_changed':
      return new ApiError(409, 'conflict', `The price of "${productId}" is now ${refusal.price}: confirm the new price to buy.`, {
        meta: { price: refusal.price },
      });
    case 'out_of_stock':
      return new ApiError(409, 'out_of_stock', `"${productId}" is sold out.`, { meta: { remaining: 0 } });
    case 'insufficient_balance': {
      const { balance, price, shortfall } = refusal;
      return new ApiError(409, 'insufficient_balance', `Not enough coins: ${price} needed, ${balance} available (${shortfall} short).`, {
        meta: { balance, price, shortfall },
      });
    }
  }
}
