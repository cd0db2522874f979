import { sessionExpiredError } from '../api/errors.js';
import type { TokenGrant } from '../auth/claims.js';
import type { TokenSource, TokenSourceEvent } from '../auth/token-source.js';
import { raceSignal } from '../util/abort.js';
import type { HostSession } from './host-session.js';

/**
 * A token this close to expiry is not handed out: the host is asked again. The host's own
 * source refreshes well before this (and pushes the result), so asking is the exception.
 */
const EXPIRY_MARGIN_MS = 5_000;

/**
 * A {@link TokenSource} that mirrors the host's: the host refreshes and pushes every new
 * token (`HOST_EVENTS.token`), so this source keeps no timer of its own; it asks the host
 * (`getToken`) only when it holds nothing usable or the server refused what it holds. Lets a
 * partner app use `WidgetApiClient` and rai-kit's widgets with the token the host grants.
 */
export function hostTokenSource(session: HostSession): TokenSource {
  const listeners = new Set<(event: TokenSourceEvent) => void>();
  let current: TokenGrant | null = null;
  let inFlight: Promise<string> | null = null;

  const emit = (event: TokenSourceEvent) => {
    for (const listener of listeners) listener(event);
  };
  const accept = (grant: TokenGrant | null): string => {
    current = grant;
    if (!grant) {
      const error = sessionExpiredError();
      emit({ type: 'expired', reason: error.message });
      throw error;
    }
    emit({ type: 'token', token: grant.token, expiresAt: grant.expiresAt });
    return grant.token;
  };
  // Single-flight: every caller during one ask shares its answer.
  const ask = () => (inFlight ??= session.getToken().then(accept).finally(() => (inFlight = null)));

  session.onTokenChange((grant) => {
    try {
      accept(grant);
    } catch {
      // Signed out: subscribers were told; callers learn it from getToken().
    }
  });

  return {
    kind: 'provider',
    getToken: async ({ signal } = {}) =>
      current && current.expiresAt - Date.now() > EXPIRY_MARGIN_MS ? current.token : raceSignal(ask(), signal),
    renew: async (rejected) => {
      if (current?.token === rejected) current = null;
      return current?.token ?? ask();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
