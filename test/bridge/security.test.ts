/**
 * Whom the bridge trusts: origin allow-lists on both sides (a wrong origin never connects and
 * never sees a secret), `*` refused for sensitive connections, opaque `null` origins refused
 * unless listed, `event.source` checked, and a peer on another protocol version named as such.
 */
import { expect } from '@open-wc/testing';
import { BridgeError, connectToGuest, connectToHost, type Connection } from '../../packages/core/src/bridge/index.js';
import { GUEST_ORIGIN, HOST_ORIGIN, cleanup, guestUrl, inlineModule, makeIframe, rawReport, rejection, sleep, track, until } from './helpers.js';

afterEach(cleanup);

const SECRET = { token: 'secret-token-value' };

function host(iframe: HTMLIFrameElement, allowedOrigins: string[], extra: Partial<Parameters<typeof connectToGuest>[0]> = {}): Connection {
  return track(connectToGuest({ iframe, allowedOrigins, timeouts: { connectMs: 1_500 }, ...extra }));
}

describe('bridge origins', () => {
  it('a host that does not list the guest origin never connects and the guest never gets the token', async () => {
    const iframe = makeIframe(guestUrl(), { attach: false });
    // The host's own origin is listed, not the guest's.
    const connection = host(iframe, [HOST_ORIGIN, 'https://*.example.com']);
    connection.emit('token', SECRET);
    const call = connection.call('echo', SECRET, { timeoutMs: 2_500 });
    document.body.append(iframe);
    const error = await rejection(connection.ready);
    expect(error).to.be.instanceOf(BridgeError);
    expect(error.code).to.equal('refused_origin');
    expect(error.data.origin).to.equal(GUEST_ORIGIN);
    expect(connection.state).to.equal('failed');
    expect((await rejection(call)).code).to.equal('timeout');
    const report = await rawReport(iframe);
    expect(report.state).to.equal('connecting');
    expect(report.sawSecret).to.equal(false);
    expect(report.calls).to.equal(0);
  });

  it('a guest that does not list the host origin never answers; the host times out and sends nothing', async () => {
    const iframe = makeIframe(guestUrl({ allowed: 'https://portal.example.com' }), { attach: false });
    const connection = host(iframe, [GUEST_ORIGIN]);
    connection.emit('token', SECRET);
    document.body.append(iframe);
    const error = await rejection(connection.ready);
    expect(error.code).to.equal('connect_timeout');
    const report = await rawReport(iframe);
    expect(report.state).to.equal('connecting');
    expect(report.sawSecret).to.equal(false);
  });

  it('matches subdomain and port patterns', async () => {
    const iframe = makeIframe(guestUrl());
    const connection = host(iframe, ['http://127.0.0.1:*']);
    await connection.ready;
    expect(await connection.call('echo', 'pattern')).to.equal('pattern');
  });

  it('refuses "*" for a sensitive connection (the default) on both sides, allows it when marked not sensitive', async () => {
    const iframe = makeIframe(guestUrl({ allowed: '*', sensitive: 0 }));
    for (const create of [
      () => connectToGuest({ iframe, allowedOrigins: '*' }),
      () => connectToGuest({ iframe, allowedOrigins: [GUEST_ORIGIN, '*'], sensitive: true }),
      () => connectToHost({ allowedOrigins: ['*'] }),
    ]) {
      let thrown: unknown;
      try {
        track(create());
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(BridgeError);
      expect((thrown as BridgeError).code).to.equal('refused_origin');
    }
    const open = host(iframe, ['*'], { sensitive: false });
    await open.ready;
    expect(await open.call('echo', 'public')).to.equal('public');
  });

  it('refuses an empty or malformed allow-list', () => {
    const iframe = document.createElement('iframe');
    for (const allowedOrigins of [[], ['example.com'], ['https://example.com/path'], ['https://*.']]) {
      expect(() => connectToGuest({ iframe, allowedOrigins })).to.throw(BridgeError, /allowedOrigins|origin/);
    }
  });

  describe('opaque origin (sandboxed srcdoc frame)', () => {
    async function opaqueGuest(): Promise<HTMLIFrameElement> {
      const code = await inlineModule('/test/bridge/guest-app.ts');
      const iframe = makeIframe('about:blank', { sandbox: 'allow-scripts', attach: false });
      iframe.removeAttribute('src');
      const config = JSON.stringify({ allowed: HOST_ORIGIN });
      iframe.srcdoc = `<!doctype html><script>globalThis.BRIDGE_FIXTURE = ${config};</script><script type="module">import ${JSON.stringify(code)};</script>`;
      return iframe;
    }

    it('is refused unless "null" is listed', async () => {
      const iframe = await opaqueGuest();
      const connection = host(iframe, [GUEST_ORIGIN, HOST_ORIGIN]);
      connection.emit('token', SECRET);
      document.body.append(iframe);
      const error = await rejection(connection.ready);
      expect(error.code).to.equal('refused_origin');
      expect(error.data.origin).to.equal('null');
      const report = await rawReport(iframe);
      expect(report.origin).to.equal('null');
      expect(report.sawSecret).to.equal(false);
    });

    it('connects when "null" is listed explicitly', async () => {
      const iframe = await opaqueGuest();
      const connection = host(iframe, ['null']);
      document.body.append(iframe);
      await connection.ready;
      expect(connection.peerOrigin).to.equal('null');
      expect(await connection.call('origin')).to.equal('null');
    });
  });
});

describe('bridge event.source', () => {
  it('ignores a hello from another window, even from an allowed origin', async () => {
    // The host watches a silent frame; a real guest next to it (same allowed origin) says hello.
    const silent = makeIframe(guestUrl({ mode: 'silent' }));
    const other = makeIframe(guestUrl());
    const connection = host(silent, [GUEST_ORIGIN]);
    // A forged guest hello posted by this page to itself: wrong source too.
    window.postMessage({ rai: 'bridge', v: 1, type: 'hello', role: 'guest', session: 'forgedsession01', channel: 'default' }, '*');
    const error = await rejection(connection.ready);
    expect(error.code).to.equal('connect_timeout');
    expect((await rawReport(other)).state).to.equal('connecting');
  });

  it('the guest ignores a welcome that does not come from its host window', async () => {
    // A guest in this page whose host window is a blank same-origin frame. We read its hello
    // there, then post it a perfect welcome (right session, a port) from this window: ignored.
    // The same welcome posted from inside the frame's realm connects (the control).
    const hostFrame = makeIframe('about:blank');
    const frameWindow = hostFrame.contentWindow as Window & { eval(code: string): unknown; forged?: object; port?: MessagePort };
    let session = '';
    frameWindow.addEventListener('message', (event) => (session = (event.data as { session: string }).session));
    const guest = track(connectToHost({ allowedOrigins: [HOST_ORIGIN], timeouts: { connectMs: 5_000 }, hostWindow: frameWindow }));
    await until(() => session !== '', 'the guest hello');
    const welcome = { rai: 'bridge', v: 1, type: 'welcome', role: 'host', session: 'forgedsession01', to: session, channel: 'default' };
    const wrong = new MessageChannel();
    window.postMessage(welcome, '*', [wrong.port2]);
    await sleep(100);
    expect(guest.state).to.equal('connecting');

    const right = new MessageChannel();
    frameWindow.forged = welcome;
    frameWindow.port = right.port2;
    frameWindow.eval("parent.postMessage(forged, '*', [port])");
    await guest.ready;
    expect(guest.state).to.equal('connected');
  });
});

describe('bridge versions', () => {
  it('names a peer on another protocol version instead of a bare timeout', async () => {
    const iframe = makeIframe(guestUrl({ mode: 'v2' }));
    const connection = host(iframe, [GUEST_ORIGIN], { timeouts: { connectMs: 600 } });
    const error = await rejection(connection.ready);
    expect(error.code).to.equal('version_mismatch');
    expect(error.data).to.deep.equal({ peerVersion: 2, version: 1 });
  });
});
