import type { LeaderboardEntry, StandingsEventData } from '../api/leaderboard-types.js';
import { parseEventId, type StreamEvent } from '../realtime/protocol.js';
import { applyChanges, applyChangesToEntry, compareStanding, type StandingsSlice } from './standings.js';

/** A page of entries as loaded, with the stream position it was read at. */
export interface StandingsPage {
  entries: LeaderboardEntry[];
  /** More rows exist beyond the page in the direction it was loaded. */
  hasMore: boolean;
  lastEventId: string;
}

/** A snapshot the view restarts from: the first page, or "around me". */
export interface StandingsSnapshot {
  entries: LeaderboardEntry[];
  hasPrev: boolean;
  hasNext: boolean;
  total: number;
  lastEventId: string;
  /** The member's own entry; leave out to keep the current one. */
  me?: LeaderboardEntry | null;
}

/** Options of {@link StandingsView}. */
export interface StandingsViewOptions {
  /** The signed-in member, whose entry is tracked apart from the slice. */
  userId?: string | null;
  topLimit?: number | null;
  /** Events kept to bring a page that was read before them up to date. Default 200. */
  logSize?: number;
  /** How long a page read ahead of the stream waits for the stream to catch up. Default 3 000 ms. */
  maxWaitMs?: number;
  /** Called after every change of `slice`, `me` or `total`. */
  onChange?: () => void;
}

interface Waiting {
  page: StandingsPage;
  direction: 'next' | 'prev';
  timer: ReturnType<typeof setTimeout>;
}

/**
 * A board as one client sees it: a contiguous slice of rows, the member's own entry and the
 * ranked total, kept consistent with the board's event stream.
 *
 * Every snapshot and page carries the stream position it was read at. A page read before
 * events the view has already applied is brought forward with the logged events; a page
 * read after them waits for the stream to catch up (or `maxWaitMs`) before it is merged.
 * So rows loaded while ranks move are neither skipped, duplicated nor shifted twice.
 */
export class StandingsView {
  slice: StandingsSlice = { entries: [], hasPrev: false, hasNext: false };
  me: LeaderboardEntry | null = null;
  total = 0;
  /** Id of the last event reflected in the view. */
  position: string | null = null;

  readonly #userId: string | null;
  readonly #topLimit: number | null;
  readonly #logSize: number;
  readonly #maxWaitMs: number;
  readonly #onChange: () => void;
  #log: StreamEvent<StandingsEventData>[] = [];
  #waiting: Waiting[] = [];

  constructor(options: StandingsViewOptions = {}) {
    this.#userId = options.userId ?? null;
    this.#topLimit = options.topLimit ?? null;
    this.#logSize = options.logSize ?? 200;
    this.#maxWaitMs = options.maxWaitMs ?? 3_000;
    this.#onChange = options.onChange ?? (() => {});
  }

  /** Starts over from `snapshot` (drops pages still waiting). */
  reset(snapshot: StandingsSnapshot): void {
    this.#dropWaiting();
    this.slice = { entries: snapshot.entries, hasPrev: snapshot.hasPrev, hasNext: snapshot.hasNext };
    if (snapshot.me !== undefined) this.me = snapshot.me;
    this.total = snapshot.total;
    this.position = snapshot.lastEventId;
    this.#log = [];
    this.#onChange();
  }

  /** Applies the next event of the board's stream (ids in order; older ones are ignored). */
  apply(event: StreamEvent<StandingsEventData>): void {
    if (this.position !== null && seqOf(event.id) <= seqOf(this.position)) return;
    const { changes } = event.data;
    this.slice = applyChanges(this.slice, changes, this.#topLimit);
    if (this.#userId) this.me = applyChangesToEntry(this.me, this.#userId, changes);
    for (const change of changes) this.total += Number(change.rank !== null) - Number(change.from.rank !== null);
    this.position = event.id;
    this.#log.push(event);
    if (this.#log.length > this.#logSize) this.#log.shift();
    // Pages that were read at this position (or before it) can join now.
    for (const waiting of [...this.#waiting]) if (seqOf(waiting.page.lastEventId) <= seqOf(event.id)) this.#flush(waiting);
    this.#onChange();
  }

  /**
   * Adds a page loaded after the slice's last row (`next`) or before its first (`prev`).
   * Returns `false` when the page is too old to bring forward: load it again.
   */
  merge(page: StandingsPage, direction: 'next' | 'prev'): boolean {
    const pageSeq = seqOf(page.lastEventId);
    const viewSeq = this.position === null ? pageSeq : seqOf(this.position);
    if (pageSeq > viewSeq) {
      const waiting: Waiting = { page, direction, timer: setTimeout(() => this.#flush(waiting, true), this.#maxWaitMs) };
      this.#waiting.push(waiting);
      return true;
    }
    const missed = this.#log.filter((event) => seqOf(event.id) > pageSeq);
    const oldestLogged = this.#log[0];
    if (pageSeq < viewSeq && (!oldestLogged || seqOf(oldestLogged.id) > pageSeq + 1)) return false;
    this.#join(page, direction, missed);
    this.#onChange();
    return true;
  }

  /** Stops the timers of waiting pages (when the view is discarded). */
  dispose(): void {
    this.#dropWaiting();
  }

  #flush(waiting: Waiting, timedOut = false): void {
    clearTimeout(waiting.timer);
    this.#waiting = this.#waiting.filter((w) => w !== waiting);
    // After a timeout the stream is not keeping up; joining slightly-ahead rows beats
    // leaving "load more" stuck, and the next event or reload settles any difference.
    this.#join(waiting.page, waiting.direction, []);
    if (timedOut) this.#onChange();
  }

  /**
   * Brings the page forward by `missed`, treating its inner edge as open so a member who
   * moved into the gap between slice and page is placed, then drops rows that belong
   * inside the slice (the slice already placed them) and joins the two.
   */
  #join(page: StandingsPage, direction: 'next' | 'prev', missed: StreamEvent<StandingsEventData>[]): void {
    const next = direction === 'next';
    let part: StandingsSlice = next
      ? { entries: page.entries, hasPrev: false, hasNext: page.hasMore }
      : { entries: page.entries, hasPrev: page.hasMore, hasNext: false };
    for (const event of missed) part = applyChanges(part, event.data.changes, this.#topLimit);
    const edge = next ? this.slice.entries.at(-1) : this.slice.entries[0];
    const held = new Set(this.slice.entries.map((e) => e.user.id));
    const fresh = part.entries.filter(
      (entry) => !held.has(entry.user.id) && (!edge || (next ? compareStanding(entry, edge) > 0 : compareStanding(entry, edge) < 0)),
    );
    this.slice = next
      ? { entries: [...this.slice.entries, ...fresh], hasPrev: this.slice.hasPrev, hasNext: part.hasNext }
      : { entries: [...fresh, ...this.slice.entries], hasPrev: part.hasPrev, hasNext: this.slice.hasNext };
  }

  #dropWaiting(): void {
    for (const waiting of this.#waiting) clearTimeout(waiting.timer);
    this.#waiting = [];
  }
}

/** Sequence number of an event id; ids of another epoch never reach a view (a reset reloads it). */
function seqOf(id: string): number {
  return parseEventId(id)?.seq ?? 0;
}
