/**
 * `<rai-frame widget>`: the kit's own widgets in iframe mode, in the frame document the API
 * server serves (`/frame`, on the API's origin: a second origin for this page), with theme,
 * language and the member's token from the host over the bridge. DevTools (`frame-eval`) looks
 * inside the cross-origin frame, where the page itself cannot.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { expect, oneEvent } from '@open-wc/testing';
import '../../packages/widgets/src/define/frame.js';
import type { RaiFrame } from '../../packages/widgets/src/frame/frame.js';
import { clearSharedTokenSources } from '../../packages/core/src/auth/index.js';
import { apiUrl, authUrl, community, until } from '../support/sandbox.js';

const mounted: RaiFrame[] = [];

function mountWidgetFrame(attributes: Record<string, string>): RaiFrame {
  const el = document.createElement('rai-frame');
  for (const [name, value] of Object.entries({ 'community-id': community, ...attributes })) el.setAttribute(name, value);
  el.apiUrl = apiUrl;
  document.body.append(el);
  mounted.push(el);
  return el;
}

/** Evaluates `expression` in the widget frame (the one whose URL names `widget`), once it exists. */
async function inFrame<T>(widget: string, expression: string): Promise<T> {
  const urlIncludes = `widget=${widget}`;
  let answer: { missing?: true; value?: T } | undefined;
  await until(async () => !(answer = await executeServerCommand('frame-eval', { urlIncludes, expression }))?.missing, `the ${widget} frame`);
  return answer!.value as T;
}

/** Waits until `expression`, evaluated in the frame, is truthy; answers its value. */
async function untilInFrame<T>(widget: string, expression: string, what: string): Promise<T> {
  let value: T | undefined;
  await until(async () => Boolean((value = await inFrame<T>(widget, expression))), what, 10_000);
  return value!;
}

const shadowText = (tag: string) => `(document.querySelector('${tag}')?.shadowRoot?.textContent ?? '')`;

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
  clearSharedTokenSources();
});

describe('<rai-frame widget>: the kit’s widgets in iframe mode', () => {
  it('hosts a public leaderboard from the server’s frame document: its rows show, the frame takes its height, rai-ready is re-emitted', async () => {
    const top = (await (await fetch(`${apiUrl}/widget/v1/communities/${community}/leaderboards/lb-xp/entries?limit=1`)).json()).data[0];
    const el = mountWidgetFrame({ widget: 'leaderboard', 'leaderboard-id': 'lb-xp', limit: '5', title: 'XP leaderboard' });
    const ready = await oneEvent(el, 'rai-ready');
    expect(ready.detail).to.deep.equal({ mode: 'public' });
    expect(el.state).to.equal('connected');

    const iframe = el.shadowRoot!.querySelector('iframe')!;
    expect(new URL(iframe.src).origin).to.equal(new URL(apiUrl).origin);
    expect(iframe.title).to.equal('XP leaderboard');
    await untilInFrame('leaderboard', `${shadowText('rai-leaderboard')}.includes(${JSON.stringify(top.user.displayName)})`, 'the top member in the frame');
    // The attributes set on <rai-frame> reached the widget; the API is the frame's own, not the URL's.
    expect(await inFrame('leaderboard', `[document.querySelector('rai-leaderboard').leaderboardId, document.querySelector('rai-leaderboard').limit]`)).to.deep.equal(['lb-xp', 5]);

    const contentHeight = await inFrame<number>('leaderboard', 'Math.ceil(document.documentElement.getBoundingClientRect().height)');
    await until(() => Math.abs(iframe.getBoundingClientRect().height - contentHeight) <= 1, 'the frame takes the widget’s height');
    expect(contentHeight).to.be.greaterThan(150);
  });

  it('runs the widget as the signed-in member with the host’s theme and language, live', async () => {
    const el = mountWidgetFrame({ widget: 'xp-tier', title: 'My tier', 'auth-url': authUrl({ user: 'u_0236' }), theme: 'dark', lang: 'es' });
    const ready = await oneEvent(el, 'rai-ready');
    expect(ready.detail).to.deep.equal({ mode: 'member' });
    expect(await inFrame('xp-tier', `[document.querySelector('rai-xp-tier').theme, document.documentElement.lang, document.documentElement.dir]`)).to.deep.equal(['dark', 'es', 'ltr']);

    el.theme = 'light';
    el.setAttribute('lang', 'ar');
    await untilInFrame('xp-tier', `document.querySelector('rai-xp-tier').theme === 'light' && document.documentElement.dir === 'rtl'`, 'the new theme and language in the frame');
  });

  it('turns the framed widget public when the host signs out, without a session-expired state', async () => {
    const el = mountWidgetFrame({ widget: 'store', title: 'Store', 'auth-url': authUrl({ user: 'u_0237' }) });
    expect((await oneEvent(el, 'rai-ready')).detail).to.deep.equal({ mode: 'member' });
    const tabs = `document.querySelector('rai-store').shadowRoot.querySelector('[role=tablist]')`;
    await untilInFrame('store', `${tabs}?.textContent.includes('My orders')`, 'the member’s store (My orders)');
    el.removeAttribute('auth-url');
    await untilInFrame('store', `!${tabs}`, 'the public store (no My orders)');
    expect(await inFrame<boolean>('store', `document.querySelector('rai-store').tokenSource === undefined`)).to.equal(true);
    expect(await inFrame<boolean>('store', `${shadowText('rai-store')}.includes('session has expired')`)).to.equal(false);
  });

  it('re-emits the widget’s notifications: a signed-out visitor’s “Sign in” in a framed chat asks the page', async () => {
    const el = mountWidgetFrame({ widget: 'chat-channel', 'channel-id': 'ch-general', title: 'General chat' });
    await oneEvent(el, 'rai-ready');
    const signIn = oneEvent(el, 'rai-sign-in-request');
    await untilInFrame(
      'chat-channel',
      `(() => { const button = [...document.querySelector('rai-chat-channel').shadowRoot.querySelectorAll('button')].find((b) => /sign in/i.test(b.textContent)); button?.click(); return Boolean(button); })()`,
      'the Sign in button in the frame',
    );
    await signIn;
  });

  it('forwards only the widget’s own attributes: an api-url or token put in the frame URL is ignored', async () => {
    const src = `${apiUrl}/frame?api-url=${encodeURIComponent('https://evil.example')}&token=stolen`;
    const el = mountWidgetFrame({ widget: 'leaderboard', 'leaderboard-id': 'lb-xp', title: 'Board', src });
    await oneEvent(el, 'rai-ready');
    const seen = await inFrame<[string, string | null, string | null]>(
      'leaderboard',
      `(() => { const w = document.querySelector('rai-leaderboard'); return [w.apiUrl, w.getAttribute('api-url'), w.token ?? null]; })()`,
    );
    expect(seen).to.deep.equal([apiUrl, null, null]);
  });

  it('shows a configuration error for an unknown widget and loads nothing', async () => {
    const el = mountWidgetFrame({ widget: 'poll', title: 'Poll' });
    await el.updateComplete;
    expect(el.state).to.equal('invalid-config');
    expect(el.shadowRoot!.querySelector('iframe')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
