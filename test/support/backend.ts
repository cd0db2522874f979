/**
 * Node side of the browser tests: the real sandbox widget API on its own loopback origin,
 * and a stand-in for a partner's backend (the `auth-url` that mints widget tokens)
 * mounted into the test runner's own origin, as a portal would serve it.
 */
import { authUrlHandler, createMemoryUpstream, createWidgetApi, startServer } from '@rai-kit/server';
import type { Context, Next } from 'koa';
import { buildFrameScript } from './frame-script.js';

export const TEST_COMMUNITY = 'demo';
const SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export async function startTestBackend() {
  const frameScript = await buildFrameScript();
  const widgetApi = createWidgetApi({
    upstream: createMemoryUpstream({ seed: 42 }),
    tokenSecret: SECRET,
    sandboxAdmin: true,
    heartbeatMs: 1_000,
    rateLimit: { windowMs: 60_000, max: 10_000 },
    frameDocument: { scriptUrl: frameScript.scriptUrl },
  });
  // The API also serves the frame document's script, as the CDN would.
  const api = {
    ...widgetApi,
    fetch: async (request: Request) => {
      const script = await frameScript.read(new URL(request.url).pathname);
      if (script === undefined) return widgetApi.fetch(request);
      return new Response(script, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
    },
  };
  // 127.0.0.1 while the test pages are on localhost: a second origin, so CORS is exercised.
  const server = await startServer({ api, port: 0, hostname: '127.0.0.1' });
  const issued = new Map<string, number>();

  /**
   * POST /host/token?user=u_0001&ttl=3&session=s1 — the host backend's auth-url.
   * `user=none` plays a signed-out visitor. `session` counts tokens issued, so tests can
   * check that several widgets share one refresh.
   */
  async function hostToken(url: URL, method: string): Promise<Response> {
    const user = url.searchParams.get('user') ?? 'u_0001';
    const session = url.searchParams.get('session') ?? '';
    const handler = authUrlHandler({
      secret: SECRET,
      communityId: url.searchParams.get('community') ?? TEST_COMMUNITY,
      ttlSeconds: Number(url.searchParams.get('ttl') ?? 300),
      getUser: async () => (user === 'none' ? null : { id: user }),
    });
    const response = await handler(new Request(url, { method }));
    if (response.ok) issued.set(session, (issued.get(session) ?? 0) + 1);
    return response;
  }

  async function middleware(ctx: Context, next: Next) {
    const url = new URL(ctx.href);
    let response: Response | undefined;
    if (url.pathname === '/__rai/env.json') response = Response.json({ apiUrl: server.url, community: TEST_COMMUNITY });
    else if (url.pathname === '/host/token') response = await hostToken(url, ctx.method);
    else if (url.pathname === '/host/stats') response = Response.json({ issued: issued.get(url.searchParams.get('session') ?? '') ?? 0 });
    if (!response) return next();
    ctx.status = response.status;
    response.headers.forEach((value, key) => ctx.set(key, value));
    ctx.body = await response.text();
  }

  return { middleware, close: () => Promise.all([server.close(), frameScript.remove()]) };
}
