/**
 * @rai-kit/server: the widget API (any Fetch runtime, or Node via `startServer`), its
 * upstreams, and widget token minting for host backends.
 */
export { createWidgetApi, SANDBOX_PREFIX, type WidgetApi, type WidgetApiOptions } from './app.js';
export type { FrameDocumentOptions } from './http/frame-document.js';
export { startServer, type RunningServer, type StartServerOptions } from './serve.js';
export { readServerEnv, SANDBOX_DEV_SECRET, type ServerEnv } from './env-config.js';
export {
  mintWidgetToken,
  verifyWidgetToken,
  assertTokenSecret,
  TokenError,
  MIN_SECRET_LENGTH,
  type MintOptions,
  type VerifyOptions,
  type TokenErrorReason,
} from './tokens.js';
export { authUrlHandler, type AuthUrlHandlerOptions } from './auth-url-handler.js';
export type {
  Upstream,
  Page,
  PageRequest,
  Award,
  MeChange,
  StandingKey,
  StandingsQuery,
  RankedEntry,
  RankedChange,
  RankedSlice,
  RankedAround,
  StandingsBatch,
  ChannelInfo,
  MessageQuery,
  MessageSlice,
  MessageDraft,
  ChatChange,
  StoredUpload,
  ProductSearch,
  PurchaseRefusal,
  PurchaseOutcome,
  OrderChange,
  OrderStatusUpdate,
  ProductUpdate,
  ProductStock,
} from './upstream/upstream.js';
export { leaderboardTopic } from './routes/leaderboard-routes.js';
export { chatTopic } from './routes/chat-access.js';
export { DEFAULT_SEND_RATE_LIMIT } from './routes/message-routes.js';
export { messageId, messageSeq, decodeMessageCursor } from './message-ids.js';
export { encodeStandingsCursor, decodeStandingsCursor } from './standings-cursor.js';
export { createMemoryUpstream, type MemoryUpstream, type MemoryUpstreamOptions } from './upstream/memory/memory-upstream.js';
export { standingFor, type Standing } from './upstream/memory/tier-math.js';
export {
  createIdempotencyStore,
  IdempotencyConflictError,
  IDEMPOTENT_REPLAYED_HEADER,
  replayHeaders,
  type IdempotencyStore,
  type IdempotencyStoreOptions,
  type IdempotentRequest,
  type StoredResponse,
} from './idempotency.js';
export {
  pageOf,
  encodeCursor,
  decodeCursor,
  pageQuerySchema,
  InvalidCursorError,
  DEFAULT_PAGE_LIMIT,
  MAX_PAGE_LIMIT,
} from './pagination.js';
export { SseHub, type SseHubOptions, type Replay } from './sse-hub.js';
export { ApiError } from './http/api-error.js';
export type { RateLimitOptions } from './http/rate-limit.js';
