import { expect, oneEvent } from '@open-wc/testing';
import type { ChatMessage } from '@rai-kit/core/api';
import { sendKeys } from '@web/test-runner-commands';
import '../define/chat-channel.js';
import { outboxCode } from '../controllers/outbox-controller.js';
import type { RaiChatChannel } from './chat-channel.js';
import { apiUrl, authUrl, community, until } from '../../../../test/support/sandbox.js';
import { memberIds, mount, resetSandboxAfterEach } from '../../../../test/support/widgets.js';

// The send machinery loads on demand (OutboxController's `outboxCode`): these tests hold it back,
// make it fail, and leave unsent messages in storage as a reload would.

const articles = (el: RaiChatChannel) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=message]')];
const article = (el: RaiChatChannel, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part=message][data-id="${id}"]`);
const field = (el: RaiChatChannel) => el.shadowRoot!.querySelector('[part=composer]')!.shadowRoot!.querySelector('textarea')!;
const unique = (label: string) => `${label} ${crypto.randomUUID().slice(0, 8)}`;
const member = (user: string) => (el: RaiChatChannel) => {
  el.channelId = 'ch-general';
  el.authUrl = authUrl({ user });
};

async function serverCopies(text: string): Promise<ChatMessage[]> {
  const page = await (await fetch(`${apiUrl}/widget/v1/communities/${community}/channels/ch-general/messages?limit=100`)).json();
  return (page.data as ChatMessage[]).filter((m) => m.text === text);
}

// Members u_0290 upwards (chat-channel.test.ts uses u_0300 upwards).
const freshUser = memberIds(290);
resetSandboxAfterEach();

const realLoad = outboxCode.load;
let unhandled: unknown[] = [];
const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
beforeEach(() => {
  // As on a page that has not loaded the send code yet.
  outboxCode.loaded = null;
  unhandled = [];
  window.addEventListener('unhandledrejection', onUnhandled);
});
afterEach(() => {
  outboxCode.load = realLoad;
  window.removeEventListener('unhandledrejection', onUnhandled);
  expect(unhandled, 'unhandled rejections').to.deep.equal([]);
});

describe('<rai-chat-channel> send code loaded on demand', () => {
  it('loads it when the member focuses the composer; a message sent before it arrives is pending, then sent once', async () => {
    let loads = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    outboxCode.load = () => {
      loads++;
      return held.then(realLoad);
    };
    const { el } = await mount('rai-chat-channel', 'rai-ready', member(freshUser()));
    expect(loads, 'not loaded for reading').to.equal(0);
    field(el).focus();
    expect(loads, 'loaded on intent').to.equal(1);

    const body = unique('before the code');
    const sent = oneEvent(el, 'rai-message-sent');
    await sendKeys({ type: body });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const pending = articles(el).at(-1)!;
    expect(pending.textContent).to.contain(body);
    expect(pending.dataset['status']).to.equal('queued');
    expect(pending.textContent).to.contain('Sending');
    const shownAs = pending.dataset['id'];

    release();
    const { detail } = await sent;
    expect(detail.key, 'sent under the key it was shown with').to.equal(shownAs);
    expect(await serverCopies(body)).to.have.length(1);
    await until(() => article(el, detail.message.id)?.dataset['status'] === 'sent', 'server copy in place');
    expect(articles(el).filter((a) => a.textContent!.includes(body))).to.have.length(1);
    expect(loads, 'one load').to.equal(1);
    el.remove();
  });

  it('shows a message as not sent, with Retry and Delete, when the code cannot load; Retry loads it again and sends', async () => {
    outboxCode.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const { el } = await mount('rai-chat-channel', 'rai-ready', member(freshUser()));
    const body = unique('code blocked');
    const failed = oneEvent(el, 'rai-message-failed');
    const item = el.send(body);
    const { detail } = await failed;
    expect(detail).to.include({ key: item.key, text: body });
    expect(detail.error.code).to.equal('network_error');
    await el.updateComplete;
    const shown = article(el, item.key)!;
    expect(shown.dataset['status']).to.equal('failed');
    expect(shown.textContent).to.contain('Not sent');
    expect(shown.querySelector('[part~=delete-unsent]')).to.exist;
    await expect(el).to.be.accessible();

    outboxCode.load = realLoad;
    const sent = oneEvent(el, 'rai-message-sent');
    shown.querySelector<HTMLButtonElement>('[part~=retry-send]')!.click();
    expect((await sent).detail.key).to.equal(item.key);
    expect(await serverCopies(body)).to.have.length(1);
    el.remove();
  });

  it('keeps a message sent before the code arrived over a reload, and sends it then', async () => {
    const user = freshUser();
    outboxCode.load = () => new Promise(() => {}); // This visit's load never ends.
    const first = await mount('rai-chat-channel', 'rai-ready', member(user));
    const body = unique('reloaded');
    const item = first.el.send(body);
    first.el.remove();

    // The next visit: the page's code fresh, the tab's storage kept.
    outboxCode.load = realLoad;
    const sent = new Promise<CustomEvent>((resolve) => document.addEventListener('rai-message-sent', resolve as EventListener, { once: true }));
    const { el } = await mount('rai-chat-channel', 'rai-ready', member(user));
    expect(article(el, item.key), 'shown in the first render').to.exist;
    expect((await sent).detail.key).to.equal(item.key);
    expect(await serverCopies(body)).to.have.length(1);
    el.remove();
  });

  it('deletes a message that could not be sent for want of the code, for good', async () => {
    outboxCode.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const { el } = await mount('rai-chat-channel', 'rai-ready', member(freshUser()));
    const item = el.send(unique('never'));
    await oneEvent(el, 'rai-message-failed');
    await el.updateComplete;
    article(el, item.key)!.querySelector<HTMLButtonElement>('[part~=delete-unsent]')!.click();
    await until(() => !article(el, item.key), 'deleted');
    el.remove();
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('rai-outbox:')), 'not kept for a reload').to.deep.equal([]);
  });

  it('loads it with the channel when this tab kept unsent messages, shows them in the first render and sends them', async () => {
    const user = freshUser();
    const body = unique('kept over a reload');
    const key = crypto.randomUUID();
    const outbox = `${apiUrl}/widget/v1/communities/${community}/channels/ch-general#${user}`;
    const stored = { key, body: { text: body, nonce: key }, status: 'sending', attempts: 1, error: null, createdAt: Date.now() };
    sessionStorage.setItem(`rai-outbox:${outbox}`, JSON.stringify([stored]));
    let loads = 0;
    outboxCode.load = () => {
      loads++;
      return realLoad();
    };
    const sent = new Promise<CustomEvent>((resolve) => document.addEventListener('rai-message-sent', resolve as EventListener, { once: true }));
    const { el } = await mount('rai-chat-channel', 'rai-ready', member(user));
    expect(loads).to.equal(1);
    expect(articles(el).some((a) => a.dataset['id'] === key || a.textContent!.includes(body)), 'in the first render').to.be.true;
    expect((await sent).detail.key).to.equal(key);
    expect(await serverCopies(body)).to.have.length(1);
    el.remove();
  });
});
