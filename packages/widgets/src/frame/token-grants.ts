import { isSessionExpired } from '@rai-kit/core/api';
import { DEFAULT_TOKEN_TTL_SECONDS, noToken, type TokenGrant, type TokenSource } from '@rai-kit/core/auth';

/** `exp` (epoch ms) of a JWT, read without verifying it; null when the token is not one. */
function jwtExpiry(token: string): number | null {
  try {
    const payload = token.split('.')[1];
    if (!payload) return null;
    const exp = (JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown }).exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * Turns a token source's bare tokens into `TokenGrant`s for a guest, which needs the expiry
 * to know when to ask again. `getToken()` answers a string only, so the expiry comes from the
 * source's own refresh events when this tracker saw them; otherwise (a page-wide source
 * another widget warmed, a static token) from the token's `exp` claim, read but not verified
 * (the server verifies; the guest only schedules with it), else the default lifetime.
 */
export class TokenGrants {
  readonly source: TokenSource;
  #known: TokenGrant | null = null;

  constructor(source: TokenSource) {
    this.source = source;
  }

  /** Remembers a grant the source announced (call from its subscription). */
  saw(grant: TokenGrant): void {
    this.#known = grant;
  }

  /** The current grant, refreshing first when due; null when signed out or the session is gone. */
  async current(): Promise<TokenGrant | null> {
    if (this.source === noToken) return null;
    let token: string | null;
    try {
      token = await this.source.getToken();
    } catch (error) {
      // Signed out for good is an answer; anything else (network) is the guest's to retry.
      if (isSessionExpired(error)) return null;
      throw error;
    }
    if (!token) return null;
    if (this.#known?.token === token) return this.#known;
    return { token, expiresAt: jwtExpiry(token) ?? Date.now() + DEFAULT_TOKEN_TTL_SECONDS * 1000 };
  }
}
