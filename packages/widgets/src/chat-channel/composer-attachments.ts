import { MAX_UPLOAD_BYTES, type ApiError } from '@rai-kit/core/api';
import { html, nothing, type TemplateResult } from 'lit';
import type { ChatPart, WidgetMessages } from '../i18n/messages.js';
import type { Attachment, AttachmentUploads } from './attachment-uploads.js';
import { closeIcon } from './composer-icons.js';

// The composer's image attachments: their uploads and their list. Loaded by <rai-chat-composer>
// when the member first attaches or pastes an image (or points at the attach button), not with
// the composer: most messages have none (see attachment-code.ts).
export { AttachmentUploads } from './attachment-uploads.js';

/** What the list needs from the composer. */
export interface AttachmentListContext {
  msg: WidgetMessages<ChatPart>;
  number: (value: number) => string;
  uploads: AttachmentUploads;
  onRemove: (key: string) => void;
}

/** The attached images: preview, progress, and what went wrong with Retry where it can help. */
export function attachmentList(ctx: AttachmentListContext): TemplateResult | typeof nothing {
  const { items } = ctx.uploads;
  if (items.length === 0) return nothing;
  return html`<ul part="attachments" class="attachments" aria-label=${ctx.msg.composer.attachments}>
    ${items.map((item) => attachmentView(ctx, item))}
  </ul>`;
}

function attachmentView(ctx: AttachmentListContext, item: Attachment): TemplateResult {
  const text = ctx.msg.composer;
  const name = item.file.name;
  const failed = item.status === 'failed';
  // Sending the same file again cannot fix a refused file or an expired session.
  const retryable = failed && item.error?.code !== 'invalid_request' && item.error?.code !== 'session_expired';
  return html`<li part=${failed ? 'attachment failed' : 'attachment'} class=${failed ? 'attachment failed' : 'attachment'}>
    <div class="thumbnail">
      <img src=${item.previewUrl} alt=${name} />
      <button part="button remove-button" class="icon-button small remove" @click=${() => ctx.onRemove(item.key)}>
        ${closeIcon}<span class="visually-hidden">${text.removeImage(name)}</span>
      </button>
      ${retryable
        ? html`<button part="button retry-button" class="icon-button small retry" @click=${() => ctx.uploads.retry(item.key)}>
            ${retryIcon}<span class="visually-hidden">${text.retryUpload(name)}</span>
          </button>`
        : nothing}
    </div>
    ${item.status === 'uploading'
      ? html`<progress part="progress" max=${item.total || 1} .value=${item.sent} aria-label=${text.uploading(name)}></progress>`
      : nothing}
    ${failed ? html`<p class="upload-error" role="alert">${uploadError(ctx, item.error)}</p>` : nothing}
  </li>`;
}

function uploadError({ msg, number }: AttachmentListContext, error: ApiError | null): string {
  const text = msg.composer;
  // The server (or the client's own check before sending) answers 415 for a type, 413 for a size.
  if (error?.status === 415) return text.uploadType;
  if (error?.status === 413) return text.uploadSize(number(MAX_UPLOAD_BYTES / (1024 * 1024)));
  if (error?.code === 'network_error') return text.uploadNetwork;
  if (error?.code === 'session_expired') return msg.sessionExpiredTitle;
  return text.uploadGeneric;
}

const retryIcon = html`<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
  <path fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" d="M20 12a8 8 0 1 1-2.3-5.7M20 4v5h-5" />
</svg>`;
