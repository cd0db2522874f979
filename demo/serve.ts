/**
 * `npm start`: the widget API over the memory sandbox, a small "portal backend" (demo
 * login + auth-url), and the demo pages through Vite — all on one port. A second port (PORT + 1)
 * is a second origin for the partner app of the community page's iframe channel
 * (demo/partner/): the same Vite middleware, but no API, no backend and no other page.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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

// Origin B: only the partner app (and the modules Vite serves it). "/" goes to the app.
const partnerServer = createServer((req: IncomingMessage, res: ServerResponse) => {
  const path = (req.url ?? '/').split('?')[0]!;
  if (path === '/' || path === '/partner' || path === '/partner/') {
    res.writeHead(302, { Location: '/partner/arcade.html' }).end();
    return;
  }
  const page = path.endsWith('/') || path.endsWith('.html');
  if (path.startsWith('/widget/') || path.startsWith('/sandbox/') || path.startsWith('/demo-api/') || (page && !path.startsWith('/partner/'))) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not here: this origin serves only the partner app (/partner/arcade.html).');
    return;
  }
  vite.middlewares(req, res);
});

server.listen(port, host, () => {
  const origin = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  console.log(`rai-kit demo      ${origin}/`);
  console.log(`widget API        ${origin}/widget/v1  (OpenAPI: ${origin}/widget/v1/openapi.json)`);
  console.log(`sandbox admin     ${origin}/sandbox/v1`);
  console.log(`community page    ${origin}/community.html`);
  // PORT + 1 of the port actually bound (PORT=0 picks one): the community page computes it the same way.
  const partnerPort = (server.address() as AddressInfo).port + 1;
  partnerServer.on('error', (error) => {
    console.error(`rai-kit demo: the partner app's port ${partnerPort} (PORT + 1): ${error.message}`);
    process.exit(1);
  });
  partnerServer.listen(partnerPort, host, () => {
    console.log(`partner app       http://${host === '0.0.0.0' ? 'localhost' : host}:${partnerPort}/partner/arcade.html  (a second origin, framed by the community page)`);
  });
});

async function shutdown() {
  await api.close();
  await vite.close();
  const closing = [server, partnerServer].map((listener) => {
    listener.closeAllConnections();
    return new Promise<void>((resolve) => listener.close(() => resolve()));
  });
  await Promise.all(closing);
  process.exit(0);
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
