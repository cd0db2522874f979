/** Response header marking an answer replayed for a reused `Idempotency-Key`. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** Headers of an idempotent route's answer: {@link IDEMPOTENT_REPLAYED_HEADER} when `replayed`. */
export function replayHeaders(replayed: boolean): Record<string, string> {
  return replayed ? { [IDEMPOTENT_REPLAYED_HEADER]: 'true' } : {};
}

/** A response kept for replay: what the first request with a key answered. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

/** Identifies one idempotent request. */
export interface IdempotentRequest {
  /** The client's `Idempotency-Key`. */
  key: string;
  /** Whose key it is (e.g. `cid/sub`, or the resource for unauthenticated sandbox calls): keys of different principals never collide. */
  scope: string;
  /** What was asked (method, path, body); the same key with a different request is a conflict. */
  fingerprint: string;
}

/** The same key was reused for a different request; the API answers 409 `conflict`. */
export class IdempotencyConflictError extends Error {
  override readonly name = 'IdempotencyConflictError';
  constructor() {
    super('This Idempotency-Key was already used for a different request.');
  }
}

/** Options of {@link createIdempotencyStore}. */
export interface IdempotencyStoreOptions {
  /** How long a key is remembered. Default 24 h. */
  ttlMs?: number;
  /** Clock, injectable for tests. */
  now?: () => number;
}

/** Remembers responses by idempotency key so retries never create twice. */
export interface IdempotencyStore {
  /**
   * Runs `create` at most once per (scope, key) within the TTL. Concurrent calls with the
   * same key wait for the first one and share its result; later calls replay it. If `create`
   * throws, nothing is stored and the next call runs again.
   * @throws IdempotencyConflictError when the key was used with another fingerprint.
   */
  run(request: IdempotentRequest, create: () => Promise<StoredResponse>): Promise<{ response: StoredResponse; replayed: boolean }>;
  /** Keys currently remembered (including in flight). */
  readonly size: number;
}

/** An in-memory {@link IdempotencyStore}: per process, like the sandbox it serves. */
export function createIdempotencyStore({ ttlMs = 24 * 60 * 60 * 1000, now = Date.now }: IdempotencyStoreOptions = {}): IdempotencyStore {
  // Insertion order equals expiry order (one TTL for all), so expired entries sit at the front.
  const entries = new Map<string, { fingerprint: string; response: Promise<StoredResponse>; expiresAt: number }>();

  const sweep = (time: number): void => {
    for (const [id, entry] of entries) {
      if (entry.expiresAt > time) break;
      entries.delete(id);
    }
  };

  return {
    async run({ key, scope, fingerprint }, create) {
      const time = now();
      sweep(time);
      const id = `${scope}\u0000${key}`;
      const existing = entries.get(id);
      if (existing) {
        if (existing.fingerprint !== fingerprint) throw new IdempotencyConflictError();
        return { response: await existing.response, replayed: true };
      }
      const response = Promise.resolve().then(create);
      const entry = { fingerprint, response, expiresAt: time + ttlMs };
      entries.set(id, entry);
      try {
        return { response: await response, replayed: false };
      } catch (error) {
        // Only a stored answer is replayed; a failure must stay retryable.
        if (entries.get(id) === entry) entries.delete(id);
        throw error;
      }
    },
    get size() {
      return entries.size;
    },
  };
}
