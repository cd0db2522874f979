import { isSessionExpired, type ApiError } from '@rai-kit/core/api';
import { html, type TemplateResult } from 'lit';
import type { CommonMessages } from '../i18n/messages.js';

/**
 * The shared non-content states. Each widget supplies its own skeleton (it must match the
 * content's layout so nothing jumps) and content; these three look the same everywhere.
 */
export function errorView(msg: CommonMessages, error: unknown, onRetry: () => void): TemplateResult {
  if (isSessionExpired(error)) return html``;
  const network = (error as ApiError | null)?.code === 'network_error';
  return html`<div part="state error" class="state" role="alert">
    <p class="state-title">${msg.errorTitle}</p>
    <p class="state-body">${network ? msg.errorNetwork : msg.errorGeneric}</p>
    <button part="button retry-button" class="button" @click=${onRetry}>${msg.retry}</button>
  </div>`;
}

export function expiredView(msg: CommonMessages, onSignIn: () => void): TemplateResult {
  return html`<div part="state expired" class="state" role="alert">
    <p class="state-title">${msg.sessionExpiredTitle}</p>
    <p class="state-body">${msg.sessionExpiredBody}</p>
    <button part="button sign-in-button" class="button" @click=${onSignIn}>${msg.signIn}</button>
  </div>`;
}

/** A public widget asked for members-only data: not an error, an invitation to sign in. */
export function membersOnlyView(msg: CommonMessages, text: { title: string; body: string }, onSignIn: () => void): TemplateResult {
  return html`<div part="state members-only" class="state">
    <p class="state-title">${text.title}</p>
    <p class="state-body">${text.body}</p>
    <button part="button sign-in-button" class="button" @click=${onSignIn}>${msg.signIn}</button>
  </div>`;
}

export function emptyView(text: string): TemplateResult {
  return html`<div part="state empty" class="state"><p class="state-body">${text}</p></div>`;
}
