import { parseEventId } from './protocol.js';

/** What the cursor makes of an incoming event id. */
export type IdVerdict = 'new' | 'seen' | 'invalid';

/**
 * A subscriber's position in a topic and its at-most-once gate. An id is new only when it
 * is later than the last one taken in the same epoch. An id from another epoch counts as
 * seen: the server announces a new epoch with a `reset` (which moves the cursor) first, so
 * anything else from a foreign epoch is a stale replay.
 */
export class EventCursor {
  #id: string | null = null;
  #position: { epoch: string; seq: number } | null = null;

  constructor(initial: string | null) {
    this.moveTo(initial);
  }

  /** The last id taken (or jumped to); what to resume from. */
  get lastEventId(): string | null {
    return this.#id;
  }

  /** Takes `id` and advances when it is new; leaves the cursor alone otherwise. */
  offer(id: string): IdVerdict {
    const position = parseEventId(id);
    if (!position) return 'invalid';
    const current = this.#position;
    if (current && (position.epoch !== current.epoch || position.seq <= current.seq)) return 'seen';
    this.#id = id;
    this.#position = position;
    return 'new';
  }

  /** Jumps to `id` unconditionally (after a reset); `null` or a malformed id forgets the position. */
  moveTo(id: string | null): void {
    const position = id === null ? null : parseEventId(id);
    this.#position = position;
    this.#id = position ? id : null;
  }
}
