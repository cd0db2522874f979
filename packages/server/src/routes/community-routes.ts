import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.js';
import { ApiError } from '../http/api-error.js';
import { embedHostOrigins } from '../http/embed-origins.js';
import { pageQuerySchema } from '../pagination.js';
import type { Upstream } from '../upstream/upstream.js';
import {
  communityIdParam,
  communitySchema,
  embedConfigSchema,
  envelope,
  errorResponses,
  jsonContent,
  pageEnvelope,
  tierSchema,
  xpRuleSchema,
} from './schemas.js';

const params = z.object({ communityId: communityIdParam });

const getCommunity = createRoute({
  method: 'get',
  path: '/communities/{communityId}',
  summary: 'Public community profile: name, theme colours, currency.',
  tags: ['community'],
  request: { params },
  responses: { 200: jsonContent(envelope(communitySchema), 'The community.'), ...errorResponses(400, 404, 429) },
});

const getEmbedConfig = createRoute({
  method: 'get',
  path: '/communities/{communityId}/embed',
  summary: 'Which pages may frame the community’s widgets: the host origins the widget frame document trusts.',
  tags: ['community'],
  request: { params },
  responses: { 200: jsonContent(envelope(embedConfigSchema), 'The embed configuration.'), ...errorResponses(400, 404, 429) },
});

const listTiers = createRoute({
  method: 'get',
  path: '/communities/{communityId}/tiers',
  summary: 'The tier ladder, lowest first.',
  tags: ['community'],
  request: { params, query: pageQuerySchema },
  responses: { 200: jsonContent(pageEnvelope(tierSchema), 'One page of tiers.'), ...errorResponses(400, 404, 429) },
});

const listXpRules = createRoute({
  method: 'get',
  path: '/communities/{communityId}/xp-rules',
  summary: 'How members earn XP.',
  tags: ['community'],
  request: { params, query: pageQuerySchema },
  responses: { 200: jsonContent(pageEnvelope(xpRuleSchema), 'One page of XP rules.'), ...errorResponses(400, 404, 429) },
});

/** Public community reads: profile, embed configuration, tiers, XP rules. */
export function registerCommunityRoutes(app: OpenAPIHono<AppEnv>, upstream: Upstream, { allowLocalhostOrigins }: { allowLocalhostOrigins: boolean }): void {
  app.openapi(getCommunity, async (c) => {
    const { communityId } = c.req.valid('param');
    const community = await upstream.getCommunity(communityId);
    if (!community) throw noSuchCommunity(communityId);
    return c.json({ data: community }, 200);
  });

  app.openapi(getEmbedConfig, async (c) => {
    const { communityId } = c.req.valid('param');
    const hostOrigins = await embedHostOrigins(upstream, communityId, allowLocalhostOrigins);
    if (!hostOrigins) throw noSuchCommunity(communityId);
    return c.json({ data: { hostOrigins } }, 200);
  });

  app.openapi(listTiers, async (c) => {
    const { communityId } = c.req.valid('param');
    const page = await upstream.listTiers(communityId, c.req.valid('query'));
    if (!page) throw noSuchCommunity(communityId);
    return c.json({ data: page.items, meta: { nextCursor: page.nextCursor } }, 200);
  });

  app.openapi(listXpRules, async (c) => {
    const { communityId } = c.req.valid('param');
    const page = await upstream.listXpRules(communityId, c.req.valid('query'));
    if (!page) throw noSuchCommunity(communityId);
    return c.json({ data: page.items, meta: { nextCursor: page.nextCursor } }, 200);
  });
}

/** 404 for a community the upstream does not know. */
export function noSuchCommunity(communityId: string): ApiError {
  return new ApiError(404, 'not_found', `No community "${communityId}".`);
}

/** 404 for a token whose user is not a member of the community. */
export function notAMember(communityId: string, userId: string): ApiError {
  return new ApiError(404, 'not_found', `User "${userId}" is not a member of community "${communityId}".`);
}
