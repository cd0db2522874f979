/**
 * The connection engine over a real MessageChannel (no window: the handshake is done by hand
 * here): queue order, calls, timeouts, port swaps, and junk from the port.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { ConnectionCore, DEFAULT_TIMEOUTS, type Methods } from '../src/bridge/connection.js';
import { LIMITS } from '../src/bridge/envelope.js';
import { BridgeError } from '../src/bridge/errors.js';

const cores: ConnectionCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

function core(role: 'host' | 'guest', methods: Methods = {}, timeouts: Partial<typeof DEFAULT_TIMEOUTS> = {}): ConnectionCore {
  const made = new ConnectionCore({ role, methods, timeouts: { ...DEFAULT_TIMEOUTS, heartbeatMs: 0, ...timeouts }, maxMessageBytes: LIMITS.maxMessageBytes });
  cores.push(made);
  return made;
}

function pair(hostMethods: Methods = {}, guestMethods: Methods = {}) {
  const host = core('host', hostMethods);
  const guest = core('guest', guestMethods);
  const connect = () => {
    const { port1, port2 } = new MessageChannel();
    host.attach(port1, 'https://guest.example');
    guest.attach(port2, 'https://host.example');
  };
  return { host, guest, connect };
}

const tick = (ms = 10) => new Promise((resolve) => setTimeout(resolve, ms));

async function rejection(promise: Promise<unknown>): Promise<BridgeError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof BridgeError, String(error));
    return error;
  }
  throw new Error('expected a rejection');
}

describe('bridge connection engine', () => {
  it('flushes calls and events queued before the port, in order', async () => {
    const log: unknown[] = [];
    const { host, guest, connect } = pair({}, { log: (value) => log.push(value) });
    guest.on('note', (data) => log.push(data));
    host.emit('note', 1);
    const call = host.call('log', 2);
    host.emit('note', 3);
    assert.equal(host.state, 'connecting');
    connect();
    await call;
    await tick();
    assert.deepEqual(log, [1, 2, 3]);
    await host.ready;
    assert.equal(host.state, 'connected');
  });

  it('delivers every event to on("*") listeners with its name, and unsubscribes', async () => {
    const { host, guest, connect } = pair();
    const seen: unknown[] = [];
    const off = guest.on('*', (data, context) => seen.push([context.event, data, context.origin]));
    connect();
    host.emit('theme', 'dark');
    host.emit('locale', 'fr');
    await tick();
    off();
    host.emit('theme', 'light');
    await tick();
    assert.deepEqual(seen, [['theme', 'dark', 'https://host.example'], ['locale', 'fr', 'https://host.example']]);
  });

  it('passes the peer origin to handlers', async () => {
    const { host, connect } = pair({}, { who: (_params, context) => context.origin });
    connect();
    assert.equal(await host.call('who'), 'https://host.example'); // the guest's peer
  });

  it('rejects calls in flight on a lost port as disconnected, keeps queued ones for the next port', async () => {
    const { host, guest, connect } = pair({}, { never: () => new Promise(() => {}), echo: (v) => v });
    connect();
    const inFlight = host.call('never');
    await tick();
    host.lose('heartbeat');
    assert.equal(host.state, 'reconnecting');
    const error = await rejection(inFlight);
    assert.equal(error.code, 'disconnected');
    const queued = host.call('echo', 'after');
    const { port1, port2 } = new MessageChannel();
    host.attach(port1, 'https://guest.example');
    guest.attach(port2, 'https://host.example');
    assert.equal(await queued, 'after');
  });

  it('times out a queued call and does not send it later', async () => {
    let calls = 0;
    const { host, connect } = pair({}, { count: () => ++calls });
    const error = await rejection(host.call('count', undefined, { timeoutMs: 20 }));
    assert.equal(error.code, 'timeout');
    connect();
    assert.equal(await host.call('count'), 1);
  });

  it('marks a silent peer dead after two missed heartbeats', async () => {
    const host = core('host', {}, { heartbeatMs: 20 });
    const { port1 } = new MessageChannel(); // nobody answers on port2
    const lost: string[] = [];
    host.onStateChange((state) => lost.push(state));
    host.attach(port1, 'https://guest.example');
    await tick(150);
    assert.deepEqual(lost, ['connected', 'reconnecting']);
  });

  it('drops junk arriving on the port without throwing, calling handlers or changing state', async () => {
    let handled = 0;
    const host = core('host', { add: () => handled++ });
    host.on('note', () => handled++);
    const { port1, port2 } = new MessageChannel();
    host.attach(port1, 'https://guest.example');
    const replies: unknown[] = [];
    port2.onmessage = (event) => replies.push(event.data);
    let seed = 99;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const values = [null, undefined, -1, 1.5, NaN, 'add', 'note', 'bridge', 1, 2, {}, [], 'x'.repeat(100)];
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    for (let i = 0; i < 10_000; i++) {
      const message: Record<string, unknown> = {};
      for (const key of ['rai', 'v', 'type', 'id', 'method', 'name', 'data', 'params', 'error', 'value']) if (random() < 0.6) message[key] = pick(values);
      if (random() < 0.7) message.rai = 'bridge';
      if (random() < 0.7) message.v = 1;
      if (random() < 0.7) message.type = pick(['call', 'result', 'error', 'event', 'ping', 'pong', 'hello', 'welcome', '']);
      // A well-formed call to an exposed method, a well-formed event someone listens to, or a bye
      // is not junk but the (authenticated) peer speaking; leave those out.
      if (message.type === 'call' && message.method === 'add') message.method = 'nope';
      if (message.type === 'event' && message.name === 'note') message.name = 'nope';
      port2.postMessage(i % 97 === 0 ? pick(values) : message);
    }
    await tick(200);
    assert.equal(handled, 0);
    assert.equal(host.state, 'connected');
    // Only answers to well-formed calls of unknown methods, and pongs.
    for (const reply of replies as { type: string; error?: { code: string } }[]) {
      assert.ok(reply.type === 'pong' || (reply.type === 'error' && reply.error?.code === 'method_not_found'), JSON.stringify(reply));
    }
  });
});
