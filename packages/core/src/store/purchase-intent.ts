import { ApiError } from '../api/errors.js';
import type { PurchaseBody, PurchaseResult } from '../api/store-types.js';
import type { StoreApi } from './store-api.js';

/** Failures after which the server may or may not have taken the purchase: retry with the same key. */
const UNKNOWN_OUTCOME: ReadonlySet<string> = new Set(['network_error', 'unavailable', 'internal', 'invalid_response', 'rate_limited']);

/**
 * True when a failed `buy()` may or may not have been charged: the intent kept its key, and
 * trying again (the same intent) answers the first order instead of charging twice.
 */
export function isUnknownOutcome(error: unknown): boolean {
  return error instanceof ApiError && UNKNOWN_OUTCOME.has(error.code);
}

/**
 * One member's intention to buy one product at one price, from the first click until a
 * definite answer. Every attempt uses the same `Idempotency-Key`, so:
 *
 * - a double click (a second `buy()` while one is in flight) joins the first: one request;
 * - "Try again" after a network failure or a 5xx — when the first attempt may have been
 *   charged — replays the same key, and the server answers the first order instead of
 *   charging twice;
 * - once the answer is definite (an order, or a refusal such as `insufficient_balance`), the
 *   next `buy()` is a new purchase with a new key (buying the same voucher twice on purpose).
 */
export class PurchaseIntent {
  readonly #api: StoreApi;
  readonly #newKey: () => string;
  #key: string | null = null;
  #body: PurchaseBody | null = null;
  #inFlight: Promise<PurchaseResult> | null = null;

  constructor(api: StoreApi, newKey: () => string = () => crypto.randomUUID()) {
    this.#api = api;
    this.#newKey = newKey;
  }

  /** True while a request is in flight. */
  get pending(): boolean {
    return this.#inFlight !== null;
  }

  buy(body: PurchaseBody): Promise<PurchaseResult> {
    if (this.#inFlight) return this.#inFlight;
    // Another product or price is another purchase: never replay a key with a different body (409).
    if (!this.#key || this.#body?.productId !== body.productId || this.#body.expectedPrice !== body.expectedPrice) {
      this.#key = this.#newKey();
      this.#body = body;
    }
    const key = this.#key;
    const attempt = this.#api.purchase(body, key).then(
      (result) => {
        this.#key = null;
        return result;
      },
      (error: unknown) => {
        // A definite refusal ends the intent; an unknown outcome keeps the key for "Try again".
        if (!isUnknownOutcome(error)) this.#key = null;
        throw error;
      },
    );
    this.#inFlight = attempt.finally(() => (this.#inFlight = null));
    return this.#inFlight;
  }
}
