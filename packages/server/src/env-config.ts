/**
 * Server settings from environment variables, shared by the CLI and the demo server so
 * both validate them the same way and refuse the same mistakes.
 */

/** Public on purpose: it only ever signs sandbox tokens, and production refuses to start with it. */
export const SANDBOX_DEV_SECRET = 'rai-kit-sandbox-dev-secret-not-for-production';

export interface ServerEnv {
  production: boolean;
  port: number;
  hostname: string;
  seed: number;
  tokenSecret: string;
  /** True when `tokenSecret` is the public dev secret (callers should say so). */
  usingDevSecret: boolean;
}

/**
 * Reads PORT, HOST, RAI_SEED, RAI_TOKEN_SECRET and NODE_ENV. Throws an Error with a
 * message fit for the console when one is invalid, or when production lacks a secret.
 */
export function readServerEnv(env: NodeJS.ProcessEnv, defaults: { port: number }): ServerEnv {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? defaults.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be an integer from 0 to 65535; got "${env.PORT}".`);
  }
  const seed = Number(env.RAI_SEED ?? 1);
  if (!Number.isInteger(seed)) throw new Error(`RAI_SEED must be an integer; got "${env.RAI_SEED}".`);
  const secret = env.RAI_TOKEN_SECRET;
  if (!secret && production) {
    throw new Error('RAI_TOKEN_SECRET is not set. In production the server refuses to start without it (32+ characters).');
  }
  return {
    production,
    port,
    hostname: env.HOST ?? '127.0.0.1',
    seed,
    tokenSecret: secret || SANDBOX_DEV_SECRET,
    usingDevSecret: !secret,
  };
}
