/**
 * The demo's community page (origin A, the demo server): a pretend login (the demo backend of
 * main.ts), the community's channels as the widget API lists them, and the selected channel:
 * `<rai-chat-channel>` for a text or announcement channel, and for the iframe channel
 * `ch-arcade` the partner app in `<rai-frame>` with the channel's chat (the app's posts) under it.
 *
 * Beside the channels, the top members: `<rai-leaderboard>` in iframe mode (`<rai-frame
 * widget="leaderboard">`), in the widget frame document the API serves at /frame.
 *
 * The partner app runs on origin B: the same host, port + 1 (demo/serve.ts listens there too and
 * serves only the app). Two ports are two origins, so the frame's allow-list and the bridge's
 * origin checks are real; a real partner would have its own domain.
 */
import { WidgetApiClient, paths, type Channel } from '@rai-kit/core/api';
import { clearSharedTokenSources, noToken, sharedAuthUrlSource } from '@rai-kit/core/auth';
import '@rai-kit/widgets/define/chat-channel';
import '@rai-kit/widgets/define/frame';
import type { RaiWidget, Theme } from '@rai-kit/widgets';
import { $, demoApi, type DemoUser } from './demo-api.js';
import { demoOrigin } from './origins.js';

const COMMUNITY = 'demo';
const AUTH_URL = '/demo-api/token';
const APP_CHANNEL = 'ch-arcade';
const WIDGET_TAGS = 'rai-chat-channel, rai-frame';

/** Origin B, the partner app's: this page's host, the next port (origins.ts). */
const PARTNER = demoOrigin('partnerApp', location);
$('partner-origin').textContent = PARTNER;


const themeOf = () => $<HTMLSelectElement>('theme').value as Theme;

// Theme and language apply to every widget on the page (and <rai-frame> passes them to the app).
$<HTMLSelectElement>('theme').addEventListener('change', () => {
  document.querySelectorAll<RaiWidget>(WIDGET_TAGS).forEach((el) => (el.theme = themeOf()));
});
$<HTMLSelectElement>('lang').addEventListener('change', (event) => {
  document.documentElement.lang = (event.target as HTMLSelectElement).value;
});

let currentUser: DemoUser | null = null;
let channels: Channel[] = [];
let selected = location.hash.slice(1) || 'ch-general';

// ── Channel list ──────────────────────────────────────────────────────────────

/** The channel list as this visitor may see it: with the member's token when signed in. */
async function loadChannels(): Promise<void> {
  const status = $('channels-status');
  status.textContent = 'Loading channels…';
  const client = new WidgetApiClient({
    apiUrl: location.origin,
    tokenSource: currentUser ? sharedAuthUrlSource(AUTH_URL) : noToken,
  });
  try {
    channels = (await client.getPage<Channel>(paths.channels(COMMUNITY))).items;
    status.textContent = '';
  } catch (error) {
    channels = [];
    status.textContent = `Could not load the channels: ${(error as Error).message}`;
  }
  renderChannelList();
}

/** What the list says about a channel beside its name. */
const BADGES: Record<string, string> = { announcement: 'news', iframe: 'app' };

function renderChannelList(): void {
  const list = $('channels');
  list.replaceChildren(
    ...channels.map((channel) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.channel = channel.id;
      const icon = document.createElement('span');
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = channel.type === 'iframe' ? '▶' : '#';
      button.append(icon, channel.name);
      const badge = channel.visibility === 'members' ? 'members' : BADGES[channel.type];
      if (badge) button.append(Object.assign(document.createElement('span'), { className: 'badge', textContent: badge }));
      if (channel.id === selected) button.setAttribute('aria-current', 'true');
      button.addEventListener('click', () => select(channel.id));
      const item = document.createElement('li');
      item.append(button);
      return item;
    }),
  );
  renderChannel();
}

// Up/Down (and Home/End) move between the channel buttons; Tab leaves the list.
$('channels').addEventListener('keydown', (event) => {
  const buttons = [...$('channels').querySelectorAll('button')];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index < 0) return;
  const next =
    event.key === 'ArrowDown' ? (index + 1) % buttons.length
    : event.key === 'ArrowUp' ? (index - 1 + buttons.length) % buttons.length
    : event.key === 'Home' ? 0
    : event.key === 'End' ? buttons.length - 1
    : -1;
  if (next < 0) return;
  event.preventDefault();
  buttons[next]!.focus();
});

function select(channelId: string): void {
  if (channelId === selected) return;
  selected = channelId;
  history.replaceState(null, '', `#${channelId}`);
  for (const button of $('channels').querySelectorAll<HTMLButtonElement>('button')) {
    if (button.dataset.channel === channelId) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
  renderChannel();
}

// ── The selected channel ──────────────────────────────────────────────────────

/** Points a widget at the community and, when signed in, the portal's auth-url. */
function widget<K extends 'rai-chat-channel' | 'rai-frame'>(tag: K): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.setAttribute('community-id', COMMUNITY);
  if (currentUser) el.setAttribute('auth-url', AUTH_URL);
  el.theme = themeOf();
  return el;
}

function renderChannel(): void {
  const channel = channels.find((c) => c.id === selected);
  const slot = $('channel-slot');
  const code = $('channel-code');
  $('frame-events').textContent = '';
  if (!channel) {
    $('channel-title').textContent = channels.length ? 'Pick a channel' : '';
    $('channel-description').textContent = '';
    code.hidden = true;
    slot.replaceChildren();
    return;
  }
  $('channel-title').textContent = channel.name;
  $('channel-description').textContent = channel.description;
  const auth = currentUser ? ` auth-url="${AUTH_URL}"` : '';
  const chat = widget('rai-chat-channel');
  chat.setAttribute('channel-id', channel.id);
  if (channel.id !== APP_CHANNEL) {
    code.firstElementChild!.textContent = `<rai-chat-channel community-id="${COMMUNITY}" channel-id="${channel.id}"${auth}></rai-chat-channel>`;
    code.hidden = false;
    slot.replaceChildren(chat);
    return;
  }
  const frame = widget('rai-frame');
  const src = `${PARTNER}/partner/arcade.html`;
  Object.entries({ src, 'allowed-origins': PARTNER, title: 'Arcade', 'channel-id': APP_CHANNEL }).forEach(([name, value]) =>
    frame.setAttribute(name, value),
  );
  code.firstElementChild!.textContent =
    `<rai-frame src="${src}" allowed-origins="${PARTNER}" title="Arcade"\n` +
    `  community-id="${COMMUNITY}" channel-id="${APP_CHANNEL}"${auth}></rai-frame>\n` +
    `<rai-chat-channel community-id="${COMMUNITY}" channel-id="${APP_CHANNEL}"${auth}></rai-chat-channel>`;
  code.hidden = false;
  // Only while on the page: a removed frame's late word (a timeout of its last connection) is not news.
  const log = (text: string) => frame.isConnected && ($('frame-events').textContent = text);
  frame.addEventListener('rai-ready', () => log('The arcade connected (rai-ready).'));
  frame.addEventListener('rai-message-sent', () => log('The arcade shared a score into the channel (rai-message-sent).'));
  frame.addEventListener('rai-message-failed', (event) => log(`The arcade could not share: ${(event as CustomEvent<{ message?: string }>).detail?.message ?? 'unknown error'} (rai-message-failed).`));
  frame.addEventListener('rai-frame-error', (event) => log(`The arcade could not start: ${(event as CustomEvent<{ message: string }>).detail.message}`));
  slot.replaceChildren(frame, chat);
}

// Sign-in prompts from the chat and from the app (its "Sign in" button) take the visitor to the login.
$('channel-slot').addEventListener('rai-sign-in-request', (event) => {
  event.preventDefault();
  $<HTMLSelectElement>('user').focus();
});

// ── Session ──────────────────────────────────────────────────────────────────

/** Removes the channel's widgets (before the session changes, so none asks for a token of the old one). */
function closeChannel(): void {
  $('channel-slot').replaceChildren();
  $('frame-events').textContent = '';
}

/** The top members, as a widget in iframe mode: its frame gets this page's member token over the bridge. */
function renderTopMembers(): void {
  const frame = widget('rai-frame');
  Object.entries({ widget: 'leaderboard', 'leaderboard-id': 'lb-xp', limit: '5', title: 'Top members' }).forEach(([name, value]) =>
    frame.setAttribute(name, value),
  );
  $('top-slot').replaceChildren(frame);
}

function showSession(user: DemoUser | null): void {
  closeChannel();
  $('top-slot').replaceChildren();
  // A new session gets a new token source, so no token outlives the member it was for.
  clearSharedTokenSources();
  currentUser = user;
  renderTopMembers();
  $('logout').hidden = !user;
  $('signed-in').textContent = user ? `Signed in as ${user.displayName}.` : 'Signed out: channels are read-only.';
  void loadChannels();
}

$<HTMLFormElement>('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  closeChannel();
  const userId = $<HTMLSelectElement>('user').value;
  const { user } = await demoApi<{ user: DemoUser }>('/demo-api/login', { method: 'POST', body: JSON.stringify({ userId }) });
  showSession(user);
});
$('logout').addEventListener('click', async () => {
  closeChannel();
  await demoApi('/demo-api/logout', { method: 'POST' });
  showSession(null);
});

const [users, session] = await Promise.all([
  demoApi<DemoUser[]>('/demo-api/users'),
  demoApi<{ user: DemoUser | null }>('/demo-api/session'),
]);
$<HTMLSelectElement>('user').append(
  ...users.map((user) => new Option(`${user.displayName} (${user.id})`, user.id, false, user.id === session.user?.id)),
);
showSession(session.user);
