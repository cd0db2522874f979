import type { TokenSource } from '@rai-kit/core/auth';
import { openSharedEventStream, type EventStreamHandle, type StreamEvent, type StreamState } from '@rai-kit/core/realtime';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface EventStreamControllerOptions<T> {
  /** The stream URL, or `null` while the widget should not listen (not loaded, public, expired). */
  url: () => string | null;
  tokenSource: () => TokenSource;
  /** Where the loaded snapshot stands, so no event between load and connect is missed. */
  lastEventId: () => string | null;
  onEvent: (event: StreamEvent<T>) => void;
  /** The server cannot resume from our position: reload the snapshot. */
  onReset: () => void;
}

/**
 * Keeps one event stream open while the host is connected and `url()` is non-null;
 * reopens it when the URL or token source changes, closes it on disconnect. Resuming
 * across reopenings carries the last delivered id, so nothing is lost or repeated.
 */
export class EventStreamController<T> implements ReactiveController {
  #host: ReactiveControllerHost;
  #options: EventStreamControllerOptions<T>;
  #handle: EventStreamHandle | undefined;
  #key: { url: string; source: TokenSource } | undefined;
  /** Where the last stream stopped, and which snapshot it continued. */
  #resume: { snapshot: string | null; position: string | null } | undefined;
  #connected = false;

  /** The stream's state, for a "live" indicator. `closed` when not listening. */
  state: StreamState = 'closed';

  constructor(host: ReactiveControllerHost, options: EventStreamControllerOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    // Reconnecting to the DOM does not update the host by itself; hostUpdated reopens.
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.#connected) return;
    const url = this.#options.url();
    const source = this.#options.tokenSource();
    if (url === this.#key?.url && source === this.#key.source) return;
    this.#close();
    if (url === null) return;
    // Continue where the last stream stopped, unless a newer snapshot was loaded since:
    // replaying older events over a newer snapshot would move the view backwards.
    const snapshot = this.#options.lastEventId();
    const resumeFrom = this.#resume?.snapshot === snapshot ? this.#resume.position : snapshot;
    this.#key = { url, source };
    this.#resume = { snapshot, position: resumeFrom };
    // Shared: widgets on one page that follow the same stream hold one connection between them.
    const handle: EventStreamHandle = openSharedEventStream<T>({
      url,
      tokenSource: source,
      lastEventId: resumeFrom,
      onEvent: this.#options.onEvent,
      onReset: this.#options.onReset,
      onStateChange: (state) => {
        // A stream being replaced reports `closed` during hostUpdated; that is not news.
        if (handle !== this.#handle) return;
        this.state = state;
        this.#host.requestUpdate();
      },
    });
    this.#handle = handle;
    // Joining a stream another widget keeps open: it may be live already.
    this.state = handle.state;
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#close();
  }

  #close(): void {
    const handle = this.#handle;
    this.#handle = undefined;
    if (handle && this.#resume) this.#resume.position = handle.lastEventId;
    handle?.close();
    this.#key = undefined;
    this.state = 'closed';
  }
}
