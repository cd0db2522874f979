/**
 * A host page for the back/forward-cache test, opened as its own tab by the `bfcache-round-trip`
 * test command: it frames the guest fixture on the second origin and records what its
 * connection goes through, for the command to read before leaving and after coming back.
 */
import { connectToGuest } from '../../packages/core/src/bridge/index.js';

const guest = new URL('/test/bridge/guest.html', `http://127.0.0.1:${location.port}`);
guest.searchParams.set('allowed', location.origin);
const iframe = document.createElement('iframe');
iframe.title = 'bridge test guest';
iframe.src = guest.href;
document.body.append(iframe);

const connection = connectToGuest({ iframe, allowedOrigins: [guest.origin] });
const report = { states: [connection.state] as string[], restored: false, loadId: Math.random().toString(36).slice(2) };
connection.onStateChange((state) => report.states.push(state));
addEventListener('pageshow', (event) => {
  if (event.persisted) report.restored = true;
});

/** Read by the command: the page's record, and whether a call answers now (and from which guest load). */
Object.assign(globalThis, {
  bridgeReport: async () => {
    let guestLoad: string | null = null;
    try {
      guestLoad = ((await connection.call('stats', undefined, { timeoutMs: 1_000 })) as { loadId: string }).loadId;
    } catch {
      // not connected (yet)
    }
    return { ...report, state: connection.state, guestLoad };
  },
});
