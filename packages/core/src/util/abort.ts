import { ApiError } from '../api/errors.js';

/** The error to reject with when `signal` aborts. */
export function abortError(signal: AbortSignal): ApiError {
  return new ApiError({ code: 'aborted', message: 'The request was aborted.', cause: signal.reason });
}

/**
 * Lets one caller stop waiting for a promise that others share, without cancelling the
 * shared work itself (a shared token refresh, a de-duplicated GET).
 */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
