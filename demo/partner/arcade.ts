/**
 * "Arcade", the demo's partner app: what a third party puts in a community's iframe channel.
 * It runs on origin B (demo/serve.ts's second port) and uses nothing of rai-kit but the guest
 * SDK: the member and theme from the frame's context, a tiny game, and "Share my score", which
 * asks the host to post into the channel (the host does it with a token narrowed to the channel).
 *
 * The community page (origin A) is on the same host, one port lower: the only origin this app
 * talks to. A real app would list its communities' origins here.
 */
import { BridgeError, connectToHost, type FrameContext } from '@rai-kit/core/guest';
import { demoOrigin } from '../origins.js';

const GAME_MS = 5_000;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

// Origin A, the community page's: this app's host, the port before this app's (origins.ts).
const host = connectToHost({ allowedOrigins: [demoOrigin('main', location, 'partnerApp')] });
host.autoResize();

let member: FrameContext['user'] = null;
let score: number | null = null;
let sharing = false;

function applyContext(context: FrameContext): void {
  document.documentElement.dataset.theme = context.theme;
  // The app speaks English only, so it keeps its own language and direction whatever
  // `context.locale`/`context.dir` say; a translated app would apply them here.
  member = context.user;
  $('greeting').textContent = member ? `Hi ${member.displayName}!` : 'Arcade';
  $('intro').textContent = member
    ? 'Beat your best score and share it with the channel.'
    : 'Play as a guest; sign in on the community page to share your score.';
  $('sign-in').hidden = member !== null;
  updateShare();
}

function updateShare(): void {
  $<HTMLButtonElement>('share').disabled = score === null || member === null || sharing;
}

function setShareStatus(text: string, kind: 'ok' | 'error' | '' = ''): void {
  const status = $('share-status');
  status.textContent = text;
  status.className = kind;
}

// ── The game: press the coin as often as you can in 5 seconds ─────────────────

const coins = (n: number) => `${n} ${n === 1 ? 'coin' : 'coins'}`;
let clicks = 0;
$('start').addEventListener('click', () => {
  const start = $<HTMLButtonElement>('start');
  const coin = $<HTMLButtonElement>('coin');
  clicks = 0;
  score = null;
  $('score').textContent = '0';
  $('result').textContent = 'Go!';
  setShareStatus('');
  updateShare();
  start.disabled = true;
  coin.disabled = false;
  coin.focus();
  const endsAt = performance.now() + GAME_MS;
  const tick = () => {
    const left = Math.max(0, endsAt - performance.now());
    $('timer').textContent = `${(left / 1000).toFixed(1)} s`;
    if (left > 0) return void requestAnimationFrame(tick);
    coin.disabled = true;
    start.disabled = false;
    start.textContent = 'Play again';
    score = clicks;
    $('result').textContent = `Time! You grabbed ${coins(score)} in 5 seconds.`;
    updateShare();
    // The share button is next for a member; otherwise back to Play again.
    ($<HTMLButtonElement>('share').disabled ? start : $('share')).focus();
  };
  requestAnimationFrame(tick);
});
$('coin').addEventListener('click', () => {
  clicks++;
  $('score').textContent = String(clicks);
});

// ── Talking to the host ──────────────────────────────────────────────────────

$('share').addEventListener('click', async () => {
  if (score === null) return;
  sharing = true;
  updateShare();
  setShareStatus('Sharing…');
  try {
    const message = await host.postMessage(`I grabbed ${coins(score)} in 5 seconds in the Arcade!`);
    setShareStatus('Shared in the channel.', 'ok');
    host.notify('message-sent', { messageId: message.id });
  } catch (error) {
    const text = error instanceof BridgeError ? error.message : String(error);
    setShareStatus(`Could not share: ${text}`, 'error');
    host.notify('message-failed', { message: text });
  } finally {
    sharing = false;
    updateShare();
  }
});

// Asks the community page to show its login (<rai-frame> fires rai-sign-in-request there).
$('sign-in').addEventListener('click', () => host.notify('sign-in-request'));

host.onContextChange(applyContext);
try {
  await host.ready;
  applyContext(await host.getContext());
  host.notify('ready', { app: 'arcade', version: 1 });
} catch (error) {
  $('intro').textContent =
    window.parent === window
      ? 'Open the Arcade from the community page: it runs inside its iframe channel.'
      : `Could not reach the community page: ${(error as Error).message}`;
}
