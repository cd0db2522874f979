import { errorFromResponse } from '../api/error-from-response.js';
import { ApiError, sessionExpiredError } from '../api/errors.js';
import type { TokenGrant } from './claims.js';
import { RefreshingTokenSource, type RefreshOptions } from './refreshing-source.js';
import type { TokenSource } from './token-source.js';

/**
 * The host's own callback. Resolve `null` when the user is signed out (the widget shows
 * "session expired"); reject only for transient failures (the widget shows "retry").
 */
export type TokenProvider = () => Promise<TokenGrant | null>;

/** A token source backed by a host callback (`tokenProvider` property). */
export function providerTokenSource(provider: TokenProvider, options?: RefreshOptions): TokenSource {
  return new RefreshingTokenSource(
    'provider',
    async () => {
      const grant = await provider();
      if (grant === null) throw sessionExpiredError();
      return grant;
    },
    options,
  );
}

export interface AuthUrlOptions extends RefreshOptions {
  fetch?: typeof fetch;
}

/**
 * A token source backed by the host backend's `auth-url`: POST with the page's cookies
 * (`credentials: 'include'`), answered `{ token, expiresAt }`. 401/403 mean the user is
 * signed out.
 */
export function authUrlTokenSource(authUrl: string, options: AuthUrlOptions = {}): TokenSource {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  return new RefreshingTokenSource(
    'auth-url',
    async () => {
      let response: Response;
      try {
        response = await doFetch(authUrl, {
          method: 'POST',
          credentials: 'include',
          headers: { Accept: 'application/json' },
        });
      } catch (cause) {
        throw new ApiError({ code: 'network_error', message: 'The sign-in service could not be reached.', cause });
      }
      if (response.status === 401 || response.status === 403) throw sessionExpiredError(await errorFromResponse(response));
      if (!response.ok) throw await errorFromResponse(response);
      return (await response.json().catch(() => null)) as TokenGrant;
    },
    options,
  );
}
