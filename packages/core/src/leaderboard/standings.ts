import type { LeaderboardEntry, StandingsChange } from '../api/leaderboard-types.js';

/**
 * Pure standings arithmetic shared by every client of a board's event stream. The server
 * orders entries the same way (score descending, then user id ascending by code unit), so
 * a client can place a moved row between the rows it holds without asking for ranks.
 */

/** Sort order of a board: higher score first, ties by user id. */
export function compareStanding(a: { score: number; user: { id: string } }, b: { score: number; user: { id: string } }): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.user.id < b.user.id ? -1 : a.user.id > b.user.id ? 1 : 0;
}

/**
 * A contiguous slice of a board in rank order. `hasPrev`/`hasNext` say whether rows exist
 * before the first or after the last entry that the slice does not hold.
 */
export interface StandingsSlice {
  entries: LeaderboardEntry[];
  hasPrev: boolean;
  hasNext: boolean;
}

/**
 * How much a burst of changes moves the rank of an unchanged row with `score`: each member
 * going from `a` to `b` adds one when they now outrank the row and did not before, and
 * removes one in the opposite case (competition ranking counts strictly higher scores).
 */
export function rankShift(score: number, changes: readonly StandingsChange[]): number {
  let shift = 0;
  for (const { score: to, from } of changes) shift += Number(to > score) - Number(from.score > score);
  return shift;
}

/**
 * Applies one `standings.changed` burst to `slice` and returns the new slice (the input is
 * not modified). Unchanged rows shift rank by {@link rankShift}; changed members leave
 * their old place and enter at their new one when it falls inside the slice (at an open
 * edge they are left to the next page load). `topLimit` drops rows ranked below it.
 */
export function applyChanges(slice: StandingsSlice, changes: readonly StandingsChange[], topLimit: number | null = null): StandingsSlice {
  if (changes.length === 0) return slice;
  const changed = new Set(changes.map((c) => c.user.id));
  const first = slice.entries[0];
  const last = slice.entries.at(-1);
  const kept = slice.entries
    .filter((entry) => !changed.has(entry.user.id))
    .map((entry) => {
      const shift = rankShift(entry.score, changes);
      return shift === 0 ? entry : { ...entry, rank: entry.rank + shift };
    });
  const previousRanks = new Map(slice.entries.map((e) => [e.user.id, e.previousRank]));
  for (const change of changes) {
    const entry = entryOf(change, previousRanks.get(change.user.id) ?? null);
    if (!entry) continue;
    const afterStart = !slice.hasPrev || (first !== undefined && compareStanding(entry, first) >= 0);
    const beforeEnd = !slice.hasNext || (last !== undefined && compareStanding(entry, last) <= 0);
    if (afterStart && beforeEnd) kept.push(entry);
  }
  kept.sort(compareStanding);
  const entries = topLimit === null ? kept : kept.filter((entry) => entry.rank <= topLimit);
  return { entries, hasPrev: slice.hasPrev, hasNext: slice.hasNext && entries.length === kept.length };
}

/**
 * The member's own entry after a burst: replaced when they changed (`null` when they left
 * the board), otherwise shifted like any unchanged row.
 */
export function applyChangesToEntry(entry: LeaderboardEntry | null, userId: string, changes: readonly StandingsChange[]): LeaderboardEntry | null {
  const own = changes.find((c) => c.user.id === userId);
  if (own) return entryOf(own, entry?.previousRank ?? null);
  if (!entry) return null;
  const shift = rankShift(entry.score, changes);
  return shift === 0 ? entry : { ...entry, rank: entry.rank + shift };
}

/** The entry a change puts on the board (`null` when it leaves it); the event has no previous-period rank, so the caller's is kept. */
function entryOf(change: StandingsChange, previousRank: number | null): LeaderboardEntry | null {
  if (change.rank === null || change.cursor === null) return null;
  return { rank: change.rank, user: change.user, score: change.score, previousRank, cursor: change.cursor };
}
