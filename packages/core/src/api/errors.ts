import type { ErrorCode } from './types.js';

export interface ApiErrorInit {
  code: ErrorCode;
  message: string;
  /** HTTP status; 0 when no response arrived. */
  status?: number;
  requestId?: string | null;
  /** Seconds the server asked us to wait (429/503). */
  retryAfter?: number | null;
  details?: Array<{ path: string; message: string }>;
  /** The error body's `meta`: numbers that explain it (e.g. a purchase's shortfall). */
  meta?: Record<string, number | string>;
  cause?: unknown;
}

/**
 * Every failure of the widget API client: server errors in the contract's shape and the
 * client's own (`network_error`, `session_expired`, `aborted`, `invalid_response`).
 * Widgets branch on `code`, never on message text.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly requestId: string | null;
  readonly retryAfter: number | null;
  readonly details: Array<{ path: string; message: string }>;
  readonly meta: Record<string, number | string>;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status ?? 0;
    this.requestId = init.requestId ?? null;
    this.retryAfter = init.retryAfter ?? null;
    this.details = init.details ?? [];
    this.meta = init.meta ?? {};
  }
}

/** True for errors that mean "the user has to sign in again". */
export function isSessionExpired(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'session_expired';
}

/** True when the caller aborted. */
export function isAbort(error: unknown): boolean {
  return (
    (error instanceof ApiError && error.code === 'aborted') ||
    (error instanceof DOMException && error.name === 'AbortError')
  );
}

/** The error every part of the kit raises when the user has to sign in again. */
export function sessionExpiredError(cause?: unknown): ApiError {
  return new ApiError({
    code: 'session_expired',
    status: 401,
    requestId: cause instanceof ApiError ? cause.requestId : null,
    message: 'Your session has expired. Sign in again to continue.',
    cause,
  });
}
