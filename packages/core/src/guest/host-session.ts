import type { ChatMessage } from '../api/chat-types.js';
import { connectToHost as connectBridge, type Connection, type HostOptions } from '../bridge/index.js';
import {
  GUEST_EVENTS,
  HOST_EVENTS,
  HOST_METHODS,
  type FrameContext,
  type GuestNotification,
  type NavigateRequest,
  type PostMessageRequest,
  type TokenGrant,
} from '../bridge/kit-protocol.js';
import { SizeReporter } from './size-reporter.js';

/** Options of {@link connectToHost}: the bridge's, minus what the kit protocol fixes. */
export type HostSessionOptions = Pick<HostOptions, 'allowedOrigins' | 'timeouts' | 'hostWindow'>;

/**
 * A partner app's line to the rai-kit page framing it. Every call is queued until the
 * handshake is done and rejects with the bridge's `BridgeError`.
 */
export interface HostSession {
  /** Resolves once connected; rejects with a `BridgeError` (`connect_timeout`, `refused_origin`…). */
  readonly ready: Promise<void>;
  /** The underlying bridge connection (state, `onStateChange`). */
  readonly connection: Connection;
  getContext(): Promise<FrameContext>;
  /** A token confined to this app's channel, or `null` when the member is signed out. */
  getToken(): Promise<TokenGrant | null>;
  /** Posts `text` into the channel as the member; answers the message. */
  postMessage(text: string): Promise<ChatMessage>;
  /** Asks the host to open `url` (absolute http(s)); resolves whether it did. */
  requestNavigation(url: string, target?: NavigateRequest['target']): Promise<boolean>;
  /** Tells the host the content height (CSS px, rounded up; repeats are not sent). */
  requestResize(height: number): void;
  /** Reports `element`'s height on every change; returns the function that stops. */
  autoResize(element?: Element): () => void;
  /** Re-emitted by the host as the DOM event `rai-<name>` on its `<rai-frame>`. */
  notify(name: GuestNotification, detail?: unknown): void;
  /** Theme, locale or member changed. Returns the unsubscribe function. */
  onContextChange(listener: (context: FrameContext) => void): () => void;
  /** The host's token refreshed (`null`: signed out). Returns the unsubscribe function. */
  onTokenChange(listener: (grant: TokenGrant | null) => void): () => void;
  close(): void;
}

/**
 * Connects a partner app (inside an iframe channel) to the rai-kit host page. Returns at once;
 * await `ready` to know the handshake succeeded. `allowedOrigins` is required (no `*`: tokens
 * travel).
 */
export function connectToHost(options: HostSessionOptions): HostSession {
  const connection = connectBridge({ ...options, sensitive: true });
  const size = new SizeReporter((height) => connection.emit(GUEST_EVENTS.size, { height }));
  return {
    ready: connection.ready,
    connection,
    getContext: () => connection.call(HOST_METHODS.getContext) as Promise<FrameContext>,
    getToken: () => connection.call(HOST_METHODS.getToken) as Promise<TokenGrant | null>,
    postMessage: (text) => connection.call(HOST_METHODS.postMessage, { text } satisfies PostMessageRequest) as Promise<ChatMessage>,
    requestNavigation: async (url, target) => {
      const request: NavigateRequest = target === undefined ? { url } : { url, target };
      return ((await connection.call(HOST_METHODS.navigate, request)) as { accepted: boolean }).accepted === true;
    },
    requestResize: (height) => size.report(height),
    autoResize: (element = document.documentElement) => size.observe(element),
    notify: (name, detail) => void connection.emit(GUEST_EVENTS.notify, { name, detail }),
    onContextChange: (listener) => connection.on(HOST_EVENTS.context, listener),
    onTokenChange: (listener) => connection.on(HOST_EVENTS.token, listener),
    close: () => connection.close(),
  };
}
