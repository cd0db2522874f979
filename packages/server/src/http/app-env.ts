import type { WidgetTokenClaims } from '@rai-kit/core/auth';
import type { TokenError } from '../tokens.js';

/** What the bearer token of a request turned out to be: absent, valid, or refused and why. */
export type TokenState = { claims: WidgetTokenClaims } | { error: TokenError } | null;

/** Hono environment shared by every app and middleware of the server. */
export interface AppEnv {
  Variables: {
    requestId: string;
    token: TokenState;
  };
}
