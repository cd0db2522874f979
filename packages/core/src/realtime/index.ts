/** Realtime: the event stream contract and its client (SSE with resume, polling fallback). */
export * from './protocol.js';
export { openEventStream } from './event-stream.js';
export { openSharedEventStream } from './shared-stream.js';
export type { EventStreamHandle, EventStreamOptions, StreamState } from './stream-options.js';
