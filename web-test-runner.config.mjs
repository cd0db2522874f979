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
      launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS] },
    }),
  ],
};
