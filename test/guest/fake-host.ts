/**
 * A minimal rai-kit host for the guest SDK tests (the real `<rai-frame>` is built elsewhere):
 * the bridge's connectToGuest answering the kit protocol from fixed values, recording what
 * the guest sends, and sizing the iframe from its reports as a real host would.
 */
import type { ChatMessage } from '../../packages/core/src/api/index.js';
import {
  GUEST_EVENTS,
  HOST_METHODS,
  connectToGuest,
  type Connection,
  type FrameContext,
  type NavigateRequest,
  type PostMessageRequest,
} from '../../packages/core/src/bridge/index.js';
import type { TokenGrant } from '../../packages/core/src/auth/index.js';
import { GUEST_ORIGIN, HOST_ORIGIN, makeIframe, track } from '../bridge/helpers.js';

export const baseContext: FrameContext = {
  communityId: 'demo',
  channelId: 'ch-general',
  user: { id: 'u_0001', displayName: 'Ada', avatarUrl: 'https://example.com/ada.png' },
  theme: 'light',
  locale: 'en-GB',
  dir: 'ltr',
  apiUrl: 'http://localhost:1',
};

export interface FakeHost {
  connection: Connection;
  iframe: HTMLIFrameElement;
  posts: string[];
  navigations: NavigateRequest[];
  sizes: number[];
  notes: unknown[];
  /** Calls one of the partner app's `test.*` methods. */
  drive<T = any>(method: string, params?: unknown): Promise<T>;
}

export function partnerUrl(): string {
  return `${GUEST_ORIGIN}/test/guest/partner.html?${new URLSearchParams({ allowed: HOST_ORIGIN })}`;
}

export async function fakeHost(options: { context?: FrameContext; token?: TokenGrant | null } = {}): Promise<FakeHost> {
  const context = options.context ?? baseContext;
  const iframe = makeIframe(partnerUrl(), { attach: false });
  const host: Omit<FakeHost, 'connection' | 'drive'> = { iframe, posts: [], navigations: [], sizes: [], notes: [] };
  const connection = track(
    connectToGuest({
      iframe,
      allowedOrigins: [GUEST_ORIGIN],
      timeouts: { connectMs: 5_000, heartbeatMs: 500 },
      methods: {
        [HOST_METHODS.getContext]: () => context,
        [HOST_METHODS.getToken]: () => options.token ?? null,
        [HOST_METHODS.postMessage]: ({ text }: PostMessageRequest): Partial<ChatMessage> => {
          if (text === 'refuse me') throw Object.assign(new Error('Posting is off in this channel.'), { code: 'forbidden' });
          host.posts.push(text);
          return { id: `m_${host.posts.length}`, text };
        },
        [HOST_METHODS.navigate]: (request: NavigateRequest) => {
          host.navigations.push(request);
          return { accepted: request.url.startsWith('https://') };
        },
      },
    }),
  );
  connection.on(GUEST_EVENTS.size, ({ height }: { height: number }) => {
    host.sizes.push(height);
    iframe.style.height = `${height}px`;
  });
  connection.on(GUEST_EVENTS.notify, (note) => host.notes.push(note));
  document.body.append(iframe);
  await connection.ready;
  return { ...host, connection, drive: (method, params) => connection.call(`test.${method}`, params) };
}
