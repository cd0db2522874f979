import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode } from '@rai-kit/core/api';
import type { AppEnv } from './app-env.js';

type Details = NonNullable<ErrorBody['error']['details']>;
type Meta = NonNullable<ErrorBody['error']['meta']>;

/** An error the API answers as `status` + the contract error body. Throw it from any handler. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    /** `meta`: numbers that explain the refusal (e.g. a purchase's shortfall), sent in the body. */
    readonly extra: { details?: Details; meta?: Meta; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

/** The contract code for an HTTP status, for errors that only come with a status. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
    case 405:
    case 413:
    case 415:
      return 'invalid_request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 429:
      return 'rate_limited';
    case 502:
    case 503:
    case 504:
      return 'unavailable';
    default:
      return status < 500 ? 'invalid_request' : 'internal';
  }
}

/** Renders `error` in the contract shape, with the request id every error body carries. */
export function errorResponse(c: Context<AppEnv>, error: ApiError): Response {
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      requestId: c.get('requestId'),
      ...(error.extra.details ? { details: error.extra.details } : {}),
      ...(error.extra.meta ? { meta: error.extra.meta } : {}),
    },
  };
  return c.json(body, error.status, error.extra.headers);
}
