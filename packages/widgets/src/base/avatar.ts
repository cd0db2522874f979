import type { UserSummary } from '@rai-kit/core/api';
import { html, type TemplateResult } from 'lit';

/** What an avatar needs from its widget: which images already failed, and how to report one. */
export interface AvatarContext {
  /** Avatar URLs that failed to load: their initials are shown instead. */
  brokenAvatars: ReadonlySet<string>;
  onAvatarError: (url: string) => void;
}

/**
 * The avatar is decorative (the name is next to it); initials stand in when the image is
 * missing or broken. Lazy and async so the browser may load and decode it after the row is
 * shown; the fixed size keeps a late image from moving anything. (With the sandbox's SVG
 * `data:` avatars the bench measured no difference: bench/README.md.)
 */
export function avatar({ brokenAvatars, onAvatarError }: AvatarContext, user: UserSummary): TemplateResult {
  const url = user.avatarUrl;
  if (!url || brokenAvatars.has(url)) return html`<span part="avatar" class="avatar initials" aria-hidden="true">${initials(user.displayName)}</span>`;
  return html`<img part="avatar" class="avatar" src=${url} alt="" width="32" height="32" decoding="async" loading="lazy" @error=${() => onAvatarError(url)} />`;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0]!.toUpperCase())
    .join('');
}
