import { paths, type SendMessageBody } from '@rai-kit/core/api';
import { defaultStorage, newMessageKey, readStoredItems, writeStoredItems, type ChannelApi, type Outbox, type OutboxItem } from '@rai-kit/core/chat';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type OutboxCode = typeof import('../chat-channel/outboxes.js');

/** Storage keys of the page's outboxes start with this (see `outboxes.ts`). */
export const OUTBOX_STORAGE_PREFIX = 'rai-outbox:';

/**
 * Where the send machinery (core's Outbox, the page's outboxes) comes from: a chunk of its own,
 * loaded on the first send, on intent (`prefetch`), or at once when this tab holds unsent
 * messages of an earlier visit. `loaded` is set by the first load that succeeds, so widgets
 * created later attach synchronously. Tests replace `load` (and clear `loaded`) to hold the
 * chunk back or make it fail.
 */
export const outboxCode: { load: () => Promise<OutboxCode>; loaded: OutboxCode | null } = {
  load: () => import('../chat-channel/outboxes.js'),
  loaded: null,
};

/** The page's outbox of `api`'s channel for one member; the member is part of it (see `outboxes.ts`). */
function outboxKey(api: ChannelApi, userId: string): string {
  return `${api.client.url(paths.channel(api.communityId, api.channelId))}#${userId}`;
}

/** Whether this tab's storage holds unsent messages of some outbox (an earlier visit's, or a reload's). */
function storedOutboxes(): boolean {
  try {
    const storage = globalThis.sessionStorage;
    for (let i = 0; i < storage.length; i++) if (storage.key(i)?.startsWith(OUTBOX_STORAGE_PREFIX)) return true;
  } catch {
    // No storage (sandboxed iframe): nothing was kept.
  }
  return false;
}

/**
 * Keeps messages sent before the outbox code arrived where their outbox will find them (its
 * storage, in its format), so a reload before the code arrives, or after it failed to, loses
 * nothing: the next visit's `restore` sends them.
 */
function storeEarly(outboxKey: string, change: (stored: OutboxItem[]) => OutboxItem[]): void {
  const storage = defaultStorage();
  if (!storage) return;
  const key = `${OUTBOX_STORAGE_PREFIX}${outboxKey}`;
  // Read back by the outbox, which validates each item.
  writeStoredItems(storage, key, change(readStoredItems(storage, key) as OutboxItem[]));
}

/** Messages sent before the outbox code arrived, for one outbox: shown as pending, handed over once it has. */
interface EarlyItems {
  /** The outbox's (see `outboxKey`). */
  key: string;
  api: ChannelApi;
  userId: string;
  items: OutboxItem[];
}

/**
 * Connects a widget to the page's outbox for its channel and member: re-renders the host
 * on every change of the outbox's items while connected, and hands them to `onChange`
 * (also once on connecting, for what happened while the widget was away).
 *
 * The outbox's code loads on demand (see {@link outboxCode}). A message sent before it arrives
 * is queued here under its final key and shown as pending; it joins the outbox when the code
 * has loaded. When the code cannot be loaded (offline, blocked), those messages turn `failed`
 * with a network error: the widget's "Not sent" state, whose Retry loads the code again.
 */
export class OutboxController implements ReactiveController {
  #host: ReactiveControllerHost;
  #onChange: (items: readonly OutboxItem[]) => void;
  /** The channel and member the widget posts as now; `null` when it cannot post. */
  #target: { api: ChannelApi; userId: string; key: string } | null = null;
  #outbox: Outbox | null = null;
  /** Member of `#outbox`. */
  #userId: string | null = null;
  /** The API `#outbox` last got a transport for. */
  #api: ChannelApi | null = null;
  /** By outbox key. */
  #early = new Map<string, EarlyItems>();
  #loading: Promise<void> | null = null;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, onChange: (items: readonly OutboxItem[]) => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  /** A member may post through this widget: `enqueue` works. */
  get active(): boolean {
    return this.#target !== null;
  }

  /** Items to show: queued, sending, failed, and sent ones not yet taken over by the log. */
  get items(): readonly OutboxItem[] {
    const early = this.#target ? (this.#early.get(this.#target.key)?.items ?? []) : [];
    const items = this.#outbox?.items ?? [];
    return early.length === 0 ? items : [...items, ...early];
  }

  /**
   * Uses the outbox of `api`'s channel for `userId` (sending through `api`), or none. The
   * previous outbox keeps sending when only the channel changed; when the member changed or
   * signed out it is paused (its items wait, in storage, for that member's return), because
   * its transport's token source may now hand out another member's tokens.
   */
  use(api: ChannelApi | null, userId: string | null): void {
    this.#target = api && userId ? { api, userId, key: outboxKey(api, userId) } : null;
    if (outboxCode.loaded) this.#ready(outboxCode.loaded);
  }

  /**
   * Loads the outbox code now when this tab kept unsent messages (a reload while sending), so
   * they show in the widget's first render and go on sending. Await it next to the first
   * request. Never rejects: when the code cannot load, they stay stored for the next try.
   */
  restore(): Promise<void> {
    return outboxCode.loaded || !storedOutboxes() ? Promise.resolve() : this.#load();
  }

  /** Starts loading the outbox code, so the first send does not wait for it (the member is about to write). */
  prefetch(): void {
    if (!outboxCode.loaded) void this.#load();
  }

  /** Queues a message (see Outbox.enqueue); only while {@link active}. */
  enqueue(body: SendMessageBody): OutboxItem {
    const target = this.#target;
    if (!target) throw new Error('OutboxController: no member may post here.');
    if (this.#outbox) return this.#outbox.enqueue(body);
    const key = newMessageKey();
    const item: OutboxItem = { key, body: { ...body, nonce: key }, status: 'queued', attempts: 0, error: null, createdAt: Date.now(), message: null };
    const early = this.#early.get(target.key) ?? { key: target.key, api: target.api, userId: target.userId, items: [] };
    early.items.push(item);
    this.#early.set(target.key, early);
    storeEarly(target.key, (stored) => [...stored, item]);
    this.#changed();
    void this.#load();
    return item;
  }

  /** Sends a `failed` item again; for one that failed because the outbox code did not load, loads it again. */
  retry(key: string): void {
    if (this.#earlyItem(key)) void this.#load();
    else this.#outbox?.retry(key);
  }

  /** Drops a `failed` or `queued` item (see Outbox.remove). */
  remove(key: string): void {
    const early = this.#earlyItem(key);
    if (!early) return this.#outbox?.remove(key);
    early.items.splice(early.items.findIndex((item) => item.key === key), 1);
    storeEarly(early.key, (stored) => stored.filter((item) => item.key !== key));
    this.#changed();
  }

  /** The widget holds the server copy now (see Outbox.acknowledge). */
  acknowledge(key: string): void {
    this.#outbox?.acknowledge(key);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #earlyItem(key: string): EarlyItems | undefined {
    return [...this.#early.values()].find((early) => early.items.some((item) => item.key === key));
  }

  /** One load at a time; a failed one may be tried again (a retry, the next send). */
  #load(): Promise<void> {
    if (this.#loading) return this.#loading;
    // Early messages a failed load marked `failed` are on their way again.
    this.#setEarly({ status: 'queued', error: null });
    this.#loading = outboxCode.load().then(
      (code) => {
        outboxCode.loaded = code;
        this.#loading = null;
        this.#ready(code);
      },
      (error: unknown) => {
        this.#loading = null;
        const reason = error instanceof Error ? error.message : String(error);
        this.#setEarly({ status: 'failed', error: { code: 'network_error', message: `The message could not be sent: ${reason}` } });
      },
    );
    return this.#loading;
  }

  #setEarly(patch: Pick<OutboxItem, 'status' | 'error'>): void {
    if (this.#early.size === 0) return;
    for (const early of this.#early.values()) early.items = early.items.map((item) => ({ ...item, ...patch }));
    this.#changed();
  }

  /**
   * The code is here: attach to the current outbox, then early messages join their outboxes, in
   * the order sent, under the keys they were shown with.
   */
  #ready(code: OutboxCode): void {
    this.#attach(code);
    if (this.#early.size === 0) return;
    const groups = [...this.#early.values()];
    this.#early.clear();
    for (const { key, api, userId, items } of groups) {
      const outbox = code.outboxFor(key, api);
      // Another member's by now: held like the outbox of any member who left (see `use`), before enqueue can send.
      if (userId !== this.#target?.userId) outbox.setTransport(null);
      // A new outbox has read them from storage already (see storeEarly).
      for (const item of items) if (!outbox.items.some((kept) => kept.key === item.key)) outbox.enqueue(item.body, item.key);
    }
  }

  #attach(code: OutboxCode): void {
    const target = this.#target;
    const outbox = target ? code.outboxFor(target.key, target.api) : null;
    // Called on every render: a new transport only for a new client (a reload, another token source).
    if (outbox && target && (target.api !== this.#api || outbox !== this.#outbox)) outbox.setTransport(code.transport(target.api));
    this.#api = target?.api ?? null;
    if (outbox === this.#outbox) return;
    if (this.#outbox && target?.userId !== this.#userId) this.#outbox.setTransport(null);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#outbox = outbox;
    this.#userId = target?.userId ?? null;
    if (this.#connected) this.#subscribe();
  }

  #subscribe(): void {
    const outbox = this.#outbox;
    if (!outbox || this.#unsubscribe) return;
    this.#unsubscribe = outbox.subscribe(() => this.#changed());
    this.#changed();
  }

  #changed(): void {
    this.#onChange(this.items);
    this.#host.requestUpdate();
  }
}
