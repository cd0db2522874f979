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

export default {
  rootDir: '.',
  files: ['packages/widgets/src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 15_000 } },
  middleware: [backend.middleware],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    { name: 'rai-test-backend', serverStop: () => backend.close() },
    offlinePlugin,
  ],
  browsers: [chrome],
};
