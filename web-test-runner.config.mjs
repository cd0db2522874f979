// Browser tests in real headless Chromium (Debian's, see scripts/ensure-chromium.sh),
// against the real sandbox server on loopback. Versions pinned for Node 20: TOOLCHAIN.md.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { register } from 'tsx/esm/api';

// Lets this config import the TypeScript test backend (and through it @rai-kit/server).
register();
const { startTestBackend } = await import('./test/support/backend.ts');
const { CHROMIUM_FLAGS, CHROMIUM_PATH } = await import('./scripts/chromium.ts');
const backend = await startTestBackend();

const chrome = chromeLauncher({
  launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS] },
});

/**
 * `executeServerCommand('go-offline', { afterMs, forMs })`: the page loses its network after
 * `afterMs`, for `forMs`, then gets it back (DevTools offline emulation: `navigator.onLine`,
 * the `offline`/`online` events and failing requests, all real). Answered before the network
 * goes, and restored from here, because the command channel itself is a WebSocket of the page.
 */
const offlinePlugin = {
  name: 'rai-offline',
  executeCommand({ command, payload, session }) {
    if (command !== 'go-offline') return undefined;
    const { afterMs = 50, forMs = 1_000 } = payload ?? {};
    const page = chrome.getPage(session.id);
    // The page may be gone by then (a test that failed early): nothing to restore.
    setTimeout(() => page.setOfflineMode(true).catch(() => {}), afterMs);
    setTimeout(() => page.setOfflineMode(false).catch(() => {}), afterMs + forMs);
    return true;
  },
};

/**
 * `executeServerCommand('frame-eval', { urlIncludes, expression })`: evaluates `expression` in
 * the page's frame whose URL contains `urlIncludes` and answers its (JSON) value, or
 * `{ missing: true }` while there is no such frame. DevTools sees into cross-origin frames,
 * which the page itself cannot: the tests look at what a user sees inside a widget frame.
 */
const frameEvalPlugin = {
  name: 'rai-frame-eval',
  async executeCommand({ command, payload, session }) {
    if (command !== 'frame-eval') return undefined;
    const frame = chrome.getPage(session.id).frames().find((candidate) => candidate.url().includes(payload.urlIncludes));
    if (!frame) return { missing: true };
    return { value: await frame.evaluate(payload.expression) };
  },
};

/**
 * `executeServerCommand('bfcache-round-trip', { url })`: opens `url` in a new tab, waits for
 * its `bridgeReport()` to show a connected bridge, navigates the tab to another page and back
 * (a back/forward-cache restore when the browser allows one), and answers the reports from
 * before and after (polled until the bridge answers again, or 5 s) plus Chromium's reasons
 * when the page was not restored from the cache.
 */
const bfcachePlugin = {
  name: 'rai-bfcache',
  async executeCommand({ command, payload, session }) {
    if (command !== 'bfcache-round-trip') return undefined;
    const page = await chrome.getPage(session.id).browser().newPage();
    const report = () => page.evaluate(() => globalThis.bridgeReport());
    const poll = async (done) => {
      const deadline = Date.now() + 5_000;
      let last = await report();
      while (!done(last) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        last = await report();
      }
      return last;
    };
    try {
      await page.goto(payload.url, { waitUntil: 'load' });
      const before = await poll((r) => r.guestLoad !== null);
      await page.goto(new URL('/test/bridge/guest.html?mode=silent', payload.url).href, { waitUntil: 'load' });
      await page.goBack({ waitUntil: 'load' });
      const notRestoredReasons = await page.evaluate(() => JSON.stringify(performance.getEntriesByType('navigation')[0]?.notRestoredReasons ?? null));
      const after = await poll((r) => r.guestLoad !== null && r.states.length > before.states.length);
      return { before, after, notRestoredReasons };
    } finally {
      await page.close();
    }
  },
};

export default {
  rootDir: '.',
  files: ['packages/widgets/src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['rai-kit-source', 'browser', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 15_000 } },
  middleware: [backend.middleware],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    { name: 'rai-test-backend', serverStop: () => backend.close() },
    offlinePlugin,
    frameEvalPlugin,
    bfcachePlugin,
  ],
  browsers: [chrome],
};
