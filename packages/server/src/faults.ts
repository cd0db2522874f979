import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HEADERS, type ErrorCode } from '@rai-kit/core/api';
import { ApiError, codeForStatus, errorResponse } from './http/api-error.js';
import type { AppEnv } from './http/app-env.js';

/** A scripted failure: the next `times` requests whose path starts with `path` get `status`. */
export interface Fault {
  path: string;
  /** Only this method (any when omitted). */
  method?: string;
  status: number;
  times: number;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
  /** Error code; defaults to the status's usual one (429 → rate_limited, 503 → unavailable…). */
  code?: ErrorCode;
}

/** Sandbox fault injection, so client retry and resume logic can be tested against the real server. */
export class FaultInjector {
  #faults: Fault[] = [];

  add(fault: Fault): void {
    this.#faults.push({ ...fault, ...(fault.method ? { method: fault.method.toUpperCase() } : {}) });
  }

  clear(): number {
    const count = this.#faults.length;
    this.#faults = [];
    return count;
  }

  /**
   * Answers a matching request with its fault, first added first. Sandbox routes and CORS
   * preflights are never faulted, so a test can always clear what it injected.
   */
  middleware(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const { method, path } = c.req;
      if (method === 'OPTIONS' || path.startsWith('/sandbox/')) return next();
      const fault = this.#faults.find((f) => path.startsWith(f.path) && (!f.method || f.method === method));
      if (!fault) return next();
      if (--fault.times <= 0) this.#faults.splice(this.#faults.indexOf(fault), 1);
      const status = fault.status as ContentfulStatusCode;
      return errorResponse(
        c,
        new ApiError(status, fault.code ?? codeForStatus(status), `Injected sandbox fault: ${status} for ${method} ${path}.`, {
          ...(fault.retryAfter !== undefined ? { headers: { [HEADERS.retryAfter]: String(fault.retryAfter) } } : {}),
        }),
      );
    };
  }
}
