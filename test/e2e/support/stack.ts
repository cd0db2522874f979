/**
 * The whole demo stack as `npm start` runs it (demo/serve.ts: the API, /cdn/, the demo pages,
 * the partner app, the partner site, the portal), as a child process on free ports (PORT=0),
 * with its URLs read from what it prints. A child, not an import: serve.ts is the program a
 * user starts, and the tests should meet the same one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface DemoStack {
  /** The main origin: widget API, /cdn/, the demo pages (e.g. `http://127.0.0.1:41234`). */
  main: string;
  partnerApp: string;
  partnerSite: string;
  portal: string;
  stop(): Promise<void>;
}

/** The labels serve.ts prints before each URL. */
const LABELS = { main: 'rai-kit demo', partnerApp: 'partner app', partnerSite: 'partner site', portal: 'portal' } as const;
type Key = keyof typeof LABELS;

const SERVE = fileURLToPath(new URL('../../../demo/serve.ts', import.meta.url));
const START_TIMEOUT_MS = 30_000;
// PORT=0 picks a free main port, but the siblings (PORT + 1…3) may be taken: then start again.
const ATTEMPTS = 3;

export async function startDemoStack(env: Record<string, string> = {}): Promise<DemoStack> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env);
    } catch (error) {
      if (attempt === ATTEMPTS || !(error instanceof Error && error.message.includes('EADDRINUSE'))) throw error;
    }
  }
}

async function startOnce(env: Record<string, string>): Promise<DemoStack> {
  // The workspace packages from their TypeScript source, as .npmrc has it for `npm start`.
  const child = spawn(process.execPath, ['--conditions=rai-kit-source', '--import', 'tsx', SERVE], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', RAI_TOKEN_SECRET: randomBytes(32).toString('hex'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  try {
    const urls = await new Promise<Record<Key, string>>((resolve, reject) => {
      const found: Partial<Record<Key, string>> = {};
      const timer = setTimeout(() => reject(new Error(`the demo server did not print its URLs in ${START_TIMEOUT_MS / 1000} s:\n${output}`)), START_TIMEOUT_MS);
      child.stdout!.on('data', (chunk) => {
        output += chunk;
        for (const [key, label] of Object.entries(LABELS) as Array<[Key, string]>) {
          const match = output.match(new RegExp(`^${label}\\s+(http://\\S+)`, 'm'));
          if (match) found[key] = new URL(match[1]!).origin;
        }
        if (Object.keys(found).length === Object.keys(LABELS).length) {
          clearTimeout(timer);
          resolve(found as Record<Key, string>);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the demo server exited (${code}) before it was up:\n${output}`));
      });
    });
    return { ...urls, stop: () => stop(child) };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
