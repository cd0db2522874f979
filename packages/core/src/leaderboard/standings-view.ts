import type { LeaderboardEntry, StandingsEventData } from '../api/leaderboard-types.js';
import { parseEventId, type StreamEvent } from '../realtime/protocol.js';
import { applyChanges, applyChangesToEntry, type StandingsSlice } from './standings.js';

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
  /** Called after every change of `slice`, `me` or `total`. */
  onChange?: () => void;
}

/**
 * A board as one client sees it: a contiguous slice of rows, the member's own entry and the
 * ranked total, kept consistent with the board's event stream. Every snapshot carries the
 * stream position it was read at; events up to it are ignored. Pages loaded beside the slice
 * join it through a {@link StandingsPager}.
 */
export class StandingsView {
  slice: StandingsSlice = { entries: [], hasPrev: false, hasNext: false };
  me: LeaderboardEntry | null = null;
  total = 0;
  /** Id of the last event reflected in the view. */
  position: string | null = null;

  readonly #userId: string | null;
  readonly #topLimit: number | null;
  readonly #onChange: () => void;

  constructor(options: StandingsViewOptions = {}) {
    this.#userId = options.userId ?? null;
    this.#topLimit = options.topLimit ?? null;
    this.#onChange = options.onChange ?? (() => {});
  }

  /** Rows ranked below it are dropped (`null`: no limit). */
  get topLimit(): number | null {
    return this.#topLimit;
  }

  /** Starts over from `snapshot`. */
  reset(snapshot: StandingsSnapshot): void {
    this.slice = { entries: snapshot.entries, hasPrev: snapshot.hasPrev, hasNext: snapshot.hasNext };
    if (snapshot.me !== undefined) this.me = snapshot.me;
    this.total = snapshot.total;
    this.position = snapshot.lastEventId;
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
    this.#onChange();
  }

  /** Shows `slice` instead: the slice with a page joined to it (see {@link StandingsPager}). */
  replaceSlice(slice: StandingsSlice): void {
    this.slice = slice;
    this.#onChange();
  }
}

/** Sequence number of an event id; ids of another epoch never reach a view (a reset reloads it). */
export function seqOf(id: string): number {
  return parseEventId(id)?.seq ?? 0;
}
