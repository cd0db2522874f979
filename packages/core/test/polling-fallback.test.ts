/**
 * The polling fallback's code loads with `import()` the first time a stream polls (see
 * event-stream.ts). In a process of its own (node --test runs each file in one), so the first
 * stream here is a cold start: nothing has loaded polling.ts before.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ApiError } from '../src/api/errors.js';
import { openEventStream, type EventStreamHandle, type StreamEvent, type StreamState } from '../src/realtime/index.js';
import { blockImport } from './helpers/block-import.js';
import { SseTestServer } from './helpers/sse-server.js';
import { waitFor } from './helpers/sse-wait.js';

let server: SseTestServer;
let handle: EventStreamHandle | undefined;

beforeEach(async () => {
  server = await SseTestServer.start();
  // A proxy in the way: the stream answer is not text/event-stream, so the stream polls.
  server.streamContentType = 'text/plain';
});

afterEach(async () => {
  handle?.close();
  await blockImport(null);
  await server.close();
});

function open() {
  const seen = { events: [] as StreamEvent[], errors: [] as ApiError[], states: [] as StreamState[] };
  handle = openEventStream({
    url: server.url,
    pollIntervalMs: 20,
    onEvent: (event) => seen.events.push(event),
    onError: (error) => seen.errors.push(error),
    onStateChange: (state) => seen.states.push(state),
  });
  return seen;
}

describe('openEventStream: the polling fallback loads on demand', () => {
  // First in this file: the cold start.
  it('a stream refused from its first request polls and delivers', async () => {
    server.publish('m', 1); // the first poll (no `after`) adopts this as its position
    const seen = open();
    await waitFor('the polled position', () => handle!.lastEventId === 'e1.1', 5_000);
    server.publish('m', 2);
    await waitFor('the polled event', () => seen.events.length === 1);

    assert.deepEqual(seen.events.map((event) => [event.id, event.data]), [['e1.2', 2]]);
    assert.equal(handle!.state, 'polling');
    assert.deepEqual(seen.errors, []);
  });

  it('when its code cannot load, the stream reports it, keeps polling, and delivers once it loads', async () => {
    await blockImport('./polling.js');
    server.publish('m', 1);
    const seen = open();
    await waitFor('the failed load to be reported', () => seen.errors.length >= 2);
    const [failure] = seen.errors;
    assert.equal(failure!.code, 'network_error');
    assert.match(failure!.message, /polling fallback could not be loaded/);
    assert.equal(handle!.state, 'polling');
    assert.ok(!server.requests.some((request) => request.accept === 'application/json'), 'no poll without its code');

    await blockImport(null);
    await waitFor('the polled position', () => handle!.lastEventId === 'e1.1');
    server.publish('m', 2);
    await waitFor('the polled event', () => seen.events.length === 1);
    assert.equal(seen.events[0]!.data, 2);
  });
});
