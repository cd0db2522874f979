import { backoffDelay, sleep } from '../api/backoff.js';
import { errorFromResponse } from '../api/error-from-response.js';
import { ApiError } from '../api/errors.js';
import { HEADERS } from '../api/types.js';
import { authorizedFetch, type AuthorizedFetchContext } from '../auth/authorized-fetch.js';
import { EventCursor } from './event-cursor.js';
import { heartbeatTimeoutError, isPermanent, toApiError } from './failures.js';
import { withIdleTimeout, type IdleTimeout } from './idle-timeout.js';
import type { PollTarget } from './polling.js';
import { HEARTBEAT_TIMEOUT_MS, RESET_EVENT } from './protocol.js';
import type { SseMessage } from './sse-parser.js';
import { readSse } from './sse-reader.js';
import type { EventStreamHandle, EventStreamOptions, StreamState } from './stream-options.js';

type Timing = Required<
  Pick<
    EventStreamOptions,
    | 'heartbeatTimeoutMs'
    | 'backoffBaseMs'
    | 'backoffMaxMs'
    | 'maxStreamFailures'
    | 'pollIntervalMs'
    | 'streamRetryIntervalMs'
  >
>;

/** What one SSE attempt achieved; permanent failures are thrown instead. */
interface StreamAttempt {
  /** Any bytes arrived: the path to the server carries SSE. */
  received: boolean;
  /** The answer was not `text/event-stream` (a proxy in the way): poll instead. */
  notSse: boolean;
  error: ApiError | null;
}

/**
 * Subscribes to a widget API event stream (SSE over `fetch`, see `protocol.ts`).
 *
 * Resumes with `Last-Event-ID` after any disconnect, delivers each event id at most once,
 * reconnects with jittered exponential backoff (honouring `retry:` and `Retry-After`),
 * renews the token once on a 401, and falls back to JSON polling when SSE does not get
 * through. Callbacks never run before this returns.
 */
export function openEventStream<T = unknown>(options: EventStreamOptions<T>): EventStreamHandle {
  const session = new EventStreamSession(options);
  return {
    close: () => session.close(),
    get state() {
      return session.state;
    },
    get lastEventId() {
      return session.cursor.lastEventId;
    },
  };
}

class EventStreamSession<T> {
  state: StreamState = 'connecting';
  readonly cursor: EventCursor;
  readonly #options: EventStreamOptions<T>;
  readonly #timing: Timing;
  readonly #auth: AuthorizedFetchContext;
  readonly #controller = new AbortController();
  /** The server's `retry:` value: the least we wait before reconnecting. */
  #serverRetryMs = 0;

  constructor(options: EventStreamOptions<T>) {
    new URL(options.url); // throws now on a relative or malformed URL, not later in a retry loop
    this.#options = options;
    this.cursor = new EventCursor(options.lastEventId ?? null);
    this.#timing = {
      heartbeatTimeoutMs: options.heartbeatTimeoutMs ?? HEARTBEAT_TIMEOUT_MS,
      backoffBaseMs: options.backoffBaseMs ?? 1_000,
      backoffMaxMs: options.backoffMaxMs ?? 30_000,
      maxStreamFailures: options.maxStreamFailures ?? 3,
      pollIntervalMs: options.pollIntervalMs ?? 5_000,
      streamRetryIntervalMs: options.streamRetryIntervalMs ?? 60_000,
    };
    const custom = options.fetch;
    // Called bare, never as a method: browsers reject `fetch` invoked on another object.
    this.#auth = {
      fetch: (input, init) => (custom ?? globalThis.fetch)(input, init),
      tokenSource: options.tokenSource,
    };
    if (options.signal?.aborted) {
      this.close();
      return;
    }
    options.signal?.addEventListener('abort', this.close, { once: true });
    queueMicrotask(() => void this.#run());
  }

  readonly close = (): void => {
    if (this.#closed) return;
    this.#controller.abort();
    this.#options.signal?.removeEventListener('abort', this.close);
    this.#setState('closed');
  };

  get #closed(): boolean {
    return this.#controller.signal.aborted;
  }

  async #run(): Promise<void> {
    const timing = this.#timing;
    let failures = 0;
    let pollingSince: number | null = null;
    try {
      while (!this.#closed) {
        const probing = pollingSince !== null;
        if (pollingSince !== null && Date.now() - pollingSince < timing.streamRetryIntervalMs) {
          await this.#pollOnce();
          continue;
        }
        const attempt = await this.#streamOnce();
        if (this.#closed) return;
        if (attempt.error) this.#report(attempt.error);
        if (attempt.received) {
          failures = 0;
          pollingSince = null;
        } else if (attempt.notSse || probing || ++failures >= timing.maxStreamFailures) {
          failures = 0;
          pollingSince = Date.now();
          continue;
        }
        this.#setState('reconnecting');
        const floorMs = attempt.error?.retryAfter != null ? attempt.error.retryAfter * 1000 : this.#serverRetryMs;
        await this.#wait(Math.max(floorMs, backoffDelay(failures, { baseMs: timing.backoffBaseMs, maxMs: timing.backoffMaxMs })));
      }
    } catch (error) {
      // Only permanent failures get here: stop, then tell (so `state` already reads `closed`).
      this.close();
      this.#report(toApiError(error));
    }
  }

  async #streamOnce(): Promise<StreamAttempt> {
    this.#setState('connecting');
    const request = withIdleTimeout(this.#controller.signal, this.#timing.heartbeatTimeoutMs);
    let received = false;
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      const resumeFrom = this.cursor.lastEventId;
      if (resumeFrom !== null) headers[HEADERS.lastEventId] = resumeFrom;
      const response = await authorizedFetch(this.#options.url, { headers, signal: request.signal }, this.#auth);
      if (!response.ok) throw await errorFromResponse(response);
      if (!response.body || !isEventStream(response)) return { received, notSse: true, error: null };
      this.#setState('open');
      await readSse(response.body, {
        onBytes: () => {
          received = true;
          request.kick();
        },
        onMessage: (message) => this.#onMessage(message),
        onRetry: (ms) => (this.#serverRetryMs = ms),
      });
      return { received, notSse: false, error: null };
    } catch (error) {
      return { received, notSse: false, error: this.#transientFailure(error, request) };
    } finally {
      request.dispose();
    }
  }

  async #pollOnce(): Promise<void> {
    this.#setState('polling');
    const request = withIdleTimeout(this.#controller.signal, this.#timing.heartbeatTimeoutMs);
    let waitMs = this.#timing.pollIntervalMs;
    try {
      const { poll } = await loadPolling();
      await poll(this.#pollTarget, request.signal);
    } catch (error) {
      const failure = this.#transientFailure(error, request);
      if (failure) {
        this.#report(failure);
        if (failure.retryAfter != null) waitMs = Math.max(waitMs, failure.retryAfter * 1000);
      }
    } finally {
      request.dispose();
    }
    await this.#wait(waitMs);
  }

  /** Rethrows permanent failures; `null` when the failure is just our own close(). */
  #transientFailure(error: unknown, request: IdleTimeout): ApiError | null {
    if (this.#closed) return null;
    if (request.timedOut) return heartbeatTimeoutError(this.#timing.heartbeatTimeoutMs);
    const failure = toApiError(error);
    if (isPermanent(failure)) throw failure;
    return failure;
  }

  #onMessage(message: SseMessage): void {
    const event = message.event ?? 'message';
    if (event === RESET_EVENT) this.#reset(message.id ?? null);
    else this.#deliver(message.id, event, () => JSON.parse(message.data));
  }

  /** This stream as the polling fallback sees it. */
  get #pollTarget(): PollTarget {
    return {
      url: this.#options.url,
      auth: this.#auth,
      cursor: this.cursor,
      reset: (position) => this.#reset(position),
      deliver: (id, event, readData) => this.#deliver(id, event, readData),
      report: (error) => this.#report(error),
    };
  }

  /** Adopts the server's new position, then lets the caller reload its snapshot. */
  #reset(position: string | null): void {
    if (this.#closed) return;
    this.cursor.moveTo(position);
    this.#call(() => this.#options.onReset?.());
  }

  /** The at-most-once gate. A malformed event is consumed (it can never become valid) and reported. */
  #deliver(id: string | undefined, event: string, readData: () => unknown): void {
    if (this.#closed) return;
    const verdict = id === undefined ? 'invalid' : this.cursor.offer(id);
    if (verdict === 'seen') return;
    if (verdict === 'invalid' || id === undefined) {
      this.#report(new ApiError({ code: 'invalid_response', message: `Event "${event}" has no valid <epoch>.<seq> id; skipped.` }));
      return;
    }
    let data: T;
    try {
      data = readData() as T;
    } catch (cause) {
      this.#report(new ApiError({ code: 'invalid_response', message: `Event ${id} has malformed JSON data; skipped.`, cause }));
      return;
    }
    this.#call(() => this.#options.onEvent({ id, event, data }));
  }

  #setState(state: StreamState): void {
    if (this.state === state || this.state === 'closed') return;
    this.state = state;
    this.#call(() => this.#options.onStateChange?.(state));
  }

  #report(error: ApiError): void {
    this.#call(() => this.#options.onError?.(error));
  }

  /**
   * Runs a caller's callback so that its exception cannot break the connection or the
   * cursor, yet still surfaces (as an uncaught error, like an EventTarget listener's).
   */
  #call(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  #wait(ms: number): Promise<void> {
    // close() aborts the sleep; the loop then sees `#closed` and ends.
    return sleep(ms, this.#controller.signal).catch(() => {});
  }
}

/**
 * The polling fallback's code (polling.ts), fetched the first time a stream polls: most pages
 * never do. A failed load counts as a failed poll: reported, and tried again at the next poll.
 */
function loadPolling(): Promise<typeof import('./polling.js')> {
  return import('./polling.js').catch((cause: unknown) => {
    throw new ApiError({ code: 'network_error', message: 'The polling fallback could not be loaded.', cause });
  });
}

function isEventStream(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() === 'text/event-stream';
}
