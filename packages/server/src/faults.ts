import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HEADERS, type ErrorCode } from '@rai-kit/core/api';
import { ApiError, codeForStatus, errorResponse } from './http/api-error.js';
import type { AppEnv } from './http/app-env.js';
import { mulberry32 } from './upstream/memory/prng.js';

/**
 * A scripted failure of requests whose path starts with `path`. It fails every matching request,
 * or each with `probability`; it is disarmed after `times` failures (never when `times` is
 * omitted, which only a probabilistic fault may do).
 */
export interface Fault {
  path: string;
  /** Only this method (any when omitted). */
  method?: string;
  status: number;
  times?: number;
  /** 0–1: the chance each matching request fails, drawn from a PRNG seeded with `seed`, so a run repeats. */
  probability?: number;
  /** Seed of the `probability` draws (default 1). */
  seed?: number;
  /**
   * `request` (default): the request never reaches its handler. `response`: the handler runs (a
   * message is created) and its answer is replaced by the error, the lost answer that makes
   * idempotency keys necessary.
   */
  phase?: FaultPhase;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
  /** Error code; defaults to the status's usual one (429 → rate_limited, 503 → unavailable…). */
  code?: ErrorCode;
}

export const FAULT_PHASES = ['request', 'response'] as const;
export type FaultPhase = (typeof FAULT_PHASES)[number];

interface ArmedFault extends Fault {
  /** Draws in [0, 1) for `probability`; each fault has its own, so others do not shift its sequence. */
  draw: () => number;
}

/** Sandbox fault injection, so client retry and resume logic can be tested against the real server. */
export class FaultInjector {
  #faults: ArmedFault[] = [];

  add(fault: Fault): void {
    this.#faults.push({
      ...fault,
      ...(fault.method ? { method: fault.method.toUpperCase() } : {}),
      draw: mulberry32(fault.seed ?? 1),
    });
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
      const fault = this.#strike(method, path);
      if (!fault) return next();
      const status = fault.status as ContentfulStatusCode;
      const error = new ApiError(status, fault.code ?? codeForStatus(status), `Injected sandbox fault: ${status} for ${method} ${path}.`, {
        ...(fault.retryAfter !== undefined ? { headers: { [HEADERS.retryAfter]: String(fault.retryAfter) } } : {}),
      });
      if (fault.phase !== 'response') return errorResponse(c, error);
      await next();
      await c.res.body?.cancel();
      // Drop the handler's answer first, or Hono would carry its headers (Idempotent-Replayed…) over.
      c.res = undefined;
      c.res = errorResponse(c, error);
    };
  }

  /** The fault this request suffers, if any, counting it against the fault's `times`. */
  #strike(method: string, path: string): ArmedFault | undefined {
    const fault = this.#faults.find(
      (f) => path.startsWith(f.path) && (!f.method || f.method === method) && (f.probability === undefined || f.draw() < f.probability),
    );
    if (fault?.times !== undefined && --fault.times <= 0) this.#faults.splice(this.#faults.indexOf(fault), 1);
    return fault;
  }
}
