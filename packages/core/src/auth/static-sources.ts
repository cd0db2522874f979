import { ApiError, sessionExpiredError } from '../api/errors.js';
import type { TokenSource } from './token-source.js';

const noop = () => {};

/** Public mode: no token at all. Requests that need one fail with the server's 401. */
export const noToken: TokenSource = Object.freeze({
  kind: 'none',
  getToken: async () => null,
  renew: async () => {
    throw new ApiError({ code: 'unauthorized', status: 401, message: 'Sign in to see this.' });
  },
  subscribe: () => noop,
});

/**
 * A token the host put in the page (the `token` attribute). It cannot be refreshed:
 * once the server refuses it, the session is expired and the host must set a new one.
 */
export function staticToken(token: string): TokenSource {
  if (token.trim() === '') throw new TypeError('staticToken: the token is empty.');
  const listeners = new Set<Parameters<TokenSource['subscribe']>[0]>();
  let current: string | null = token;
  return {
    kind: 'static',
    getToken: async () => {
      if (current === null) throw sessionExpiredError();
      return current;
    },
    renew: async (rejected) => {
      if (rejected === current) {
        current = null;
        for (const listener of listeners) listener({ type: 'expired', reason: 'The token was refused.' });
      }
      throw sessionExpiredError();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
