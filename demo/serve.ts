/**
 * `npm start`: the widget API over the memory sandbox, a small "portal backend" (demo
 * login + auth-url), and the demo pages through Vite — all on one port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { createMemoryUpstream, createWidgetApi, readServerEnv } from '@rai-kit/server';
import { createServer as createVite } from 'vite';
import { createDemoBackend } from './backend.js';

let config: ReturnType<typeof readServerEnv>;
try {
  config = readServerEnv(process.env, { port: 8080 });
} catch (error) {
  console.error(`rai-kit demo: ${(error as Error).message}`);
  process.exit(1);
}
if (config.usingDevSecret) console.warn('RAI_TOKEN_SECRET is not set: using the public sandbox secret (fine for this demo, never in production).');
const tokenTtlSeconds = Number(process.env.DEMO_TOKEN_TTL ?? 30);
const { port, hostname: host, tokenSecret: secret } = config;
const upstream = createMemoryUpstream({ seed: config.seed });
const api = createWidgetApi({ upstream, tokenSecret: secret, sandboxAdmin: true });
const backend = createDemoBackend({ upstream, secret, tokenTtlSeconds });

const vite = await createVite({
  root: fileURLToPath(new URL('.', import.meta.url)),
  configFile: false,
  appType: 'mpa',
  server: { middlewareMode: true },
  logLevel: 'warn',
});

const apiListener = getRequestListener(api.fetch);
const backendListener = getRequestListener(backend.fetch);

const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  const path = req.url ?? '/';
  if (path.startsWith('/widget/') || path.startsWith('/sandbox/')) return void apiListener(req, res);
  if (path.startsWith('/demo-api/')) return void backendListener(req, res);
  vite.middlewares(req, res);
});

server.listen(port, host, () => {
  const origin = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  console.log(`rai-kit demo      ${origin}/`);
  console.log(`widget API        ${origin}/widget/v1  (OpenAPI: ${origin}/widget/v1/openapi.json)`);
  console.log(`sandbox admin     ${origin}/sandbox/v1`);
});

async function shutdown() {
  await api.close();
  await vite.close();
  server.closeAllConnections();
  server.close(() => process.exit(0));
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
