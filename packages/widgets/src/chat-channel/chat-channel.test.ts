import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ChatMessage, MessagePageMeta } from '@rai-kit/core/api';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../define/chat-channel.js';
import type { RaiChatChannel } from './chat-channel.js';
import { apiUrl, authUrl, clearFaults, community, disconnectStreams, injectFault, mintToken, postAs, until } from '../../../../test/support/sandbox.js';
import { memberIds, mount, resetSandboxAfterEach, shadowText as text } from '../../../../test/support/widgets.js';

const shadow = (el: RaiChatChannel) => el.shadowRoot!;
const log = (el: RaiChatChannel) => shadow(el).querySelector<HTMLElement>('[part=log]')!;
const articles = (el: RaiChatChannel) => [...shadow(el).querySelectorAll<HTMLElement>('[part=message]')];
const ids = (el: RaiChatChannel) => articles(el).map((a) => a.dataset['id']!);
const article = (el: RaiChatChannel, id: string) => shadow(el).querySelector<HTMLElement>(`[part=message][data-id="${id}"]`);
const button = (root: ParentNode, part: string) => root.querySelector<HTMLButtonElement>(`[part~=${part}]`);
const atBottom = (el: RaiChatChannel) => {
  const l = log(el);
  return l.scrollHeight - l.scrollTop - l.clientHeight <= 4;
};
/** Where an article stands in the scroller's viewport. */
const offsetOf = (el: RaiChatChannel, a: HTMLElement) => a.getBoundingClientRect().top - log(el).getBoundingClientRect().top;
const messagesPath = (channel: string) => `/widget/v1/communities/${community}/channels/${channel}/messages`;

async function settled(el: RaiChatChannel): Promise<void> {
  for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
  await el.updateComplete;
}

async function serverPage(channel: string, query: Record<string, string | number> = {}): Promise<{ data: ChatMessage[]; meta: MessagePageMeta }> {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return (await fetch(`${apiUrl}${messagesPath(channel)}?${params}`)).json();
}

/** Every message of a small channel with `text`. */
async function serverCopies(channel: string, text: string): Promise<ChatMessage[]> {
  return (await serverPage(channel, { limit: 100 })).data.filter((m) => m.text === text);
}

function channel(id: string, setup: (el: RaiChatChannel) => void = () => {}) {
  return (el: RaiChatChannel) => {
    el.channelId = id;
    setup(el);
  };
}

/** A signed-in member in `id`. */
function asMember(id: string, user: string) {
  return channel(id, (el) => (el.authUrl = authUrl({ user })));
}

/** The composer's text field (in its own shadow root). */
function field(el: RaiChatChannel): HTMLTextAreaElement {
  return shadow(el).querySelector('[part=composer]')!.shadowRoot!.querySelector('textarea')!;
}

const unique = (label: string) => `${label} ${crypto.randomUUID().slice(0, 8)}`;

// Members u_0300 upwards (xp-tier uses u_0010+, the leaderboard u_0150+).
const freshUser = memberIds(300);
resetSandboxAfterEach();

describe('<rai-chat-channel> reading', () => {
  it('shows the loading skeleton first, accessibly', async () => {
    const el = await fixture<RaiChatChannel>(html`<rai-chat-channel community-id=${community} channel-id="ch-general" api-url=${apiUrl}></rai-chat-channel>`);
    expect(shadow(el).querySelector('.skeleton')).to.exist;
    expect(text(el, '[role=status]')).to.contain('Loading');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('opens at the newest message, scrolled to the bottom; public mode invites to sign in', async () => {
    const { el, event } = await mount('rai-chat-channel', 'rai-ready', channel('ch-general'));
    expect(event.detail.mode).to.equal('public');
    await settled(el);
    const { data } = await serverPage('ch-general', { limit: 50 });
    expect(ids(el).at(-1)).to.equal(data.at(-1)!.id);
    expect(atBottom(el), 'scrolled to the bottom').to.be.true;
    expect(log(el).getAttribute('role')).to.equal('log');
    expect(log(el).getAttribute('aria-label')).to.equal('General messages');
    expect(articles(el).every((a) => a.dataset['status'] === 'sent')).to.be.true;
    expect(shadow(el).querySelector('[part=composer]')).to.be.null;
    expect(text(el, '[part=notice]')).to.contain('Sign in to chat');
    // Only one message holds the tab stop: the log is one stop in the page's tab order.
    expect(articles(el).filter((a) => a.tabIndex === 0)).to.have.length(1);
    await expect(el).to.be.accessible();
    setTimeout(() => button(shadow(el), 'sign-in-button')!.click());
    const request = await oneEvent(el, 'rai-sign-in-request');
    expect(request.cancelable).to.be.true;
    request.preventDefault();
    el.remove();
  });

  it('loads older history on scroll without moving the first visible message, and newer history after pruning', async () => {
    const { el } = await mount('rai-chat-channel', 'rai-ready', channel('ch-history', (w) => (w.pageSize = 100)));
    // Once live: the stream opening re-renders, and a pinned log would scroll back to the bottom.
    await until(() => shadow(el).querySelector<HTMLElement>('[part=live]')?.hidden === false, 'live');
    await settled(el);
    const newest = ids(el).at(-1)!;
    expect(articles(el)).to.have.length(100);
    const first = articles(el)[0]!;
    const firstId = first.dataset['id']!;
    log(el).scrollTop = 0;
    await settled(el);
    const before = offsetOf(el, article(el, firstId)!);
    await until(() => articles(el).length > 100, 'older page');
    await settled(el);
    expect(ids(el).indexOf(firstId)).to.equal(100, 'older page prepended');
    expect(Math.abs(offsetOf(el, article(el, firstId)!) - before), 'first visible message did not move').to.be.below(2);
    // On up: the log keeps at most 200 messages, pruning the newest.
    for (let i = 0; i < 3; i++) {
      log(el).scrollTop = 0;
      await settled(el);
    }
    await until(() => !ids(el).includes(newest) && log(el).getAttribute('aria-busy') === 'false', 'newest pruned');
    expect(articles(el).length).to.be.at.most(200);
    expect(button(shadow(el), 'jump-button')!.textContent).to.contain('Jump to the latest');
    // Down again: newer pages come back.
    const last = ids(el).at(-1)!;
    log(el).scrollTop = log(el).scrollHeight;
    await until(() => ids(el).at(-1)! > last, 'newer page');
    expect(articles(el).length).to.be.at.most(200);
    const sorted = [...ids(el)].sort();
    expect(ids(el)).to.deep.equal(sorted, 'in order, no duplicates');
    expect(new Set(ids(el)).size).to.equal(ids(el).length);
    button(shadow(el), 'jump-button')!.click();
    await until(() => ids(el).at(-1) === newest && atBottom(el), 'back at the newest');
    el.remove();
  });

  it('renders hostile text inert: no markup, no javascript: links, no bidi override, no overflow', async () => {
    const { el } = await mount('rai-chat-channel', 'rai-ready', asMember('ch-general', freshUser()));
    for (const hostile of ['<script>window.__pwned = 1</script>', 'see javascript:alert(1) now', `wide ${'W'.repeat(2000 - 5)}`, 'file \u202Egnp.exe']) {
      el.send(hostile);
    }
    await until(() => articles(el).filter((a) => a.dataset['status'] === 'sent').length >= 54, 'hostile messages sent');
    // The seed's hostile messages are near the top.
    const seeded = ['m_00000010', 'm_00000020', 'm_00000030', 'm_00000040'];
    log(el).scrollTop = 0;
    await until(() => seeded.every((id) => ids(el).includes(id)), 'the seed’s hostile messages');
    await settled(el);
    const root = shadow(el);
    expect(root.querySelector('script, [part=text] img, [onerror]')).to.be.null;
    expect([...root.querySelectorAll('a')].every((a) => /^https?:/.test(a.getAttribute('href')!))).to.be.true;
    expect(root.querySelector('a[href^="javascript" i]')).to.be.null;
    expect([...root.querySelectorAll('[part=text]')].some((t) => t.textContent!.includes('<script>'))).to.be.true;
    expect([...root.querySelectorAll('[part=text]')].every((t) => !t.textContent!.includes('\u202E'))).to.be.true;
    expect(log(el).scrollWidth).to.be.at.most(log(el).clientWidth);
    expect((window as { __pwned?: number }).__pwned).to.be.undefined;
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('shows an error with a working retry button, and fires rai-error', async () => {
    await injectFault({ path: `/widget/v1/communities/${community}/channels/ch-general`, status: 500, times: 1, method: 'GET' });
    const { el, event } = await mount('rai-chat-channel', 'rai-error', channel('ch-general'));
    expect(event.detail.code).to.equal('internal');
    await el.updateComplete;
    expect(text(el, '[role=alert]')).to.contain('Something went wrong');
    await expect(el).to.be.accessible();
    const ready = oneEvent(el, 'rai-ready');
    button(shadow(el), 'retry-button')!.click();
    await ready;
    await el.updateComplete;
    expect(articles(el).length).to.be.greaterThan(0);
    el.remove();
  });

  it('shows the members-only state while public, and an app channel read-only with what its app posted', async () => {
    const errors: Event[] = [];
    const el = document.createElement('rai-chat-channel');
    Object.assign(el, { apiUrl, channelId: 'ch-members' });
    el.setAttribute('community-id', community);
    el.addEventListener('rai-error', (e) => errors.push(e));
    document.body.append(el);
    await until(() => !!shadow(el).querySelector('[part~=members-only]'), 'members-only state');
    expect(text(el, '[part~=members-only]')).to.contain('This channel is for members');
    expect(errors).to.have.length(0);
    await expect(el).to.be.accessible();
    el.remove();

    const app = await mount('rai-chat-channel', 'rai-ready', asMember('ch-arcade', freshUser()));
    expect(text(app.el, '[part=notice]')).to.contain('Arcade is an app channel');
    expect(shadow(app.el).querySelector('[part=composer]'), 'members do not post in an app channel').to.not.exist;
    // What the app posts (with a token narrowed to the channel) shows up live.
    const member = await mintToken(freshUser());
    const narrowed = await fetch(`${apiUrl}/widget/v1/communities/${community}/tokens/scoped`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${member}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ channelId: 'ch-arcade', scopes: ['chat:read', 'chat:write'] }),
    });
    const { token } = (await narrowed.json()).data as { token: string };
    const score = unique('high score');
    await fetch(`${apiUrl}${messagesPath('ch-arcade')}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ text: score }),
    });
    await until(() => articles(app.el).some((a) => a.textContent!.includes(score)), 'the app’s post, live');
    await expect(app.el).to.be.accessible();
    app.el.remove();
  });

  it('shows an empty channel, and an announcement channel read-only', async () => {
    // fresh-start has no members yet: a visitor's view.
    const empty = await mount('rai-chat-channel', 'rai-ready', (w) => {
      w.setAttribute('community-id', 'fresh-start');
      w.channelId = 'ch-welcome';
    });
    expect(text(empty.el, '[part~=empty]')).to.equal('No messages yet. Say hello!');
    expect(log(empty.el).tabIndex, 'an empty log is still a tab stop').to.equal(0);
    await expect(empty.el).to.be.accessible();
    empty.el.remove();

    const user = freshUser();
    const { el } = await mount('rai-chat-channel', 'rai-ready', asMember('ch-announcements', user));
    expect(text(el, '[part=notice]')).to.contain('Only the community team can post');
    expect(shadow(el).querySelector('[part=composer]')).to.be.null;
    expect(() => el.send('hi')).to.throw(/cannot send/);
    await expect(el).to.be.accessible();
    el.remove();
  });
});

describe('<rai-chat-channel> live', () => {
  it('keeps the view pinned for new messages at the bottom, and counts them when scrolled up', async () => {
    const { el } = await mount('rai-chat-channel', 'rai-ready', asMember('ch-general', freshUser()));
    await until(() => !!shadow(el).querySelector('[part=live]:not([hidden])'), 'stream open');
    const other = freshUser();
    const first = await postAs(other, 'ch-general', unique('pinned'));
    await until(() => ids(el).at(-1) === first.id, 'message arrived');
    await settled(el);
    expect(atBottom(el), 'still at the bottom').to.be.true;
    expect(text(el, '[role=status][aria-live=polite]')).to.contain(`New message from`);
    expect(button(shadow(el), 'jump-button')).to.be.null;

    // At the top, older history loads above what the user reads: wait for it, as they would.
    log(el).scrollTop = 0;
    await settled(el);
    await until(() => log(el).getAttribute('aria-busy') === 'false', 'older history loaded');
    await settled(el);
    // By id: message elements are reused by position, so once a page lands above, the element
    // that showed this message shows an older one.
    const reading = articles(el).find((a) => offsetOf(el, a) >= 0)!.dataset['id']!;
    const readingAt = offsetOf(el, article(el, reading)!);
    const unread = oneEvent(el, 'rai-unread-change');
    const second = await postAs(other, 'ch-general', unique('scrolled'));
    expect((await unread).detail.count).to.equal(1);
    await until(() => ids(el).includes(second.id), 'second arrived');
    expect(button(shadow(el), 'jump-button')!.textContent!.trim()).to.equal('1 new message');
    await settled(el);
    expect(Math.abs(offsetOf(el, article(el, reading)!) - readingAt), 'the view stayed where the user was').to.be.below(2);
    const cleared = oneEvent(el, 'rai-unread-change');
    button(shadow(el), 'jump-button')!.click();
    expect((await cleared).detail.count).to.equal(0);
    await settled(el);
    expect(atBottom(el)).to.be.true;
    expect(button(shadow(el), 'jump-button')).to.be.null;
    el.remove();
  });

  it('keeps its place when moved to another parent: at the bottom, or where the reader scrolled', async () => {
    const { el } = await mount('rai-chat-channel', 'rai-ready', channel('ch-history', (w) => (w.pageSize = 100)));
    await until(() => shadow(el).querySelector<HTMLElement>('[part=live]')?.hidden === false, 'live');
    await settled(el);
    // Leaving the document resets a scroller to the top; a host re-parenting the widget must not.
    const parent = document.body.appendChild(document.createElement('section'));
    parent.append(el);
    await settled(el);
    expect(atBottom(el), 'moved at the bottom: still there').to.be.true;
    // Away from both edges (no history loads), then moved back, with an update while away.
    log(el).scrollTop = log(el).scrollHeight / 2;
    await settled(el);
    const count = articles(el).length;
    const reading = articles(el).find((a) => offsetOf(el, a) >= 0)!;
    const readingAt = offsetOf(el, reading);
    el.remove();
    el.requestUpdate();
    await el.updateComplete;
    document.body.append(el);
    await settled(el);
    expect(Math.abs(offsetOf(el, reading) - readingAt), 'moved: the reader’s message stayed in place').to.be.below(2);
    expect(articles(el)).to.have.length(count, 'no history loaded by the move');
    // The reader's next scroll, then an update: where they scrolled stays.
    log(el).scrollTop -= 200;
    await settled(el);
    const top = log(el).scrollTop;
    el.requestUpdate();
    await settled(el);
    expect(log(el).scrollTop, 'still where the reader scrolled').to.be.closeTo(top, 1);
    el.remove();
    parent.remove();
  });

  it('reconnects without gaps or duplicates', async () => {
    const { el } = await mount('rai-chat-channel', 'rai-ready', asMember('ch-general', freshUser()));
    await until(() => !!shadow(el).querySelector('[part=live]:not([hidden])'), 'stream open');
    const other = freshUser();
    expect(await disconnectStreams()).to.be.greaterThan(0);
    const sent = [await postAs(other, 'ch-general', unique('gap 1')), await postAs(other, 'ch-general', unique('gap 2'))];
    await until(() => sent.every((m) => ids(el).includes(m.id)), 'messages sent during the gap');
    const third = await postAs(other, 'ch-general', unique('after'));
    await until(() => ids(el).includes(third.id), 'message after reconnect');
    expect(new Set(ids(el)).size).to.equal(ids(el).length, 'no duplicates');
    expect(ids(el).slice(-3)).to.deep.equal([...sent, third].map((m) => m.id));
    el.remove();
  });
});

describe('<rai-chat-channel> sending', () => {
  it('sends with Enter: pending at once, then sent, exactly one copy', async () => {
    const { el } = await mount('rai-chat-channel', 'rai-ready', asMember('ch-general', freshUser()));
    await until(() => !!shadow(el).querySelector('[part=live]:not([hidden])'), 'stream open');
    const body = unique('hello');
    const sentEvent = oneEvent(el, 'rai-message-sent');
    // Every frame until the end: never two copies of the message, not even for one frame.
    let most = 0;
    let sampling = true;
    const sample = () => {
      most = Math.max(most, articles(el).filter((a) => a.textContent!.includes(body)).length);
      if (sampling) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
    field(el).focus();
    await sendKeys({ type: body });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const pending = articles(el).at(-1)!;
    expect(pending.dataset['status']).to.be.oneOf(['queued', 'sending', 'sent']);
    expect(pending.textContent).to.contain(body);
    const { detail } = await sentEvent;
    expect(detail.message.text).to.equal(body);
    await until(() => articles(el).at(-1)!.dataset['id'] === detail.message.id, 'server copy in place');
    await settled(el);
    sampling = false;
    expect(most, 'copies in any frame').to.equal(1);
    expect(articles(el).filter((a) => a.textContent!.includes(body))).to.have.length(1);
    expect(articles(el).at(-1)!.dataset['status']).to.equal('sent');
    expect(atBottom(el)).to.be.true;
    expect(await serverCopies('ch-general', body)).to.have.length(1);
    el.remove();
  });

  it('replies, and reacts and unreacts with the keyboard-reachable picker', async () => {
    const { el } = await mount('rai-chat-channel', 'rai-ready', asMember('ch-general', freshUser()));
    const target = articles(el).filter((a) => a.dataset['status'] === 'sent').at(-2)!;
    const targetId = target.dataset['id']!;
    button(target, 'reply-button')!.click();
    await el.updateComplete;
    const composer = shadow(el).querySelector('[part=composer]')!;
    await until(() => !!composer.shadowRoot!.querySelector('[part=reply]'), 'reply preview');
    const reply = unique('reply');
    const sent = oneEvent(el, 'rai-message-sent');
    field(el).focus();
    await sendKeys({ type: reply });
    await sendKeys({ press: 'Enter' });
    const { detail } = await sent;
    expect(detail.message.replyTo?.id).to.equal(targetId);
    await until(() => !!article(el, detail.message.id)?.querySelector('[part=reply-summary]'), 'reply summary shown');

    // React through the picker, then unreact with the chip.
    const message = article(el, detail.message.id)!;
    button(message, 'react-button')!.click();
    // The picker's code loads on its first opening.
    await until(() => !!message.querySelector('rai-emoji-picker')?.shadowRoot?.querySelector('[part=emoji]'), 'picker open');
    expect(button(message, 'react-button')!.hasAttribute('aria-busy'), 'busy only while the picker loads').to.be.false;
    const picker = message.querySelector('rai-emoji-picker')!;
    (picker.shadowRoot!.querySelector('[part=emoji]') as HTMLButtonElement).click();
    await until(() => !!article(el, detail.message.id)!.querySelector('[part~=reaction][aria-pressed=true]'), 'reacted');
    const chip = article(el, detail.message.id)!.querySelector<HTMLButtonElement>('[part~=reaction]')!;
    expect(chip.getAttribute('aria-label')).to.equal('👍 1, you reacted');
    expect(shadow(el).activeElement).to.equal(button(article(el, detail.message.id)!, 'react-button'), 'focus back on the trigger');
    await until(async () => (await serverPage('ch-general', { limit: 5 })).data.find((m) => m.id === detail.message.id)!.reactions.length === 1, 'server has it');
    chip.click();
    await until(() => !article(el, detail.message.id)!.querySelector('[part~=reaction]'), 'unreacted');
    await until(async () => (await serverPage('ch-general', { limit: 5 })).data.find((m) => m.id === detail.message.id)!.reactions.length === 0, 'server removed it');
    el.remove();
  });

  it('rolls a reaction back, with a notice, when the server refuses it', async () => {
    const { el } = await mount('rai-chat-channel', 'rai-ready', asMember('ch-general', freshUser()));
    const message = articles(el).at(-1)!;
    const id = message.dataset['id']!;
    const before = [...message.querySelectorAll('[part~=reaction]')].map((c) => c.getAttribute('aria-label'));
    await injectFault({ path: `${messagesPath('ch-general')}/${id}/reactions`, status: 500, times: 1 });
    button(message, 'react-button')!.click();
    // The picker's code loads on its first opening.
    await until(() => !!message.querySelector('rai-emoji-picker')?.shadowRoot?.querySelector('[part=emoji]'), 'picker open');
    const picker = message.querySelector('rai-emoji-picker')!;
    (picker.shadowRoot!.querySelectorAll('[part=emoji]')[3] as HTMLButtonElement).click();
    await until(() => !!shadow(el).querySelector('[part=alert]'), 'failure notice');
    expect(text(el, '[part=alert]')).to.contain('could not be saved');
    const after = [...article(el, id)!.querySelectorAll('[part~=reaction]')].map((c) => c.getAttribute('aria-label'));
    expect(after).to.deep.equal(before, 'rolled back');
    el.remove();
  });

  it('shows attached images lazily, with their box reserved', async () => {
    const user = freshUser();
    const { el } = await mount('rai-chat-channel', 'rai-ready', asMember('ch-general', user));
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
    const response = await fetch(`${apiUrl}/widget/v1/communities/${community}/channels/ch-general/uploads`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await mintToken(user)}`, 'Content-Type': 'image/png' },
      body: png,
    });
    const upload = (await response.json()).data as { id: string };
    // The first attempt fails, so the message stays pending long enough to look at.
    await injectFault({ path: messagesPath('ch-general'), method: 'POST', status: 503, times: 1 });
    const sent = oneEvent(el, 'rai-message-sent');
    const item = el.send(unique('picture'), { imageIds: [upload.id] });
    await el.updateComplete;
    const pendingImage = article(el, item.key)!.querySelector<HTMLImageElement>('[part=image]')!;
    expect(pendingImage.src, 'the pending copy shows its image').to.contain(`/uploads/${upload.id}`);
    const { detail } = await sent;
    await el.updateComplete;
    const image = article(el, detail.message.id)!.querySelector<HTMLImageElement>('[part=image]')!;
    expect(image.getAttribute('loading')).to.equal('lazy');
    expect(image.getAttribute('decoding')).to.equal('async');
    expect(image.getAttribute('width')).to.equal('1');
    expect(image.getAttribute('height')).to.equal('1');
    expect(image.alt).to.not.equal('');
    expect(image.style.aspectRatio).to.match(/1 \/ 1/);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('retries with the same key when the answer is lost: still exactly one message', async () => {
    const { el } = await mount('rai-chat-channel', 'rai-ready', asMember('ch-general', freshUser()));
    await injectFault({ path: messagesPath('ch-general'), method: 'POST', status: 503, times: 2, phase: 'response' });
    const body = unique('lost answer');
    const item = el.send(body);
    expect(article(el, item.key) ?? (await el.updateComplete, article(el, item.key))).to.exist;
    const { detail } = await oneEvent(el, 'rai-message-sent');
    expect(detail.key).to.equal(item.key);
    expect(await serverCopies('ch-general', body)).to.have.length(1);
    await settled(el);
    expect(articles(el).filter((a) => a.textContent!.includes(body))).to.have.length(1);
    el.remove();
  });

  it('keeps messages sent offline and flushes them, in order, when back online', async () => {
    const { el } = await mount('rai-chat-channel', 'rai-ready', asMember('ch-general', freshUser()));
    await executeServerCommand('go-offline', { afterMs: 50, forMs: 1_500 });
    await until(() => !navigator.onLine, 'offline');
    const bodies = [unique('offline 1'), unique('offline 2')];
    const items = bodies.map((b) => el.send(b));
    await new Promise((r) => setTimeout(r, 400));
    await el.updateComplete;
    expect(items.map((item) => article(el, item.key)?.dataset['status'])).to.deep.equal(['queued', 'queued'], 'waiting, not failed');
    expect(items.map((item) => article(el, item.key)!.textContent)).to.satisfy((texts: string[]) => texts.every((t) => t.includes('Sending')));
    await until(() => navigator.onLine, 'online again');
    await until(async () => (await serverCopies('ch-general', bodies[1]!)).length === 1, 'flushed');
    const copies = await Promise.all(bodies.map((b) => serverCopies('ch-general', b)));
    expect(copies.map((c) => c.length)).to.deep.equal([1, 1]);
    expect(copies[0]![0]!.id < copies[1]![0]!.id, 'order kept').to.be.true;
    await until(() => articles(el).every((a) => a.dataset['status'] === 'sent'), 'all sent');
    el.remove();
  });

  it('shows a failed message with Retry and Delete, and fires rai-message-failed', async () => {
    const { el } = await mount('rai-chat-channel', 'rai-ready', asMember('ch-general', freshUser()));
    await injectFault({ path: messagesPath('ch-general'), method: 'POST', status: 400, times: 1 });
    const body = unique('fails once');
    const failed = oneEvent(el, 'rai-message-failed');
    const item = el.send(body);
    const { detail } = await failed;
    expect(detail).to.include({ key: item.key, text: body });
    await el.updateComplete;
    const failedArticle = article(el, item.key)!;
    expect(failedArticle.dataset['status']).to.equal('failed');
    expect(failedArticle.textContent).to.contain('Not sent');
    await expect(el).to.be.accessible();
    const sent = oneEvent(el, 'rai-message-sent');
    button(failedArticle, 'retry-send')!.click();
    expect((await sent).detail.key).to.equal(item.key);
    expect(await serverCopies('ch-general', body)).to.have.length(1);

    await injectFault({ path: messagesPath('ch-general'), method: 'POST', status: 400, times: 1 });
    const doomed = el.send(unique('deleted'));
    await oneEvent(el, 'rai-message-failed');
    await el.updateComplete;
    article(el, doomed.key)!.focus();
    button(article(el, doomed.key)!, 'delete-unsent')!.click();
    await until(() => !article(el, doomed.key), 'deleted');
    expect(shadow(el).activeElement?.getAttribute('part'), 'focus stays in the log').to.equal('message');
    el.remove();
  });

  it('keeps pending messages when the element is removed and added again', async () => {
    const user = freshUser();
    const { el } = await mount('rai-chat-channel', 'rai-ready', asMember('ch-general', user));
    await injectFault({ path: messagesPath('ch-general'), method: 'POST', status: 503, times: 2 });
    const body = unique('remount');
    const item = el.send(body);
    await el.updateComplete;
    expect(article(el, item.key)).to.exist;
    el.remove();
    const sent = oneEvent(el, 'rai-message-sent');
    document.body.append(el);
    await el.updateComplete;
    expect(articles(el).some((a) => a.textContent!.includes(body))).to.be.true;
    await sent;
    expect(await serverCopies('ch-general', body)).to.have.length(1);
    await settled(el);
    expect(articles(el).filter((a) => a.textContent!.includes(body))).to.have.length(1);
    el.remove();
  });
});

describe('<rai-chat-channel> switching members', () => {
  it('never sends a member’s unsent messages with the next member’s token; they go when that member is back', async () => {
    const [first, second] = [freshUser(), freshUser()];
    const { el } = await mount('rai-chat-channel', 'rai-ready', asMember('ch-general', first));
    await injectFault({ path: messagesPath('ch-general'), method: 'POST', status: 503, times: 1_000 });
    const body = unique('first member’s');
    const item = el.send(body);
    await until(() => article(el, item.key)?.dataset['status'] === 'queued', 'retrying');

    el.authUrl = authUrl({ user: second });
    await el.updateComplete; // The channel reloads for the second member: skeleton, then the channel.
    await until(() => !!shadow(el).querySelector('[part=composer]'), 'the second member’s composer');
    await clearFaults();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await serverCopies('ch-general', body), 'not sent as the second member').to.have.length(0);
    expect(article(el, item.key), 'not shown as the second member’s').to.not.exist;

    const sent = oneEvent(el, 'rai-message-sent');
    el.authUrl = authUrl({ user: first });
    expect((await sent).detail.key).to.equal(item.key);
    const copies = await serverCopies('ch-general', body);
    expect(copies.map((m) => m.author.id)).to.deep.equal([first]);
    el.remove();
  });
});

describe('<rai-chat-channel> keyboard and themes', () => {
  it('moves between messages with the arrow keys; a message’s actions are reachable with Tab', async () => {
    const { el } = await mount('rai-chat-channel', 'rai-ready', asMember('ch-general', freshUser()));
    const all = articles(el);
    all.at(-1)!.focus();
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(all.at(-2));
    expect(all.at(-2)!.tabIndex).to.equal(0);
    expect(all.at(-1)!.tabIndex).to.equal(-1);
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(articles(el).at(-12), 'PageUp moves ten messages');
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(articles(el).at(-2));
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(articles(el)[0]);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(articles(el).at(-1));
    await sendKeys({ press: 'Tab' });
    const focusedPart = shadow(el).activeElement?.getAttribute('part') ?? '';
    expect(focusedPart).to.match(/reaction|reply-button|react-button/);
    el.remove();
  });

  it('passes axe in dark theme and right-to-left Arabic', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar"></div>`);
    const { el } = await mount('rai-chat-channel', 'rai-ready', asMember('ch-general', freshUser()));
    wrapper.append(el);
    el.theme = 'dark';
    await settled(el);
    expect(shadow(el).querySelector('[part=frame]')!.getAttribute('dir')).to.equal('rtl');
    expect(log(el).getAttribute('aria-label')).to.equal('رسائل General');
    // The composer and the picker have shadow roots of their own: they must turn dark too.
    const surface = (node: Element) => getComputedStyle(node).getPropertyValue('--_surface').trim();
    const frameSurface = surface(shadow(el).querySelector('[part=frame]')!);
    expect(surface(shadow(el).querySelector('[part=composer]')!)).to.equal(frameSurface);
    button(articles(el).at(-1)!, 'react-button')!.click();
    // The picker's code loads on its first opening.
    await until(() => !!shadow(el).querySelector('[part=emoji-picker]')?.shadowRoot, 'picker shown');
    await settled(el);
    expect(surface(shadow(el).querySelector('[part=emoji-picker]')!)).to.equal(frameSurface);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('shows the session-expired state when the token cannot be renewed', async () => {
    const token = await mintToken(freshUser(), 1);
    await new Promise((r) => setTimeout(r, 1_100));
    const el = document.createElement('rai-chat-channel');
    Object.assign(el, { apiUrl, channelId: 'ch-general', token });
    el.setAttribute('community-id', community);
    const expired = oneEvent(el, 'rai-session-expired');
    document.body.append(el);
    await expired;
    await el.updateComplete;
    expect(shadow(el).querySelector('[part~=expired]')).to.exist;
    await expect(el).to.be.accessible();
    el.remove();
  });
});
