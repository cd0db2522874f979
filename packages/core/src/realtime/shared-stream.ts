import type { TokenSource } from '../auth/token-source.js';
import { openEventStream } from './event-stream.js';
import { parseEventId, type StreamEvent } from './protocol.js';
import type { EventStreamHandle, EventStreamOptions } from './stream-options.js';

/** Recent events a shared stream keeps, to bring a later subscriber up from its snapshot. */
const REPLAY_SIZE = 256;

interface Subscriber {
  options: EventStreamOptions<unknown>;
  /** The last id delivered to it (or its snapshot's position). */
  lastEventId: string | null;
  /** Its snapshot is ahead of the stream: events up to this id are already in it. */
  skipThrough: string | null;
}

interface SharedStream {
  handle: EventStreamHandle;
  subscribers: Set<Subscriber>;
  recent: StreamEvent[];
  /** The stream's position: its last event, or where it resumed from. */
  position: string | null;
}

/** Open shared streams by URL, then by token source (`undefined`: public). */
const streams = new Map<string, Map<TokenSource | undefined, SharedStream>>();

/**
 * Like {@link openEventStream}, but widgets of one page that follow the same stream with the
 * same token source share one connection. Browsers allow six HTTP/1.1 connections per
 * origin, and every live widget would otherwise hold one for good: two widgets on the `me`
 * stream (XP tier and store) plus a leaderboard and a chat already leave the page's own
 * requests waiting. (Over HTTP/2 this only saves server work.)
 *
 * The connection follows the first subscriber's options. A later subscriber resumes from its
 * own snapshot: events it missed are replayed from the last {@link REPLAY_SIZE} events,
 * events its snapshot already holds are skipped, and a snapshot older than that (or from
 * another epoch) gets `onReset`, as a server that cannot resume would send.
 */
export function openSharedEventStream<T>(options: EventStreamOptions<T>): EventStreamHandle {
  const subscriber: Subscriber = {
    options: options as EventStreamOptions<unknown>,
    lastEventId: options.lastEventId ?? null,
    skipThrough: null,
  };
  let byUrl = streams.get(options.url);
  if (!byUrl) streams.set(options.url, (byUrl = new Map()));
  let shared = byUrl.get(options.tokenSource);
  if (shared) {
    join(shared, subscriber);
  } else {
    shared = open(options, byUrl);
    shared.subscribers.add(subscriber);
  }
  const stream = shared;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    stream.subscribers.delete(subscriber);
    if (stream.subscribers.size > 0) return;
    stream.handle.close();
    if (byUrl.get(options.tokenSource) === stream) byUrl.delete(options.tokenSource);
    if (byUrl.size === 0 && streams.get(options.url) === byUrl) streams.delete(options.url);
  };
  options.signal?.addEventListener('abort', close, { once: true });
  return {
    close,
    get state() {
      return closed ? 'closed' : stream.handle.state;
    },
    get lastEventId() {
      return subscriber.lastEventId;
    },
  };
}

function open<T>(options: EventStreamOptions<T>, byUrl: Map<TokenSource | undefined, SharedStream>): SharedStream {
  const { signal: _ownSignal, ...connection } = options;
  const shared: SharedStream = { handle: undefined!, subscribers: new Set(), recent: [], position: options.lastEventId ?? null };
  // Callbacks iterate over a copy: a subscriber may close itself (or another) from one.
  const each = (call: (subscriber: Subscriber) => void) => [...shared.subscribers].forEach(call);
  shared.handle = openEventStream<unknown>({
    ...connection,
    onEvent: (event) => {
      shared.position = event.id;
      shared.recent.push(event);
      if (shared.recent.length > REPLAY_SIZE) shared.recent.shift();
      each((subscriber) => deliver(subscriber, event));
    },
    onReset: () => {
      shared.recent = [];
      shared.position = shared.handle.lastEventId;
      each((subscriber) => {
        subscriber.skipThrough = null;
        subscriber.lastEventId = shared.position;
        subscriber.options.onReset?.();
      });
    },
    onStateChange: (state) => {
      // Closed for good (the session expired, a 4xx): the next subscriber opens a new connection.
      if (state === 'closed' && byUrl.get(options.tokenSource) === shared) byUrl.delete(options.tokenSource);
      each((subscriber) => subscriber.options.onStateChange?.(state));
    },
    onError: (error) => each((subscriber) => subscriber.options.onError?.(error)),
  });
  byUrl.set(options.tokenSource, shared);
  return shared;
}

/** Adds a subscriber to a running stream, from where its snapshot stands. */
function join(shared: SharedStream, subscriber: Subscriber): void {
  const from = subscriber.lastEventId;
  const at = shared.position;
  shared.subscribers.add(subscriber);
  if (from === null || at === null || from === at) return;
  const order = compare(from, at);
  if (order === 'after') {
    subscriber.skipThrough = from;
  } else {
    const missed = order === 'before' ? shared.recent.findIndex((event) => event.id === from) : -1;
    if (missed >= 0) {
      for (const event of shared.recent.slice(missed + 1)) deliver(subscriber, event);
    } else {
      // Not from a callback of its own opening: the caller has not even got its handle yet.
      queueMicrotask(() => shared.subscribers.has(subscriber) && subscriber.options.onReset?.());
    }
  }
}

function deliver(subscriber: Subscriber, event: StreamEvent): void {
  if (subscriber.skipThrough !== null) {
    if (compare(event.id, subscriber.skipThrough) !== 'after') return;
    subscriber.skipThrough = null;
  }
  subscriber.lastEventId = event.id;
  subscriber.options.onEvent(event);
}

/** `a` relative to `b` on one stream; `other` across epochs (or for ids that do not parse). */
function compare(a: string, b: string): 'before' | 'after' | 'same' | 'other' {
  const pa = parseEventId(a);
  const pb = parseEventId(b);
  if (!pa || !pb || pa.epoch !== pb.epoch) return 'other';
  return pa.seq < pb.seq ? 'before' : pa.seq > pb.seq ? 'after' : 'same';
}
