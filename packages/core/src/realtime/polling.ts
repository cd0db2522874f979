import { errorFromResponse } from '../api/error-from-response.js';
import { ApiError } from '../api/errors.js';
import { authorizedFetch, type AuthorizedFetchContext } from '../auth/authorized-fetch.js';
import type { EventCursor } from './event-cursor.js';
import { isStreamEvent, readPollResponse } from './poll-response.js';

/**
 * The JSON polling fallback of the event stream: one request for the events after the cursor.
 * It runs only when SSE does not get through (a proxy answering without `text/event-stream`, or
 * streams that keep failing), so event-stream.ts loads this module with `import()` the first
 * time a stream falls back, and pages whose stream works never download it.
 */

/** What a poll needs of its event stream. */
export interface PollTarget {
  /** The stream's URL; the poll adds `after`. */
  url: string;
  auth: AuthorizedFetchContext;
  cursor: EventCursor;
  /** Adopts the server's new position (`meta.reset`) and lets the caller reload its snapshot. */
  reset(position: string | null): void;
  /** Hands one event to the stream's at-most-once gate. */
  deliver(id: string, event: string, readData: () => unknown): void;
  report(error: ApiError): void;
}

/** Polls once and applies the answer; rejects with what the request threw (the stream decides whether to retry). */
export async function poll(target: PollTarget, signal: AbortSignal): Promise<void> {
  const url = new URL(target.url);
  const after = target.cursor.lastEventId;
  if (after !== null) url.searchParams.set('after', after);
  const response = await authorizedFetch(url.href, { headers: { Accept: 'application/json' }, signal }, target.auth);
  if (!response.ok) throw await errorFromResponse(response);
  const { data, meta } = await readPollResponse(response);
  if (meta.reset) target.reset(meta.lastEventId);
  for (const item of data) {
    if (isStreamEvent(item)) target.deliver(item.id, item.event, () => item.data);
    else target.report(new ApiError({ code: 'invalid_response', message: 'A polled event is not { id, event, data }; skipped.' }));
  }
  // Forward only: the server's position may be ahead of the last event it sent us.
  if (!meta.reset && meta.lastEventId !== null) target.cursor.offer(meta.lastEventId);
}
