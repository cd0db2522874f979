import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { MAX_MESSAGE_LENGTH, MAX_UPLOAD_BYTES, WidgetApiClient, type ChatMessage } from '@rai-kit/core/api';
import { staticToken, type TokenSource } from '@rai-kit/core/auth';
import { ChannelApi } from '@rai-kit/core/chat';
import { sendKeys } from '@web/test-runner-commands';
import { apiUrl, community, mintToken, until } from '../../../../test/support/sandbox.js';
import { memberIds, shadowText as text } from '../../../../test/support/widgets.js';
import { attachmentCode } from './attachment-code.js';
import { RaiChatComposer, type ComposeDetail } from './composer.js';

RaiChatComposer.define('rai-chat-composer');

/** A 1×1 PNG. */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) =>
  c.charCodeAt(0),
);

// Members u_0310 upwards (the upload tests use u_0300 upwards): the demo community has 320.
const freshUser = memberIds(310);

const shadow = (el: RaiChatComposer) => el.shadowRoot!;
const field = (el: RaiChatComposer) => shadow(el).querySelector('textarea')!;
const part = <T extends Element = HTMLButtonElement>(el: RaiChatComposer, name: string) => shadow(el).querySelector<T>(`[part~=${name}]`);
const all = (el: RaiChatComposer, name: string) => [...shadow(el).querySelectorAll<HTMLElement>(`[part~=${name}]`)];
const fieldFocused = (el: RaiChatComposer) => shadow(el).activeElement === field(el);

function png(name = 'dot.png', bytes: Uint8Array = PNG): File {
  return new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'image/png' });
}

function channelApi(tokenSource: TokenSource, url = apiUrl): ChannelApi {
  return new ChannelApi(new WidgetApiClient({ apiUrl: url, tokenSource }), community, 'ch-general');
}

/** A composer in a fixture; `lang` goes on its parent, for the element to inherit. */
async function composer(setup: { api?: ChannelApi; tokenSource?: TokenSource; replyTo?: ChatMessage; lang?: string } = {}) {
  const parent = await fixture<HTMLElement>(html`<div lang=${setup.lang ?? nothing}>
    <rai-chat-composer
      channel-name="general"
      .api=${setup.api}
      .tokenSource=${setup.tokenSource ?? staticToken('unused')}
      .replyTo=${setup.replyTo ?? null}
    ></rai-chat-composer>
  </div>`);
  const el = parent.querySelector<RaiChatComposer>('rai-chat-composer')!;
  await el.updateComplete;
  return el;
}

/** A composer that uploads to the sandbox as a fresh member. */
async function uploadingComposer(lang?: string) {
  const tokenSource = staticToken(await mintToken(freshUser()));
  const api = channelApi(tokenSource);
  return { el: await composer({ api, tokenSource, ...(lang ? { lang } : {}) }), api };
}

/** Records `rai-compose` and `rai-reply-cancel`. */
function listen(el: RaiChatComposer) {
  const composed: ComposeDetail[] = [];
  let cancels = 0;
  el.addEventListener('rai-compose', (e) => composed.push(e.detail));
  el.addEventListener('rai-reply-cancel', () => cancels++);
  return { composed, cancels: () => cancels };
}

/** Types `value` as a paste of text would, in one input event. */
async function fill(el: RaiChatComposer, value: string) {
  field(el).value = value;
  field(el).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

function attach(el: RaiChatComposer, files: File[]) {
  const input = shadow(el).querySelector<HTMLInputElement>('input[type=file]')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function uploaded(el: RaiChatComposer, count: number) {
  await until(() => all(el, 'attachment').length === count && !part(el, 'progress'), `${count} uploads done`, 10_000);
  await el.updateComplete;
}

async function aMessage(): Promise<ChatMessage> {
  const { messages } = await channelApi(staticToken(await mintToken(freshUser()))).page({ limit: 5 });
  return messages.find((m) => m.text && !m.deleted)!;
}

/** Sets a flag when the blob URL no longer resolves (it was revoked). */
async function revoked(url: string): Promise<boolean> {
  return fetch(url).then(
    () => false,
    () => true,
  );
}

describe('<rai-chat-composer> typing and sending', () => {
  it('is a labelled multiline field; Enter sends the trimmed text, Shift+Enter adds a line', async () => {
    const el = await composer();
    const { composed } = listen(el);
    expect(shadow(el).querySelector(`label[for=${field(el).id}]`)!.textContent).to.equal('Message #general');
    el.focus();
    expect(fieldFocused(el)).to.be.true;
    await sendKeys({ type: '  first line' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'second  ' });
    expect(composed).to.deep.equal([]);
    await sendKeys({ press: 'Enter' });
    expect(composed).to.deep.equal([{ text: 'first line\nsecond', imageIds: [] }]);
    await el.updateComplete;
    expect(field(el).value).to.equal('');
    expect(fieldFocused(el), 'the field keeps focus for the next message').to.be.true;
    await expect(el).to.be.accessible();
  });

  it('grows with its text up to a maximum height, then scrolls', async () => {
    const el = await composer();
    const oneLine = field(el).offsetHeight;
    await fill(el, 'a\nb\nc');
    const threeLines = field(el).offsetHeight;
    expect(threeLines).to.be.greaterThan(oneLine);
    await fill(el, Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n'));
    const capped = field(el).offsetHeight;
    expect(capped).to.equal(parseFloat(getComputedStyle(field(el)).maxHeight));
    expect(field(el).scrollHeight).to.be.greaterThan(capped);
    await fill(el, '');
    expect(field(el).offsetHeight).to.equal(oneLine);
  });

  it('does not send blank text, and the send button says so by being disabled', async () => {
    const el = await composer();
    const { composed } = listen(el);
    el.focus();
    await sendKeys({ type: '   ' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(composed).to.deep.equal([]);
    expect(field(el).value, 'Enter never adds a line').to.equal('   ');
    expect(part(el, 'send-button')!.disabled).to.be.true;
    await sendKeys({ type: 'hi' });
    await el.updateComplete;
    expect(part(el, 'send-button')!.disabled).to.be.false;
    part(el, 'send-button')!.click();
    expect(composed).to.deep.equal([{ text: 'hi', imageIds: [] }]);
    expect(fieldFocused(el), 'focus back in the field after a click on Send').to.be.true;
  });

  it('never sends on the Enter that confirms an IME composition', async () => {
    const el = await composer();
    const { composed } = listen(el);
    await fill(el, '日本');
    const enter = (init: KeyboardEventInit) =>
      field(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true, ...init }));
    enter({ isComposing: true });
    enter({ keyCode: 229 });
    expect(composed).to.deep.equal([]);
    enter({});
    expect(composed).to.deep.equal([{ text: '日本', imageIds: [] }]);
  });

  it('counts down near the limit, and over it blocks sending and says why', async () => {
    const el = await composer();
    const { composed } = listen(el);
    await fill(el, 'a'.repeat(1500));
    expect(part(el, 'counter')).to.be.null;
    expect(field(el).hasAttribute('aria-describedby')).to.be.false;

    await fill(el, 'a'.repeat(MAX_MESSAGE_LENGTH - 150));
    expect(text(el, '[part=counter]')).to.equal('150 characters left');
    expect(field(el).getAttribute('aria-describedby')).to.equal(part(el, 'counter')!.id);

    await fill(el, 'a'.repeat(MAX_MESSAGE_LENGTH + 1234));
    expect(text(el, '[part=counter]')).to.equal('1,234 characters too many. Shorten the message to send it.');
    expect(field(el).getAttribute('aria-invalid')).to.equal('true');
    expect(part(el, 'send-button')!.disabled).to.be.true;
    field(el).focus();
    await sendKeys({ press: 'Enter' });
    expect(composed).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // Surrounding spaces do not count, as on the server.
    await fill(el, `  ${'a'.repeat(MAX_MESSAGE_LENGTH)}  `);
    expect(text(el, '[part=counter]')).to.equal('0 characters left');
    await sendKeys({ press: 'Enter' });
    expect(composed.map((c) => c.text.length)).to.deep.equal([MAX_MESSAGE_LENGTH]);
  });

  it('disabled: no typing and no sending', async () => {
    const el = await composer();
    const { composed } = listen(el);
    await fill(el, 'hello');
    el.disabled = true;
    await el.updateComplete;
    expect(field(el).disabled).to.be.true;
    expect(part(el, 'send-button')!.disabled).to.be.true;
    field(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(composed).to.deep.equal([]);
  });
});

describe('<rai-chat-composer> replies', () => {
  it('shows who and what is being answered, sends the reply and then forgets it', async () => {
    const message = await aMessage();
    const el = await composer({ replyTo: message });
    const { composed } = listen(el);
    expect(text(el, '.reply-to')).to.equal(`Replying to ${message.author.displayName}`);
    expect(text(el, '.excerpt')).to.equal(message.text.replace(/\s+/g, ' ').trim());
    await expect(el).to.be.accessible();
    el.focus();
    await sendKeys({ type: 'agreed' });
    await sendKeys({ press: 'Enter' });
    expect(composed).to.deep.equal([{ text: 'agreed', replyTo: message.id, imageIds: [] }]);
    await el.updateComplete;
    expect(part(el, 'reply')).to.be.null;
    expect(el.replyTo).to.be.null;
  });

  it('shows an excerpt with bidi overrides removed, so it cannot pose as other text', async () => {
    const message = { ...(await aMessage()), text: 'Invoice attached: \u202Egnp.exe' };
    const el = await composer({ replyTo: message });
    expect(shadow(el).querySelector('.excerpt')!.textContent).to.equal('Invoice attached: gnp.exe');
  });

  it('Escape in the field cancels the reply, as does its button', async () => {
    const message = await aMessage();
    const el = await composer({ replyTo: message });
    const { cancels } = listen(el);
    el.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect([cancels(), part(el, 'reply')]).to.deep.equal([1, null]);
    expect(fieldFocused(el)).to.be.true;

    el.replyTo = message;
    await el.updateComplete;
    part(el, 'cancel-reply')!.click();
    await el.updateComplete;
    expect([cancels(), part(el, 'reply')]).to.deep.equal([2, null]);
    expect(fieldFocused(el), 'focus goes back to the field, not lost with the button').to.be.true;
    // Without a reply, Escape does nothing of the composer's.
    await sendKeys({ press: 'Escape' });
    expect(cancels()).to.equal(2);
  });
});

describe('<rai-chat-composer> images', () => {
  it('attaches, shows the upload’s progress and a preview, and sends the uploaded image ids', async () => {
    const { el, api } = await uploadingComposer();
    const { composed } = listen(el);
    expect(part(el, 'attach-button')).to.exist;
    // The uploads are held until the bars have been checked: a tiny upload to loopback can end
    // before a poll sees it in progress (the attachment code loads first, on this attach).
    const send = XMLHttpRequest.prototype.send;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body) {
      void held.then(() => send.call(this, body));
    };
    try {
      attach(el, [png('dot.png'), png('second.png')]);
      await until(() => all(el, 'progress').length === 2, 'uploads shown');
      const bars = all(el, 'progress');
      expect(bars.map((bar) => bar.getAttribute('aria-label'))).to.deep.equal(['Uploading dot.png', 'Uploading second.png']);
      expect(part(el, 'send-button')!.disabled, 'Send waits for uploads').to.be.true;
    } finally {
      XMLHttpRequest.prototype.send = send;
      release();
    }
    await uploaded(el, 2);
    const previews = all(el, 'attachment').map((item) => item.querySelector('img')!);
    expect(previews.map((img) => img.alt)).to.deep.equal(['dot.png', 'second.png']);
    expect(previews.every((img) => img.src.startsWith('blob:') && img.naturalWidth === 1)).to.be.true;
    await expect(el).to.be.accessible();

    // Images alone are a message.
    part(el, 'send-button')!.click();
    expect(composed.length).to.equal(1);
    const [{ text: sentText, imageIds }] = composed as [ComposeDetail];
    expect([sentText, imageIds.length]).to.deep.equal(['', 2]);
    for (const id of imageIds) {
      const served = await fetch(`${api.uploadsUrl}/${id}`);
      expect([served.status, [...new Uint8Array(await served.arrayBuffer())]]).to.deep.equal([200, [...PNG]]);
    }
    await el.updateComplete;
    expect(part(el, 'attachments')).to.be.null;
    expect(await revoked(previews[0]!.src), 'previews are released after sending').to.be.true;
  });

  it('removing an attachment aborts its upload and releases its preview', async () => {
    const { el } = await uploadingComposer();
    const { composed } = listen(el);
    const send = XMLHttpRequest.prototype.send;
    const abort = XMLHttpRequest.prototype.abort;
    let aborted = 0;
    // Resolved as the body starts to go: the test goes on in microtasks, before the upload
    // (a task) can finish, so the remove below always meets an upload in flight.
    let started!: () => void;
    const sending = new Promise<void>((resolve) => (started = resolve));
    XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body) {
      send.call(this, body);
      started();
    };
    XMLHttpRequest.prototype.abort = function (this: XMLHttpRequest) {
      aborted++;
      return abort.call(this);
    };
    try {
      const big = new Uint8Array(MAX_UPLOAD_BYTES - 1);
      big.set(PNG);
      attach(el, [png('big.png', big)]);
      await sending;
      await el.updateComplete;
      const preview = all(el, 'attachment')[0]!.querySelector('img')!.src;
      part(el, 'remove-button')!.click();
      await el.updateComplete;
      expect(aborted).to.equal(1);
      expect(part(el, 'attachments')).to.be.null;
      expect(fieldFocused(el)).to.be.true;
      expect(await revoked(preview)).to.be.true;
      await new Promise((r) => setTimeout(r, 50));
      expect(part(el, 'attachments'), 'the abort shows no error').to.be.null;
      await fill(el, 'no image after all');
      await sendKeys({ press: 'Enter' });
      expect(composed).to.deep.equal([{ text: 'no image after all', imageIds: [] }]);
    } finally {
      XMLHttpRequest.prototype.send = send;
      XMLHttpRequest.prototype.abort = abort;
    }
  });

  it('waits for the attachment code on the first attach, and says so when it cannot load', async () => {
    const load = attachmentCode.load;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    try {
      attachmentCode.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      const { el } = await uploadingComposer();
      const { composed } = listen(el);
      attach(el, [png('lost.png')]);
      await until(() => text(el, '.notice') === 'The image could not be uploaded. Check your connection and try again.', 'notice');
      expect(part(el, 'attachments'), 'nothing attached').to.be.null;

      // Choosing the image again loads the code again; Send waits for it, then for the upload.
      attachmentCode.load = () => held.then(load);
      await fill(el, 'with a picture');
      attach(el, [png('found.png')]);
      await el.updateComplete;
      expect(part(el, 'attach-button')!.getAttribute('aria-busy')).to.equal('true');
      field(el).focus();
      await sendKeys({ press: 'Enter' });
      expect(composed, 'not sent without its image').to.deep.equal([]);
      release();
      await uploaded(el, 1);
      expect(part(el, 'attach-button')!.hasAttribute('aria-busy')).to.be.false;
      expect(text(el, '.notice')).to.equal('');
      part(el, 'send-button')!.click();
      expect(composed.map((c) => [c.text, c.imageIds.length])).to.deep.equal([['with a picture', 1]]);
    } finally {
      attachmentCode.load = load;
    }
  });

  it('takes pasted images', async () => {
    const { el } = await uploadingComposer();
    const transfer = new DataTransfer();
    transfer.items.add(png('pasted.png'));
    const paste = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, composed: true, cancelable: true });
    field(el).dispatchEvent(paste);
    expect(paste.defaultPrevented, 'the file name is not pasted as text').to.be.true;
    await uploaded(el, 1);
    expect(all(el, 'attachment')[0]!.querySelector('img')!.alt).to.equal('pasted.png');
  });

  it('attaches at most four images per message and says so', async () => {
    const { el } = await uploadingComposer();
    attach(el, ['1', '2', '3', '4', '5'].map((n) => png(`${n}.png`)));
    await uploaded(el, 4);
    expect(text(el, '.notice')).to.equal('You can attach 4 images at most.');
    expect(part(el, 'attach-button')!.disabled).to.be.true;
    part(el, 'remove-button')!.click();
    await el.updateComplete;
    expect(part(el, 'attach-button')!.disabled).to.be.false;
    expect(text(el, '.notice')).to.equal('');
  });

  it('explains a refused file, without a pointless retry', async () => {
    const { el } = await uploadingComposer();
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(PNG);
    attach(el, [new File(['not a png'], 'fake.png', { type: 'image/png' }), png('huge.png', big)]);
    await until(() => all(el, 'failed').length === 2, 'both refused');
    await el.updateComplete;
    const errors = all(el, 'attachment').map((item) => item.querySelector('[role=alert]')!.textContent);
    expect(errors).to.deep.equal(['Only PNG, JPEG, GIF and WebP images can be attached.', 'Images can be 2 MB at most.']);
    expect(part(el, 'retry-button')).to.be.null;
    await fill(el, 'with broken images');
    expect(part(el, 'send-button')!.disabled, 'a failed image blocks Send until removed').to.be.true;
    await expect(el).to.be.accessible();
    for (const button of all(el, 'remove-button')) button.click();
    await el.updateComplete;
    expect(part(el, 'send-button')!.disabled).to.be.false;
  });

  it('offers a retry after a network failure, which uploads', async () => {
    const tokenSource = staticToken(await mintToken(freshUser()));
    // Nothing listens on port 9 of loopback: the upload cannot connect.
    const el = await composer({ api: channelApi(tokenSource, 'http://127.0.0.1:9'), tokenSource });
    attach(el, [png('dot.png')]);
    await until(() => !!part(el, 'retry-button'), 'retry offered');
    expect(text(el, '[part~=attachment] [role=alert]')).to.equal('The image could not be uploaded. Check your connection and try again.');
    expect(part(el, 'retry-button')!.textContent!.trim()).to.equal('Upload dot.png again');
    el.api = channelApi(tokenSource);
    part(el, 'retry-button')!.click();
    await uploaded(el, 1);
    expect(all(el, 'failed')).to.deep.equal([]);
  });

  it('has no attach button without a channel to upload to', async () => {
    const el = await composer();
    expect(part(el, 'attach-button')).to.be.null;
  });
});

describe('<rai-chat-composer> themes and languages', () => {
  it('passes axe in dark theme and in Arabic (RTL) with a reply, attachments and the counter', async () => {
    const message = await aMessage();
    const { el } = await uploadingComposer('ar');
    el.theme = 'dark';
    el.replyTo = message;
    attach(el, [png('dot.png'), new File(['x'], 'notes.txt', { type: 'text/plain' })]);
    await until(() => all(el, 'attachment').length === 2 && !part(el, 'progress'), 'uploads settled');
    await fill(el, 'س'.repeat(MAX_MESSAGE_LENGTH + 1));
    const frame = shadow(el).querySelector('.composer')!;
    expect([frame.getAttribute('dir'), frame.getAttribute('lang')]).to.deep.equal(['rtl', 'ar']);
    expect(shadow(el).querySelector('label')!.textContent).to.equal('رسالة إلى #general');
    expect(text(el, '[part=counter]')).to.equal(`الأحرف الزائدة: ${(1).toLocaleString('ar')}. اختصر الرسالة لإرسالها.`);
    expect(getComputedStyle(field(el)).backgroundColor).to.equal('rgb(24, 27, 33)');
    await expect(el).to.be.accessible();
  });
});
