import { ApiError } from '../api/errors.js';
import type { ChatMessage, SendMessageBody } from '../api/chat-types.js';
import { backoffDelay, type BackoffOptions } from '../api/backoff.js';
import { newMessageKey } from './message-key.js';
import { defaultStorage, readStoredItems, writeStoredItems, type OutboxStorage } from './outbox-storage.js';

/**
 * - `queued`: waiting its turn (or for the network to come back).
 * - `sending`: a request is in flight.
 * - `failed`: given up; the user may `retry` or `remove` it.
 * - `sent`: the server has it (`message` set); stays until `acknowledge`.
 */
export type OutboxStatus = 'queued' | 'sending' | 'failed' | 'sent';

/** A message the user sent, from the moment they pressed Enter until the server copy replaces it. */
export interface OutboxItem {
  /** Local id; also the `Idempotency-Key` of every attempt and the message's `nonce`. */
  key: string;
  body: SendMessageBody;
  status: OutboxStatus;
  /** Attempts made so far. */
  attempts: number;
  /** The last failure, once it `failed` (or while it waits to try again). */
  error: { code: ApiError['code']; message: string } | null;
  /** Epoch ms when the user sent it. */
  createdAt: number;
  /** The server's copy, once `sent`. */
  message: ChatMessage | null;
}

/** How the outbox reaches the server: one attempt, resolved with the server copy. */
export type SendAttempt = (body: SendMessageBody, key: string, signal: AbortSignal) => Promise<ChatMessage>;

/** Whether the browser thinks it is online, and when that changes. */
export interface Connectivity {
  online(): boolean;
  /** Calls `listener` when the browser goes back online. Returns the unsubscribe function. */
  onOnline(listener: () => void): () => void;
}

export interface OutboxOptions {
  /** The transport; replaceable with `setTransport` (a re-rendered widget brings its own client). */
  send: SendAttempt;
  /** Key under which items are kept in `storage`; include community, channel and user so no one else's messages are ever sent. */
  storageKey?: string;
  /** Default: `sessionStorage` when present, else none. `null` keeps items in memory only. */
  storage?: OutboxStorage | null;
  /** Default: `navigator.onLine` and the `online` event when present, else always online. */
  connectivity?: Connectivity;
  /** Transient failures (network, 5xx, 429) before an item `failed`. Default 8. */
  maxAttempts?: number;
  backoff?: Partial<BackoffOptions>;
  /** Makes keys (at most 64 characters: they double as the nonce). Default: a random UUID. */
  newKey?: () => string;
  now?: () => number;
}

/**
 * Messages on their way to the server. Nothing the user typed is lost:
 *
 * - Order: one request in flight at a time, oldest first (head of line). A transient failure
 *   (network, 5xx, 429 with its `Retry-After`) retries the same item with backoff and the
 *   **same key**, so a retry after a lost answer never creates a second message. Offline, it
 *   waits for the `online` event without spending attempts.
 * - After `maxAttempts` transient failures the item is `failed` and the items behind it wait
 *   (sending them would reorder the conversation) until the user retries or removes it.
 *   A permanent failure (any other 4xx, `session_expired`) fails that item only: it cannot be
 *   delivered as it is, so it does not hold the others.
 * - Items are kept in `storage` until the server has them, so a re-render or a reload keeps them.
 */
export class Outbox {
  #items: readonly OutboxItem[] = [];
  /** `null` while paused (no one may send for this outbox's member right now). */
  #send: SendAttempt | null;
  readonly #storageKey: string | null;
  readonly #storage: OutboxStorage | null;
  readonly #connectivity: Connectivity;
  readonly #maxAttempts: number;
  readonly #backoff: BackoffOptions;
  readonly #newKey: () => string;
  readonly #now: () => number;
  readonly #listeners = new Set<(items: readonly OutboxItem[]) => void>();
  readonly #stopListening: () => void;
  /** The attempt in flight. */
  #inFlight: { key: string; controller: AbortController } | null = null;
  /** The wait before the head item's next attempt. */
  #wait: { key: string; timer: ReturnType<typeof setTimeout> } | null = null;
  #disposed = false;

  constructor(options: OutboxOptions) {
    this.#send = options.send;
    this.#storageKey = options.storageKey ?? null;
    this.#storage = options.storage === undefined ? defaultStorage() : options.storage;
    this.#connectivity = options.connectivity ?? defaultConnectivity();
    this.#maxAttempts = Math.max(1, options.maxAttempts ?? 8);
    this.#backoff = { baseMs: 500, maxMs: 15_000, ...options.backoff };
    this.#newKey = options.newKey ?? newMessageKey;
    this.#now = options.now ?? Date.now;
    this.#items = this.#load();
    this.#stopListening = this.#connectivity.onOnline(() => this.#wakeUp());
    // Not from the constructor: the caller subscribes first and sees every change.
    queueMicrotask(() => this.#pump());
  }

  /** Items in send order: queued, sending, failed and sent-but-not-acknowledged. */
  get items(): readonly OutboxItem[] {
    return this.#items;
  }

  /**
   * Adds a message; it is sent when its turn comes. Its `nonce` is set to the item's key: a new
   * one, or `key` for a message the caller already showed under that key (a widget queues
   * messages itself while the outbox's code is still loading).
   */
  enqueue(body: SendMessageBody, key: string = this.#newKey()): OutboxItem {
    const item: OutboxItem = {
      key,
      body: { ...body, nonce: key },
      status: 'queued',
      attempts: 0,
      error: null,
      createdAt: this.#now(),
      message: null,
    };
    this.#commit([...this.#items, item]);
    this.#pump();
    return item;
  }

  /** Sends a `failed` item again (attempts start over); the items it held follow it. */
  retry(key: string): void {
    if (this.#find(key)?.status !== 'failed') return;
    this.#update(key, { status: 'queued', attempts: 0, error: null });
    this.#pump();
  }

  /** Drops a `failed` or `queued` item (never one in flight). */
  remove(key: string): void {
    const status = this.#find(key)?.status;
    if (status !== 'failed' && status !== 'queued') return;
    // The head waiting out a backoff: the next item need not wait for it.
    if (this.#wait?.key === key) this.#cancelWait();
    this.#commit(this.#items.filter((item) => item.key !== key));
    this.#pump();
  }

  /** The widget holds the server copy now: forget a `sent` item. */
  acknowledge(key: string): void {
    if (this.#find(key)?.status !== 'sent') return;
    this.#commit(this.#items.filter((item) => item.key !== key));
  }

  /**
   * Uses another transport from the next attempt on. `null` pauses: the attempt in flight is
   * aborted and its item requeued (its key makes the later resend safe) until a transport is
   * set again. A widget pauses the outbox of a member who signed out or was replaced, because
   * its old transport's token source could by now be handing out someone else's tokens.
   */
  setTransport(send: SendAttempt | null): void {
    this.#send = send;
    if (send === null) this.#abortInFlight();
    else this.#pump();
  }

  /** Called after every change of `items`. Returns the unsubscribe function. */
  subscribe(listener: (items: readonly OutboxItem[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops sending (aborts the attempt in flight; its item stays queued, in storage). */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#cancelWait();
    this.#stopListening();
    this.#abortInFlight();
    this.#listeners.clear();
  }

  #abortInFlight(): void {
    const inFlight = this.#inFlight;
    this.#inFlight = null;
    if (!inFlight) return;
    inFlight.controller.abort();
    // The same key makes a later resend safe even if the server got this attempt.
    this.#update(inFlight.key, { status: 'queued' });
  }

  /** Starts the next attempt when nothing is in flight or waiting and the browser is online. */
  #pump(): void {
    if (this.#disposed || !this.#send || this.#inFlight || this.#wait !== null || !this.#connectivity.online()) return;
    const next = this.#items.find((item) => item.status === 'queued' || (item.status === 'failed' && isTransient(item.error?.code)));
    if (next?.status !== 'queued') return; // Nothing to send, or a failed item holds the line.
    void this.#attempt(next);
  }

  async #attempt(item: OutboxItem): Promise<void> {
    const send = this.#send!;
    const controller = new AbortController();
    const inFlight = { key: item.key, controller };
    this.#inFlight = inFlight;
    this.#update(item.key, { status: 'sending', attempts: item.attempts + 1 });
    if (this.#inFlight !== inFlight) return; // A listener disposed the outbox.
    let outcome: { message: ChatMessage } | { error: unknown };
    try {
      outcome = { message: await send(item.body, item.key, controller.signal) };
    } catch (error) {
      outcome = { error };
    }
    if (this.#inFlight !== inFlight) return; // Disposed or paused meanwhile, which requeued it.
    this.#inFlight = null;
    if ('message' in outcome) {
      this.#update(item.key, { status: 'sent', message: outcome.message, error: null });
    } else {
      this.#failed(item.key, outcome.error);
    }
    this.#pump();
  }

  #failed(key: string, cause: unknown): void {
    const error = failureOf(cause);
    const item = this.#find(key);
    if (!item) return;
    if (!isTransient(error.code)) {
      this.#update(key, { status: 'failed', error });
      return;
    }
    // Lost because the browser went offline: not the item's fault, it waits for `online`.
    const attempts = this.#connectivity.online() ? item.attempts : item.attempts - 1;
    if (attempts >= this.#maxAttempts) {
      this.#update(key, { status: 'failed', error, attempts });
      return;
    }
    this.#update(key, { status: 'queued', error, attempts });
    const retryAfter = cause instanceof ApiError && cause.code === 'rate_limited' ? cause.retryAfter : null;
    const delay = retryAfter !== null ? retryAfter * 1000 : backoffDelay(attempts - 1, this.#backoff);
    this.#wait = { key, timer: setTimeout(() => this.#wakeUp(), delay) };
  }

  /** Ends any wait and tries now (the timer fired, or the browser came back online). */
  #wakeUp(): void {
    this.#cancelWait();
    this.#pump();
  }

  #cancelWait(): void {
    if (this.#wait !== null) clearTimeout(this.#wait.timer);
    this.#wait = null;
  }

  #find(key: string): OutboxItem | undefined {
    return this.#items.find((item) => item.key === key);
  }

  /** Replaces one item with an updated copy (items are immutable: renderers compare by identity). */
  #update(key: string, patch: Partial<OutboxItem>): void {
    this.#commit(this.#items.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  }

  #commit(items: readonly OutboxItem[]): void {
    this.#items = items;
    this.#save();
    for (const listener of [...this.#listeners]) listener(items);
  }

  #save(): void {
    if (!this.#storage || this.#storageKey === null) return;
    writeStoredItems(this.#storage, this.#storageKey, this.#items.filter((item) => item.status !== 'sent'));
  }

  /** Stored items, validated (anything else in storage is ignored); attempts in flight come back queued. */
  #load(): OutboxItem[] {
    if (!this.#storage || this.#storageKey === null) return [];
    const keys = new Set<string>();
    const items: OutboxItem[] = [];
    for (const value of readStoredItems(this.#storage, this.#storageKey)) {
      if (!isStoredItem(value) || keys.has(value.key)) continue;
      keys.add(value.key);
      items.push({ ...value, status: value.status === 'sending' ? 'queued' : value.status, message: null });
    }
    return items;
  }
}

/** Failures a later attempt with the same key may get past. */
const TRANSIENT_CODES: ReadonlySet<ApiError['code']> = new Set([
  'network_error',
  'unavailable',
  'internal',
  'rate_limited',
  // The transport gave up without an answer (not our abort: that is dispose): the server may or may not have it.
  'aborted',
  'invalid_response',
]);

function isTransient(code: ApiError['code'] | undefined): boolean {
  return code !== undefined && TRANSIENT_CODES.has(code);
}

/** The item's view of a failure; anything that is not an ApiError (a transport bug, a TypeError from fetch) counts as a network error. */
function failureOf(cause: unknown): { code: ApiError['code']; message: string } {
  if (cause instanceof ApiError) {
    return { code: cause.status >= 500 && !isTransient(cause.code) ? 'internal' : cause.code, message: cause.message };
  }
  return { code: 'network_error', message: cause instanceof Error ? cause.message : String(cause) };
}

const STATUSES: ReadonlySet<unknown> = new Set(['queued', 'sending', 'failed']);

function isStoredItem(value: unknown): value is OutboxItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  const body = item['body'] as Record<string, unknown> | null;
  const error = item['error'] as Record<string, unknown> | null;
  return (
    typeof item['key'] === 'string' &&
    STATUSES.has(item['status']) &&
    Number.isSafeInteger(item['attempts']) &&
    typeof item['createdAt'] === 'number' &&
    (error === null || (typeof error === 'object' && typeof error['code'] === 'string' && typeof error['message'] === 'string')) &&
    typeof body === 'object' &&
    body !== null &&
    typeof body['text'] === 'string' &&
    body['nonce'] === item['key'] &&
    (body['replyTo'] === undefined || typeof body['replyTo'] === 'string') &&
    (body['imageIds'] === undefined || (Array.isArray(body['imageIds']) && body['imageIds'].every((id) => typeof id === 'string')))
  );
}

/** `navigator.onLine` and the window's `online` event; always online where there are none. */
function defaultConnectivity(): Connectivity {
  const navigator = globalThis.navigator as Navigator | undefined;
  if (typeof navigator?.onLine !== 'boolean' || typeof globalThis.addEventListener !== 'function') {
    return { online: () => true, onOnline: () => () => {} };
  }
  return {
    online: () => navigator.onLine,
    onOnline: (listener) => {
      globalThis.addEventListener('online', listener);
      return () => globalThis.removeEventListener('online', listener);
    },
  };
}
