import { paths } from '@rai-kit/core/api';
import { Outbox, type ChannelApi, type OutboxItem, type SendAttempt } from '@rai-kit/core/chat';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * One outbox per (API, community, channel, member) for the whole page. Module-level, not
 * per element: a widget that re-renders, or is removed and added again (a host framework
 * remounting it), finds its pending messages where it left them, and they keep sending
 * meanwhile. The member is part of the key so one member's queued messages are never sent
 * with another member's token.
 */
const outboxes = new Map<string, Outbox>();

function outboxFor(api: ChannelApi, userId: string): Outbox {
  const key = `${api.client.url(paths.channel(api.communityId, api.channelId))}#${userId}`;
  let outbox = outboxes.get(key);
  if (!outbox) {
    // sessionStorage (the outbox's default) keeps the items over a reload of this tab only.
    outbox = new Outbox({ send: transport(api), storageKey: `rai-outbox:${key}` });
    outboxes.set(key, outbox);
  }
  return outbox;
}

/** One attempt through this widget's client (the body carries the key as its nonce, see Outbox.enqueue). */
function transport(api: ChannelApi): SendAttempt {
  return (body, key, signal) => api.send(body, key, signal);
}

/**
 * Connects a widget to the page's outbox for its channel and member: re-renders the host
 * on every change of the outbox's items while connected, and hands them to `onChange`
 * (also once on connecting, for what happened while the widget was away).
 */
export class OutboxController implements ReactiveController {
  #host: ReactiveControllerHost;
  #onChange: (items: readonly OutboxItem[]) => void;
  #outbox: Outbox | null = null;
  #userId: string | null = null;
  #api: ChannelApi | null = null;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, onChange: (items: readonly OutboxItem[]) => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  /** The outbox in use; `null` when the widget cannot post. */
  get outbox(): Outbox | null {
    return this.#outbox;
  }

  /** Items to show: queued, sending, failed, and sent ones not yet taken over by the log. */
  get items(): readonly OutboxItem[] {
    return this.#outbox?.items ?? [];
  }

  /**
   * Uses the outbox of `api`'s channel for `userId` (sending through `api`), or none. The
   * previous outbox keeps sending when only the channel changed; when the member changed or
   * signed out it is paused (its items wait, in storage, for that member's return), because
   * its transport's token source may now hand out another member's tokens.
   */
  use(api: ChannelApi | null, userId: string | null): void {
    const outbox = api && userId ? outboxFor(api, userId) : null;
    // Called on every render: a new transport only for a new client (a reload, another token source).
    if (outbox && api && (api !== this.#api || outbox !== this.#outbox)) outbox.setTransport(transport(api));
    this.#api = api;
    if (outbox === this.#outbox) return;
    if (this.#outbox && userId !== this.#userId) this.#outbox.setTransport(null);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#outbox = outbox;
    this.#userId = userId;
    if (this.#connected) this.#subscribe();
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

  #subscribe(): void {
    const outbox = this.#outbox;
    if (!outbox || this.#unsubscribe) return;
    this.#unsubscribe = outbox.subscribe((items) => {
      this.#onChange(items);
      this.#host.requestUpdate();
    });
    this.#onChange(outbox.items);
    this.#host.requestUpdate();
  }
}
