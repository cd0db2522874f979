#!/usr/bin/env -S npx tsx
/**
 * `npx tsx packages/server/src/cli.ts`: the widget API over the memory sandbox.
 * Env: PORT (8787), HOST (127.0.0.1), RAI_TOKEN_SECRET, RAI_SEED (1), NODE_ENV.
 * Outside production the sandbox admin routes are on and localhost origins are allowed.
 */
import { API_PREFIX } from '@rai-kit/core/api';
import { SANDBOX_PREFIX, createWidgetApi } from './app.js';
import { readServerEnv, SANDBOX_DEV_SECRET } from './env-config.js';
import { startServer } from './serve.js';
import { createMemoryUpstream } from './upstream/memory/memory-upstream.js';

try {
  const config = readServerEnv(process.env, { port: 8787 });
  if (config.usingDevSecret) {
    console.warn(`rai-kit: RAI_TOKEN_SECRET is not set; using the public sandbox dev secret "${SANDBOX_DEV_SECRET}".`);
  }
  const api = createWidgetApi({
    upstream: createMemoryUpstream({ seed: config.seed }),
    tokenSecret: config.tokenSecret,
    sandboxAdmin: !config.production,
  });
  const server = await startServer({ api, port: config.port, hostname: config.hostname });
  console.log(`rai-kit widget API  ${server.url}${API_PREFIX}`);
  console.log(`OpenAPI document    ${server.url}${API_PREFIX}/openapi.json`);
  if (!config.production) console.log(`sandbox admin       ${server.url}${SANDBOX_PREFIX}  (seed ${config.seed})`);

  const shutdown = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  console.error(`rai-kit: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
