/**
 * Widget token claims and scopes (DESIGN.md §4). Shared by the server, which mints and
 * verifies tokens, and by the client, which only ever treats tokens as opaque strings.
 */

/** The `aud` claim of every widget token. */
export const WIDGET_TOKEN_AUDIENCE = 'rai-widgets';

/** Default and maximum token lifetime, seconds. */
export const DEFAULT_TOKEN_TTL_SECONDS = 300;
export const MAX_TOKEN_TTL_SECONDS = 900;

/** Scopes a widget token can carry. Later widgets add theirs here. */
export const SCOPES = {
  /** Read the member's XP, coins, tier (`GET me`). */
  meRead: 'me:read',
  /** Subscribe to the member's event stream. */
  meStream: 'me:stream',
  /** Read members-only leaderboards, "around me" and their streams. */
  leaderboardRead: 'leaderboard:read',
  /** Read members-only channels, their messages and streams. */
  chatRead: 'chat:read',
  /** Send, react, edit and delete one's own messages, upload images. */
  chatWrite: 'chat:write',
  /** Buy in the store and read one's own orders. */
  storePurchase: 'store:purchase',
} as const;

export type Scope = (typeof SCOPES)[keyof typeof SCOPES];

/** Scopes a token gets when the host names none. */
export const DEFAULT_SCOPES: readonly Scope[] = [
  SCOPES.meRead,
  SCOPES.meStream,
  SCOPES.leaderboardRead,
  SCOPES.chatRead,
  SCOPES.chatWrite,
  SCOPES.storePurchase,
];

/** Claims of a verified widget token. */
export interface WidgetTokenClaims {
  /** User id within the community. */
  sub: string;
  /** Community id. */
  cid: string;
  /** Space-separated scopes. */
  scope: string;
  aud: typeof WIDGET_TOKEN_AUDIENCE;
  iat: number;
  exp: number;
  jti: string;
  /** Display name, so widgets and logs need no lookup. Optional. */
  name?: string;
  /**
   * Channel id the token is confined to (an iframe channel's app gets such a token): only that
   * channel's chat routes accept it. Absent on a member's ordinary token.
   */
  chn?: string;
}

/** What an `auth-url` endpoint or a `tokenProvider` callback returns. */
export interface TokenGrant {
  token: string;
  /** Expiry as epoch milliseconds. */
  expiresAt: number;
}
