/**
 * The widget API contract (DESIGN.md §3): envelopes, error codes and resource shapes.
 * `@rai-kit/server` implements it, the client in this package consumes it; both import
 * these types so the contract lives in one place.
 */

/** Successful response body. */
export interface Envelope<T, M = PageMeta | undefined> {
  data: T;
  meta?: M;
}

/** Paging metadata of every collection. `nextCursor` is opaque; `null` means the last page. */
export interface PageMeta {
  nextCursor: string | null;
}

/** Error codes the widget API returns, plus the client-side ones (`network_error`, `session_expired`, `aborted`, `invalid_response`). */
export type ErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'insufficient_balance'
  | 'out_of_stock'
  | 'rate_limited'
  | 'internal'
  | 'unavailable'
  | 'network_error'
  | 'session_expired'
  | 'aborted'
  | 'invalid_response';

/** Error response body: HTTP status + this. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    requestId: string;
    /** Field-level problems for `invalid_request`. */
    details?: Array<{ path: string; message: string }>;
    /** Numbers that explain the error, per code (e.g. `PurchaseErrorMeta`). */
    meta?: Record<string, number | string>;
  };
}

/** Header names shared by client and server. */
export const HEADERS = {
  requestId: 'X-Request-Id',
  idempotencyKey: 'Idempotency-Key',
  retryAfter: 'Retry-After',
  lastEventId: 'Last-Event-ID',
} as const;

/** Path prefix of the widget API below the `api-url`. */
export const API_PREFIX = '/widget/v1';

export interface Currency {
  /** Display name, e.g. "Coins". */
  name: string;
  /** Short symbol or emoji shown next to amounts. */
  symbol: string;
}

export interface CommunityTheme {
  /** Brand colour, CSS colour string. */
  primary: string;
  /** Accent colour, CSS colour string. */
  accent: string;
}

/** Public community profile. */
export interface Community {
  id: string;
  name: string;
  description: string;
  /** Absolute or API-relative URL of the logo image. */
  logoUrl: string;
  theme: CommunityTheme;
  currency: Currency;
}

/** Who may embed the community's widgets: what the widget frame document trusts. Public. */
export interface EmbedConfig {
  /**
   * Origins (and patterns: `https://*.example.com`, `http://localhost:*`) of the pages allowed
   * to frame the community's widgets and hand them a member's token.
   */
  hostOrigins: string[];
}

/** One step of the community's tier ladder. Ordered by `level`, `minXp` ascending. */
export interface Tier {
  id: string;
  name: string;
  /** 1-based position on the ladder. */
  level: number;
  /** XP at which a member reaches this tier. The first tier starts at 0. */
  minXp: number;
  /** CSS colour used for the tier badge. */
  color: string;
  /** Short perks shown in the ladder. */
  perks: string[];
}

/** How members earn XP. */
export interface XpRule {
  id: string;
  /** Machine name of the action, e.g. `message`, `reaction`, `daily_visit`. */
  action: string;
  /** Human label, e.g. "Post a message". */
  label: string;
  xp: number;
  /** Minimum seconds between two rewarded actions; 0 = no cooldown. */
  cooldownSeconds: number;
}

/** A community member as widgets show them. */
export interface UserSummary {
  id: string;
  displayName: string;
  avatarUrl: string;
}

/** Progress from the current tier to the next. */
export interface TierProgress {
  /** XP earned since reaching the current tier. */
  current: number;
  /** XP the current tier spans (next.minXp - tier.minXp); 0 at the top tier. */
  required: number;
  /** 0..1; 1 at the top tier. */
  ratio: number;
}

/** The signed-in member's standing. */
export interface Me {
  user: UserSummary;
  xp: number;
  coins: number;
  xpToday: number;
  coinsToday: number;
  tier: Tier;
  /** `null` at the top of the ladder. */
  nextTier: Tier | null;
  progress: TierProgress;
}

/**
 * Event names on the `me` stream. `xp.changed`, `coins.changed` and `tier.changed` carry
 * {@link MeEventData}; `order.changed` carries `OrderEventData` (store-types.ts). Clients
 * ignore names they do not know.
 */
export type MeEventType = 'xp.changed' | 'coins.changed' | 'tier.changed' | 'order.changed';

/**
 * Payload of every `me` stream event: the full new snapshot (so a client converges by
 * replacing state, never by summing deltas) plus what changed.
 */
export interface MeEventData {
  me: Me;
  /** Change in XP or coins that caused the event (0 for `tier.changed`). */
  delta: number;
  /** Why it changed, e.g. `message`, `admin_award`. */
  reason: string;
  /** Set on `tier.changed`. */
  previousTier?: Tier;
}
