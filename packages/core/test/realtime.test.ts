import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ApiError, sessionExpiredError } from '../src/api/errors.js';
import type { TokenSource } from '../src/auth/token-source.js';
import { EventCursor } from '../src/realtime/event-cursor.js';
import {
  openEventStream,
  type EventStreamHandle,
  type EventStreamOptions,
  type StreamEvent,
  type StreamState,
} from '../src/realtime/index.js';
import { SseTestServer } from './helpers/sse-server.js';
import { delay, waitFor } from './helpers/sse-wait.js';

/** What a stream told its callbacks. */
interface Recorder {
  handle: EventStreamHandle;
  events: StreamEvent[];
  errors: ApiError[];
  states: StreamState[];
  resets: number;
}

let server: SseTestServer;
const handles: EventStreamHandle[] = [];

beforeEach(async () => {
  server = await SseTestServer.start();
});

afterEach(async () => {
  for (const handle of handles.splice(0)) handle.close();
  await server.close();
});

/** Opens a stream on the test server with tiny timings, recording every callback. */
function open(overrides: Partial<EventStreamOptions> = {}): Recorder {
  const recorder: Omit<Recorder, 'handle'> = { events: [], errors: [], states: [], resets: 0 };
  const handle = openEventStream({
    url: server.url,
    heartbeatTimeoutMs: 1_000,
    backoffBaseMs: 5,
    backoffMaxMs: 20,
    pollIntervalMs: 20,
    onEvent: (event) => recorder.events.push(event),
    onError: (error) => recorder.errors.push(error),
    onStateChange: (state) => recorder.states.push(state),
    onReset: () => recorder.resets++,
    ...overrides,
  });
  handles.push(handle);
  return Object.assign(recorder, { handle });
}

const ids = (recorder: Recorder) => recorder.events.map((event) => event.id);
const connected = (count: number) => () => server.openStreams === count;

/** A token source that hands out `tokens` in turn: getToken gives the current one, renew the next. */
function fakeTokenSource(tokens: string[], renewError?: Error): TokenSource & { renewed: Array<string | null> } {
  let index = 0;
  const renewed: Array<string | null> = [];
  return {
    kind: 'provider',
    renewed,
    getToken: async () => tokens[index] ?? null,
    renew: async (rejected) => {
      renewed.push(rejected);
      if (renewError) throw renewError;
      index++;
      return tokens[index] ?? null;
    },
    subscribe: () => () => {},
  };
}

describe('openEventStream: streaming', () => {
  it('delivers events in order with parsed data, event names and ids', async () => {
    const stream = open();
    await waitFor('the stream to open', connected(1));
    server.publish('xp.changed', { xp: 1 });
    server.publish('coins.changed', { coins: 2 });
    server.publish('xp.changed', { xp: 3 });
    await waitFor('3 events', () => stream.events.length === 3);

    assert.deepEqual(stream.events, [
      { id: 'e1.1', event: 'xp.changed', data: { xp: 1 } },
      { id: 'e1.2', event: 'coins.changed', data: { coins: 2 } },
      { id: 'e1.3', event: 'xp.changed', data: { xp: 3 } },
    ]);
    assert.equal(stream.handle.state, 'open');
    assert.equal(stream.handle.lastEventId, 'e1.3');
    assert.deepEqual(stream.states, ['open']);
    assert.equal(server.requests[0]?.accept, 'text/event-stream');
    assert.equal(server.requests[0]?.authorization, undefined, 'a public stream sends no token');
    assert.equal(server.requests[0]?.lastEventId, undefined);
  });

  it('resumes with Last-Event-ID after a dropped connection: no loss, no duplicates', async () => {
    const stream = open();
    await waitFor('the stream to open', connected(1));
    server.publish('m', 1);
    server.publish('m', 2);
    await waitFor('2 events', () => stream.events.length === 2);

    server.dropConnections();
    // Published while the client is away: only replay can bring these.
    server.publish('m', 3);
    server.publish('m', 4);
    await waitFor('the replayed events', () => stream.events.length >= 4);
    await waitFor('the stream to reopen', connected(1));
    server.publish('m', 5);
    await waitFor('the live event', () => stream.events.length >= 5);
    await delay(30);

    assert.deepEqual(ids(stream), ['e1.1', 'e1.2', 'e1.3', 'e1.4', 'e1.5']);
    assert.deepEqual(stream.events.map((event) => event.data), [1, 2, 3, 4, 5]);
    assert.equal(server.requests.length, 2);
    assert.equal(server.requests[1]?.lastEventId, 'e1.2');
    assert.equal(stream.errors[0]?.code, 'network_error', 'the drop is reported as transient');
  });

  it('sends the initial lastEventId and drops events the server replays twice', async () => {
    server.publish('m', 1);
    server.publish('m', 2);
    server.publish('m', 3);
    server.replayOverlap = 2; // answers Last-Event-ID e1.2 with e1.1..e1.3
    const stream = open({ lastEventId: 'e1.2' });
    await waitFor('the replay', () => stream.events.length >= 1);
    server.dropConnections();
    server.publish('m', 4);
    await waitFor('the second replay', () => stream.events.length >= 2);
    await delay(30);

    assert.equal(server.requests[0]?.lastEventId, 'e1.2');
    assert.equal(server.requests[1]?.lastEventId, 'e1.3');
    assert.deepEqual(ids(stream), ['e1.3', 'e1.4']);
  });

  it('calls onReset when the server cannot resume, then continues from the new position', async () => {
    const stream = open();
    await waitFor('the stream to open', connected(1));
    server.publish('m', 1);
    await waitFor('1 event', () => stream.events.length === 1);

    server.restart('e2');
    server.publish('m', 'e2-1');
    server.dropConnections();
    await waitFor('the reset', () => stream.resets === 1);
    assert.equal(server.requests[1]?.lastEventId, 'e1.1');
    assert.equal(stream.handle.lastEventId, 'e2.1', 'adopts the reset position');

    await waitFor('the stream to reopen', connected(1));
    server.publish('m', 'e2-2');
    await waitFor('the next event', () => stream.events.length === 2);
    assert.deepEqual(ids(stream), ['e1.1', 'e2.2'], 'events covered by the snapshot are not delivered');
  });

  it('reports a malformed event and keeps going', async () => {
    const stream = open();
    await waitFor('the stream to open', connected(1));
    server.publish('m', 1);
    server.publishRaw('m', '{not json');
    server.publish('m', 3);
    await waitFor('2 events', () => stream.events.length === 2);

    assert.deepEqual(ids(stream), ['e1.1', 'e1.3']);
    assert.equal(stream.errors.length, 1);
    assert.equal(stream.errors[0]?.code, 'invalid_response');
    assert.equal(server.requests.length, 1, 'no reconnect for a bad event');
  });

  it('reconnects when the connection goes silent past the heartbeat timeout', async () => {
    const stream = open({ heartbeatTimeoutMs: 100 });
    await waitFor('the stream to open', connected(1));
    server.publish('m', 1);
    await waitFor('a reconnect after silence', () => server.requests.length === 2, 1_000);

    assert.equal(server.requests[1]?.lastEventId, 'e1.1');
    assert.equal(stream.errors[0]?.code, 'network_error');
    assert.match(stream.errors[0]?.message ?? '', /silent/);
  });

  it('counts `: ping` comments as life: no reconnect while they flow', async () => {
    server.pingIntervalMs = 30;
    const stream = open({ heartbeatTimeoutMs: 100 });
    await delay(400);

    assert.equal(server.requests.length, 1);
    assert.deepEqual(stream.errors, []);
    assert.equal(stream.handle.state, 'open');
  });

  it("waits at least the server's retry: delay before reconnecting", async () => {
    server.retryMs = 300;
    open();
    await waitFor('the stream to open', connected(1));
    await delay(20); // let the retry: field arrive
    server.dropConnections();
    await waitFor('the reconnect', () => server.requests.length === 2, 1_000);

    const gap = server.requests[1]!.at - server.requests[0]!.at;
    assert.ok(gap >= 300, `reconnected after ${gap} ms`);
  });
});

describe('openEventStream: auth and HTTP errors', () => {
  it('renews the token once on a 401 and reconnects with the new one in the header', async () => {
    server.acceptedTokens = new Set(['fresh']);
    const tokens = fakeTokenSource(['stale', 'fresh']);
    const stream = open({ tokenSource: tokens });
    await waitFor('the stream to open', connected(1));
    server.publish('m', 1);
    await waitFor('1 event', () => stream.events.length === 1);

    assert.deepEqual(tokens.renewed, ['stale']);
    assert.deepEqual(
      server.requests.map((request) => request.authorization),
      ['Bearer stale', 'Bearer fresh'],
    );
    for (const request of server.requests) assert.doesNotMatch(request.path, /stale|fresh|token/);
    assert.deepEqual(stream.errors, []);
  });

  it('closes with session_expired when renewing fails', async () => {
    server.acceptedTokens = new Set(['never']);
    const tokens = fakeTokenSource(['stale'], sessionExpiredError());
    const stream = open({ tokenSource: tokens });
    await waitFor('the stream to close', () => stream.handle.state === 'closed');
    await delay(50);

    assert.equal(server.requests.length, 1);
    assert.equal(stream.errors.length, 1);
    assert.equal(stream.errors[0]?.code, 'session_expired');
    assert.equal(stream.states.at(-1), 'closed');
  });

  it('closes with session_expired when the renewed token is rejected too', async () => {
    server.acceptedTokens = new Set(['never']);
    const tokens = fakeTokenSource(['stale', 'also-stale']);
    const stream = open({ tokenSource: tokens });
    await waitFor('the stream to close', () => stream.handle.state === 'closed');
    await delay(50);

    assert.deepEqual(tokens.renewed, ['stale'], 'renews once, not in a loop');
    assert.equal(server.requests.length, 2);
    assert.equal(stream.errors[0]?.code, 'session_expired');
  });

  it('stops on a 403 without retrying', async () => {
    for (let i = 0; i < 5; i++) server.scripted.push({ status: 403 });
    const stream = open();
    await waitFor('the stream to close', () => stream.handle.state === 'closed');
    await delay(100);

    assert.equal(server.requests.length, 1);
    assert.equal(stream.errors.length, 1);
    assert.equal(stream.errors[0]?.code, 'forbidden');
    assert.equal(stream.errors[0]?.status, 403);
  });

  it('honours Retry-After on a 429', async () => {
    server.scripted.push({ status: 429, headers: { 'retry-after': '1' } });
    const stream = open();
    await waitFor('the stream to open', () => stream.handle.state === 'open', 3_000);

    const gap = server.requests[1]!.at - server.requests[0]!.at;
    assert.ok(gap >= 950, `retried after ${gap} ms despite Retry-After: 1`);
    assert.equal(stream.errors[0]?.code, 'rate_limited');
    assert.equal(stream.handle.state, 'open');
  });
});

describe('openEventStream: polling fallback', () => {
  it('polls with Accept: application/json and after= when the answer is not SSE', async () => {
    server.streamContentType = 'text/plain';
    server.publish('m', 1);
    server.publish('m', 2);
    const stream = open({ lastEventId: 'e1.1' });
    await waitFor('the polled event', () => stream.events.length === 1);
    server.publish('m', 3);
    await waitFor('the next polled event', () => stream.events.length === 2);
    await delay(60);

    assert.deepEqual(ids(stream), ['e1.2', 'e1.3']);
    assert.equal(stream.handle.state, 'polling');
    const polls = server.requests.filter((request) => request.accept === 'application/json');
    assert.equal(polls[0]?.after, 'e1.1');
    assert.equal(polls[1]?.after, 'e1.2');
    assert.equal(polls.at(-1)?.after, 'e1.3');
    assert.deepEqual(stream.errors, [], 'falling back is not an error');
  });

  it('falls back after repeated stream failures, honours meta.reset, and returns to streaming', async () => {
    server.publish('m', 0); // the first poll (no `after`) adopts this as its position
    for (let i = 0; i < 3; i++) server.scripted.push({ status: 503 });
    const stream = open({ maxStreamFailures: 3, streamRetryIntervalMs: 250 });
    await waitFor('the first poll', () => server.requests.length === 4);
    assert.equal(server.requests[3]?.accept, 'application/json');
    assert.equal(server.requests[3]?.after, null);
    assert.equal(stream.errors.length, 3);

    await waitFor('the polled position', () => stream.handle.lastEventId === 'e1.1');
    server.publish('m', 1);
    await waitFor('the polled event', () => stream.events.length === 1);
    server.restart('e2');
    server.publish('m', 'e2-1');
    await waitFor('the reset from polling', () => stream.resets === 1);
    assert.equal(stream.handle.lastEventId, 'e2.1');

    await waitFor('streaming again', () => stream.handle.state === 'open');
    server.publish('m', 'e2-2');
    await waitFor('the streamed event', () => stream.events.length === 2);
    assert.deepEqual(ids(stream), ['e1.2', 'e2.2']);
    assert.equal(server.requests.at(-1)?.lastEventId, 'e2.1');
    assert.ok(stream.states.includes('polling'));
  });
});

describe('openEventStream: stopping', () => {
  it('close() ends the connection and every timer', async () => {
    const stream = open();
    await waitFor('the stream to open', () => stream.handle.state === 'open');
    stream.handle.close();
    stream.handle.close();

    assert.equal(stream.handle.state, 'closed');
    assert.deepEqual(stream.states, ['open', 'closed']);
    await waitFor('the server to see the close', connected(0));
    server.publish('m', 1);
    await delay(50);
    assert.deepEqual(stream.events, []);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(stream.errors, []);
  });

  it('an abort signal closes it, also while waiting to reconnect', async () => {
    const controller = new AbortController();
    server.scripted.push({ status: 503, headers: { 'retry-after': '30' } });
    const stream = open({ signal: controller.signal });
    await waitFor('the backoff wait', () => stream.handle.state === 'reconnecting');
    controller.abort();

    assert.equal(stream.handle.state, 'closed');
    await delay(50);
    assert.equal(server.requests.length, 1);
    // A 30 s timer left behind would keep this test file from exiting quickly.
  });

  it('an already aborted signal never connects', async () => {
    const stream = open({ signal: AbortSignal.abort() });
    await delay(30);
    assert.equal(stream.handle.state, 'closed');
    assert.equal(server.requests.length, 0);
  });

  it('rejects a relative URL up front', () => {
    assert.throws(() => openEventStream({ url: '/events', onEvent: () => {} }), TypeError);
  });
});

describe('EventCursor', () => {
  it('takes later ids of its epoch only; a reset moves it anywhere', () => {
    const cursor = new EventCursor('a.5');
    assert.equal(cursor.offer('a.5'), 'seen');
    assert.equal(cursor.offer('a.4'), 'seen');
    assert.equal(cursor.offer('b.9'), 'seen', 'a foreign epoch without a reset is stale');
    assert.equal(cursor.offer('a.7'), 'new');
    assert.equal(cursor.offer('a.6'), 'seen');
    assert.equal(cursor.offer('nonsense'), 'invalid');
    assert.equal(cursor.lastEventId, 'a.7');
    cursor.moveTo('b.1');
    assert.equal(cursor.offer('b.2'), 'new');
    cursor.moveTo(null);
    assert.equal(cursor.offer('c.1'), 'new');
  });
});
