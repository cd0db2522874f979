import { errorFromResponse } from '../api/error-from-response.js';
import { sessionExpiredError } from '../api/errors.js';
import { raceSignal } from '../util/abort.js';
import type { TokenSource } from './token-source.js';

/** How {@link authorizedFetch} reaches the server. */
export interface AuthorizedFetchContext {
  fetch: typeof fetch;
  /** Omit (or `noToken`) for public requests. */
  tokenSource: TokenSource | undefined;
}

export interface AuthorizedRequest {
  method?: string;
  headers: Record<string, string>;
  /** Must be re-sendable (a string), since a 401 sends it twice. */
  body?: string;
  signal?: AbortSignal;
}

/**
 * Sends a request with the source's bearer token in the `Authorization` header (never in
 * the URL). A 401 renews the token once and sends again; a 401 to the renewed token rejects
 * with `session_expired`, as do token source failures that mean the user must sign in
 * again. Every other answer is returned as it is. Shared by the API client and the event
 * stream so both treat an expired session the same way.
 */
export async function authorizedFetch(
  url: string,
  { method = 'GET', headers, body, signal }: AuthorizedRequest,
  { fetch: send, tokenSource }: AuthorizedFetchContext,
): Promise<Response> {
  const request = (token: string | null) =>
    send(url, { method, body, signal, headers: token === null ? headers : { ...headers, Authorization: `Bearer ${token}` } });

  const token = tokenSource ? await raceSignal(tokenSource.getToken({ signal }), signal) : null;
  const first = await request(token);
  // A 401 without a token is the server's answer for public callers: nothing to renew.
  if (first.status !== 401 || token === null) return first;
  await first.body?.cancel().catch(() => {});
  const retried = await request(await raceSignal(tokenSource!.renew(token), signal));
  if (retried.status !== 401) return retried;
  throw sessionExpiredError(await errorFromResponse(retried));
}
