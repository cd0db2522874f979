/**
 * The guest SDK (`@rai-kit/core/guest`) in a partner app on a second origin (127.0.0.1), framed
 * by a minimal fake host on this page's origin (localhost).
 */
import { expect } from '@open-wc/testing';
import { HOST_EVENTS } from '../../packages/core/src/bridge/index.js';
import { BridgeError, connectToHost } from '../../packages/core/src/guest/index.js';
import { cleanup, sleep, until } from '../bridge/helpers.js';
import { baseContext, fakeHost } from './fake-host.js';

afterEach(cleanup);

const grant = (token: string) => ({ token, expiresAt: Date.now() + 300_000 });

describe('guest SDK: context and token', () => {
  it('gets the frame context and the token from the host', async () => {
    const host = await fakeHost({ token: grant('tok-1') });
    expect(await host.drive('context')).to.deep.equal(baseContext);
    expect((await host.drive('token')).token).to.equal('tok-1');
    expect(await host.drive('sourceToken')).to.equal('tok-1');
  });

  it('answers null when the member is signed out', async () => {
    const host = await fakeHost({ token: null });
    expect(await host.drive('token')).to.equal(null);
  });

  it('receives pushed tokens, and its token source hands out the newest one', async () => {
    const host = await fakeHost({ token: grant('tok-1') });
    expect(await host.drive('sourceToken')).to.equal('tok-1');
    host.connection.emit(HOST_EVENTS.token, grant('tok-2'));
    await until(async () => (await host.drive('seen')).tokens.length === 1, 'the pushed token');
    expect(await host.drive('sourceToken')).to.equal('tok-2');
    host.connection.emit(HOST_EVENTS.token, null);
    await until(async () => (await host.drive('seen')).tokens.length === 2, 'the sign-out');
    expect((await host.drive('seen')).sourceEvents).to.deep.equal(['tok-1', 'tok-2', 'expired']);
  });

  it('receives context changes (theme, locale)', async () => {
    const host = await fakeHost();
    const dark = { ...baseContext, theme: 'dark', locale: 'ar', dir: 'rtl' };
    host.connection.emit(HOST_EVENTS.context, dark);
    await until(async () => (await host.drive('seen')).contexts.length === 1, 'the context change');
    expect((await host.drive('seen')).contexts[0]).to.deep.equal(dark);
  });
});

describe('guest SDK: requests to the host', () => {
  it('posts a message through the host and gets the message back; a refusal is a typed BridgeError', async () => {
    const host = await fakeHost();
    const posted = await host.drive('post', { text: 'gg everyone' });
    expect(posted).to.deep.equal({ ok: true, value: { id: 'm_1', text: 'gg everyone' } });
    expect(host.posts).to.deep.equal(['gg everyone']);
    const refused = await host.drive('post', { text: 'refuse me' });
    expect(refused).to.include({ ok: false, isBridgeError: true, code: 'remote_error', message: 'Posting is off in this channel.' });
    expect(host.posts).to.have.length(1);
  });

  it('asks for navigation and learns whether the host accepted it', async () => {
    const host = await fakeHost();
    expect(await host.drive('navigate', { url: 'https://partner.example/play', target: '_top' })).to.equal(true);
    expect(await host.drive('navigate', { url: 'javascript:alert(1)' })).to.equal(false);
    expect(host.navigations).to.deep.equal([{ url: 'https://partner.example/play', target: '_top' }, { url: 'javascript:alert(1)' }]);
  });

  it('sends notifications the host re-emits', async () => {
    const host = await fakeHost();
    await host.drive('notify', { name: 'ready', detail: { version: 1 } });
    await until(() => host.notes.length === 1, 'the notification');
    expect(host.notes[0]).to.deep.equal({ name: 'ready', detail: { version: 1 } });
  });

  it('refuses a "*" allow-list at once (tokens travel)', () => {
    expect(() => connectToHost({ allowedOrigins: ['*'] })).to.throw(BridgeError).with.property('code', 'refused_origin');
  });
});

describe('guest SDK: resize', () => {
  it('autoResize reports the height rounded up, once per burst, only on change, and settles (no loop)', async () => {
    const host = await fakeHost();
    await host.drive('autoResize');
    await until(() => host.sizes.length === 1, 'the first size');
    expect(host.sizes).to.deep.equal([120]);
    // Three changes in one task: one report, of the last height.
    await host.drive('setHeights', { heights: [200, 250, 300.4] });
    await until(() => host.sizes.length === 2, 'the size after the burst');
    expect(host.sizes).to.deep.equal([120, 301]);
    // The host resized the iframe to each report; nothing more comes of it.
    await sleep(400);
    expect(host.sizes).to.deep.equal([120, 301]);
    expect(host.iframe.clientHeight).to.equal(301);
    await host.drive('setHeights', { heights: [80] });
    await until(() => host.sizes.length === 3, 'the shrink');
    expect(host.sizes[2]).to.equal(80);
    // An explicit request of the same height is not sent again; after stopping, changes are not reported.
    await host.drive('resize', { height: 80 });
    await host.drive('stopResize');
    await host.drive('setHeights', { heights: [150] });
    await sleep(200);
    expect(host.sizes).to.deep.equal([120, 301, 80]);
  });
});
