/**
 * Node side of the browser benches: bundles the bench page with esbuild as production
 * code (what a partner ships) and serves it from a tiny loopback server, a different
 * origin from the API's so the widget's real CORS path runs.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundles `entry` — a bench/browser module, or `{ contents }`: source text resolved from
 * bench/ — into one minified ES module.
 */
export async function bundle(entry: string | { contents: string }): Promise<string> {
  const input =
    typeof entry === 'string'
      ? { entryPoints: [fileURLToPath(new URL(entry, import.meta.url))] }
      : { stdin: { contents: entry.contents, resolveDir: fileURLToPath(new URL('../', import.meta.url)), loader: 'ts' as const, sourcefile: 'entry.ts' } };
  const result = await build({
    ...input,
    absWorkingDir: repoRoot,
    tsconfig: 'tsconfig.json',
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    platform: 'browser',
    // Lit picks its dev build (extra checks, console warning) under `development`; benchmark the one partners ship.
    // `rai-kit-source`: the workspace packages from their source (see .npmrc).
    conditions: ['rai-kit-source', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

export interface PageServer {
  /** The bench page; it loads the bundle as `/bench.js`. */
  url: string;
  close(): Promise<void>;
}

export async function startPageServer(script: string): Promise<PageServer> {
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>rai-kit bench</title>' +
    '<style>body{margin:0;font-family:system-ui,sans-serif}</style>' +
    '<script type="module" src="/bench.js"></script></head><body></body></html>';
  const server = createServer((request, reply) => {
    const [type, body] = request.url === '/bench.js' ? ['text/javascript', script] : ['text/html', html];
    reply.writeHead(200, {
      'Content-Type': `${type}; charset=utf-8`,
      'Cache-Control': 'no-store',
      // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    reply.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
