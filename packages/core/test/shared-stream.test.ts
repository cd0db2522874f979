import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { openSharedEventStream, type EventStreamHandle, type EventStreamOptions, type StreamEvent } from '../src/realtime/index.js';
import { SseTestServer } from './helpers/sse-server.js';
import { waitFor } from './helpers/sse-wait.js';

let server: SseTestServer;
const handles: EventStreamHandle[] = [];

beforeEach(async () => {
  server = await SseTestServer.start();
});

afterEach(async () => {
  for (const handle of handles.splice(0)) handle.close();
  await server.close();
});

interface Subscriber {
  handle: EventStreamHandle;
  events: StreamEvent[];
  resets: number;
}

function subscribe(overrides: Partial<EventStreamOptions> = {}): Subscriber {
  const subscriber = { events: [] as StreamEvent[], resets: 0 };
  const handle = openSharedEventStream({
    url: server.url,
    heartbeatTimeoutMs: 1_000,
    backoffBaseMs: 5,
    backoffMaxMs: 20,
    onEvent: (event) => subscriber.events.push(event),
    onReset: () => subscriber.resets++,
    ...overrides,
  });
  handles.push(handle);
  return Object.assign(subscriber, { handle });
}

const ids = (subscriber: Subscriber) => subscriber.events.map((event) => event.id);
const streamRequests = () => server.requests.filter((r) => r.accept.includes('text/event-stream')).length;

describe('openSharedEventStream', () => {
  it('serves every subscriber of one URL and token source over one connection', async () => {
    const first = subscribe();
    await waitFor('the stream to open', () => server.openStreams === 1);
    const second = subscribe();
    server.publish('coins.changed', { coins: 1 });
    server.publish('coins.changed', { coins: 2 });
    await waitFor('both to hear 2 events', () => first.events.length === 2 && second.events.length === 2);
    assert.deepEqual(ids(first), ['e1.1', 'e1.2']);
    assert.deepEqual(ids(second), ['e1.1', 'e1.2']);
    assert.equal(streamRequests(), 1);
    assert.equal(second.handle.state, 'open', 'a joiner sees the stream live at once');
  });

  it('brings a joiner up from its own snapshot: replays what it missed, skips what it holds', async () => {
    const first = subscribe();
    await waitFor('the stream to open', () => server.openStreams === 1);
    for (let i = 1; i <= 4; i++) server.publish('xp.changed', { xp: i });
    await waitFor('4 events', () => first.events.length === 4);

    const behind = subscribe({ lastEventId: 'e1.2' });
    assert.deepEqual(ids(behind), ['e1.3', 'e1.4'], 'the events after its snapshot, replayed');
    const ahead = subscribe({ lastEventId: 'e1.5' });
    server.publish('xp.changed', { xp: 5 });
    server.publish('xp.changed', { xp: 6 });
    await waitFor('e1.6 everywhere', () => [first, behind, ahead].every((s) => ids(s).at(-1) === 'e1.6'));
    assert.deepEqual(ids(ahead), ['e1.6'], 'e1.5 is in its snapshot already');
    assert.equal(ahead.handle.lastEventId, 'e1.6');
    assert.equal(streamRequests(), 1);
  });

  it('asks a joiner whose snapshot is from another epoch to reload', async () => {
    subscribe();
    await waitFor('the stream to open', () => server.openStreams === 1);
    server.publish('xp.changed', { xp: 1 });
    await waitFor('an event', () => server.requests.length > 0 && handles[0]!.lastEventId === 'e1.1');
    const stale = subscribe({ lastEventId: 'e0.9' });
    await waitFor('the reset', () => stale.resets === 1);
    server.publish('xp.changed', { xp: 2 });
    await waitFor('live events after it', () => ids(stale).includes('e1.2'));
  });

  it('keeps the connection while anyone listens, and a fresh one after the last left', async () => {
    const first = subscribe();
    const second = subscribe();
    await waitFor('the stream to open', () => server.openStreams === 1);
    first.handle.close();
    assert.equal(first.handle.state, 'closed');
    server.publish('xp.changed', { xp: 1 });
    await waitFor('the other still hears', () => second.events.length === 1);
    assert.equal(first.events.length, 0);
    second.handle.close();
    await waitFor('the connection to close', () => server.openStreams === 0);
    subscribe();
    await waitFor('a new connection', () => server.openStreams === 1);
    assert.equal(streamRequests(), 2);
  });

  it('does not share across token sources', async () => {
    const source = { kind: 'static' as const, getToken: async () => 't', renew: async () => 't', subscribe: () => () => {} };
    subscribe();
    subscribe({ tokenSource: source });
    await waitFor('two connections', () => server.openStreams === 2);
  });
});
