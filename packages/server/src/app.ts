import { OpenAPIHono } from '@hono/zod-openapi';
import { API_PREFIX, STANDINGS_EVENT } from '@rai-kit/core/api';
import { FaultInjector } from './faults.js';
import { limitBody } from './http/body-limit.js';
import type { AppEnv } from './http/app-env.js';
import { communityCors } from './http/cors.js';
import { registerFrameDocument, type FrameDocumentOptions } from './http/frame-document.js';
import { handleError, handleNotFound, validationHook } from './http/error-handling.js';
import { DEFAULT_RATE_LIMIT, rateLimit as rateLimiter, type RateLimitOptions } from './http/rate-limit.js';
import { requestId } from './http/request-id.js';
import { confineToChannel, identifyToken } from './http/token-auth.js';
import { createIdempotencyStore } from './idempotency.js';
import { chatAccess, chatTopic } from './routes/chat-access.js';
import { registerChatRoutes } from './routes/chat-routes.js';
import { registerCommunityRoutes } from './routes/community-routes.js';
import { leaderboardTopic, registerLeaderboardRoutes } from './routes/leaderboard-routes.js';
import { meTopic, registerMeRoutes } from './routes/me-routes.js';
import { DEFAULT_SEND_RATE_LIMIT, registerMessageRoutes } from './routes/message-routes.js';
import { registerPurchaseRoutes } from './routes/purchase-routes.js';
import { registerSandboxRoutes } from './routes/sandbox-routes.js';
import { registerStoreRoutes } from './routes/store-routes.js';
import { registerTokenRoutes } from './routes/token-routes.js';
import { registerUploadRoutes } from './routes/upload-routes.js';
import { SseHub } from './sse-hub.js';
import { standingsEventData } from './standings-cursor.js';
import { assertTokenSecret } from './tokens.js';
import type { Upstream } from './upstream/upstream.js';

/** Path prefix of the sandbox admin routes. */
export const SANDBOX_PREFIX = '/sandbox/v1';

/** Options of {@link createWidgetApi}. */
export interface WidgetApiOptions {
  upstream: Upstream;
  /** HS256 secret widget tokens are signed with (at least 32 characters). */
  tokenSecret: string;
  /** Mount the `/sandbox/v1` admin routes (awards, faults, disconnects). Never in production. */
  sandboxAdmin?: boolean;
  /** Per token subject (or IP for public calls); `false` disables. Default 600 per minute. */
  rateLimit?: RateLimitOptions | false;
  /** Chat sends per member (`cid/sub`); `false` disables. Default 20 per 10 s. */
  chatSendRateLimit?: RateLimitOptions | false;
  /** SSE heartbeat interval; default 15 s. */
  heartbeatMs?: number;
  /** Let any http://localhost:* / 127.0.0.1:* page call the API (and frame the widgets). Defaults to `sandboxAdmin`. */
  allowLocalhostOrigins?: boolean;
  /** Serve the widget frame document at `/frame` (iframe mode, `<rai-frame widget>`), running this script. */
  frameDocument?: FrameDocumentOptions;
}

/** A running widget API: mount `fetch` (or `app`) in any Fetch runtime. */
export interface WidgetApi {
  app: OpenAPIHono<AppEnv>;
  fetch: (request: Request, env?: unknown) => Promise<Response>;
  hub: SseHub;
  /** Closes every stream and stops listening to the upstream. */
  close(): void;
}

/**
 * Builds the widget API (DESIGN.md §3) over `upstream`: `/widget/v1` routes with request
 * validation and an OpenAPI 3.1 document from the same zod schemas, contract-shaped errors,
 * request ids, per-community CORS, token auth, rate limiting, leaderboards, chat channels, the
 * store, the `me`, standings and channel event streams and,
 * in sandbox mode, the `/sandbox/v1` admin routes.
 */
export function createWidgetApi(options: WidgetApiOptions): WidgetApi {
  const { upstream, tokenSecret, sandboxAdmin = false, rateLimit = DEFAULT_RATE_LIMIT } = options;
  const allowLocalhostOrigins = options.allowLocalhostOrigins ?? sandboxAdmin;
  assertTokenSecret(tokenSecret);
  const hub = new SseHub(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs });
  const faults = new FaultInjector();

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // Order matters: ids first (every error carries one), CORS next (so even errors are readable
  // cross-origin), then injected faults, identity and rate limiting before any route.
  app.use(requestId());
  app.use(communityCors({ upstream, allowLocalhostOrigins }));
  if (sandboxAdmin) app.use(faults.middleware());
  app.use(`${API_PREFIX}/*`, identifyToken(tokenSecret));
  app.use(`${API_PREFIX}/*`, confineToChannel());
  if (rateLimit) app.use(`${API_PREFIX}/*`, rateLimiter(rateLimit));

  const widget = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  widget.openAPIRegistry.registerComponent('securitySchemes', 'widgetToken', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Widget token minted by the host backend with mintWidgetToken().',
  });
  registerCommunityRoutes(widget, upstream, { allowLocalhostOrigins });
  registerMeRoutes(widget, { upstream, hub });
  registerLeaderboardRoutes(widget, { upstream, hub });
  const access = chatAccess(upstream);
  registerChatRoutes(widget, { upstream, hub, access });
  const idempotency = createIdempotencyStore();
  registerMessageRoutes(widget, { upstream, access, idempotency, sendRateLimit: options.chatSendRateLimit ?? DEFAULT_SEND_RATE_LIMIT });
  registerUploadRoutes(widget, { upstream, access, idempotency });
  registerStoreRoutes(widget, upstream);
  registerPurchaseRoutes(widget, { upstream, idempotency });
  registerTokenRoutes(widget, { upstream, tokenSecret });
  widget.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'rai-kit widget API', version: '1', description: 'The contract rai-kit widgets talk to (DESIGN.md §3).' },
    servers: [{ url: API_PREFIX }],
  });
  app.route(API_PREFIX, widget);

  if (options.frameDocument) registerFrameDocument(app, upstream, { ...options.frameDocument, allowLocalhostOrigins });

  if (sandboxAdmin) {
    const sandbox = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
    sandbox.use(limitBody(16 * 1024));
    registerSandboxRoutes(sandbox, { upstream, hub, faults, idempotency: createIdempotencyStore() });
    app.route(SANDBOX_PREFIX, sandbox);
  }

  app.notFound(handleNotFound);
  app.onError(handleError);

  const unsubscribers = [
    upstream.onMeChange(({ communityId, userId, type, data }) => {
      hub.publish(meTopic(communityId, userId), type, data);
    }),
    upstream.onStandingsChange((batch) => {
      hub.publish(leaderboardTopic(batch.communityId, batch.leaderboardId, batch.period), STANDINGS_EVENT, standingsEventData(batch));
    }),
    upstream.onChatChange(({ communityId, channelId, type, message }) => {
      hub.publish(chatTopic(communityId, channelId), type, message);
    }),
    upstream.onOrderChange(({ communityId, userId, order }) => {
      hub.publish(meTopic(communityId, userId), 'order.changed', { order });
    }),
  ];

  return {
    app,
    fetch: async (request, env) => app.fetch(request, env),
    hub,
    close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      hub.closeAll();
    },
  };
}
