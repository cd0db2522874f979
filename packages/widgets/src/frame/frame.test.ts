import { expect, oneEvent } from '@open-wc/testing';
import { sharedAuthUrlSource } from '@rai-kit/core/auth';
import { HOST_METHODS } from '@rai-kit/core/bridge';
import { apiUrl, authUrl, community, tokensIssued } from '../../../../test/support/sandbox.js';
import { memberIds, resetSandboxAfterEach } from '../../../../test/support/widgets.js';
import {
  GUEST_ORIGIN,
  connected,
  frameGuestUrl,
  guestCall,
  guestEmit,
  guestReload,
  iframeOf,
  mountFrame,
  report,
  unmountFrames,
  until,
} from '../../../../test/frame/helpers.js';
import type { RaiFrame } from './frame.js';
import { MAX_RESIZES_PER_SECOND } from './size-guard.js';

// Members u_0235 upwards (store tests start at u_0250).
const freshUser = memberIds(235);
resetSandboxAfterEach();
afterEach(() => unmountFrames());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const part = (el: RaiFrame, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const renderedHeight = (el: RaiFrame) => Math.round(iframeOf(el)!.getBoundingClientRect().height);

describe('<rai-frame> connection', () => {
  it('connects to a guest on an allowed origin and delivers the context: community, channel, member, theme, locale', async () => {
    const user = freshUser();
    const el = await mountFrame({ src: frameGuestUrl(), 'auth-url': authUrl({ user }), 'channel-id': 'ch-general', theme: 'dark', lang: 'es' });
    expect(part(el, 'loading')).to.exist;
    await connected(el);
    expect(part(el, 'loading')).to.equal(null);
    await until(async () => (await report(el)).contexts.length > 0, 'the pushed context');
    const [pushed] = (await report(el)).contexts;
    expect(pushed).to.deep.include({ communityId: community, channelId: 'ch-general', theme: 'dark', locale: 'es', dir: 'ltr', apiUrl });
    expect(pushed.user?.id, JSON.stringify(pushed)).to.equal(user);
    expect(pushed.user.displayName).to.be.a('string').and.not.empty;
    const pulled = await guestCall(el, HOST_METHODS.getContext);
    expect(pulled.value).to.deep.equal(pushed);

    // Theme and language changes reach the guest.
    el.theme = 'light';
    el.setAttribute('lang', 'ar');
    await until(async () => (await report(el)).contexts.length >= 2, 'a second context');
    const latest = (await report(el)).contexts.at(-1);
    expect(latest).to.deep.include({ theme: 'light', locale: 'ar', dir: 'rtl' });
  });

  it('refuses a guest on an origin it does not list: error naming it, and the guest never gets a token', async () => {
    const el = await mountFrame({ src: frameGuestUrl(), 'allowed-origins': 'http://127.0.0.1:1', 'connect-timeout': '800', 'auth-url': authUrl({ user: freshUser() }) });
    const event = await oneEvent(el, 'rai-frame-error');
    expect(event.detail.code).to.equal('refused_origin');
    await el.updateComplete;
    expect(el.state).to.equal('failed');
    expect(part(el, 'error')!.textContent).to.contain(GUEST_ORIGIN);
    const seen = await report(el);
    expect(seen.state).to.not.equal('connected');
    expect(seen.tokens).to.deep.equal([]);
    expect(seen.contexts).to.deep.equal([]);
  });

  it('times out with an error and Retry, and Retry reloads the iframe so a guest that is back connects', async () => {
    const el = await mountFrame({ src: frameGuestUrl({ silentOnce: crypto.randomUUID() }), 'connect-timeout': '700' });
    const event = await oneEvent(el, 'rai-frame-error');
    expect(event.detail.code).to.equal('connect_timeout');
    await el.updateComplete;
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    const first = iframeOf(el);
    (part(el, 'retry-button') as HTMLButtonElement).click();
    await el.updateComplete;
    await el.updateComplete;
    expect(iframeOf(el)).to.not.equal(first);
    expect(el.state).to.equal('connecting');
    expect(part(el, 'loading')).to.exist;
    await connected(el);
    expect(part(el, 'error')).to.equal(null);
  });

  it('reconnects after the guest reloads, and sends the context again', async () => {
    const el = await mountFrame({ src: frameGuestUrl() });
    await connected(el);
    const before = await report(el);
    await guestReload(el);
    await until(async () => {
      try {
        const after = await report(el);
        return after.loadId !== before.loadId && after.state === 'connected' && after.contexts.length > 0;
      } catch {
        return false; // mid-reload
      }
    }, 'the reloaded guest reconnects and gets the context', 8_000);
    expect(el.state).to.equal('connected');
  });
});

describe('<rai-frame> configuration', () => {
  for (const [name, attributes] of [
    ['"*" as allowed-origins', { 'allowed-origins': '*' }],
    ['no allowed-origins', { 'allowed-origins': '' }],
    ['no title', { title: '' }],
  ] as const) {
    it(`shows a configuration error and loads nothing with ${name}`, async () => {
      const warnings: unknown[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
      try {
        const errors: string[] = [];
        document.addEventListener('rai-frame-error', (e) => errors.push((e as CustomEvent<{ code: string }>).detail.code), { once: true });
        const el = await mountFrame({ src: frameGuestUrl(), ...attributes });
        expect(el.state).to.equal('invalid-config');
        expect(iframeOf(el)).to.equal(null);
        expect(part(el, 'config-error')!.getAttribute('role')).to.equal('alert');
        expect(errors).to.deep.equal(['invalid_config']);
        expect(warnings.join()).to.contain('rai-frame');
        await expect(el).to.be.accessible();
      } finally {
        console.warn = warn;
      }
    });
  }
});

describe('<rai-frame> token', () => {
  it('answers getToken, pushes every refresh, and pushes null on sign-out', async () => {
    const url = authUrl({ user: freshUser(), ttl: 2 });
    const el = await mountFrame({ src: frameGuestUrl(), 'auth-url': url });
    await connected(el);
    const pulled = await guestCall(el, HOST_METHODS.getToken);
    expect(pulled.value.token).to.be.a('string');
    expect(pulled.value.expiresAt).to.be.greaterThan(Date.now());
    // A 2 s token refreshes about every second while the frame follows the source.
    await until(async () => new Set((await report(el)).tokens.map((grant) => grant?.token)).size >= 2, 'two pushed refreshes', 6_000);
    const tokens = (await report(el)).tokens;
    expect(tokens.every((grant) => typeof grant.token === 'string' && grant.expiresAt > Date.now() - 3_000)).to.equal(true);
    el.authUrl = undefined;
    await until(async () => (await report(el)).tokens.at(-1) === null, 'null after sign-out');
  });

  it('hands an iframe channel’s app a token narrowed to that channel: it posts there and nowhere else', async () => {
    const url = authUrl({ user: freshUser() });
    const el = await mountFrame({ src: frameGuestUrl(), 'auth-url': url, 'channel-id': 'ch-general' });
    await connected(el);
    const { token } = (await guestCall(el, HOST_METHODS.getToken)).value as { token: string };
    expect(token).to.not.equal(await sharedAuthUrlSource(url).getToken(), 'not the member’s own token');
    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${apiUrl}/widget/v1/communities/${community}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } });
    const posted = await call('/channels/ch-general/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ text: 'from the app' }),
    });
    expect(posted.status).to.equal(201);
    expect((await call('/me')).status).to.equal(403);
    expect((await call('/channels/ch-members/messages')).status).to.equal(403);
  });

  it('stops following the token source once removed: no more refreshes', async () => {
    const session = crypto.randomUUID();
    const el = await mountFrame({ src: frameGuestUrl(), 'auth-url': authUrl({ user: freshUser(), ttl: 2, session }) });
    await connected(el);
    await until(async () => (await tokensIssued(session)) >= 2, 'a refresh while mounted', 6_000);
    el.remove();
    await sleep(300);
    const issued = await tokensIssued(session);
    await sleep(2_500);
    expect(await tokensIssued(session), 'no refresh after removal').to.equal(issued);
  });

  it('answers the Returning.AI token request for an allowed origin, with the token, to that origin only', async () => {
    const url = authUrl({ user: freshUser() });
    const el = await mountFrame({ src: frameGuestUrl({ mode: 'legacy' }), 'auth-url': url });
    await until(async () => (await report(el)).legacy.length > 0, 'the Returning.AI answer');
    const [answer] = (await report(el)).legacy;
    const token = await sharedAuthUrlSource(url).getToken();
    expect(answer).to.deep.equal({ type: 'RETURNINGAI_WIDGET_TOKEN', token, value: token, origin: location.origin });
  });

  it('does not answer the Returning.AI token request from an origin it does not list', async () => {
    const el = await mountFrame({ src: frameGuestUrl({ mode: 'legacy' }), 'allowed-origins': 'http://127.0.0.1:1', 'auth-url': authUrl({ user: freshUser() }) });
    await until(async () => (await report(el)).origin === GUEST_ORIGIN, 'the guest loaded');
    await sleep(600);
    expect((await report(el)).legacy).to.deep.equal([]);
  });
});

describe('<rai-frame> auto-height', () => {
  it('takes the reported height, clamped to --rai-frame-max-height, and ignores invalid reports', async () => {
    const el = await mountFrame({ src: frameGuestUrl({ size: 240 }) });
    await connected(el);
    await until(() => renderedHeight(el) === 240, 'the reported height');
    await guestEmit(el, 'rai.size', { height: -5 });
    await guestEmit(el, 'rai.size', { height: 'tall' });
    await guestEmit(el, 'rai.size', { height: null });
    await sleep(100);
    expect(renderedHeight(el)).to.equal(240);
    el.style.setProperty('--rai-frame-max-height', '300px');
    await guestEmit(el, 'rai.size', { height: 5_000 });
    await until(() => renderedHeight(el) === 300, 'the clamp');
  });

  it('does not spin with a guest that grows in reaction to its own resize', async () => {
    const el = await mountFrame({ src: frameGuestUrl({ grow: 1 }) });
    el.style.setProperty('--rai-frame-max-height', '500px');
    await connected(el);
    await sleep(2_500);
    const settled = (await report(el)).resizes;
    await sleep(1_000);
    expect((await report(el)).resizes).to.equal(settled);
    expect(settled).to.be.below(30);
    expect(renderedHeight(el)).to.equal(500);
  });

  it('applies at most MAX_RESIZES_PER_SECOND height changes a second, then the newest waiting one', async () => {
    const el = await mountFrame({ src: frameGuestUrl({ grow: 1 }) });
    await connected(el);
    await sleep(900);
    const firstSecond = (await report(el)).resizes;
    expect(firstSecond).to.be.at.most(MAX_RESIZES_PER_SECOND + 1);
    await sleep(1_200);
    expect((await report(el)).resizes).to.be.above(firstSecond);
  });

  it('does not spin with a guest that bounces between two heights', async () => {
    const el = await mountFrame({ src: frameGuestUrl({ bounce: '200,260' }) });
    await connected(el);
    await sleep(1_200);
    const settled = (await report(el)).resizes;
    await sleep(1_000);
    expect((await report(el)).resizes).to.equal(settled);
    expect(settled).to.be.at.most(3);
    expect(renderedHeight(el)).to.equal(260);
  });
});

describe('<rai-frame> guest requests', () => {
  it('re-emits known notifications as bubbling, composed DOM events and drops unknown ones', async () => {
    const el = await mountFrame({ src: frameGuestUrl() });
    await connected(el);
    const seen: Array<[string, unknown]> = [];
    const record = (event: Event) => seen.push([event.type, (event as CustomEvent).detail]);
    for (const type of ['rai-purchase', 'rai-unread-change', 'rai-hack']) document.addEventListener(type, record);
    await guestEmit(el, 'rai.notify', { name: 'hack', detail: {} });
    await guestEmit(el, 'rai.notify', { name: 'purchase', detail: { orderId: 'o1' } });
    await guestEmit(el, 'rai.notify', { name: 'unread-change', detail: { count: 3 } });
    await until(() => seen.length >= 2, 'two events');
    await sleep(50);
    for (const type of ['rai-purchase', 'rai-unread-change', 'rai-hack']) document.removeEventListener(type, record);
    expect(seen).to.deep.equal([
      ['rai-purchase', { orderId: 'o1' }],
      ['rai-unread-change', { count: 3 }],
    ]);
  });

  it('lets the page refuse a navigation, opens an accepted one without an opener, and rejects non-http URLs', async () => {
    const el = await mountFrame({ src: frameGuestUrl() });
    await connected(el);
    const refuse = (event: Event) => event.preventDefault();
    el.addEventListener('rai-navigate', refuse);
    const refused = await guestCall(el, HOST_METHODS.navigate, { url: 'https://example.com/a' });
    expect(refused.value).to.deep.equal({ accepted: false });
    el.removeEventListener('rai-navigate', refuse);

    const opened: unknown[][] = [];
    const open = window.open;
    window.open = (...args: unknown[]) => (opened.push(args), null);
    try {
      const accepted = await guestCall(el, HOST_METHODS.navigate, { url: 'https://example.com/b' });
      expect(accepted.value).to.deep.equal({ accepted: true });
      expect(opened).to.deep.equal([['https://example.com/b', '_blank', 'noopener']]);
      const bad = await guestCall(el, HOST_METHODS.navigate, { url: 'javascript:alert(1)' });
      expect(bad).to.include({ ok: false, code: 'remote_error', remoteCode: 'invalid_request' });
      expect(opened).to.have.length(1);
    } finally {
      window.open = open;
    }
  });

  it('posts into its iframe channel as the app, which only a token narrowed to that channel may do', async () => {
    const user = freshUser();
    const el = await mountFrame({ src: frameGuestUrl(), 'auth-url': authUrl({ user }), 'channel-id': 'ch-arcade' });
    await connected(el);
    const text = `score ${crypto.randomUUID()}`;
    const posted = await guestCall(el, HOST_METHODS.postMessage, { text });
    expect(posted.ok, JSON.stringify(posted)).to.equal(true);
    const page = await (await fetch(`${apiUrl}/widget/v1/communities/${community}/channels/ch-arcade/messages?limit=100`)).json();
    const stored = (page.data as Array<{ text: string; author: { id: string } }>).find((m) => m.text === text);
    expect(stored?.author.id).to.equal(user);
  });

  it('posts into its channel as the member, and refuses when signed out or without a channel', async () => {
    const user = freshUser();
    const el = await mountFrame({ src: frameGuestUrl(), 'auth-url': authUrl({ user }), 'channel-id': 'ch-general' });
    await connected(el);
    const text = `from the app ${crypto.randomUUID()}`;
    const posted = await guestCall(el, HOST_METHODS.postMessage, { text });
    expect(posted.ok, JSON.stringify(posted)).to.equal(true);
    expect(posted.value.text).to.equal(text);
    const page = await (await fetch(`${apiUrl}/widget/v1/communities/${community}/channels/ch-general/messages?limit=20`)).json();
    const stored = (page.data as Array<{ id: string; text: string; author: { id: string } }>).find((m) => m.id === posted.value.id);
    expect(stored?.text).to.equal(text);
    expect(stored?.author.id).to.equal(user);

    el.authUrl = undefined;
    await el.updateComplete;
    expect(await guestCall(el, HOST_METHODS.postMessage, { text })).to.include({ ok: false, remoteCode: 'signed_out' });
    el.channelId = '';
    await el.updateComplete;
    expect(await guestCall(el, HOST_METHODS.postMessage, { text })).to.include({ ok: false, remoteCode: 'no_channel' });
  });
});

describe('<rai-frame> accessibility', () => {
  it('is accessible while loading and once connected in dark', async () => {
    const loading = await mountFrame({ src: frameGuestUrl({ mode: 'silent' }), 'connect-timeout': '60000', title: 'Loading app' });
    expect(part(loading, 'loading')!.textContent).to.contain('Loading app');
    await expect(loading).to.be.accessible();
    const el = await mountFrame({ src: frameGuestUrl({ size: 120 }), theme: 'dark' });
    await connected(el);
    expect(iframeOf(el)!.title).to.equal('Test app');
    await expect(el).to.be.accessible();
  });
});
