/**
 * `npm start`: the widget API over the memory sandbox, a small "portal backend" (demo
 * login + auth-url), and the demo pages through Vite — all on one port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { createMemoryUpstream, createWidgetApi } from '@rai-kit/server';
import { createServer as createVite } from 'vite';
import { createDemoBackend } from './backend.js';
import { resolveSecret } from './secret.js';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const secret = resolveSecret();
const upstream = createMemoryUpstream({ seed: Number(process.env.RAI_SEED ?? 1) });
const api = createWidgetApi({ upstream, tokenSecret: secret, sandboxAdmin: true });
const backend = createDemoBackend({ upstream, secret, tokenTtlSeconds: Number(process.env.DEMO_TOKEN_TTL ?? 30) });

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
