/**
 * Stands in for the server end of the widget's event stream: fetches that ask for
 * `text/event-stream` get a response whose body the bench writes to. Everything after
 * the socket (SSE parsing, the stream controller, the widget's handler, its render) is the
 * real code, without the server's coalescing delay or the network in the timings.
 */
const encoder = new TextEncoder();
/** As often as the server's default heartbeat: the client drops a stream silent for 45 s. */
const HEARTBEAT_MS = 15_000;
const PING = encoder.encode(': ping\n\n');

export class FakeStream {
  #body: ReadableStreamDefaultController<Uint8Array> | null = null;
  #opened: Array<() => void> = [];

  constructor() {
    const realFetch = globalThis.fetch.bind(globalThis);
    globalThis.fetch = (input, init) => {
      const accept = new Headers(init?.headers).get('Accept');
      if (accept !== 'text/event-stream') return realFetch(input, init);
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => {
          this.#body = controller;
          const heartbeat = setInterval(() => controller.enqueue(PING), HEARTBEAT_MS);
          init?.signal?.addEventListener('abort', () => {
            clearInterval(heartbeat);
            if (this.#body === controller) this.#body = null;
            controller.error(init.signal!.reason);
          });
        },
      });
      for (const resolve of this.#opened.splice(0)) queueMicrotask(resolve);
      return Promise.resolve(new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }));
    };
  }

  /** Resolves once a widget has opened its stream. */
  opened(): Promise<void> {
    return this.#body ? Promise.resolve() : new Promise((resolve) => this.#opened.push(resolve));
  }

  /** Writes one event (or, without arguments, a heartbeat comment that keeps the stream alive). */
  send(event?: { id: string; event: string; data: unknown }): void {
    if (!this.#body) throw new Error('no widget has opened an event stream');
    this.#body.enqueue(event ? encoder.encode(`id: ${event.id}\nevent: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`) : PING);
  }
}
