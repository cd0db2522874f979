import { errorFromResponse } from '../api/error-from-response.js';
import { sessionExpiredError } from '../api/errors.js';
import type { TokenSource } from '../auth/token-source.js';
import { raceSignal } from '../util/abort.js';

/** How {@link authorizedGet} reaches the server. */
export interface AuthorizedGetContext {
  fetch: typeof fetch;
  tokenSource: TokenSource | undefined;
}

/**
 * GETs `url` with the source's bearer token in the `Authorization` header (never in the
 * URL). A 401 renews the token once and retries; a 401 to the renewed token rejects with
 * `session_expired`, as do token source failures that mean the user must sign in again.
 * Other answers are returned as they are.
 */
export async function authorizedGet(
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  { fetch: send, tokenSource }: AuthorizedGetContext,
): Promise<Response> {
  const get = (token: string | null) =>
    send(url, { headers: token === null ? headers : { ...headers, Authorization: `Bearer ${token}` }, signal });

  if (!tokenSource) return get(null);
  const token = await tokenSource.getToken({ signal });
  const first = await get(token);
  if (first.status !== 401) return first;
  await first.body?.cancel().catch(() => {});
  const retried = await get(await raceSignal(tokenSource.renew(token), signal));
  if (retried.status !== 401) return retried;
  throw sessionExpiredError(await errorFromResponse(retried));
}
