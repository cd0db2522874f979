import type { ChatMessage, ErrorCode, LeaderboardPeriod, Order, Tier } from '@rai-kit/core/api';

/** What `rai-ready` tells the host. */
export interface ReadyDetail {
  /** `public` without a token, `member` with one. */
  mode: 'public' | 'member';
}

/** What `rai-error` tells the host. */
export interface ErrorDetail {
  code: ErrorCode;
  message: string;
  requestId: string | null;
}

/** What `rai-tier-change` tells the host. */
export interface TierChangeDetail {
  tier: Tier;
  previousTier: Tier | null;
}

/** What `rai-period-change` tells the host. */
export interface PeriodChangeDetail {
  period: LeaderboardPeriod;
}

/** What `rai-message-sent` tells the host: the server's copy of a message the user sent. */
export interface MessageSentDetail {
  message: ChatMessage;
  /** The outbox key (idempotency key and nonce) the message was sent under. */
  key: string;
}

/** What `rai-message-failed` tells the host: a message the outbox gave up on (the user may retry it). */
export interface MessageFailedDetail {
  key: string;
  text: string;
  error: { code: ErrorCode; message: string };
}

/** What `rai-unread-change` tells the host. */
export interface UnreadChangeDetail {
  /** New messages below the view the user has not scrolled to yet. */
  count: number;
}

/** What `rai-purchase` tells the host: the order placed and the member's coin balance after it. */
export interface PurchaseDetail {
  order: Order;
  balance: number;
}

/** What `rai-purchase-failed` tells the host: why buying `productId` was refused or did not get through. */
export interface PurchaseFailedDetail {
  productId: string;
  /** `meta` explains the refusal (e.g. `shortfall` for `insufficient_balance`, the new `price` for `conflict`). */
  error: { code: ErrorCode; message: string; meta: Record<string, number | string> };
}

/** What `rai-navigate` tells the host: a `<rai-frame>` guest asks to open `url`. Cancelable: cancel to refuse. */
export interface NavigateDetail {
  /** Absolute http(s) URL, normalised. */
  url: string;
  /** `_blank` (a new tab, no opener) or `_top` (the page itself). */
  target: '_blank' | '_top';
}

/** What `rai-frame-error` tells the host: why a `<rai-frame>` shows its error or configuration state. */
export interface FrameErrorDetail {
  /** `invalid_config`, or the bridge's `connect_timeout`, `refused_origin`, `version_mismatch`. */
  code: string;
  message: string;
}

/** Every event rai-kit elements fire, by name. */
export interface RaiEventMap {
  /** The widget rendered its first content. */
  'rai-ready': CustomEvent<ReadyDetail>;
  /** Loading failed; the widget shows an error with a retry button. */
  'rai-error': CustomEvent<ErrorDetail>;
  /** The member's session could not be renewed; the host should sign them in again. */
  'rai-session-expired': CustomEvent<Record<string, never>>;
  /** The user asked to sign in (from the session-expired or members-only view). Cancelable. */
  'rai-sign-in-request': CustomEvent<Record<string, never>>;
  /** A live update moved the member to another tier. */
  'rai-tier-change': CustomEvent<TierChangeDetail>;
  /** The user chose another period in a leaderboard's switcher. */
  'rai-period-change': CustomEvent<PeriodChangeDetail>;
  /** A message the user sent reached the server. */
  'rai-message-sent': CustomEvent<MessageSentDetail>;
  /** A message the user sent could not be delivered; it stays visible with Retry and Delete. */
  'rai-message-failed': CustomEvent<MessageFailedDetail>;
  /** The number of unseen new messages below the view changed. */
  'rai-unread-change': CustomEvent<UnreadChangeDetail>;
  /** A purchase went through: an order was placed. */
  'rai-purchase': CustomEvent<PurchaseDetail>;
  /** A purchase was refused (not enough coins, sold out, price changed…) or could not reach the store. */
  'rai-purchase-failed': CustomEvent<PurchaseFailedDetail>;
  /** A `<rai-frame>` guest asked to navigate. Cancelable: cancelling refuses it. */
  'rai-navigate': CustomEvent<NavigateDetail>;
  /** A `<rai-frame>` is misconfigured or its guest could not connect. */
  'rai-frame-error': CustomEvent<FrameErrorDetail>;
}

declare global {
  // Lets `el.addEventListener('rai-ready', e => e.detail.mode)` type-check in host code.
  interface HTMLElementEventMap extends RaiEventMap {}
}
