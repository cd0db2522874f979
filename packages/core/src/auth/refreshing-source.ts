import { ApiError, isSessionExpired, sessionExpiredError } from '../api/errors.js';
import { raceSignal } from '../util/abort.js';
import type { TokenGrant } from './claims.js';
import type { TokenSource, TokenSourceEvent, TokenSourceKind } from './token-source.js';

export interface RefreshOptions {
  /**
   * Refresh this long before `expiresAt`. Capped at half the token's lifetime so a very
   * short TTL still gets used. Default 30 s.
   */
  refreshSkewMs?: number;
  /** Clock, injectable for tests. */
  now?: () => number;
}

/**
 * A token source that fetches grants (`{ token, expiresAt }`) on demand and ahead of
 * expiry. Refreshes are single-flight: every caller during a refresh gets the same token.
 * While anyone is subscribed it also refreshes proactively, so pushed consumers (event
 * streams, iframes) always hold a live token.
 */
export class RefreshingTokenSource implements TokenSource {
  readonly kind: TokenSourceKind;
  readonly #fetchGrant: () => Promise<TokenGrant>;
  readonly #skewMs: number;
  readonly #now: () => number;
  readonly #listeners = new Set<(event: TokenSourceEvent) => void>();
  #current: (TokenGrant & { refreshAt: number }) | null = null;
  #inFlight: Promise<string> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(kind: TokenSourceKind, fetchGrant: () => Promise<TokenGrant>, options: RefreshOptions = {}) {
    this.kind = kind;
    this.#fetchGrant = fetchGrant;
    this.#skewMs = options.refreshSkewMs ?? 30_000;
    this.#now = options.now ?? Date.now;
  }

  async getToken(options: { signal?: AbortSignal } = {}): Promise<string> {
    const current = this.#current;
    if (current && this.#now() < current.refreshAt) return current.token;
    return raceSignal(this.#refresh(), options.signal);
  }

  async renew(rejected: string | null): Promise<string> {
    if (this.#current && this.#current.token === rejected) this.#current = null;
    return this.#current?.token ?? this.#refresh();
  }

  subscribe(listener: (event: TokenSourceEvent) => void): () => void {
    this.#listeners.add(listener);
    this.#schedule();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) clearTimeout(this.#timer);
    };
  }

  #refresh(): Promise<string> {
    this.#inFlight ??= this.#fetchAndStore().finally(() => (this.#inFlight = null));
    return this.#inFlight;
  }

  async #fetchAndStore(): Promise<string> {
    let grant: TokenGrant;
    try {
      grant = validateGrant(await this.#fetchGrant(), this.#now());
    } catch (error) {
      if (isSessionExpired(error)) {
        this.#current = null;
        clearTimeout(this.#timer);
        this.#emit({ type: 'expired', reason: (error as ApiError).message });
      }
      throw error;
    }
    const lifetime = grant.expiresAt - this.#now();
    this.#current = { ...grant, refreshAt: grant.expiresAt - Math.min(this.#skewMs, lifetime / 2) };
    this.#emit({ type: 'token', token: grant.token, expiresAt: grant.expiresAt });
    this.#schedule();
    return grant.token;
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    if (this.#listeners.size === 0 || !this.#current) return;
    const delay = Math.max(0, this.#current.refreshAt - this.#now());
    // Failures surface to the next caller of getToken(); here they only stop the timer.
    this.#timer = setTimeout(() => void this.#refresh().catch(() => {}), delay);
  }

  #emit(event: TokenSourceEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}

function validateGrant(grant: unknown, now: number): TokenGrant {
  const { token, expiresAt } = (grant ?? {}) as Partial<TokenGrant>;
  if (typeof token !== 'string' || token === '' || typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) {
    throw new ApiError({
      code: 'invalid_response',
      message: 'The token endpoint must answer { token: string, expiresAt: epoch milliseconds }.',
    });
  }
  if (expiresAt < 1e12) {
    throw new ApiError({ code: 'invalid_response', message: 'expiresAt looks like seconds; the token endpoint must send epoch milliseconds.' });
  }
  if (expiresAt <= now) throw sessionExpiredError();
  return { token, expiresAt };
}
