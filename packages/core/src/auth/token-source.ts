import type { TokenGrant } from './claims.js';

/** How a widget authenticates. */
export type TokenSourceKind = 'none' | 'static' | 'provider' | 'auth-url';

/** What a token source tells its subscribers. */
export type TokenSourceEvent =
  /** A new token is available (after a refresh). */
  | { type: 'token'; token: string; expiresAt: number }
  /** The session cannot be renewed: the user must sign in again. */
  | { type: 'expired'; reason: string };

/**
 * Supplies the bearer token for widget API calls. Tokens live in memory only.
 * One source may serve many widgets on a page: refreshes are single-flight.
 */
export interface TokenSource {
  readonly kind: TokenSourceKind;
  /**
   * A token valid for at least the refresh skew, refreshing first when needed;
   * `null` for the public (`none`) source. Rejects with `ApiError('session_expired')`
   * when the session cannot be renewed.
   */
  getToken(options?: { signal?: AbortSignal }): Promise<string | null>;
  /**
   * Called after the server answered 401 to `token`: drops it (if still current) and
   * returns a fresh one, sharing any refresh already in flight. Rejects with
   * `ApiError('session_expired')` when no fresh token can be had.
   */
  renew(rejected: string | null): Promise<string | null>;
  /** Listens for new tokens and expiry. Returns the unsubscribe function. */
  subscribe(listener: (event: TokenSourceEvent) => void): () => void;
}

export type { TokenGrant };
