import type { LeaderboardEntry, StandingsEventData } from '../api/leaderboard-types.js';
import type { StreamEvent } from '../realtime/protocol.js';
import { applyChanges, compareStanding, type StandingsSlice } from './standings.js';
import { seqOf, type StandingsSnapshot, type StandingsView } from './standings-view.js';

/** A page of entries as loaded, with the stream position it was read at. */
export interface StandingsPage {
  entries: LeaderboardEntry[];
  /** More rows exist beyond the page in the direction it was loaded. */
  hasMore: boolean;
  lastEventId: string;
}

/** Options of {@link StandingsPager}. */
export interface StandingsPagerOptions {
  /** Events kept to bring a page that was read before them up to date. Default 200. */
  logSize?: number;
  /** How long a page read ahead of the stream waits for the stream to catch up. Default 3 000 ms. */
  maxWaitMs?: number;
}

interface Waiting {
  page: StandingsPage;
  direction: 'next' | 'prev';
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Pages loaded either side of a {@link StandingsView}'s slice, joined so that rows loaded
 * while ranks move are neither skipped, duplicated nor shifted twice. Every page carries the
 * stream position it was read at. A page read before events the view has already applied is
 * brought forward with the logged events; a page read after them waits for the stream to
 * catch up (or `maxWaitMs`) before it is merged.
 *
 * Once there is a pager, the view's events and resets go through it ({@link apply},
 * {@link reset}): it logs the events from its creation on, which covers every page read
 * since (a page is never read at a position older than what the view has already shown).
 */
export class StandingsPager {
  readonly view: StandingsView;
  readonly #logSize: number;
  readonly #maxWaitMs: number;
  #log: StreamEvent<StandingsEventData>[] = [];
  #waiting: Waiting[] = [];

  constructor(view: StandingsView, options: StandingsPagerOptions = {}) {
    this.view = view;
    this.#logSize = options.logSize ?? 200;
    this.#maxWaitMs = options.maxWaitMs ?? 3_000;
  }

  /** Pages merged ahead of the stream wait for it to catch up. */
  get waiting(): boolean {
    return this.#waiting.length > 0;
  }

  /** The view's {@link StandingsView.apply}, logging the event and joining the pages that waited for it. */
  apply(event: StreamEvent<StandingsEventData>): void {
    const before = this.view.position;
    this.view.apply(event);
    if (this.view.position === before) return; // already applied
    this.#log.push(event);
    if (this.#log.length > this.#logSize) this.#log.shift();
    for (const waiting of [...this.#waiting]) if (seqOf(waiting.page.lastEventId) <= seqOf(event.id)) this.#flush(waiting);
  }

  /** The view's {@link StandingsView.reset}, dropping pages still waiting. */
  reset(snapshot: StandingsSnapshot): void {
    this.dispose();
    this.#log = [];
    this.view.reset(snapshot);
  }

  /**
   * Adds a page loaded after the slice's last row (`next`) or before its first (`prev`).
   * Returns `false` when the page is too old to bring forward: load it again.
   */
  merge(page: StandingsPage, direction: 'next' | 'prev'): boolean {
    const pageSeq = seqOf(page.lastEventId);
    const position = this.view.position;
    const viewSeq = position === null ? pageSeq : seqOf(position);
    if (pageSeq > viewSeq) {
      const waiting: Waiting = { page, direction, timer: setTimeout(() => this.#flush(waiting), this.#maxWaitMs) };
      this.#waiting.push(waiting);
      return true;
    }
    const missed = this.#log.filter((event) => seqOf(event.id) > pageSeq);
    const oldestLogged = this.#log[0];
    if (pageSeq < viewSeq && (!oldestLogged || seqOf(oldestLogged.id) > pageSeq + 1)) return false;
    this.#join(page, direction, missed);
    return true;
  }

  /** Stops the timers of waiting pages (when the view is discarded). */
  dispose(): void {
    for (const waiting of this.#waiting) clearTimeout(waiting.timer);
    this.#waiting = [];
  }

  #flush(waiting: Waiting): void {
    clearTimeout(waiting.timer);
    this.#waiting = this.#waiting.filter((w) => w !== waiting);
    // After a timeout the stream is not keeping up; joining slightly-ahead rows beats
    // leaving "load more" stuck, and the next event or reload settles any difference.
    this.#join(waiting.page, waiting.direction, []);
  }

  /**
   * Brings the page forward by `missed`, treating its inner edge as open so a member who
   * moved into the gap between slice and page is placed, then drops rows that belong
   * inside the slice (the slice already placed them) and joins the two.
   */
  #join(page: StandingsPage, direction: 'next' | 'prev', missed: StreamEvent<StandingsEventData>[]): void {
    const { slice, topLimit } = this.view;
    const next = direction === 'next';
    let part: StandingsSlice = next
      ? { entries: page.entries, hasPrev: false, hasNext: page.hasMore }
      : { entries: page.entries, hasPrev: page.hasMore, hasNext: false };
    for (const event of missed) part = applyChanges(part, event.data.changes, topLimit);
    const edge = next ? slice.entries.at(-1) : slice.entries[0];
    const held = new Set(slice.entries.map((e) => e.user.id));
    const fresh = part.entries.filter(
      (entry) => !held.has(entry.user.id) && (!edge || (next ? compareStanding(entry, edge) > 0 : compareStanding(entry, edge) < 0)),
    );
    this.view.replaceSlice(
      next
        ? { entries: [...slice.entries, ...fresh], hasPrev: slice.hasPrev, hasNext: part.hasNext }
        : { entries: [...fresh, ...slice.entries], hasPrev: part.hasPrev, hasNext: slice.hasNext },
    );
  }
}
