import { ApiError } from '../api/errors.js';

/** Wraps anything a request threw (fetch's TypeError, a body read failure) as an `ApiError`. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ code: 'network_error', message: 'The event stream connection failed.', cause: error });
}

/** The failure reported when a connection went silent past the heartbeat timeout. */
export function heartbeatTimeoutError(timeoutMs: number): ApiError {
  return new ApiError({ code: 'network_error', message: `The event stream was silent for ${timeoutMs} ms; reconnecting.` });
}

/**
 * Failures after which trying again cannot help: the user must sign in again, or the
 * server refuses this URL (4xx other than 408 and 429). Network errors, 5xx, 408 and 429
 * are worth another try.
 */
export function isPermanent(error: ApiError): boolean {
  if (error.code === 'session_expired' || error.code === 'unauthorized' || error.code === 'forbidden') return true;
  return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}
