import { clearSharedTokenSources, sharedAuthUrlSource } from '@rai-kit/core/auth';
import '@rai-kit/widgets/define/chat-channel';
import '@rai-kit/widgets/define/leaderboard';
import '@rai-kit/widgets/define/store';
import '@rai-kit/widgets/define/xp-tier';
import type { RaiWidget, Theme } from '@rai-kit/widgets';
import { $, demoApi, type DemoUser } from './demo-api.js';

const AUTH_URL = '/demo-api/token';
const CHAT_CHANNEL = 'ch-general';
const WIDGET_TAGS = 'rai-leaderboard, rai-xp-tier, rai-chat-channel, rai-store';

// Theme and language apply to every widget on the page.
$<HTMLSelectElement>('theme').addEventListener('change', (event) => {
  const theme = (event.target as HTMLSelectElement).value as Theme;
  document.querySelectorAll<RaiWidget>(WIDGET_TAGS).forEach((el) => (el.theme = theme));
});
$<HTMLSelectElement>('lang').addEventListener('change', (event) => {
  document.documentElement.lang = (event.target as HTMLSelectElement).value;
});

let currentUser: DemoUser | null = null;

function showSession(user: DemoUser | null): void {
  // A new session gets a new token source, so no token outlives the user it was for.
  stopWatching?.();
  clearSharedTokenSources();
  currentUser = user;
  $('logout').hidden = !user;
  $('member').hidden = !user;
  const slot = $('member-widgets');
  slot.replaceChildren();
  $('member-chat').replaceChildren();
  $('member-store').replaceChildren();
  if (!user) return;
  watchTokens();
  const leaderboard = document.createElement('rai-leaderboard');
  leaderboard.leaderboardId = 'lb-arena';
  slot.append(memberWidget(leaderboard), memberWidget(document.createElement('rai-xp-tier')));
  const chat = document.createElement('rai-chat-channel');
  chat.channelId = CHAT_CHANNEL;
  $('member-chat').append(memberWidget(chat));
  $('member-store').append(memberWidget(document.createElement('rai-store')));
}

/** Points a widget at the demo community and the portal's auth-url. */
function memberWidget<T extends RaiWidget>(widget: T): T {
  widget.setAttribute('community-id', 'demo');
  widget.authUrl = AUTH_URL;
  widget.theme = $<HTMLSelectElement>('theme').value as Theme;
  widget.addEventListener('rai-sign-in-request', () => $<HTMLSelectElement>('user').focus());
  return widget;
}

// Public widgets cannot post or buy: their "Sign in" takes the reader to the portal's login.
document.querySelector('[aria-labelledby=public-title]')!.addEventListener('rai-sign-in-request', (event) => {
  event.preventDefault();
  $<HTMLSelectElement>('user').focus();
});

function logToken(text: string): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} — ${text}`;
  $('token-log').prepend(item);
}

// The same shared source the widget uses: one token request for the whole page.
let stopWatching: (() => void) | undefined;
function watchTokens(): void {
  stopWatching = sharedAuthUrlSource(AUTH_URL).subscribe((event) => {
    if (event.type === 'token') logToken(`new token, expires in ${Math.round((event.expiresAt - Date.now()) / 1000)} s`);
    else logToken(`session expired: ${event.reason}`);
  });
}

async function award(grant: { xp?: number; coins?: number }, userId = currentUser?.id): Promise<void> {
  if (!userId) return;
  await demoApi(`/sandbox/v1/communities/demo/users/${userId}/awards`, {
    method: 'POST',
    body: JSON.stringify({ ...grant, reason: 'demo_button' }),
  });
}

// A burst of awards to random members: the server coalesces it into one standings event.
$('simulate').addEventListener('click', () => {
  for (let i = 0; i < 5; i++) {
    const member = `u_${String(1 + Math.floor(Math.random() * 200)).padStart(4, '0')}`;
    void award({ xp: 50 + Math.floor(Math.random() * 400) }, member);
  }
});
// Another member talks in the channel (the sandbox posts for them, no token needed).
$('say-hi').addEventListener('click', () => {
  const others = users.filter((u) => u.id !== currentUser?.id);
  const author = others[Math.floor(Math.random() * others.length)]!;
  void demoApi(`/sandbox/v1/communities/demo/channels/${CHAT_CHANNEL}/messages`, {
    method: 'POST',
    body: JSON.stringify({ authorId: author.id, text: `Hi ${currentUser?.displayName ?? 'there'}! 👋` }),
  });
});
$('award-xp').addEventListener('click', () => void award({ xp: 50 }));
$('award-big').addEventListener('click', () => void award({ xp: 1000 }));
$('award-coins').addEventListener('click', () => void award({ coins: 25 }));
$('award-coins-big').addEventListener('click', () => void award({ coins: 1000 }));

$<HTMLFormElement>('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const userId = $<HTMLSelectElement>('user').value;
  const { user } = await demoApi<{ user: DemoUser }>('/demo-api/login', { method: 'POST', body: JSON.stringify({ userId }) });
  showSession(user);
});
$('logout').addEventListener('click', async () => {
  await demoApi('/demo-api/logout', { method: 'POST' });
  showSession(null);
});

const [users, session] = await Promise.all([
  demoApi<DemoUser[]>('/demo-api/users'),
  demoApi<{ user: DemoUser | null; tokenTtlSeconds: number }>('/demo-api/session'),
]);
$('ttl').textContent = String(session.tokenTtlSeconds);
$<HTMLSelectElement>('user').append(
  ...users.map((user) => new Option(`${user.displayName} (${user.id})`, user.id, false, user.id === session.user?.id)),
);
showSession(session.user);
