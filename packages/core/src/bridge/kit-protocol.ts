/**
 * What rai-kit's host (`<rai-frame>`) and guests (the widget frame document, partner apps
 * using the guest SDK) say over the bridge: method and event names and their payloads. The
 * bridge (this folder) carries them; this file gives them meaning, so both sides share one
 * contract.
 */
import type { TokenGrant } from '../auth/claims.js';

/** Where the guest runs, as the host tells it. Sent whole, again on every change. */
export interface FrameContext {
  communityId: string;
  /** The iframe channel the guest is the app of; `null` for a widget in iframe mode. */
  channelId: string | null;
  /** The signed-in member, for display; `null` when signed out. */
  user: { id: string; displayName: string; avatarUrl: string } | null;
  theme: 'light' | 'dark';
  /** BCP 47 language tag. */
  locale: string;
  dir: 'ltr' | 'rtl';
  /** Origin (and path) of the widget API the token is for. */
  apiUrl: string;
}

/** Methods the host exposes to its guest. */
export const HOST_METHODS = {
  /** `() => FrameContext` */
  getContext: 'rai.getContext',
  /**
   * `() => TokenGrant | null`: a widget token for the guest, or `null` when signed out. For an
   * iframe channel's app it is a narrowed token (only that channel, only the chat scopes the
   * host allows); the guest cannot widen it.
   */
  getToken: 'rai.getToken',
  /** `(PostMessageRequest) => ChatMessage`: the host posts into its iframe channel for the app. */
  postMessage: 'rai.postMessage',
  /** `(NavigateRequest) => { accepted: boolean }`: the host decides (and may refuse). */
  navigate: 'rai.navigate',
} as const;

/** Events the host sends its guest. */
export const HOST_EVENTS = {
  /** `FrameContext`: theme, locale or member changed. */
  context: 'rai.context',
  /** `TokenGrant | null`: the host's token source refreshed (or the member signed out). */
  token: 'rai.token',
} as const;

/** Events a guest sends its host. */
export const GUEST_EVENTS = {
  /** `{ height: number }`: the guest's content height in CSS pixels (auto-height). */
  size: 'rai.size',
  /** `{ name: GuestNotification, detail: unknown }`: re-emitted by `<rai-frame>` as a DOM event `rai-<name>`. */
  notify: 'rai.notify',
} as const;

/** Notifications `<rai-frame>` re-emits as DOM events (`rai-ready`, `rai-error`, …). */
export const GUEST_NOTIFICATIONS = ['ready', 'error', 'unread-change', 'purchase', 'purchase-failed', 'message-sent', 'message-failed', 'sign-in-request'] as const;
export type GuestNotification = (typeof GUEST_NOTIFICATIONS)[number];

export interface PostMessageRequest {
  text: string;
}

export interface NavigateRequest {
  /** Absolute http(s) URL. */
  url: string;
  /** `_blank` (default) or `_top`. */
  target?: '_blank' | '_top';
}

export type { TokenGrant };
