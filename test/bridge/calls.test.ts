/**
 * The bridge across two real origins (localhost ↔ 127.0.0.1): the handshake from either side,
 * calls both ways, typed remote errors, events, and the queue before ready.
 */
import { expect } from '@open-wc/testing';
import { BridgeError, connectToGuest, type Connection } from '../../packages/core/src/bridge/index.js';
import { GUEST_ORIGIN, cleanup, guestUrl, makeIframe, rejection, states, track, until } from './helpers.js';

afterEach(cleanup);

function host(iframe: HTMLIFrameElement, extra: Partial<Parameters<typeof connectToGuest>[0]> = {}): Connection {
  return track(connectToGuest({ iframe, allowedOrigins: [GUEST_ORIGIN], timeouts: { connectMs: 5_000 }, ...extra }));
}

describe('bridge handshake', () => {
  it('host-initiated: the guest only answers, the host says hello first', async () => {
    const iframe = makeIframe(guestUrl({ announce: 0 }), { attach: false });
    const connection = host(iframe);
    const seen = states(connection);
    document.body.append(iframe);
    await connection.ready;
    expect(connection.state).to.equal('connected');
    expect(connection.peerOrigin).to.equal(GUEST_ORIGIN);
    expect(seen).to.deep.equal(['connecting', 'connected']);
    expect(await connection.call('add', { a: 2, b: 3 })).to.equal(5);
  });

  it('guest-initiated: the host only answers, the guest says hello first', async () => {
    const iframe = makeIframe(guestUrl(), { attach: false });
    const connection = host(iframe, { announce: false });
    document.body.append(iframe);
    await connection.ready;
    expect(await connection.call('origin')).to.equal(GUEST_ORIGIN);
  });

  it('connects when the host arrives after the guest has loaded and announced', async () => {
    const iframe = makeIframe(guestUrl());
    await new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    const connection = host(iframe);
    await connection.ready;
    expect(await connection.call('echo', 'late')).to.equal('late');
  });
});

describe('bridge calls and events', () => {
  it('calls both ways with structured payloads', async () => {
    const iframe = makeIframe(guestUrl(), { attach: false });
    let hostCalls = 0;
    const connection = host(iframe, {
      methods: {
        whoAmI: (params: { n: number }, context) => {
          hostCalls++;
          return { n: params.n * 2, origin: context.origin, at: new Date(0) };
        },
      },
    });
    document.body.append(iframe);
    await connection.ready;
    const payload = { list: [1, 'two', { three: 3 }], bytes: new Uint8Array([1, 2, 3]), nested: { deep: true } };
    expect(await connection.call('echo', payload)).to.deep.equal(payload);
    const fromGuest = await connection.call<{ ok: boolean; value: { n: number; origin: string; at: Date } }>('callHost', { method: 'whoAmI', params: { n: 21 } });
    expect(fromGuest.ok).to.equal(true);
    expect(fromGuest.value.n).to.equal(42);
    expect(fromGuest.value.origin).to.equal(GUEST_ORIGIN); // the caller's origin, as checked
    expect(fromGuest.value.at).to.be.instanceOf(Date);
    expect(hostCalls).to.equal(1);
  });

  it('re-throws a remote handler error as a typed BridgeError (code, message, data), both ways', async () => {
    const iframe = makeIframe(guestUrl(), { attach: false });
    const connection = host(iframe, {
      methods: {
        refuse: () => {
          throw new BridgeError('remote_error', 'navigation refused', { remoteCode: 'navigation_refused', data: { url: 'https://evil.example' } });
        },
      },
    });
    document.body.append(iframe);
    await connection.ready;

    const error = await rejection(connection.call('fail', { code: 'insufficient_funds', message: 'not enough coins', data: { balance: 3 } }));
    expect(error).to.be.instanceOf(BridgeError);
    expect(error.code).to.equal('remote_error');
    expect(error.remoteCode).to.equal('insufficient_funds');
    expect(error.message).to.equal('not enough coins');
    expect(error.data).to.deep.equal({ balance: 3 });

    const plain = await rejection(connection.call('fail', { code: 'plain', message: 'bad type' }));
    expect(plain).to.be.instanceOf(BridgeError);
    expect(plain.code).to.equal('remote_error');
    expect(plain.remoteCode).to.equal('error');
    expect(plain.message).to.equal('bad type');

    const missing = await rejection(connection.call('noSuchMethod'));
    expect(missing).to.be.instanceOf(BridgeError);
    expect(missing.code).to.equal('method_not_found');

    const reverse = await connection.call<Record<string, unknown>>('callHost', { method: 'refuse' });
    expect(reverse).to.deep.include({ ok: false, isBridgeError: true, code: 'remote_error', remoteCode: 'navigation_refused', message: 'navigation refused' });
    expect(reverse.data).to.deep.equal({ url: 'https://evil.example' });

    const reverseMissing = await connection.call<Record<string, unknown>>('callHost', { method: 'nope' });
    expect(reverseMissing).to.deep.include({ ok: false, isBridgeError: true, code: 'method_not_found' });
  });

  it('delivers events both ways; on() returns an unsubscribe', async () => {
    const iframe = makeIframe(guestUrl(), { attach: false });
    const connection = host(iframe);
    const got: unknown[] = [];
    const off = connection.on('ping-back', (data) => got.push(data));
    document.body.append(iframe);
    await connection.ready;
    await connection.call('emit', { name: 'ping-back', data: { n: 1 } });
    await until(() => got.length === 1, 'event from the guest');
    off();
    await connection.call('emit', { name: 'ping-back', data: { n: 2 } });
    await connection.call('echo', 'barrier');
    expect(got).to.deep.equal([{ n: 1 }]);

    connection.emit('note', 'hello guest');
    const stats = await connection.call<{ notes: unknown[] }>('stats');
    expect(stats.notes).to.deep.equal(['hello guest']);
  });

  it('queues what is sent before the connection is up and delivers it in order, both ways', async () => {
    const iframe = makeIframe(guestUrl(), { attach: false });
    const connection = host(iframe);
    const started: unknown[] = [];
    connection.on('guest-started', (data) => started.push(data));
    connection.on('guest-started-2', (data) => started.push(data));
    connection.emit('note', 1);
    connection.emit('note', 2);
    const third = connection.call('log', 3);
    connection.emit('note', 4);
    expect(connection.state).to.equal('connecting');
    document.body.append(iframe);
    expect(await third).to.equal(3);
    const stats = await connection.call<{ notes: unknown[] }>('stats');
    expect(stats.notes).to.deep.equal([1, 2, 3, 4]);
    // The guest emitted these before its own handshake finished.
    await until(() => started.length === 2, 'guest events queued before ready');
    expect(started.map((s) => (s as { order: number }).order)).to.deep.equal([1, 2]);
  });

  it('refuses payloads over the size limit and uncloneable ones with typed errors, and keeps working', async () => {
    const iframe = makeIframe(guestUrl());
    const connection = host(iframe, { maxMessageBytes: 10_000 });
    await connection.ready;
    const big = await rejection(connection.call('echo', 'x'.repeat(20_000)));
    expect(big.code).to.equal('too_large');
    expect(() => connection.emit('note', 'x'.repeat(20_000))).to.throw(BridgeError);
    const uncloneable = await rejection(connection.call('echo', { fn: () => 1 }));
    expect(uncloneable).to.be.instanceOf(BridgeError);
    expect(uncloneable.code).to.equal('not_cloneable');
    expect(await connection.call('echo', 'small')).to.equal('small');
  });

  it('close() rejects pending and later calls with "closed" and tells the guest', async () => {
    const iframe = makeIframe(guestUrl());
    const connection = host(iframe);
    await connection.ready;
    const pending = connection.call('never');
    connection.close();
    expect((await rejection(pending)).code).to.equal('closed');
    expect((await rejection(connection.call('echo', 1))).code).to.equal('closed');
    expect(connection.emit('note', 1)).to.equal(false);
    expect(connection.state).to.equal('closed');
  });
});
