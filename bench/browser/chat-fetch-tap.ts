/**
 * The chat page's view of its own traffic. `tapFetch()` wraps the page's `fetch` (before the
 * widget is mounted: its API client keeps the `fetch` it found) so that
 * - every event-stream response body passes through a TransformStream that notes, per chunk,
 *   the message ids of the events that chunk completes, with the time it was read: a message's
 *   arrival. Everything after (SSE parsing, the widget's log, its render) is the code under test;
 * - every send (a POST of a message) is counted with its outcome.
 */
import type { ChatMessage } from '@rai-kit/core/api';

type ArrivalListener = (messageId: string, at: number) => void;
let onArrival: ArrivalListener | null = null;
let streamOpened: () => void;
const opened = new Promise<void>((resolve) => (streamOpened = resolve));
const sends = { total: 0, failed: 0 };

/** Calls `listener` for each message event that arrives from now on (one listener at a time). */
export function listenForArrivals(listener: ArrivalListener | null): void {
  onArrival = listener;
}

/** Resolves once an event stream has answered. */
export function streamOpen(): Promise<void> {
  return opened;
}

/** Send requests so far, and how many got no 2xx answer (error status or network failure). */
export function sendAttempts(): { total: number; failed: number } {
  return { ...sends };
}

export function tapFetch(): void {
  const realFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = async (input, init) => {
    const isSend = (init?.method ?? 'GET').toUpperCase() === 'POST' && /\/messages(\?|$)/.test(String(input instanceof Request ? input.url : input));
    if (isSend) sends.total++;
    let response: Response;
    try {
      response = await realFetch(input, init);
    } catch (error) {
      if (isSend) sends.failed++;
      throw error;
    }
    if (isSend && !response.ok) sends.failed++;
    if (!response.body || !response.headers.get('Content-Type')?.startsWith('text/event-stream')) return response;
    streamOpened();
    return new Response(response.body.pipeThrough(arrivalTap()), response);
  };
}

function arrivalTap(): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  let buffer = '';
  return new TransformStream({
    transform(chunk, controller) {
      const at = performance.now();
      controller.enqueue(chunk);
      buffer += decoder.decode(chunk, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop()!;
      for (const block of blocks) {
        const id = messageIdOf(block);
        if (id) onArrival?.(id, at);
      }
    },
  });
}

/** The message id in an SSE block's `data:` line; `null` for comments (heartbeats). */
function messageIdOf(block: string): string | null {
  const data = block.split('\n').find((line) => line.startsWith('data:'));
  return data ? (JSON.parse(data.slice(5)) as ChatMessage).id : null;
}
