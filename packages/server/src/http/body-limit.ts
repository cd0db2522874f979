import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './api-error.js';
import type { AppEnv } from './app-env.js';

/** Refuses bodies over `maxSize` bytes with 413 in the contract shape, before reading them whole. */
export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  const label = maxSize >= 1024 * 1024 ? `${maxSize / (1024 * 1024)} MiB` : `${maxSize / 1024} KiB`;
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, 'invalid_request', `Request body too large (${label} max).`);
    },
  });
}
