import type { ApiError } from '../api/errors.js';
import type { TokenSource } from '../auth/token-source.js';
import type { StreamEvent } from './protocol.js';

/**
 * Where an event stream is:
 * - `connecting`: opening the SSE request;
 * - `open`: the SSE response arrived and events flow;
 * - `reconnecting`: waiting (backoff, `retry:` or `Retry-After`) before the next attempt;
 * - `polling`: SSE does not get through, so the stream polls for JSON instead;
 * - `closed`: final, after `close()`, the abort signal, or a permanent error.
 */
export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'polling' | 'closed';

/** Options of {@link openEventStream}. Durations are milliseconds. */
export interface EventStreamOptions<T = unknown> {
  /** Absolute URL of the stream; polling uses the same URL with `after`. */
  url: string;
  /** Supplies the bearer token (fetched per connection). Omit for public streams. */
  tokenSource?: TokenSource;
  /** Fetch implementation. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Id to resume after (sent as `Last-Event-ID` on the first connection). Default: none, live events only. */
  lastEventId?: string | null;
  /** Each event, at most once per id, in order. `data` is the parsed JSON, trusted to be `T`. */
  onEvent(event: StreamEvent<T>): void;
  /** The server could not resume: reload the snapshot; later events continue from it. */
  onReset?(): void;
  /** Every state change after `openEventStream` returns. */
  onStateChange?(state: StreamState): void;
  /**
   * Every failure: transient ones (the stream retries by itself) and the permanent one that
   * closed it — then `state` is already `closed` (`code` `session_expired` when the user
   * must sign in again, or the server's 4xx code).
   */
  onError?(error: ApiError): void;
  /** Silence (no bytes, `: ping` included) after which the connection counts as dead. Default `HEARTBEAT_TIMEOUT_MS`. */
  heartbeatTimeoutMs?: number;
  /** Reconnect delay ceiling of the first retry; doubles per consecutive failure (full jitter). Default 1 000. */
  backoffBaseMs?: number;
  /** Largest reconnect delay ceiling. Default 30 000. */
  backoffMaxMs?: number;
  /** Consecutive stream attempts that receive nothing before falling back to polling. Default 3. */
  maxStreamFailures?: number;
  /** Polling period in the fallback. Default 5 000. */
  pollIntervalMs?: number;
  /** While polling, how often to try streaming again. Default 60 000. */
  streamRetryIntervalMs?: number;
  /** Aborting it closes the stream, like `close()`. */
  signal?: AbortSignal;
}

/** A running event stream. */
export interface EventStreamHandle {
  /** Stops everything: the connection, timers and callbacks. Idempotent. */
  close(): void;
  readonly state: StreamState;
  /** The last id delivered (or adopted on reset): where a new stream would resume. */
  readonly lastEventId: string | null;
}
