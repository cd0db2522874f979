import { parseRetryAfter } from './backoff.js';
import { ApiError } from './errors.js';
import { HEADERS, type ErrorBody, type ErrorCode } from './types.js';

/** Codes for servers (or proxies) that answer without the contract's error body. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
  503: 'unavailable',
};

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as ErrorBody | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** Flat numbers and strings only: anything else in `meta` is not the contract's and is dropped. */
function isMeta(value: unknown): value is Record<string, number | string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'number' || typeof v === 'string')
  );
}

/** Turns a non-2xx response into an `ApiError`, whatever its body holds. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const retryAfterMs = parseRetryAfter(response.headers.get(HEADERS.retryAfter));
  const common = {
    status: response.status,
    requestId: response.headers.get(HEADERS.requestId),
    retryAfter: retryAfterMs === null ? null : Math.ceil(retryAfterMs / 1000),
  };
  const body: unknown = await response.json().catch(() => null);
  if (isErrorBody(body)) {
    return new ApiError({
      ...common,
      code: body.error.code,
      message: body.error.message,
      requestId: body.error.requestId ?? common.requestId,
      details: body.error.details ?? [],
      ...(isMeta(body.error.meta) ? { meta: body.error.meta } : {}),
    });
  }
  return new ApiError({
    ...common,
    code: CODE_BY_STATUS[response.status] ?? (response.status >= 500 ? 'internal' : 'invalid_response'),
    message: `The widget API answered ${response.status} ${response.statusText}`.trim() + '.',
  });
}
