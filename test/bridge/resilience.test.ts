/**
 * The bridge when things go wrong: connect and call timeouts with typed errors, a guest that
 * reloads, navigates or hangs (re-handshake, subscribers and queue kept), and a fuzzer posting
 * 10,000 junk messages at each side (no exception, no state change, no handler called).
 */
import { expect } from '@open-wc/testing';
import { BridgeError, connectToGuest, type Connection } from '../../packages/core/src/bridge/index.js';
import { GUEST_ORIGIN, cleanup, guestUrl, makeIframe, rejection, sleep, states, track, until } from './helpers.js';
import { junkMaker } from './junk.js';

afterEach(cleanup);

function host(iframe: HTMLIFrameElement, extra: Partial<Parameters<typeof connectToGuest>[0]> = {}): Connection {
  return track(connectToGuest({ iframe, allowedOrigins: [GUEST_ORIGIN], ...extra }));
}

describe('bridge timeouts', () => {
  it('rejects ready with a typed connect_timeout, then still connects a late guest', async () => {
    const iframe = makeIframe(guestUrl({ mode: 'silent' }));
    const connection = host(iframe, { timeouts: { connectMs: 300 } });
    const seen = states(connection);
    const started = performance.now();
    const error = await rejection(connection.ready);
    const elapsed = performance.now() - started;
    expect(error).to.be.instanceOf(BridgeError);
    expect(error.code).to.equal('connect_timeout');
    expect(error.data).to.deep.equal({ timeoutMs: 300 });
    expect(elapsed).to.be.within(250, 1_500);
    expect(connection.state).to.equal('failed');

    iframe.src = guestUrl();
    await until(() => connection.state === 'connected', 'a late guest');
    expect(seen).to.deep.equal(['connecting', 'failed', 'connected']);
    expect(await connection.call('echo', 'late')).to.equal('late');
  });

  it('rejects a call with a typed timeout (per call and by default) and keeps working', async () => {
    const iframe = makeIframe(guestUrl());
    const connection = host(iframe, { timeouts: { callMs: 300 } });
    await connection.ready;
    const started = performance.now();
    const error = await rejection(connection.call('never', undefined, { timeoutMs: 150 }));
    expect(error).to.be.instanceOf(BridgeError);
    expect(error.code).to.equal('timeout');
    expect(error.data).to.deep.include({ method: 'never', timeoutMs: 150 });
    expect(performance.now() - started).to.be.within(140, 1_000);
    expect((await rejection(connection.call('never'))).data.timeoutMs).to.equal(300);
    expect(await connection.call('echo', 'still fine')).to.equal('still fine');
    expect(connection.state).to.equal('connected');
  });
});

describe('bridge re-handshake', () => {
  it('reconnects when the guest reloads: subscribers survive and calls made meanwhile are queued', async () => {
    const iframe = makeIframe(guestUrl(), { attach: false });
    const connection = host(iframe);
    const seen = states(connection);
    const loads: string[] = [];
    connection.on('guest-started', (data: { loadId: string }) => loads.push(data.loadId));
    document.body.append(iframe);
    await connection.ready;
    await until(() => loads.length === 1, 'first load');

    const firstLoad = await connection.call<string>('reload');
    expect(firstLoad).to.equal(loads[0]);
    await until(() => connection.state === 'reconnecting', 'the guest going away (pagehide)');
    const queued = connection.call('log', 'sent while reconnecting');
    await until(() => loads.length === 2, 'the reloaded guest, through the old subscription');
    expect(connection.state).to.equal('connected');
    expect(await queued).to.equal(1);
    const stats = await connection.call<{ loadId: string; notes: unknown[] }>('stats');
    expect(stats.loadId).to.equal(loads[1]);
    expect(stats.loadId).to.not.equal(firstLoad);
    expect(stats.notes).to.deep.equal(['sent while reconnecting']);
    expect(seen).to.deep.equal(['connecting', 'connected', 'reconnecting', 'connected']);
  });

  it('reconnects when the guest navigates to another page', async () => {
    const iframe = makeIframe(guestUrl(), { attach: false });
    const connection = host(iframe);
    const loads: string[] = [];
    connection.on('guest-started', (data: { loadId: string }) => loads.push(data.loadId));
    document.body.append(iframe);
    await until(() => loads.length === 1, 'first page');
    iframe.src = guestUrl({ page: 'two' });
    await until(() => loads.length === 2 && connection.state === 'connected', 'the new page');
    expect(await connection.call('add', { a: 1, b: 1 })).to.equal(2);
  });

  it('notices a hung guest by heartbeat: in-flight calls reject as disconnected, then it reconnects', async () => {
    const iframe = makeIframe(guestUrl());
    const connection = host(iframe, { timeouts: { heartbeatMs: 150 } });
    await connection.ready;
    const seen = states(connection);
    const error = await rejection(connection.call('block', { ms: 1_500 }));
    expect(error).to.be.instanceOf(BridgeError);
    expect(error.code).to.equal('disconnected');
    expect(error.data).to.deep.equal({ reason: 'heartbeat' });
    await until(() => connection.state === 'connected', 'reconnected after the hang');
    expect(seen).to.deep.equal(['connected', 'reconnecting', 'connected']);
    expect(await connection.call('echo', 'alive')).to.equal('alive');
  });

  it('the guest notices a hung host by its own heartbeat and reconnects once the host is back', async () => {
    const iframe = makeIframe(guestUrl({ heartbeatMs: 200 }));
    // In view: Chromium throttles the timers of cross-origin frames out of view to about one a second.
    iframe.style.cssText = 'position: fixed; inset: 0 auto auto 0;';
    // The host does not ping: only the guest's heartbeat can notice.
    const connection = host(iframe, { timeouts: { heartbeatMs: 0 } });
    await connection.ready;
    // A connection that has been up a moment: a frame that has only just loaded may not run its
    // timers yet (Chromium starts them late), and then there is no heartbeat to notice anything.
    expect(await connection.call('echo', 'up')).to.equal('up');
    await sleep(500);
    // This page hangs (no pong, no message handling) for several of the guest's intervals.
    const hangUntil = performance.now() + 1_200;
    while (performance.now() < hangUntil) {
      // spin
    }
    // The guest gave up the port and said hello under a new session; this side takes the new
    // port in place of the old one (calls on the old one get no answer, hence the short timeout).
    let guest: { states: string[] } | undefined;
    const stats = () => connection.call<{ states: string[] }>('stats', undefined, { timeoutMs: 300 }).catch(() => undefined);
    await until(async () => (guest = await stats())?.states.length === 3, 'the guest reconnected', 8_000);
    expect(guest!.states).to.deep.equal(['connected', 'reconnecting', 'connected']);
    expect(connection.state).to.equal('connected');
    expect(await connection.call('echo', 'back')).to.equal('back');
  });
});

describe('bridge fuzzing', () => {
  it('drops 10,000 junk messages at each side without throwing, changing state or calling a handler', async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(String(event.message));
    const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
    try {
      let handled = 0;
      const iframe = makeIframe(guestUrl(), { attach: false });
      const connection = host(iframe, {
        methods: { echo: () => handled++, hello: () => handled++, welcome: () => handled++ },
      });
      connection.on('note', () => handled++);
      connection.on('guest-started', () => {});
      document.body.append(iframe);
      await connection.ready;
      const seen = states(connection);
      const before = await connection.call<{ calls: number; notes: unknown[] }>('stats');

      // At the guest, from its real parent (right source, allowed origin), some with ports.
      const junk = junkMaker(6);
      const guestWindow = iframe.contentWindow!;
      let sent = 0;
      for (let i = 0; i < 10_000; i++) {
        try {
          if (i % 250 === 0) guestWindow.postMessage(junk(), '*', [new MessageChannel().port1]);
          else guestWindow.postMessage(junk(), '*');
          sent++;
        } catch {
          // not cloneable: never sent
        }
      }
      // At the host, from the guest itself (right source, allowed origin)…
      expect(await connection.call('fuzz', { count: 10_000, seed: 7 }, { timeoutMs: 30_000 })).to.be.above(9_000);
      // …and from this page (wrong source).
      const own = junkMaker(8);
      for (let i = 0; i < 2_000; i++) {
        try {
          window.postMessage(own(), '*');
        } catch {
          // not cloneable
        }
      }
      expect(sent).to.be.above(9_000);

      const after = await connection.call<{ calls: number; notes: unknown[]; errors: string[]; state: string }>('stats', undefined, { timeoutMs: 30_000 });
      expect(after.errors).to.deep.equal([]);
      expect(after.state).to.equal('connected');
      expect(after.calls).to.equal(before.calls + 1); // the fuzz call itself
      expect(after.notes).to.deep.equal(before.notes);
      expect(await connection.call('add', { a: 20, b: 22 })).to.equal(42);
      expect(handled).to.equal(0);
      expect(seen).to.deep.equal(['connected']);
      expect(errors).to.deep.equal([]);
    } finally {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
    }
  });
});
