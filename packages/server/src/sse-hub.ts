import { HEARTBEAT_INTERVAL_MS, RESET_EVENT, parseEventId, type PollMeta, type StreamEvent } from '@rai-kit/core/realtime';
import { RingBuffer } from './ring-buffer.js';

/** Options of {@link SseHub}. */
export interface SseHubOptions {
  /** Events kept per topic for replay. Default 1000. */
  bufferSize?: number;
  /** Interval of `: ping` comments. Default `HEARTBEAT_INTERVAL_MS` (15 s). */
  heartbeatMs?: number;
}

/** What a subscriber resuming from an id must receive. */
export interface Replay {
  /** Events after the id, oldest first; empty when `reset`. */
  events: StreamEvent[];
  /** The id cannot be honoured (other epoch, too old, from the future, malformed): reload the snapshot. */
  reset: boolean;
  /** Id of the topic's newest event; `null` when it has none yet. */
  lastEventId: string | null;
}

interface Topic {
  /** Seq of the newest event; 0 before the first. */
  seq: number;
  buffer: RingBuffer<StreamEvent>;
  connections: Set<Connection>;
}

interface Connection {
  send(chunk: string): void;
  close(): void;
}

/** A slow reader whose queue grows past this is dropped; it resumes with Last-Event-ID. */
const MAX_QUEUED_BYTES = 1024 * 1024;

const encoder = new TextEncoder();

/**
 * Server side of `@rai-kit/core/realtime`'s protocol: per-topic ring buffers, event ids
 * `<epoch>.<seq>`, replay from `Last-Event-ID`, `reset` when that id cannot be honoured,
 * heartbeats, and the JSON polling fallback. The epoch is random per hub, so ids from a
 * previous process (whose buffer is gone) always get a reset rather than a silent gap.
 */
export class SseHub {
  /** Names this hub's run; part of every event id. */
  readonly epoch = crypto.randomUUID().replaceAll('-', '').slice(0, 12);
  readonly #bufferSize: number;
  readonly #heartbeatMs: number;
  readonly #topics = new Map<string, Topic>();
  readonly #connections = new Set<Connection>();

  constructor({ bufferSize = 1000, heartbeatMs = HEARTBEAT_INTERVAL_MS }: SseHubOptions = {}) {
    this.#bufferSize = bufferSize;
    this.#heartbeatMs = heartbeatMs;
  }

  /** Open SSE connections. */
  get connectionCount(): number {
    return this.#connections.size;
  }

  /** Appends an event to `topic` and sends it to every open connection on it. */
  publish<T>(topic: string, event: string, data: T): StreamEvent<T> {
    const state = this.#topic(topic);
    state.seq++;
    const streamEvent = { id: `${this.epoch}.${state.seq}`, event, data };
    state.buffer.push(streamEvent);
    const chunk = formatEvent(streamEvent);
    for (const connection of state.connections) connection.send(chunk);
    return streamEvent;
  }

  /**
   * The id of the newest event on `topic` (`<epoch>.0` before the first): a snapshot read
   * now plus a stream resumed from here misses nothing.
   */
  position(topic: string): string {
    return `${this.epoch}.${this.#topics.get(topic)?.seq ?? 0}`;
  }

  /** The events after `lastEventId` on `topic`. No id means "from now": nothing to replay. */
  replay(topic: string, lastEventId?: string | null): Replay {
    const state = this.#topics.get(topic);
    const newestSeq = state?.seq ?? 0;
    const result = (events: StreamEvent[], reset: boolean): Replay => ({
      events,
      reset,
      lastEventId: this.position(topic),
    });
    if (!lastEventId) return result([], false);

    const parsed = parseEventId(lastEventId);
    if (!parsed || parsed.epoch !== this.epoch || parsed.seq > newestSeq) return result([], true);
    const bufferedCount = state?.buffer.length ?? 0;
    const oldestSeq = newestSeq - bufferedCount + 1;
    if (parsed.seq < oldestSeq - 1) return result([], true);
    const events: StreamEvent[] = [];
    for (let seq = parsed.seq + 1; seq <= newestSeq; seq++) events.push(state!.buffer.at(seq - oldestSeq)!);
    return result(events, false);
  }

  /** The polling fallback's body: `{ data: events after `after`, meta: { lastEventId, reset } }`. */
  poll(topic: string, after?: string | null): { data: StreamEvent[]; meta: PollMeta } {
    const { events, reset, lastEventId } = this.replay(topic, after);
    return { data: events, meta: { lastEventId, reset } };
  }

  /**
   * Opens an SSE response on `topic`: replays what came after `lastEventId` (or sends
   * `reset`), then live events and heartbeats until the client leaves, `signal` aborts or
   * {@link closeAll} runs. Replay and subscription happen in one synchronous step, so no
   * event published meanwhile can be missed or sent twice.
   */
  stream(topic: string, { lastEventId, signal }: { lastEventId?: string | null; signal?: AbortSignal } = {}): Response {
    let connection: Connection | undefined;
    const body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          connection = this.#open(topic, lastEventId, controller);
          if (signal?.aborted) connection.close();
          else signal?.addEventListener('abort', () => connection?.close(), { once: true });
        },
        cancel: () => connection?.close(),
      },
      { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
    );
    return new Response(body, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        // Stops nginx-style proxies from buffering the stream.
        'X-Accel-Buffering': 'no',
      },
    });
  }

  /** Ends every open SSE connection (sandbox disconnect, shutdown); returns how many. */
  closeAll(): number {
    const count = this.#connections.size;
    for (const connection of [...this.#connections]) connection.close();
    return count;
  }

  #open(topicName: string, lastEventId: string | null | undefined, controller: ReadableStreamDefaultController<Uint8Array>): Connection {
    const topic = this.#topic(topicName);
    const replay = this.replay(topicName, lastEventId);
    let closed = false;
    const connection: Connection = {
      send: (chunk) => {
        if (closed) return;
        if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) return connection.close();
        controller.enqueue(encoder.encode(chunk));
      },
      close: () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        topic.connections.delete(connection);
        this.#connections.delete(connection);
        if (topic.connections.size === 0 && topic.seq === 0) this.#topics.delete(topicName);
        try {
          controller.close();
        } catch {
          // Already cancelled by the client: nothing left to close.
        }
      },
    };
    const heartbeat = setInterval(() => connection.send(': ping\n\n'), this.#heartbeatMs);
    heartbeat.unref?.();

    // A first chunk right away lets the client see the response (and its headers) at once.
    connection.send(': connected\n\n');
    if (replay.reset) {
      const id = `${this.epoch}.${topic.seq}`;
      connection.send(formatEvent({ id, event: RESET_EVENT, data: { reason: 'cannot_resume' } }));
    }
    for (const event of replay.events) connection.send(formatEvent(event));
    topic.connections.add(connection);
    this.#connections.add(connection);
    return connection;
  }

  #topic(name: string): Topic {
    let topic = this.#topics.get(name);
    if (!topic) {
      topic = { seq: 0, buffer: new RingBuffer(this.#bufferSize), connections: new Set() };
      this.#topics.set(name, topic);
    }
    return topic;
  }
}

function formatEvent({ id, event, data }: StreamEvent): string {
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
