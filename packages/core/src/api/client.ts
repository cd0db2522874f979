import { authorizedFetch } from '../auth/authorized-fetch.js';
import { noToken } from '../auth/static-sources.js';
import type { TokenSource } from '../auth/token-source.js';
import { abortError, raceSignal } from '../util/abort.js';
import { backoffDelay, sleep, type BackoffOptions } from './backoff.js';
import { errorFromResponse } from './error-from-response.js';
import { ApiError } from './errors.js';
import { API_PREFIX, HEADERS, type Envelope, type PageMeta } from './types.js';

export type QueryValue = string | number | boolean | null | undefined;

export interface RetryOptions extends Partial<BackoffOptions> {
  /** Retries after the first attempt. Default 3. */
  retries?: number;
  /** A `Retry-After` longer than this is not waited for: the error is thrown. Default 30 s. */
  maxRetryAfterMs?: number;
}

export interface ClientOptions {
  /** Origin (and optional path) of the API server, e.g. `https://api.example.com`. */
  apiUrl: string;
  /** Default: public (no token). */
  tokenSource?: TokenSource;
  /** Injectable for tests and non-browser runtimes. */
  fetch?: typeof fetch;
  retry?: RetryOptions;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  /** Makes a POST safe to retry: the server creates at most once per key. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Retries of this request, overriding the client's; `0` for callers that retry on their own (the chat outbox). */
  retries?: number;
}

/** One page of a collection. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const DEFAULT_RETRY = { retries: 3, baseMs: 300, maxMs: 8_000, maxRetryAfterMs: 30_000 };

/** Distinguishes token sources in the de-duplication key without exposing tokens. */
const sourceIds = new WeakMap<TokenSource, number>();
let nextSourceId = 0;
function sourceId(source: TokenSource): number {
  let id = sourceIds.get(source);
  if (id === undefined) sourceIds.set(source, (id = nextSourceId++));
  return id;
}

interface InFlight {
  promise: Promise<Envelope<unknown, unknown>>;
  controller: AbortController;
  waiters: number;
}

/**
 * Typed client for the widget API (DESIGN.md §3).
 *
 * - Unwraps `{ data, meta }` envelopes; every failure is an `ApiError` with `code`,
 *   `status` and `requestId`.
 * - Retries network errors and 502/503/504 with backoff and jitter, and 429/503 after
 *   `Retry-After`; never other 4xx. A POST is retried only with an idempotency key.
 * - On a 401 it renews the token once and retries once; a second 401 is `session_expired`
 *   (`authorizedFetch`, shared with the event stream).
 * - Identical GETs in flight at once (same URL, same token source) share one request;
 *   one caller aborting does not cancel the others.
 */
export class WidgetApiClient {
  readonly tokenSource: TokenSource;
  readonly #base: string;
  readonly #fetch: typeof fetch;
  readonly #retry: Required<Omit<RetryOptions, 'random'>> & Pick<BackoffOptions, 'random'>;
  readonly #inFlight = new Map<string, InFlight>();

  constructor(options: ClientOptions) {
    this.#base = options.apiUrl.replace(/\/+$/, '') + API_PREFIX;
    this.tokenSource = options.tokenSource ?? noToken;
    // Bound: `fetch` called as a method of another object throws "Illegal invocation".
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  /** Absolute URL of an API path, with query parameters (unset values dropped). */
  url(path: string, query: Record<string, QueryValue> = {}): string {
    const url = new URL(this.#base + path);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
    }
    return url.href;
  }

  /** GET a resource and return its `data`. */
  async get<T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T> {
    return (await this.request<T>(path, options)).data;
  }

  /** GET one page of a collection. */
  async getPage<T>(
    path: string,
    options: Omit<RequestOptions, 'method' | 'body'> & { cursor?: string | null; limit?: number } = {},
  ): Promise<Page<T>> {
    const { cursor, limit, query, ...rest } = options;
    const envelope = await this.request<T[], PageMeta>(path, { ...rest, query: { ...query, cursor, limit } });
    return { items: envelope.data, nextCursor: envelope.meta?.nextCursor ?? null };
  }

  /** Every page of a collection, in order, following `meta.nextCursor`. */
  async *paginate<T>(
    path: string,
    options: Omit<RequestOptions, 'method' | 'body'> & { limit?: number } = {},
  ): AsyncGenerator<T[], void, undefined> {
    let cursor: string | null = null;
    do {
      const page: Page<T> = await this.getPage<T>(path, { ...options, cursor });
      yield page.items;
      cursor = page.nextCursor;
    } while (cursor !== null);
  }

  /** Any request; resolves to the whole envelope. */
  request<T, M = PageMeta>(path: string, options: RequestOptions = {}): Promise<Envelope<T, M>> {
    const method = options.method ?? 'GET';
    const url = this.url(path, options.query);
    if (method !== 'GET') return this.#send(method, url, options, options.signal) as Promise<Envelope<T, M>>;
    return this.#sharedGet(url, options) as Promise<Envelope<T, M>>;
  }

  #sharedGet(url: string, options: RequestOptions): Promise<Envelope<unknown, unknown>> {
    const key = `${sourceId(this.tokenSource)} ${url}`;
    let entry = this.#inFlight.get(key);
    if (!entry) {
      const controller = new AbortController();
      const promise = this.#send('GET', url, options, controller.signal).finally(() => {
        if (this.#inFlight.get(key) === entry) this.#inFlight.delete(key);
      });
      entry = { promise, controller, waiters: 0 };
      this.#inFlight.set(key, entry);
    }
    const shared = entry;
    shared.waiters++;
    const { signal } = options;
    const onAbort = () => {
      if (--shared.waiters === 0) {
        shared.controller.abort(signal?.reason);
        this.#inFlight.delete(key);
      }
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    return raceSignal(shared.promise, signal).finally(() => signal?.removeEventListener('abort', onAbort));
  }

  async #send(method: string, url: string, options: RequestOptions, signal: AbortSignal | undefined) {
    const canRetry = method === 'GET' || method === 'PUT' || method === 'DELETE' || !!options.idempotencyKey;
    const request = { method, headers: this.#headers(options), body: jsonBody(options.body), signal };
    const context = { fetch: this.#fetch, tokenSource: this.tokenSource };
    const retries = options.retries ?? this.#retry.retries;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await authorizedFetch(url, request, context);
      } catch (cause) {
        if (signal?.aborted) throw abortError(signal);
        // Token failures (session expired, sign-in service down) are already typed; only a
        // request that never got an answer is a retryable network error.
        if (cause instanceof ApiError) throw cause;
        const error = new ApiError({ code: 'network_error', message: 'The widget API could not be reached.', cause });
        if (!canRetry || attempt >= retries) throw error;
        await this.#wait(backoffDelay(attempt, this.#retry), signal);
        continue;
      }

      if (response.ok) return parseEnvelope(response);

      const error = await errorFromResponse(response);
      const retryable = RETRYABLE_STATUS.has(response.status) && (canRetry || response.status === 429);
      if (!retryable || attempt >= retries) throw error;
      const retryAfterMs = error.retryAfter === null ? null : error.retryAfter * 1000;
      if (retryAfterMs !== null && retryAfterMs > this.#retry.maxRetryAfterMs) throw error;
      await this.#wait(retryAfterMs ?? backoffDelay(attempt, this.#retry), signal);
    }
  }

  #headers(options: RequestOptions): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey) headers[HEADERS.idempotencyKey] = options.idempotencyKey;
    return headers;
  }

  async #wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch {
      throw abortError(signal!);
    }
  }
}

function jsonBody(body: unknown): string | undefined {
  return body === undefined ? undefined : JSON.stringify(body);
}

async function parseEnvelope(response: Response): Promise<Envelope<unknown, unknown>> {
  const body = (await response.json().catch(() => null)) as Envelope<unknown, unknown> | null;
  if (body === null || typeof body !== 'object' || !('data' in body)) {
    throw new ApiError({
      code: 'invalid_response',
      status: response.status,
      requestId: response.headers.get(HEADERS.requestId),
      message: 'The widget API answered with an unexpected body.',
    });
  }
  return body;
}
