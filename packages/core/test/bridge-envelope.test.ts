import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LIMITS, fits, foreignHelloVersion, parseHandshake, parsePortMessage, payloadSize } from '../src/bridge/envelope.js';
import { BridgeError, fromWireError, toWireError } from '../src/bridge/errors.js';
// The sandbox's seeded PRNG: a reproducible fuzz.
import { mulberry32 } from '../../server/src/upstream/memory/prng.js';

const MAX = LIMITS.maxMessageBytes;
const hello = { rai: 'bridge', v: 1, type: 'hello', role: 'guest', session: 'abcdefgh1234', channel: 'default' };

describe('bridge envelope: handshake messages', () => {
  it('accepts a well-formed hello and welcome, copying only known fields', () => {
    assert.deepEqual(parseHandshake({ ...hello, extra: 'ignored' }), hello);
    const welcome = { rai: 'bridge', v: 1, type: 'welcome', role: 'host', session: 'hostsession1', to: 'abcdefgh1234', channel: 'default' };
    assert.deepEqual(parseHandshake(welcome), welcome);
  });

  it('rejects near misses', () => {
    const misses: unknown[] = [
      null, undefined, 'hello', 42, [], [hello],
      { ...hello, rai: 'Bridge' }, { ...hello, v: '1' }, { ...hello, v: 2 }, { ...hello, type: 'HELLO' },
      { ...hello, role: 'admin' }, { ...hello, session: 'short' }, { ...hello, session: 'a'.repeat(65) },
      { ...hello, session: 'has space 1234' }, { ...hello, channel: '' }, { ...hello, channel: 7 },
      { ...hello, type: 'welcome' }, { ...hello, type: 'welcome', role: 'host' },
      { ...hello, type: 'welcome', role: 'guest', to: 'abcdefgh1234' },
    ];
    for (const miss of misses) assert.equal(parseHandshake(miss), undefined, JSON.stringify(miss));
  });

  it('never runs getters or trips on hostile objects', () => {
    let touched = false;
    const getter = { ...hello };
    Object.defineProperty(getter, 'session', { get: () => ((touched = true), 'abcdefgh1234'), enumerable: true });
    assert.equal(parseHandshake(getter), undefined);
    assert.equal(touched, false);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    assert.equal(parseHandshake(proxy), undefined);
    assert.equal(parseHandshake(Object.create(hello)), undefined, 'inherited fields do not count');
  });

  it('tells a hello of another version apart from junk', () => {
    assert.equal(foreignHelloVersion({ ...hello, v: 2 }), 2);
    assert.equal(foreignHelloVersion(hello), undefined);
    assert.equal(foreignHelloVersion({ ...hello, v: 2, type: 'welcome' }), undefined);
    assert.equal(foreignHelloVersion({ rai: 'x', v: 2, type: 'hello' }), undefined);
  });
});

describe('bridge envelope: port messages', () => {
  const base = { rai: 'bridge', v: 1 };

  it('accepts every message type', () => {
    const messages = [
      { ...base, type: 'call', id: 1, method: 'echo', params: { a: 1 } },
      { ...base, type: 'result', id: 1, value: [1, 2] },
      { ...base, type: 'error', id: 1, error: { code: 'insufficient_funds', message: 'no', data: { b: 1 } } },
      { ...base, type: 'event', name: 'token', data: 'x' },
      { ...base, type: 'ping', id: 3 },
      { ...base, type: 'pong', id: 3 },
      { ...base, type: 'bye' },
    ];
    for (const message of messages) {
      const parsed = parsePortMessage(message, MAX);
      assert.ok(parsed.ok, JSON.stringify(message));
      assert.deepEqual(parsed.message, message);
    }
  });

  it('drops malformed ones as junk', () => {
    const junk: unknown[] = [
      { ...base, type: 'call', id: -1, method: 'echo' }, { ...base, type: 'call', id: 1.5, method: 'echo' },
      { ...base, type: 'call', id: '1', method: 'echo' }, { ...base, type: 'call', id: 1, method: '' },
      { ...base, type: 'call', id: 1, method: 'a b' }, { ...base, type: 'call', id: 2 ** 60, method: 'x' },
      { ...base, type: 'result' }, { ...base, type: 'error', id: 1, error: 'boom' },
      { ...base, type: 'error', id: 1, error: { code: '', message: 'x' } }, { ...base, type: 'error', id: 1, error: { code: 'x' } },
      { ...base, type: 'event', name: 7 }, { ...base, type: 'ping' }, { ...base, type: 'hello' },
      { ...base, v: 2, type: 'bye' }, { rai: 'bridge', type: 'bye' }, { ...base, type: 'constructor' },
    ];
    for (const message of junk) assert.deepEqual(parsePortMessage(message, MAX), { ok: false, reason: 'junk' }, JSON.stringify(message));
  });

  it('flags oversized payloads with the call id, so a call can be answered instead of left hanging', () => {
    const big = 'x'.repeat(600_000);
    assert.deepEqual(parsePortMessage({ ...base, type: 'call', id: 9, method: 'echo', params: big }, MAX), { ok: false, reason: 'too_large', type: 'call', callId: 9 });
    assert.deepEqual(parsePortMessage({ ...base, type: 'event', name: 'x', data: big }, MAX), { ok: false, reason: 'too_large', type: 'event' });
  });

  it('survives 10,000 random messages without throwing', () => {
    const random = mulberry32(42);
    const values = [null, undefined, 0, -1, 1.5, NaN, 'call', 'bridge', 'echo', 1, {}, [], 'x'.repeat(1000)];
    const keys = ['rai', 'v', 'type', 'id', 'method', 'params', 'name', 'data', 'error', 'value'];
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    for (let i = 0; i < 10_000; i++) {
      const message: Record<string, unknown> = {};
      for (const key of keys) if (random() < 0.6) message[key] = pick(values);
      if (random() < 0.5) message.rai = 'bridge';
      if (random() < 0.5) message.v = 1;
      parsePortMessage(message, MAX);
      parseHandshake(message);
    }
  });
});

describe('bridge envelope: payload size', () => {
  it('estimates strings, binary data and nesting, and stops early', () => {
    assert.ok(payloadSize('abc') < 20);
    assert.ok(payloadSize(new Uint8Array(5_000)) >= 5_000);
    assert.equal(fits('x'.repeat(600_000), MAX), false);
    assert.equal(fits({ list: Array.from({ length: 1000 }, (_, i) => ({ i })) }, MAX), true);
    assert.equal(fits(new Array(1e8), MAX), false, 'a huge sparse array is refused before it is walked');
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { deep };
    assert.equal(fits(deep, MAX), false, 'nesting deeper than the limit');
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    assert.equal(fits(cyclic, MAX), true);
    assert.equal(fits(new Map([[1, 'x'.repeat(600_000)]]), MAX), false);
  });
});

describe('bridge errors', () => {
  it('turns whatever a handler threw into a cloneable wire error', () => {
    assert.deepEqual(toWireError(Object.assign(new Error('no coins'), { code: 'insufficient_funds', data: { balance: 1 } })), { code: 'insufficient_funds', message: 'no coins', data: { balance: 1 } });
    assert.deepEqual(toWireError(new TypeError('bad')), { code: 'error', message: 'bad' });
    assert.deepEqual(toWireError('text'), { code: 'error', message: 'text' });
    assert.deepEqual(toWireError({ weird: true }), { code: 'error', message: 'remote handler failed' });
    assert.deepEqual(toWireError(new BridgeError('remote_error', 'nested', { remoteCode: 'inner' })), { code: 'inner', message: 'nested' });
  });

  it('rebuilds typed errors locally', () => {
    const error = fromWireError({ code: 'insufficient_funds', message: 'no coins', data: { balance: 1 } }, 'buy');
    assert.ok(error instanceof BridgeError);
    assert.equal(error.code, 'remote_error');
    assert.equal(error.remoteCode, 'insufficient_funds');
    assert.equal(error.message, 'no coins');
    assert.deepEqual(error.data, { balance: 1 });
    assert.equal(fromWireError({ code: 'method_not_found', message: 'x' }, 'm').code, 'method_not_found');
  });
});
