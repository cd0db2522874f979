/**
 * The portal's one page, rendered by its backend for the session at hand, as a portal with
 * server-side sessions would: signed in, every widget carries `auth-url` from the start (no
 * public first paint to replace); signed out, the same widgets run public and the header holds
 * the login form. portal.js signs out in place. `html` escapes every interpolated value.
 */
import { html } from 'hono/html';

export interface PortalUser {
  id: string;
  displayName: string;
}

export interface PortalPageOptions {
  /** The kit's origin: its script and the widget API (the main demo server). */
  kitOrigin: string;
  /** Members the pretend login offers. */
  users: readonly PortalUser[];
  user: PortalUser | null;
  authUrl: string;
  tokenTtlSeconds: number;
}

export function renderPortalPage({ kitOrigin, users, user, authUrl, tokenTtlSeconds }: PortalPageOptions) {
  // Signed out, auth-url is left off: the widgets run public.
  const widget = html`community-id="demo" api-url="${kitOrigin}"${user ? html` auth-url="${authUrl}"` : ''}`;
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Northwind portal</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/portal.css" />
    <script type="module" src="${kitOrigin}/cdn/rai-kit.js" blocking="render"></script>
    <script type="module" src="/portal.js"></script>
  </head>
  <body>
    <header>
      <h1>Northwind portal</h1>
      <form id="login" method="post" action="/login" ${user ? 'hidden' : ''}>
        <label>Member <select id="user" name="user" required>
          ${users.map((u) => html`<option value="${u.id}">${u.displayName} (${u.id})</option>`)}
        </select></label>
        <button type="submit">Log in</button>
      </form>
      <p id="session" ${user ? '' : 'hidden'}>
        <span id="signed-in">Signed in as ${user?.displayName ?? ''}.</span>
        <button type="button" id="logout">Log out</button>
      </p>
      <p class="hint">
        The portal's backend mints ${tokenTtlSeconds}-second widget tokens at <code>${authUrl}</code> for whoever is
        signed in; the widgets renew them ahead of expiry.
      </p>
    </header>
    <main>
      <rai-leaderboard leaderboard-id="lb-xp" ${widget}></rai-leaderboard>
      <rai-xp-tier ${widget}></rai-xp-tier>
      <rai-chat-channel channel-id="ch-general" ${widget}></rai-chat-channel>
      <rai-store ${widget}></rai-store>
    </main>
  </body>
</html>`;
}
