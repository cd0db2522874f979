/** Shared test helpers: a real widget API on 127.0.0.1:0, token minting, an SSE reader. */
import type { Scope } from '@rai-kit/core/auth';
import { createMemoryUpstream, createWidgetApi, mintWidgetToken, startServer, type WidgetApiOptions } from '../src/index.js';

export const SECRET = 'test-secret-for-the-server-suite-0123456789';
export const COMMUNITY = 'demo';

/** Starts the sandbox API on a free port; `close()` must run in `after`. */
export async function startApi({
  standingsFlushMs,
  orderFulfilMs,
  ...options
}: Partial<WidgetApiOptions> & { standingsFlushMs?: number; orderFulfilMs?: number } = {}) {
  const upstream = createMemoryUpstream({
    seed: 7,
    ...(standingsFlushMs === undefined ? {} : { standingsFlushMs }),
    ...(orderFulfilMs === undefined ? {} : { orderFulfilMs }),
  });
  const api = createWidgetApi({ upstream, tokenSecret: SECRET, sandboxAdmin: true, heartbeatMs: 200, ...options });
  const server = await startServer({ api, port: 0, hostname: '127.0.0.1' });
  const url = (path: string) => `${server.url}${path}`;
  return {
    api,
    upstream,
    url,
    close: async () => {
      await server.close();
      upstream.close();
    },
    /** A token for `userId` in `communityId` (default u_0001 in demo). */
    token: async (opts: { userId?: string; communityId?: string; scopes?: Scope[]; ttlSeconds?: number; secret?: string } = {}) =>
      (
        await mintWidgetToken({
          secret: opts.secret ?? SECRET,
          communityId: opts.communityId ?? COMMUNITY,
          user: { id: opts.userId ?? 'u_0001' },
          ...(opts.scopes ? { scopes: opts.scopes } : {}),
          ...(opts.ttlSeconds ? { ttlSeconds: opts.ttlSeconds } : {}),
        })
      ).token,
    /** POSTs an award through the sandbox admin API. */
    award: async (userId: string, body: { xp?: number; coins?: number; reason?: string }, headers: Record<string, string> = {}) =>
      fetch(url(`/sandbox/v1/communities/${COMMUNITY}/users/${userId}/awards`), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
  };
}

export type TestApi = Awaited<ReturnType<typeof startApi>>;

/** One parsed SSE item: an event, or a comment line such as `: ping`. */
export type SseItem = { kind: 'event'; id?: string; event: string; data: unknown } | { kind: 'comment'; text: string };

/** Reads an SSE response item by item. */
export function sseReader(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const queued: SseItem[] = [];
  let ended = false;
  // A read outlives a timed-out wait, so its chunk is never lost.
  let pending: Promise<ReadableStreamReadResult<string>> | null = null;

  const parse = (block: string): SseItem => {
    if (block.startsWith(':')) return { kind: 'comment', text: block.slice(1).trim() };
    const item: { kind: 'event'; id?: string; event: string; data: unknown } = { kind: 'event', event: 'message', data: undefined };
    for (const line of block.split('\n')) {
      const [field, ...rest] = line.split(': ');
      const value = rest.join(': ');
      if (field === 'id') item.id = value;
      else if (field === 'event') item.event = value;
      else if (field === 'data') item.data = JSON.parse(value);
    }
    return item;
  };

  /** The next item, or `null` when the stream ended; rejects after `timeoutMs`. */
  const next = async (timeoutMs = 2000): Promise<SseItem | null> => {
    const deadline = Date.now() + timeoutMs;
    while (queued.length === 0 && !ended) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`No SSE item within ${timeoutMs} ms`);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`No SSE item within ${timeoutMs} ms`)), remaining);
      });
      try {
        pending ??= reader.read();
        const { value, done } = await Promise.race([pending, timeout]);
        pending = null;
        if (done) ended = true;
        else buffer += value;
      } finally {
        clearTimeout(timer);
      }
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        queued.push(parse(buffer.slice(0, end)));
        buffer = buffer.slice(end + 2);
      }
    }
    return queued.shift() ?? null;
  };

  /** The next `count` events, skipping comments. */
  const events = async (count: number, timeoutMs = 2000) => {
    const found: Extract<SseItem, { kind: 'event' }>[] = [];
    while (found.length < count) {
      const item = await next(timeoutMs);
      if (!item) throw new Error(`Stream ended after ${found.length} of ${count} events`);
      if (item.kind === 'event') found.push(item);
    }
    return found;
  };

  return { next, events, close: () => reader.cancel().catch(() => {}) };
}

/** Opens the `me` stream. */
export async function openMeStream(t: TestApi, token: string, headers: Record<string, string> = {}) {
  const response = await fetch(t.url(`/widget/v1/communities/${COMMUNITY}/me/events`), {
    headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream', ...headers },
  });
  return { response, stream: sseReader(response) };
}
