import { CHAT_EVENTS, type ChatMessage } from '../api/chat-types.js';
import { parseEventId, type StreamEvent } from '../realtime/protocol.js';
import type { MessagePage } from './channel-api.js';

/** Options of {@link MessageLog}. */
export interface MessageLogOptions {
  /**
   * Most messages held. A page that pushes the log past it prunes the far end (the newest
   * when paging back, the oldest when paging forward or receiving at the live end), so a
   * 100,000-message history never means 100,000 messages in memory or in the DOM. Default 200.
   */
  maxMessages?: number;
  /**
   * Messages arriving at the live end past `maxMessages` prune the oldest this many at a time
   * (down to `maxMessages - pruneBatch`), not one per message: a renderer that reuses elements
   * by position then shifts its content once per batch instead of on every message. Default:
   * a quarter of `maxMessages`.
   */
  pruneBatch?: number;
}

/** What {@link MessageLog.apply} did with an event. */
export type ApplyResult =
  /** A new message joined the log at the live end. */
  | 'added'
  /** A message the log holds was replaced (edit, reactions, tombstone). */
  | 'updated'
  /** A new message past the loaded window (the log does not reach the live end): count it as unread. */
  | 'beyond'
  /** Nothing to do: a duplicate, an older copy than the one held, or a message outside the window. */
  | 'ignored';

/**
 * The loaded window of one channel's history: messages oldest first by id, without
 * duplicates, bounded in size, kept current by the channel's stream.
 *
 * Consistency: every message remembers the stream position its copy is from (the page's
 * `meta.lastEventId`, or the event's id). A copy from an older position never replaces one
 * from a newer position, so a page read before an event that was already applied cannot
 * undo it, and replays after a reconnect change nothing. Reactions' `mine` is per caller and
 * always false in events: for shortcodes still present, the held copy's `mine` is kept.
 */
export class MessageLog {
  readonly #maxMessages: number;
  readonly #pruneBatch: number;
  /** Held copies by id, each with the stream position it is from. */
  #entries = new Map<string, Entry>();
  /** Held ids, ascending. */
  #ids: string[] = [];
  #hasOlder = false;
  #hasNewer = false;
  #lastEventId: string | null = null;
  /** The `messages` array handed out until the next change. */
  #snapshot: readonly ChatMessage[] | null = null;

  constructor(options: MessageLogOptions = {}) {
    this.#maxMessages = Math.max(1, options.maxMessages ?? 200);
    this.#pruneBatch = Math.min(this.#maxMessages - 1, Math.max(1, options.pruneBatch ?? Math.floor(this.#maxMessages / 4)));
  }

  /** Held messages, oldest first. A new array after every change (safe to render from). */
  get messages(): readonly ChatMessage[] {
    this.#snapshot ??= this.#ids.map((id) => this.#entries.get(id)!.message);
    return this.#snapshot;
  }
  /** Older messages exist on the server before the first held one. */
  get hasOlder(): boolean {
    return this.#hasOlder;
  }
  /** Newer messages exist after the last held one: the log does not reach the live end. */
  get hasNewer(): boolean {
    return this.#hasNewer;
  }
  /** Stream position to resume from: the newest position of any page or event applied. */
  get lastEventId(): string | null {
    return this.#lastEventId;
  }

  /** Replaces everything with a snapshot page (the newest page, or a page around a message). */
  reset(page: MessagePage): void {
    this.#entries.clear();
    this.#ids = [];
    this.#lastEventId = page.meta.lastEventId;
    this.#merge(page);
    this.#hasOlder = page.meta.prevCursor !== null;
    this.#hasNewer = page.meta.nextCursor !== null;
    this.#changed();
  }

  /** Prepends the page loaded `before` the first held message; may prune the newest end. Returns the ids pruned. */
  addOlder(page: MessagePage): string[] {
    const merged = this.#merge(page);
    this.#hasOlder = page.meta.prevCursor !== null;
    const pruned = this.#prune('newest');
    if (merged || pruned.length > 0) this.#changed();
    return pruned;
  }

  /** Appends the page loaded `after` the last held message; may prune the oldest end. Returns the ids pruned. */
  addNewer(page: MessagePage): string[] {
    const merged = this.#merge(page);
    this.#hasNewer = page.meta.nextCursor !== null;
    const pruned = this.#prune('oldest');
    if (merged || pruned.length > 0) this.#changed();
    return pruned;
  }

  /** Applies one channel event (`message.created` / `updated` / `deleted`). Never throws on odd data. */
  apply(event: StreamEvent<ChatMessage>): ApplyResult {
    if (typeof event !== 'object' || event === null || typeof event.id !== 'string' || !parseEventId(event.id)) return 'ignored';
    const known = event.event === CHAT_EVENTS.created || event.event === CHAT_EVENTS.updated || event.event === CHAT_EVENTS.deleted;
    if (!known || !isMessage(event.data)) return 'ignored';
    const message = event.data;
    // Older than everything seen already: a replay, reflected in what is held (or pruned) already.
    const news = this.#lastEventId === null || isNewer(event.id, this.#lastEventId);
    if (news) this.#lastEventId = event.id;
    const held = this.#entries.get(message.id);
    if (held) {
      if (!isNewer(event.id, held.position)) return 'ignored';
      this.#entries.set(message.id, { message: withMine(message, held.message), position: event.id });
      this.#changed();
      return 'updated';
    }
    if (event.event !== CHAT_EVENTS.created || !news || !this.#isPastEnd(message.id)) return 'ignored';
    if (this.#hasNewer) return 'beyond';
    this.#entries.set(message.id, { message: withMine(message, null), position: event.id });
    this.#append(message.id);
    this.#changed();
    return 'added';
  }

  /**
   * Takes a copy answered to this client (its send, or its react/unreact): exact `mine`.
   * A sent message at the live end is added if missing.
   *
   * Answers carry no stream position. `requestedAt` (the log's `lastEventId` when the request
   * was made) bounds it: a held copy from a newer event keeps its content and only takes
   * `mine` from the answer, unless that copy lacks one of the caller's own reactions (it
   * predates the caller's action). Without it, the answer's content wins. Either way the copy
   * counts as of the log's current position, so a stale page cannot undo it and the next
   * event replaces it.
   */
  upsertOwn(message: ChatMessage, requestedAt?: string | null): void {
    if (!isMessage(message)) return;
    const held = this.#entries.get(message.id);
    const position = this.#lastEventId;
    if (held) {
      const heldIsNewer = requestedAt != null && held.position !== null && isNewer(held.position, requestedAt);
      const heldHasMine = message.reactions.every((r) => !r.mine || held.message.reactions.some((h) => h.shortcode === r.shortcode));
      const next = heldIsNewer && heldHasMine ? withMine(held.message, message) : message;
      this.#entries.set(message.id, { message: next, position });
    } else if (!this.#hasNewer && this.#isPastEnd(message.id)) {
      this.#entries.set(message.id, { message, position });
      this.#append(message.id);
    } else {
      return;
    }
    this.#changed();
  }

  /** The held message with this id, if any. */
  get(id: string): ChatMessage | undefined {
    return this.#entries.get(id)?.message;
  }

  /**
   * Takes a page's copies (exact `mine`: pages are REST answers) unless a held copy is from a
   * newer position. Returns whether any message was added or replaced.
   */
  #merge(page: MessagePage): boolean {
    const position = page.meta.lastEventId;
    if (this.#lastEventId === null || isNewer(position, this.#lastEventId)) this.#lastEventId = position;
    let added = false;
    let replaced = false;
    for (const message of page.messages) {
      if (!isMessage(message)) continue;
      const held = this.#entries.get(message.id);
      if (held && held.position !== null && isNewer(held.position, position)) continue;
      if (held) replaced = true;
      else added = true;
      this.#entries.set(message.id, { message, position });
    }
    if (added) this.#ids = [...this.#entries.keys()].sort(compareIds);
    return added || replaced;
  }

  /** A message at the live end; past `maxMessages`, a batch of the oldest goes. */
  #append(id: string): void {
    this.#ids.push(id);
    if (this.#ids.length > this.#maxMessages) this.#prune('oldest', this.#maxMessages - this.#pruneBatch);
  }

  /** Drops messages past `keep` at `end`; the log then no longer reaches that end. */
  #prune(end: 'oldest' | 'newest', keep = this.#maxMessages): string[] {
    const excess = this.#ids.length - keep;
    if (excess <= 0) return [];
    const pruned = end === 'oldest' ? this.#ids.splice(0, excess) : this.#ids.splice(-excess);
    for (const id of pruned) this.#entries.delete(id);
    if (end === 'oldest') this.#hasOlder = true;
    else this.#hasNewer = true;
    return pruned;
  }

  /** Newer than the last held message (or nothing is held). */
  #isPastEnd(id: string): boolean {
    const last = this.#ids[this.#ids.length - 1];
    return last === undefined || compareIds(id, last) > 0;
  }

  #changed(): void {
    this.#snapshot = null;
  }
}

interface Entry {
  message: ChatMessage;
  /** Stream position this copy is from; `null` when the log had none yet. */
  position: string | null;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether position `a` comes after `b`. Within an epoch by sequence; across epochs (or
 * unparsable ids) `a` counts as newer: it is the one applied last, and a new epoch means
 * a reset that reloads everything anyway.
 */
function isNewer(a: string, b: string | null): boolean {
  if (b === null) return true;
  const pa = parseEventId(a);
  const pb = parseEventId(b);
  if (!pa || !pb || pa.epoch !== pb.epoch) return a !== b;
  return pa.seq > pb.seq;
}

/** `message` with the caller's `mine` from `source` for each shortcode still present (false without a source). */
function withMine(message: ChatMessage, source: ChatMessage | null): ChatMessage {
  const mine = new Set(source?.reactions.filter((r) => r.mine).map((r) => r.shortcode));
  return { ...message, reactions: message.reactions.map((r) => ({ ...r, mine: mine.has(r.shortcode) })) };
}

/** Enough of a message to hold and render without throwing (events are not trusted blindly). */
function isMessage(value: unknown): value is ChatMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { id, reactions } = value as Partial<ChatMessage>;
  return (
    typeof id === 'string' &&
    Array.isArray(reactions) &&
    reactions.every((r: unknown) => typeof r === 'object' && r !== null && typeof (r as { shortcode?: unknown }).shortcode === 'string')
  );
}
