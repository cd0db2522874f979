import type { ErrorCode, LeaderboardPeriod, Tier } from '@rai-kit/core/api';

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
}

declare global {
  // Lets `el.addEventListener('rai-ready', e => e.detail.mode)` type-check in host code.
  interface HTMLElementEventMap extends RaiEventMap {}
}
