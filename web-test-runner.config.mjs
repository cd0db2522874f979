// Browser tests in real headless Chromium (Debian's, see scripts/ensure-chromium.sh),
// against the real sandbox server on loopback. Versions pinned for Node 20: TOOLCHAIN.md.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { register } from 'tsx/esm/api';

// Lets this config import the TypeScript test backend (and through it @rai-kit/server).
register();
const { startTestBackend } = await import('./test/support/backend.ts');
const backend = await startTestBackend();

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
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
};
