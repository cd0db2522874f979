import { ApiError } from '../api/errors.js';
import type { PollMeta, StreamEvent } from './protocol.js';

/** The polling fallback's body, with events still unchecked. */
export interface PollResponse {
  data: unknown[];
  meta: PollMeta;
}

function invalid(message: string): ApiError {
  return new ApiError({ code: 'invalid_response', message });
}

/**
 * Reads `{ data: StreamEvent[], meta: { lastEventId, reset } }`. Rejects with
 * `invalid_response` on anything else, including a body that is not JSON at all
 * (a server that ignored `Accept` and answered with a stream is never read to its end).
 */
export async function readPollResponse(response: Response): Promise<PollResponse> {
  if (!/\bjson\b/i.test(response.headers.get('content-type') ?? '')) {
    await response.body?.cancel().catch(() => {});
    throw invalid(`The polling fallback answered ${response.headers.get('content-type') ?? 'without a content type'}, not JSON.`);
  }
  const body = (await response.json().catch(() => null)) as { data?: unknown; meta?: Partial<PollMeta> } | null;
  const lastEventId = body?.meta?.lastEventId ?? null;
  if (!Array.isArray(body?.data) || (lastEventId !== null && typeof lastEventId !== 'string')) {
    throw invalid('The polling fallback answered without { data: [], meta: { lastEventId } }.');
  }
  return { data: body.data, meta: { lastEventId, reset: body.meta?.reset === true } };
}

/** True for `{ id: string, event: string, data }`. */
export function isStreamEvent(value: unknown): value is StreamEvent {
  const candidate = value as Partial<StreamEvent> | null;
  return typeof candidate?.id === 'string' && typeof candidate.event === 'string' && 'data' in candidate;
}
