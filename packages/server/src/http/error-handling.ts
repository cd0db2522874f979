import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { IdempotencyConflictError } from '../idempotency.js';
import { InvalidCursorError } from '../pagination.js';
import { ApiError, codeForStatus, errorResponse } from './api-error.js';
import type { AppEnv } from './app-env.js';

const TARGET_NAMES: Record<string, string> = {
  param: 'path parameter',
  query: 'query parameter',
  json: 'body field',
  header: 'header',
};

/**
 * `defaultHook` of every OpenAPIHono app: turns a failed zod validation into
 * 400 `invalid_request` naming the first bad field, with every problem in `details`.
 */
export function validationHook(
  result: { target: string; success: true } | { target: string; success: false; error: ZodError },
  c: Context<AppEnv>,
): Response | undefined {
  if (result.success) return undefined;
  const details = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || (result.target === 'json' ? 'body' : result.target),
    message: issue.message,
  }));
  const first = details[0]!;
  const more = details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? 's' : ''})` : '';
  const what = TARGET_NAMES[result.target] ?? result.target;
  const reason = first.message.replace(/[.!]+$/, '');
  return errorResponse(c, new ApiError(400, 'invalid_request', `Invalid ${what} "${first.path}": ${reason}${more}.`, { details }));
}

/** Maps anything thrown to the contract error shape; unexpected errors become a 500 that leaks nothing. */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof ApiError) return errorResponse(c, error);
  if (error instanceof InvalidCursorError) {
    return errorResponse(c, new ApiError(400, 'invalid_request', error.message, { details: [{ path: 'cursor', message: error.message }] }));
  }
  if (error instanceof IdempotencyConflictError) return errorResponse(c, new ApiError(409, 'conflict', error.message));
  // Hono's own 4xx, e.g. "Malformed JSON in request body".
  if (error instanceof HTTPException && error.status < 500) {
    const status = error.status as ContentfulStatusCode;
    const message = status === 415 ? 'Send the body as JSON (Content-Type: application/json).' : error.message || 'Bad request.';
    return errorResponse(c, new ApiError(status, codeForStatus(status), message));
  }
  // The client went away mid-request (a cancelled upload): nobody reads this answer, and it is no server fault to log.
  if (c.req.raw.signal.aborted) return errorResponse(c, new ApiError(400, 'invalid_request', 'The client closed the request.'));
  console.error(`[rai-kit] request ${c.get('requestId')} ${c.req.method} ${c.req.path} failed:`, error);
  return errorResponse(c, new ApiError(500, 'internal', 'Internal server error.'));
};

/** 404 `not_found` in the contract shape for any route the API does not have. */
export const handleNotFound: NotFoundHandler<AppEnv> = (c) =>
  errorResponse(c, new ApiError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`));
