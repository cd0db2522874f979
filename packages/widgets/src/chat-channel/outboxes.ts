import { Outbox, type ChannelApi, type SendAttempt } from '@rai-kit/core/chat';
import { OUTBOX_STORAGE_PREFIX } from '../controllers/outbox-controller.js';

/**
 * The send machinery of `<rai-chat-channel>`, loaded by OutboxController on the first send (or
 * on intent: the composer focused or hovered), not with the widget: most visits only read.
 *
 * One outbox per (API, community, channel, member) for the whole page. Module-level, not per
 * element: a widget that re-renders, or is removed and added again (a host framework
 * remounting it), finds its pending messages where it left them, and they keep sending
 * meanwhile. The member is part of the key so one member's queued messages are never sent
 * with another member's token.
 */
const outboxes = new Map<string, Outbox>();

/** The page's outbox under `key` (OutboxController's `outboxKey`), made on first use to send through `api`. */
export function outboxFor(key: string, api: ChannelApi): Outbox {
  let outbox = outboxes.get(key);
  if (!outbox) {
    // sessionStorage (the outbox's default) keeps the items over a reload of this tab only.
    outbox = new Outbox({ send: transport(api), storageKey: `${OUTBOX_STORAGE_PREFIX}${key}` });
    outboxes.set(key, outbox);
  }
  return outbox;
}

/** One attempt through this widget's client (the body carries the key as its nonce, see Outbox.enqueue). */
export function transport(api: ChannelApi): SendAttempt {
  return (body, key, signal) => api.send(body, key, signal);
}
