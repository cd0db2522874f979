import { createSseParser, type SseMessage } from './sse-parser.js';

/** Callbacks of {@link readSse}. */
export interface SseHandlers {
  /** Bytes arrived (events or `: ping` comments): the connection is alive. */
  onBytes(): void;
  onMessage(message: SseMessage): void;
  /** The server's `retry:` field, in ms. */
  onRetry(ms: number): void;
}

/**
 * Reads a Server-Sent Events body until the server ends it. Rejects when the body errors
 * (network loss, or the request's signal aborting it).
 */
export async function readSse(body: ReadableStream<Uint8Array>, handlers: SseHandlers): Promise<void> {
  const feed = createSseParser(handlers);
  // The cast only bridges lib.dom's typing (its writable side takes any BufferSource).
  const decoder = new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>;
  const reader = body.pipeThrough(decoder).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      handlers.onBytes();
      feed(value);
    }
  } finally {
    // Releases the connection when we stop early; a no-op on a finished or errored body.
    reader.cancel().catch(() => {});
  }
}
