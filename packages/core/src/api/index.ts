export * from './types.js';
export * as paths from './paths.js';
export * from './leaderboard-types.js';
export * from './chat-types.js';
export * from './store-types.js';
export { ApiError, isAbort, isSessionExpired, sessionExpiredError, type ApiErrorInit } from './errors.js';
export { backoffDelay, parseRetryAfter, sleep, type BackoffOptions } from './backoff.js';
export { errorFromResponse } from './error-from-response.js';
export {
  WidgetApiClient,
  type ClientOptions,
  type Page,
  type QueryValue,
  type RequestOptions,
  type RetryOptions,
} from './client.js';
export { sharedClient } from './shared-client.js';
export { abortError, raceSignal } from '../util/abort.js';
