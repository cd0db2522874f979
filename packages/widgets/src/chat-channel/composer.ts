import { MAX_MESSAGE_IMAGES, MAX_MESSAGE_LENGTH, UPLOAD_TYPES, type ChatMessage } from '@rai-kit/core/api';
import { noToken, type TokenSource } from '@rai-kit/core/auth';
import { stripBidiControls, type ChannelApi } from '@rai-kit/core/chat';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { RaiElement } from '../base/rai-element.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { chatCatalog } from '../i18n/catalogs/chat.js';
import type { ChatPart, WidgetMessages } from '../i18n/messages.js';
import { attachmentCode, type AttachmentCode } from './attachment-code.js';
import type { AttachmentUploads } from './attachment-uploads.js';
import { closeIcon } from './composer-icons.js';
import { composerStyles } from './composer.styles.js';

/** What `rai-compose` carries: a message for the outbox (`SendMessageBody` without its nonce). */
export interface ComposeDetail {
  /** Trimmed; may be empty when images are attached. */
  text: string;
  /** Id of the message this one answers. */
  replyTo?: string;
  /** Uploaded images, in the order attached. */
  imageIds: string[];
}

declare module '../base/events.js' {
  interface RaiEventMap {
    /** `<rai-chat-composer>`: the user sent a message; the owner queues it (the composer never sends). */
    'rai-compose': CustomEvent<ComposeDetail>;
    /** `<rai-chat-composer>`: the user cancelled the reply (button or Escape). */
    'rai-reply-cancel': CustomEvent<Record<string, never>>;
  }
}

/** The counter appears from here on: earlier it would only be noise. */
const COUNTER_FROM = Math.floor(MAX_MESSAGE_LENGTH * 0.9);

/**
 * Enter sends, Shift+Enter starts a new line, and Enter that confirms an IME composition
 * does neither. The field grows with its text up to `--rai-composer-max-height`. Near the
 * length limit a counter appears; over it, Send is blocked and the field says why. Images
 * (the attach button, or pasted) upload as soon as they are attached; Send waits for them.
 * Sending fires `rai-compose` and clears the field, the images and the reply: the owner
 * queues the message, the composer never talks to the message API itself.
 *
 * @summary The message field of a chat channel: multiline text, reply preview, image
 * attachments with upload progress.
 *
 * @fires rai-compose - The user sent a message (`detail.text`, `replyTo`, `imageIds`).
 * @fires rai-reply-cancel - The user cancelled the reply (its button, or Escape in the field).
 *
 * @csspart reply - The "Replying to" preview.
 * @csspart attachments - The list of attached images.
 * @csspart attachment - One attached image (plus `failed` when its upload failed).
 * @csspart failed - An attachment whose upload failed (also `attachment`).
 * @csspart progress - An upload's progress bar.
 * @csspart input - The text field.
 * @csspart counter - Characters left, or over the limit.
 * @csspart button - Every button (plus `attach-button`, `send-button`, `cancel-reply`, `remove-button`, `retry-button`).
 * @csspart attach-button - "Attach image" (also `button`).
 * @csspart send-button - "Send" (also `button`).
 * @csspart cancel-reply - Cancels the reply (also `button`).
 * @csspart remove-button - Removes an attachment (also `button`).
 * @csspart retry-button - Retries a failed upload (also `button`).
 *
 * @cssprop --rai-composer-max-height - Height the field grows to before it scrolls. Default: 10rem.
 * @cssprop --rai-composer-thumbnail - Size of an attachment preview. Default: 4.5rem.
 */
export class RaiChatComposer extends RaiElement {
  static override styles = [RaiElement.styles, composerStyles];

  /** Without decorators, like RaiElement's (see there). */
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    tokenSource: { attribute: false },
    replyTo: { attribute: false },
    channelName: { attribute: 'channel-name' },
    disabled: { type: Boolean, reflect: true },
    text: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    attaching: { state: true, attribute: false },
  };

  /** The channel images are uploaded to. Without it the attach button is hidden. */
  api: ChannelApi | undefined;

  /** Token for uploads (the owner's source). */
  tokenSource: TokenSource = noToken;

  /**
   * The message being answered, shown above the field. The composer clears it on send and
   * cancel; the owner clears its own copy on `rai-compose` and `rai-reply-cancel` too, or a
   * later reply to the same message would not be a change to its binding.
   */
  replyTo: ChatMessage | null = null;

  /** Channel name for the field's label ("Message #general"). */
  channelName = '';

  /** No typing, attaching or sending (the owner sets it while the user cannot post). */
  disabled = false;

  private text = '';
  /** A polite notice, e.g. that some images did not fit. */
  private notice = '';
  /** Images were chosen and the attachment code is still loading: Send waits, or it would go without them. */
  private attaching = false;

  // What `@query` was: a lookup on every access (`renderRoot` is only there once connected).
  private get field(): HTMLTextAreaElement | null {
    return this.renderRoot?.querySelector('textarea') ?? null;
  }
  private get filePicker(): HTMLInputElement | null {
    return this.renderRoot?.querySelector('input[type=file]') ?? null;
  }

  private readonly locale = new LocaleController(this, chatCatalog);
  /** The attached images and their list's template: made with the attachment code, on the first attach. */
  private attachments: AttachmentUploads | null = null;
  #attachmentList: AttachmentCode['attachmentList'] | null = null;

  /** Moves focus to the text field. */
  override focus(options?: FocusOptions): void {
    this.field?.focus(options);
  }

  private get length(): number {
    return this.text.trim().length;
  }

  private get canSend(): boolean {
    const content = this.length > 0 || !!this.attachments?.items.length;
    return !this.disabled && !this.attaching && content && this.length <= MAX_MESSAGE_LENGTH && (this.attachments?.ready ?? true);
  }

  private send(): void {
    if (!this.canSend) return;
    const detail: ComposeDetail = {
      text: this.text.trim(),
      imageIds: this.attachments?.imageIds ?? [],
      ...(this.replyTo ? { replyTo: this.replyTo.id } : {}),
    };
    this.emit('rai-compose', detail);
    this.text = '';
    this.notice = '';
    this.replyTo = null;
    this.attachments?.clear();
    this.field?.focus();
  }

  private cancelReply(): void {
    this.replyTo = null;
    this.emit('rai-reply-cancel', {});
    this.field?.focus();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.replyTo) {
      event.preventDefault();
      // Escape cancels the reply only, not a dialog around the composer.
      event.stopPropagation();
      this.cancelReply();
      return;
    }
    // keyCode 229: the Enter that confirms an IME composition, where isComposing is already false (Safari).
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    this.send();
  }

  private onInput(event: Event): void {
    this.text = (event.target as HTMLTextAreaElement).value;
  }

  private onPaste(event: ClipboardEvent): void {
    if (!this.api || this.disabled) return;
    const images = [...(event.clipboardData?.files ?? [])].filter((file) => file.type.startsWith('image/'));
    if (images.length === 0) return;
    // The image is the paste: no file name or markup lands in the text.
    event.preventDefault();
    void this.attach(images);
  }

  private onFilesChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    void this.attach([...(input.files ?? [])]);
    // Lets the same file be chosen again after it was removed.
    input.value = '';
  }

  private async attach(files: File[]): Promise<void> {
    const { msg } = this.locale;
    let uploads = this.attachments;
    if (!uploads) {
      this.attaching = true;
      try {
        const code = await attachmentCode.load();
        this.#attachmentList = code.attachmentList;
        uploads = this.attachments ??= new code.AttachmentUploads(this, () =>
          this.api ? { url: this.api.uploadsUrl, tokenSource: this.tokenSource } : undefined,
        );
      } catch {
        // The attachment code did not arrive (offline, blocked): the same advice as a failed upload.
        this.notice = msg.composer.uploadNetwork;
        return;
      } finally {
        this.attaching = false;
      }
    }
    const left = uploads.add(files);
    this.notice = left > 0 ? msg.composer.tooManyImages(this.locale.number(MAX_MESSAGE_IMAGES)) : '';
  }

  /** The member points at or tabs to the attach button: load the attachment code before the files are chosen. */
  private prefetchAttachments(): void {
    if (!this.attachments) attachmentCode.load().catch(() => {}); // A failure is handled on attach, which loads again.
  }

  private removeAttachment(key: string): void {
    this.attachments?.remove(key);
    this.notice = '';
    // The button that had focus is gone.
    this.field?.focus();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('text')) this.fitField();
  }

  /** Grows the field with its text; CSS `max-block-size` caps it, then it scrolls. */
  private fitField(): void {
    const field = this.field;
    if (!field) return;
    field.style.blockSize = 'auto';
    field.style.blockSize = `${field.scrollHeight + field.offsetHeight - field.clientHeight}px`;
  }

  override render(): TemplateResult {
    const { msg, dir, lang } = this.locale;
    const text = msg.composer;
    const length = this.length;
    const over = length > MAX_MESSAGE_LENGTH;
    const full = (this.attachments?.room ?? MAX_MESSAGE_IMAGES) <= 0;
    const uploads = this.attachments;
    return html`<div class="composer" dir=${dir} lang=${lang}>
      ${this.replyTo ? this.renderReply(msg, this.replyTo) : nothing}
      ${uploads && this.#attachmentList
        ? this.#attachmentList({ msg, number: (value) => this.locale.number(value), uploads, onRemove: (key) => this.removeAttachment(key) })
        : nothing}
      <div class="row">
        ${this.api
          ? html`<button
                part="button attach-button"
                class="icon-button"
                ?disabled=${this.disabled || full}
                aria-busy=${this.attaching ? 'true' : nothing}
                @pointerenter=${this.prefetchAttachments}
                @focus=${this.prefetchAttachments}
                @click=${() => this.filePicker?.click()}
              >
                ${clipIcon}<span class="visually-hidden">${text.attach}</span>
              </button>
              <input type="file" hidden tabindex="-1" accept=${UPLOAD_TYPES.join(',')} multiple @change=${this.onFilesChosen} />`
          : nothing}
        <label for="field" class="visually-hidden">${text.inputLabel(this.channelName)}</label>
        <textarea
          id="field"
          part="input"
          rows="1"
          placeholder=${text.inputLabel(this.channelName)}
          .value=${this.text}
          ?disabled=${this.disabled}
          aria-invalid=${over ? 'true' : 'false'}
          aria-describedby=${length >= COUNTER_FROM ? 'counter' : nothing}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
          @paste=${this.onPaste}
        ></textarea>
        <button part="button send-button" class="icon-button send" ?disabled=${!this.canSend} @click=${this.send}>
          ${sendIcon}<span class="visually-hidden">${text.send}</span>
        </button>
      </div>
      ${length >= COUNTER_FROM
        ? html`<p id="counter" part="counter" class=${over ? 'counter over' : 'counter'}>
            ${over
              ? text.tooLong(length - MAX_MESSAGE_LENGTH, this.locale.number(length - MAX_MESSAGE_LENGTH))
              : text.charactersLeft(MAX_MESSAGE_LENGTH - length, this.locale.number(MAX_MESSAGE_LENGTH - length))}
          </p>`
        : nothing}
      <p class="notice" role="status">${this.notice}</p>
    </div>`;
  }

  private renderReply(msg: WidgetMessages<ChatPart>, message: ChatMessage): TemplateResult {
    // Stripped of bidi overrides like the message itself, so the excerpt cannot pose as other text.
    const excerpt = stripBidiControls(message.text) || (message.images.length > 0 ? msg.chat.image : '');
    return html`<div part="reply" class="reply">
      <p class="reply-text">
        <span class="reply-to">${msg.composer.replyingTo(message.author.displayName)}</span>
        <span class="excerpt" dir="auto">${excerpt}</span>
      </p>
      <button part="button cancel-reply" class="icon-button small" @click=${this.cancelReply}>
        ${closeIcon}<span class="visually-hidden">${msg.composer.cancelReply}</span>
      </button>
    </div>`;
  }
}

const clipIcon = html`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
  <path
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    d="M21 11.5 12.5 20a5 5 0 0 1-7-7l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7L10.2 17.7a1.7 1.7 0 0 1-2.4-2.4L15.5 7.6"
  />
</svg>`;

const sendIcon = html`<svg class="flip-rtl" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
  <path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z" />
</svg>`;
