/**
 * The event stream contract shared by the server's SSE hub and the client.
 *
 * - Streams are Server-Sent Events over GET with `Accept: text/event-stream`.
 *   Auth travels in the `Authorization` header (never in the URL), so the client reads
 *   the stream with `fetch`, not `EventSource`.
 * - Every event has an id `<epoch>.<seq>`: `epoch` names one run of the hub's replay buffer,
 *   `seq` grows by one per event on that topic. A client resumes with `Last-Event-ID`
 *   (header) and receives every later event exactly once.
 * - When the server cannot replay from that id (unknown epoch, or older than the buffer),
 *   it first sends a `reset` event: the client must reload its snapshot.
 * - A comment line (`: ping`) every heartbeat interval keeps proxies from closing the
 *   stream and lets the client detect a dead connection.
 * - A snapshot endpoint whose data a stream continues (e.g. `GET me`) returns the stream
 *   position it corresponds to as `meta.lastEventId`; resuming from it misses nothing.
 * - The same URL with `Accept: application/json` and `?after=<id>` returns the events since
 *   that id as `{ data: StreamEvent[], meta: { lastEventId, reset } }`: the polling fallback.
 */

/** Name of the event that tells a client its resume point is gone. */
export const RESET_EVENT = 'reset';

/** Default server heartbeat interval and the client's matching timeout. */
export const HEARTBEAT_INTERVAL_MS = 15_000;
export const HEARTBEAT_TIMEOUT_MS = 45_000;

/** One event as delivered to a subscriber (and as returned by the polling fallback). */
export interface StreamEvent<T = unknown> {
  id: string;
  event: string;
  data: T;
}

/** `meta` of the polling fallback response. */
export interface PollMeta {
  /** Id to pass as `after` next time (`<epoch>.0` while the topic has no events). */
  lastEventId: string | null;
  /** True when `after` could not be honoured: reload the snapshot. */
  reset: boolean;
}

/** Parses `<epoch>.<seq>`; `null` for anything else. */
export function parseEventId(id: string): { epoch: string; seq: number } | null {
  const dot = id.lastIndexOf('.');
  if (dot <= 0) return null;
  const seq = Number(id.slice(dot + 1));
  if (!Number.isSafeInteger(seq) || seq < 0) return null;
  return { epoch: id.slice(0, dot), seq };
}
