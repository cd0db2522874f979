/**
 * The demo's "partner portal" backend: a pretend login (pick a sandbox member; the choice
 * is kept in an HttpOnly cookie) and the auth-url that mints widget tokens for whoever is
 * logged in. A real portal would use its own session here; the token part is the same.
 */
import { authUrlHandler, type Upstream } from '@rai-kit/server';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { parse as parseCookies } from 'hono/utils/cookie';

export const DEMO_COMMUNITY = 'demo';
const COOKIE = 'rai_demo_user';

export function createDemoBackend(options: { upstream: Upstream; secret: string; tokenTtlSeconds: number }) {
  const { upstream, secret, tokenTtlSeconds } = options;
  const app = new Hono().basePath('/demo-api');

  const userFromCookie = async (cookieHeader: string | null) => {
    const id = parseCookies(cookieHeader ?? '', COOKIE)[COOKIE];
    if (!id) return null;
    const me = await upstream.getMe(DEMO_COMMUNITY, id);
    return me ? { id: me.user.id, displayName: me.user.displayName } : null;
  };

  const mintForSession = authUrlHandler({
    secret,
    communityId: DEMO_COMMUNITY,
    ttlSeconds: tokenTtlSeconds,
    getUser: (request) => userFromCookie(request.headers.get('cookie')),
  });

  app.get('/users', async (c) => {
    const page = await upstream.listUsers(DEMO_COMMUNITY, { limit: 12 });
    return c.json({ data: page?.items ?? [] });
  });

  app.get('/session', async (c) => {
    return c.json({ data: { user: await userFromCookie(c.req.header('cookie') ?? null), tokenTtlSeconds } });
  });

  app.post('/login', async (c) => {
    const { userId } = await c.req.json<{ userId?: string }>().catch(() => ({ userId: undefined }));
    const me = userId ? await upstream.getMe(DEMO_COMMUNITY, userId) : null;
    if (!me) return c.json({ error: { code: 'invalid_request', message: 'Pick a sandbox member to log in as.', requestId: '' } }, 400);
    setCookie(c, COOKIE, me.user.id, { httpOnly: true, sameSite: 'Lax', path: '/' });
    return c.json({ data: { user: me.user } });
  });

  app.post('/logout', (c) => {
    deleteCookie(c, COOKIE, { path: '/' });
    return c.json({ data: { user: null } });
  });

  app.post('/token', (c) => mintForSession(c.req.raw));

  return { fetch: app.fetch };
}
