/**
 * `npm start`: the widget API over the memory sandbox, a small "portal backend" (demo
 * login + auth-url), and the demo pages through Vite — all on one port. A second port (PORT + 1)
 * is a second origin for the partner app of the community page's iframe channel
 * (demo/partner/): the same Vite middleware, but no API, no backend and no other page.
 * PORT + 2 is a partner's static page with the one script tag (demo/partner-site/), PORT + 3
 * a logged-in portal with its own backend (demo/portal/); both load the kit from /cdn/ here.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createMemoryUpstream, createWidgetApi, readServerEnv } from '@rai-kit/server';
import { createServer as createVite, defaultClientConditions } from 'vite';
import { createDemoBackend } from './backend.js';
import { demoOrigin, PORT_OFFSETS, type DemoOrigin } from './origins.js';
import { createPartnerSite } from './partner-site/server.js';
import { createPortal } from './portal/server.js';

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
// The widget frame document (<rai-frame widget>, iframe mode) at /frame runs the CDN build's frame script.
const api = createWidgetApi({ upstream, tokenSecret: secret, sandboxAdmin: true, frameDocument: { scriptUrl: '/cdn/frame.js' } });
const backend = createDemoBackend({ upstream, secret, tokenTtlSeconds });

// Created before Vite so its HMR WebSocket can share the port: Vite's own default (a fixed port,
// 24678) collides with any second demo server, e.g. the e2e tests' (PORT=0) beside `npm start`.
const server = createServer();

const vite = await createVite({
  root: fileURLToPath(new URL('.', import.meta.url)),
  configFile: false,
  appType: 'mpa',
  // The workspace packages from their source (`rai-kit-source`, see .npmrc), the rest as Vite picks.
  resolve: { conditions: ['rai-kit-source', ...defaultClientConditions] },
  server: { middlewareMode: true, ws: { server } },
  logLevel: 'warn',
});

// The CDN build (`npm run build:cdn -w @rai-kit/widgets`, run by `prestart`) at /cdn/, as a CDN would
// serve it: any origin may load it; hashed chunks (under chunks/) never change, so cache them for a
// year; the stable-named entries (rai-kit.js, rai-<widget>.js, frame.*) change on each release.
const cdnRoot = fileURLToPath(new URL('../packages/widgets/dist/cdn/', import.meta.url));
const cdn = new Hono().use(
  '/cdn/*',
  serveStatic({
    root: cdnRoot,
    rewriteRequestPath: (path) => path.slice('/cdn'.length),
    onFound: (path, c) => {
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cache-Control', path.includes('/chunks/') ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    },
  }),
);
const cdnListener = getRequestListener(cdn.fetch);
const apiListener = getRequestListener(api.fetch);
const backendListener = getRequestListener(backend.fetch);

server.on('request', (req: IncomingMessage, res: ServerResponse) => {
  const path = req.url ?? '/';
  if (path.startsWith('/widget/') || path.startsWith('/sandbox/') || path === '/frame' || path.startsWith('/frame?')) return void apiListener(req, res);
  if (path.startsWith('/demo-api/')) return void backendListener(req, res);
  if (path.startsWith('/cdn/')) return void cdnListener(req, res);
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
// The partner app's pages connect their HMR socket to their own origin: hand it to Vite's.
partnerServer.on('upgrade', (req, socket, head) => server.emit('upgrade', req, socket, head));

// Origins C and D: a partner's static page with the one script tag, and a portal with its own
// login and auth-url. Both need the kit's origin, known once the main port is bound.
const partnerSiteServer = createServer();
const portalServer = createServer();
const portalTokenTtlSeconds = Number(process.env.PORTAL_TOKEN_TTL ?? 20);

server.listen(port, host, () => {
  // The port actually bound (PORT=0 picks one); the other origins count from it (origins.ts).
  const origin = `http://${host === '0.0.0.0' ? 'localhost' : host}:${(server.address() as AddressInfo).port}`;
  console.log(`rai-kit demo      ${origin}/`);
  console.log(`widget API        ${origin}/widget/v1  (OpenAPI: ${origin}/widget/v1/openapi.json)`);
  console.log(`sandbox admin     ${origin}/sandbox/v1`);
  console.log(`community page    ${origin}/community.html`);
  console.log(`element reference ${origin}/docs.html  (from custom-elements.json)`);
  partnerSiteServer.on('request', getRequestListener(createPartnerSite({ kitOrigin: origin }).fetch));
  portalServer.on('request', getRequestListener(createPortal({ upstream, secret, kitOrigin: origin, tokenTtlSeconds: portalTokenTtlSeconds }).fetch));
  listenOn('partnerApp', partnerServer, 'partner app', '/partner/arcade.html', '(a second origin, framed by the community page)');
  listenOn('partnerSite', partnerSiteServer, 'partner site', '/', '(static page, one script tag, strict CSP)');
  listenOn('portal', portalServer, 'portal', '/', `(own login and auth-url, ${portalTokenTtlSeconds}-second tokens: PORTAL_TOKEN_TTL)`);

  /** Listens on the origin `which` (its port counted from the bound one) and prints its URL. */
  function listenOn(which: DemoOrigin, listener: Server, label: string, path: string, note: string): void {
    const url = new URL(path, demoOrigin(which, new URL(origin)));
    listener.on('error', (error) => {
      console.error(`rai-kit demo: the ${label}'s port ${url.port} (PORT + ${PORT_OFFSETS[which]}): ${error.message}`);
      process.exit(1);
    });
    listener.listen(Number(url.port), host, () => console.log(`${label.padEnd(18)}${url.href}  ${note}`));
  }
});

async function shutdown() {
  await api.close();
  await vite.close();
  const closing = [server, partnerServer, partnerSiteServer, portalServer].map((listener) => {
    listener.closeAllConnections();
    return new Promise<void>((resolve) => listener.close(() => resolve()));
  });
  await Promise.all(closing);
  process.exit(0);
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
