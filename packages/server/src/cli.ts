#!/usr/bin/env node
/**
 * `npx tsx packages/server/src/cli.ts`: the widget API over the memory sandbox.
 * Env: PORT (8787), HOST (127.0.0.1), RAI_TOKEN_SECRET, RAI_SEED (1), NODE_ENV.
 * Outside production the sandbox admin routes are on and localhost origins are allowed.
 */
import { API_PREFIX } from '@rai-kit/core/api';
import { SANDBOX_PREFIX, createWidgetApi } from './app.js';
import { startServer } from './serve.js';
import { createMemoryUpstream } from './upstream/memory/memory-upstream.js';

/** Public on purpose: it only ever signs sandbox tokens, and production refuses to start with it. */
const DEV_SECRET = 'rai-kit-sandbox-dev-secret-not-for-production';

const production = process.env.NODE_ENV === 'production';
let tokenSecret = process.env.RAI_TOKEN_SECRET;
if (!tokenSecret) {
  if (production) {
    console.error('rai-kit: RAI_TOKEN_SECRET is not set. In production the server refuses to start without it (32+ characters).');
    process.exit(1);
  }
  tokenSecret = DEV_SECRET;
  console.warn(`rai-kit: RAI_TOKEN_SECRET is not set; using the public sandbox dev secret "${DEV_SECRET}".`);
}

const port = Number(process.env.PORT ?? 8787);
const seed = Number(process.env.RAI_SEED ?? 1);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`rai-kit: PORT must be an integer from 0 to 65535; got "${process.env.PORT}".`);
  process.exit(1);
}
if (!Number.isInteger(seed)) {
  console.error(`rai-kit: RAI_SEED must be an integer; got "${process.env.RAI_SEED}".`);
  process.exit(1);
}

try {
  const api = createWidgetApi({ upstream: createMemoryUpstream({ seed }), tokenSecret, sandboxAdmin: !production });
  const server = await startServer({ api, port, hostname: process.env.HOST ?? '127.0.0.1' });
  console.log(`rai-kit widget API  ${server.url}${API_PREFIX}`);
  console.log(`OpenAPI document    ${server.url}${API_PREFIX}/openapi.json`);
  if (!production) console.log(`sandbox admin       ${server.url}${SANDBOX_PREFIX}  (seed ${seed})`);

  const shutdown = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  console.error(`rai-kit: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
