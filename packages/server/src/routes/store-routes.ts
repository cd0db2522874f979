import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.js';
import { ApiError } from '../http/api-error.js';
import { pageQuerySchema } from '../pagination.js';
import type { Upstream } from '../upstream/upstream.js';
import { noSuchCommunity } from './community-routes.js';
import {
  communityIdParam,
  envelope,
  errorResponses,
  jsonContent,
  pageEnvelope,
  productSchema,
  productTypeSchema,
  storeCategorySchema,
  storeConfigSchema,
} from './schemas.js';

const params = z.object({ communityId: communityIdParam });

export const productParams = params.extend({
  productId: z.string().min(1).max(100).openapi({ param: { name: 'productId', in: 'path' }, example: 'prd_0001' }),
});

const PUBLIC_READ = 'Public: no token needed (any token is ignored).';

const HTML_NOTE =
  '`description` is HTML written by the community’s admins and is returned exactly as stored, hostile markup ' +
  'included (the sandbox’s "Lab" category holds such products on purpose): sanitising is the widget’s job.';

const getStore = createRoute({
  method: 'get',
  path: '/communities/{communityId}/store',
  summary: "The store's configuration: title, description (HTML), cover, currency, enabled.",
  description: `${HTML_NOTE} ${PUBLIC_READ}`,
  tags: ['store'],
  request: { params },
  responses: { 200: jsonContent(envelope(storeConfigSchema), 'The store.'), ...errorResponses(400, 404, 429) },
});

const listCategories = createRoute({
  method: 'get',
  path: '/communities/{communityId}/store/categories',
  summary: 'Product categories by display order; archived ones are never listed.',
  description: PUBLIC_READ,
  tags: ['store'],
  request: { params, query: pageQuerySchema },
  responses: { 200: jsonContent(pageEnvelope(storeCategorySchema), 'One page of categories.'), ...errorResponses(400, 404, 429) },
});

const listProducts = createRoute({
  method: 'get',
  path: '/communities/{communityId}/store/products',
  summary: 'Products by display order, then id, filtered by category, type and search words.',
  description:
    '`q`: case- and accent-insensitive; every word must occur in the name or in the description’s visible text. ' +
    '`discount` and `currentPrice` are computed at the time of the answer. The cursor holds a position, not an ' +
    `offset, so paging on while stock changes neither skips nor repeats. ${HTML_NOTE} ${PUBLIC_READ}`,
  tags: ['store'],
  request: {
    params,
    query: pageQuerySchema.extend({
      category: z.string().min(1).max(100).optional().openapi({ description: 'A category id.' }),
      q: z.string().trim().max(200).optional().openapi({ description: 'Search words.' }),
      type: productTypeSchema.optional(),
    }),
  },
  responses: { 200: jsonContent(pageEnvelope(productSchema), 'One page of products.'), ...errorResponses(400, 404, 429) },
});

const getProduct = createRoute({
  method: 'get',
  path: '/communities/{communityId}/store/products/{productId}',
  summary: 'One product, priced as of now.',
  description: `${HTML_NOTE} ${PUBLIC_READ}`,
  tags: ['store'],
  request: { params: productParams },
  responses: { 200: jsonContent(envelope(productSchema), 'The product.'), ...errorResponses(400, 404, 429) },
});

/** 404 for a product the store does not list. */
export function noSuchProduct(communityId: string, productId: string): ApiError {
  return new ApiError(404, 'not_found', `No product "${productId}" in the store of community "${communityId}".`);
}

/** The store's public reads: configuration, categories, products. */
export function registerStoreRoutes(app: OpenAPIHono<AppEnv>, upstream: Upstream): void {
  app.openapi(getStore, async (c) => {
    const { communityId } = c.req.valid('param');
    const store = await upstream.getStore(communityId);
    if (!store) throw noSuchCommunity(communityId);
    return c.json({ data: store }, 200);
  });

  app.openapi(listCategories, async (c) => {
    const { communityId } = c.req.valid('param');
    const page = await upstream.listStoreCategories(communityId, c.req.valid('query'));
    if (!page) throw noSuchCommunity(communityId);
    return c.json({ data: page.items, meta: { nextCursor: page.nextCursor } }, 200);
  });

  app.openapi(listProducts, async (c) => {
    const { communityId } = c.req.valid('param');
    const page = await upstream.listProducts(communityId, c.req.valid('query'));
    if (!page) throw noSuchCommunity(communityId);
    return c.json({ data: page.items, meta: { nextCursor: page.nextCursor } }, 200);
  });

  app.openapi(getProduct, async (c) => {
    const { communityId, productId } = c.req.valid('param');
    const product = await upstream.getProduct(communityId, productId);
    if (!product) {
      if (!(await upstream.getCommunity(communityId))) throw noSuchCommunity(communityId);
      throw noSuchProduct(communityId, productId);
    }
    return c.json({ data: product }, 200);
  });
}
