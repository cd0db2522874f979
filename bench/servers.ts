/**
 * The servers under test. api-throughput.ts forks this file so the servers get their own
 * process (and, on a 2-core machine, roughly their own core) instead of sharing one event
 * loop with the autocannon client, which would charge client work to every server alike.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_PREFIX, paths } from '@rai-kit/core/api';
import { createMemoryUpstream, createWidgetApi, mintWidgetToken, startServer } from '@rai-kit/server';

/** Sent to the parent once every server listens. */
export interface ServersReady {
  type: 'ready';
  /** Widget API with `rateLimit: false`. */
  api: string;
  /** Widget API with the rate limiter on, its `max` raised so the bench never trips it. */
  limitedApi: string;
  /** Bare node:http server answering the `me` body bytes. */
  bare: string;
  body: { bytes: number; contentType: string };
}

const { BENCH_TOKEN_SECRET: secret, BENCH_ORIGIN: origin = '' } = process.env;
if (!secret || !process.send) throw new Error('servers.ts is forked by api-throughput.ts, not run directly.');

const upstream = createMemoryUpstream({ seed: 1 });
const api = await startServer({
  api: createWidgetApi({ upstream, tokenSecret: secret, rateLimit: false }),
  port: 0,
  hostname: '127.0.0.1',
});
const limitedApi = await startServer({
  // The default 600/min would 429 from request 601 on; a huge max keeps the limiter's cost, not its refusals.
  api: createWidgetApi({
    upstream,
    tokenSecret: secret,
    rateLimit: { windowMs: 60_000, max: Number.MAX_SAFE_INTEGER },
  }),
  port: 0,
  hostname: '127.0.0.1',
});

// The bare server must answer byte for byte what the real `me` route answers.
const { token } = await mintWidgetToken({ secret, communityId: 'demo', user: { id: 'u_0001' }, ttlSeconds: 60 });
const response = await fetch(`${api.url}${API_PREFIX}${paths.me('demo')}`, {
  headers: { Authorization: `Bearer ${token}`, Origin: origin },
});
if (response.status !== 200) throw new Error(`GET me answered ${response.status}: ${await response.text()}`);
const body = Buffer.from(await response.arrayBuffer());
const contentType = response.headers.get('content-type') ?? 'application/json';

const bare = createServer((_request, reply) => {
  reply.writeHead(200, { 'Content-Type': contentType, 'Content-Length': body.length });
  reply.end(body);
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));

const ready: ServersReady = {
  type: 'ready',
  api: api.url,
  limitedApi: limitedApi.url,
  bare: `http://127.0.0.1:${(bare.address() as AddressInfo).port}`,
  body: { bytes: body.length, contentType },
};
process.send(ready);

// Close on request, or when the parent goes away, so this process never outlives the bench.
let closing = false;
const shutdown = async (): Promise<void> => {
  if (closing) return;
  closing = true;
  await Promise.all([api.close(), limitedApi.close(), closeBare(bare)]);
  if (process.connected) process.disconnect();
};
process.on('message', (message) => {
  if ((message as { type?: string }).type === 'close') void shutdown();
});
process.once('disconnect', () => void shutdown());

function closeBare(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
