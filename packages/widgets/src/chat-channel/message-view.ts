import type { ChatImage, ChatMessage, ChatReaction } from '@rai-kit/core/api';
import { EMOJI, stripBidiControls, type OutboxStatus } from '@rai-kit/core/chat';
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from '../base/style-map.js';
import { avatar, type AvatarContext } from '../base/avatar.js';
import type { Theme } from '../base/rai-element.js';
import { formatDate } from '../i18n/date-format.js';
import type { Messages } from '../i18n/messages.js';
import { messageText } from './message-text.js';

/** What the message template needs from the widget. */
export interface MessageContext extends AvatarContext {
  msg: Messages['chat'];
  lang: string;
  /** Passed on to the reaction picker: its own shadow root declares the theme tokens. */
  theme: Theme;
  number: (value: number) => string;
  /** The message holding the log's roving tab stop: only its controls are in the tab order. */
  activeId: string | null;
  canReply: boolean;
  canReact: boolean;
  /** The message whose emoji picker is open, and the button that opened it. */
  pickerFor: string | null;
  pickerAnchor: HTMLElement | null;
  /** Reactions as shown: the server's, with this user's pending toggles applied. */
  reactionsOf: (message: ChatMessage) => readonly ChatReaction[];
  onReact: (message: ChatMessage, shortcode: string, on: boolean) => void;
  onOpenPicker: (message: ChatMessage, trigger: HTMLElement) => void;
  onPickerClose: (message: ChatMessage, picked: string | null) => void;
  onReply: (message: ChatMessage) => void;
  onRetry: (key: string) => void;
  onDelete: (key: string) => void;
}

/** Consecutive messages of one author within this time read as one block: a single avatar and name. */
const GROUP_MS = 5 * 60_000;

/** True when `message` continues `previous`'s block (same author, soon after, not a reply). */
export function continues(previous: ChatMessage | undefined, message: ChatMessage): boolean {
  return (
    !!previous &&
    previous.author.id === message.author.id &&
    !message.replyTo &&
    !previous.deleted &&
    Date.parse(message.createdAt) - Date.parse(previous.createdAt) < GROUP_MS
  );
}

/**
 * One message: `sent` for the server's copies, or an outbox item (shaped as a message,
 * `id` = its key) with its status. The same template for both, so when the server copy
 * replaces a pending one the element stays and only its content changes. A `continued`
 * message hides its avatar, name and time visually; screen readers still hear who wrote it.
 */
export function messageView(ctx: MessageContext, message: ChatMessage, status: OutboxStatus | 'sent', continued: boolean): TemplateResult {
  const { msg } = ctx;
  const active = message.id === ctx.activeId;
  const tabindex = active ? nothing : '-1';
  const created = new Date(message.createdAt);
  return html`<article
    part="message"
    class=${continued ? 'message continued' : 'message'}
    data-id=${message.id}
    data-status=${status}
    tabindex=${active ? '0' : '-1'}
  >
    ${continued ? html`<span class="avatar-space"></span>` : avatar(ctx, message.author)}
    <div class="body">
      <p class=${continued && status === 'sent' ? 'meta visually-hidden' : 'meta'}>
        <span part="author" class="author">${message.author.displayName}</span>
        <time datetime=${message.createdAt} title=${msg.sentAt(formatDate(ctx.lang, created, 'full'))}>${shortTime(ctx.lang, created)}</time>
        ${message.editedAt && !message.deleted ? html`<span class="edited">${msg.edited}</span>` : nothing}
        ${status === 'queued' || status === 'sending' ? html`<span class="status">${msg.sending}</span>` : nothing}
        ${status === 'failed' ? html`<span class="status failed">${msg.notSent}</span>` : nothing}
      </p>
      ${message.replyTo
        ? html`<p part="reply-summary" class="reply-summary">
            <span class="reply-author">${msg.replyingTo(message.replyTo.author.displayName)}</span>
            <span class="excerpt" dir="auto">${stripBidiControls(message.replyTo.excerpt)}</span>
          </p>`
        : nothing}
      ${message.deleted
        ? html`<p class="text tombstone">${msg.deleted}</p>`
        : html`<p part="text" class="text" dir="auto">${messageText(message.text, active)}</p>`}
      ${message.images.length > 0 && !message.deleted ? html`<div class="images">${message.images.map((image) => imageView(ctx, image))}</div>` : nothing}
      ${status === 'sent' ? reactionsView(ctx, message, tabindex) : nothing}
      ${status === 'failed'
        ? html`<div class="actions failed-actions">
            <button part="button retry-send" class="action" tabindex=${tabindex} @click=${() => ctx.onRetry(message.id)}>${msg.retrySend}</button>
            <button part="button delete-unsent" class="action" tabindex=${tabindex} @click=${() => ctx.onDelete(message.id)}>${msg.deleteUnsent}</button>
          </div>`
        : nothing}
    </div>
  </article>`;
}

function reactionsView(ctx: MessageContext, message: ChatMessage, tabindex: typeof nothing | '-1'): TemplateResult | typeof nothing {
  const { msg } = ctx;
  const reactions = message.deleted ? [] : ctx.reactionsOf(message);
  const actions = !message.deleted && (ctx.canReply || ctx.canReact);
  if (reactions.length === 0 && !actions) return nothing;
  return html`<div class="reactions">
      ${reactions.map((reaction) => {
        const emoji = EMOJI[reaction.shortcode] ?? reaction.shortcode;
        const label = msg.reaction(emoji, ctx.number(reaction.count), reaction.mine);
        const face = html`<span aria-hidden="true">${emoji} ${ctx.number(reaction.count)}</span>`;
        return ctx.canReact
          ? html`<button
              part="button reaction"
              class="reaction"
              aria-pressed=${reaction.mine ? 'true' : 'false'}
              aria-label=${label}
              data-shortcode=${reaction.shortcode}
              tabindex=${tabindex}
              @click=${() => ctx.onReact(message, reaction.shortcode, !reaction.mine)}
            >
              ${face}
            </button>`
          : html`<span part="reaction" class="reaction" role="img" aria-label=${label}>${face}</span>`;
      })}
    </div>
    ${actions
      ? html`<div class="actions">
          ${ctx.canReply
            ? html`<button part="button reply-button" class="action" tabindex=${tabindex} @click=${() => ctx.onReply(message)}>${msg.reply}</button>`
            : nothing}
          ${ctx.canReact
            ? html`<span class="picker-anchor">
                <button
                  part="button react-button"
                  class="action react-button"
                  aria-haspopup="true"
                  aria-expanded=${ctx.pickerFor === message.id ? 'true' : 'false'}
                  tabindex=${tabindex}
                  @click=${(event: Event) => ctx.onOpenPicker(message, event.currentTarget as HTMLElement)}
                >
                  ${msg.react}
                </button>
                ${ctx.pickerFor === message.id
                  ? html`<rai-emoji-picker
                      part="emoji-picker"
                      theme=${ctx.theme}
                      open
                      .anchor=${ctx.pickerAnchor}
                      @rai-emoji-pick=${(event: CustomEvent<{ shortcode: string }>) => ctx.onPickerClose(message, event.detail.shortcode)}
                      @rai-emoji-close=${() => ctx.onPickerClose(message, null)}
                    ></rai-emoji-picker>`
                  : nothing}
              </span>`
            : nothing}
        </div>`
      : nothing}`;
}

/** Width and height reserve the image's box before it loads, so nothing below it moves. */
function imageView(ctx: MessageContext, image: ChatImage): TemplateResult {
  const sized = image.width !== null && image.height !== null;
  return html`<img
    part="image"
    class="image"
    src=${image.url}
    alt=${image.alt || ctx.msg.image}
    width=${sized ? image.width! : nothing}
    height=${sized ? image.height! : nothing}
    style=${styleMap({ aspectRatio: sized ? `${image.width} / ${image.height}` : '4 / 3' })}
    loading="lazy"
    decoding="async"
  />`;
}

/** Today's messages show the time only; older ones the date too. */
function shortTime(lang: string, date: Date): string {
  return formatDate(lang, date, date.toDateString() === new Date().toDateString() ? 'time' : 'date-time');
}
