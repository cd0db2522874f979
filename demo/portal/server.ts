/**
 * The logged-in portal's own backend (PORT + 3): a partner web app with its own login, here a
 * pretend one (pick a sandbox member). Its session is its own (a random id in an HttpOnly
 * cookie, the user in memory); the widgets never see it. They ask `POST /rai/token`, which
 * mints a short-lived widget token for whoever the session says is signed in (`authUrlHandler`
 * from @rai-kit/server, the same secret as the widget API). Logout forgets the session, so
 * the next token request is refused.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { authUrlHandler, type Upstream } from '@rai-kit/server';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { parse as parseCookies } from 'hono/utils/cookie';
import { strictCsp } from '../strict-csp.js';
import { renderPortalPage, type PortalUser } from './page.js';

const COMMUNITY = 'demo';
const AUTH_URL = '/rai/token';
// Not the main demo's cookie name: cookies ignore ports, and both origins are on one host.
const SESSION_COOKIE = 'portal_session';

export function createPortal(options: { upstream: Upstream; secret: string; kitOrigin: string; tokenTtlSeconds: number }) {
  const { upstream, secret, kitOrigin, tokenTtlSeconds } = options;
  const sessions = new Map<string, PortalUser>();
  const app = new Hono();

  const sessionUser = (sid: string | undefined) => (sid ? (sessions.get(sid) ?? null) : null);

  app.get('/', async (c) => {
    const page = await upstream.listUsers(COMMUNITY, { limit: 12 });
    const users = (page?.items ?? []).map(({ id, displayName }) => ({ id, displayName }));
    c.header('Content-Security-Policy', strictCsp(kitOrigin));
    return c.html(renderPortalPage({ kitOrigin, users, user: sessionUser(getCookie(c, SESSION_COOKIE)), authUrl: AUTH_URL, tokenTtlSeconds }));
  });

  // The page's own script and styles, served as they are written (no build step).
  const files = { '/portal.js': 'text/javascript', '/portal.css': 'text/css' } as const;
  for (const [path, type] of Object.entries(files)) {
    app.get(path, async (c) => c.body(await readFile(new URL(`.${path}`, import.meta.url), 'utf8'), 200, { 'Content-Type': `${type}; charset=utf-8` }));
  }

  // A form post, as a portal's login would be: the page comes back rendered for the member.
  app.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const me = typeof body.user === 'string' ? await upstream.getMe(COMMUNITY, body.user) : null;
    if (!me) return c.text('Pick a sandbox member to log in as.', 400);
    const sid = randomUUID();
    sessions.set(sid, { id: me.user.id, displayName: me.user.displayName });
    setCookie(c, SESSION_COOKIE, sid, { httpOnly: true, sameSite: 'Lax', path: '/' });
    return c.redirect('/', 303);
  });

  app.post('/logout', (c) => {
    const sid = getCookie(c, SESSION_COOKIE);
    if (sid) sessions.delete(sid);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  const mintToken = authUrlHandler({
    secret,
    communityId: COMMUNITY,
    ttlSeconds: tokenTtlSeconds,
    getUser: async (request) => sessionUser(parseCookies(request.headers.get('cookie') ?? '', SESSION_COOKIE)[SESSION_COOKIE]),
  });
  app.post(AUTH_URL, (c) => mintToken(c.req.raw));

  return { fetch: app.fetch };
}
