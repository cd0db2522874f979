import type { UserSummary } from './types.js';

/**
 * Leaderboards in the widget API contract (DESIGN.md §3). Returning.AI's public API
 * configures leaderboards but has no standings endpoint (RETURNING-AI-NOTES.md §5.3), so
 * these shapes are ours; the configuration fields mirror the vendor's where they mean the
 * same thing.
 */

/** Ranking windows, as the vendor's `allowedTimeFilters`. */
export const LEADERBOARD_PERIODS = ['all-time', 'daily', 'weekly', 'monthly', 'yearly'] as const;
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number];

/** What a board ranks members by (the vendor's `rankingField`). */
export type RankingField = 'xp' | 'coins';

/** A leaderboard's configuration. */
export interface Leaderboard {
  id: string;
  name: string;
  /** Unique per community, `[a-z0-9-]`. */
  slug: string;
  description: string;
  /** Cover image URL, or `null`. */
  imageUrl: string | null;
  rankingField: RankingField;
  /** How scores are labelled: `XP`, or the community currency. */
  scoreUnit: { name: string; symbol: string };
  /** Periods a reader may ask for, in display order (the vendor's `allowedTimeFilters`). */
  periods: LeaderboardPeriod[];
  /** The period shown when none is asked for; one of `periods`. */
  defaultPeriod: LeaderboardPeriod;
  /** Only this many positions are ranked publicly (`topRankLimit`); `null` for all. */
  topLimit: number | null;
  /** `members`: every read needs a widget token of this community (401 without). */
  visibility: 'public' | 'members';
}

/**
 * One ranked member. Ranks use competition ranking: equal scores share a rank and the
 * next rank skips (1, 1, 3). Members with a score of 0 are not ranked.
 */
export interface LeaderboardEntry {
  rank: number;
  user: UserSummary;
  score: number;
  /** Rank at the end of the previous period (for `all-time`: at the start of today); `null` when unranked then. */
  previousRank: number | null;
  /**
   * Opaque position of this entry: pass it as `cursor` (the page after it) or `before`
   * (the page before it). A client that patches its rows live keeps paging from its own
   * first and last rows, so nothing is skipped when rows move.
   */
  cursor: string;
}

/** `meta` of a standings page. */
export interface StandingsMeta {
  /** Cursor of the page after this one; `null` at the end. */
  nextCursor: string | null;
  /** Cursor of the page before this one; `null` when the page starts at rank 1. */
  prevCursor: string | null;
  /** How many members are ranked in this period (after `topLimit`). */
  total: number;
  /** Position of the board's event stream this page corresponds to: resume from it. */
  lastEventId: string;
}

/** `data` of "around me": the member's entry and its neighbours, in rank order. */
export interface AroundMe {
  /** `null` when the member is not ranked in this period. */
  me: LeaderboardEntry | null;
  /** Neighbours above, the member, neighbours below; empty when `me` is `null`. */
  entries: LeaderboardEntry[];
}

/** Event name on a board's stream (one stream per board and period). */
export const STANDINGS_EVENT = 'standings.changed';

/**
 * One member whose score changed, or (on a `topLimit` board) who crossed the limit because
 * others moved: then `score` equals `from.score` and one of the ranks is `null`. Ranks of
 * everyone else follow from the scores.
 */
export interface StandingsChange {
  user: UserSummary;
  /** New score; 0 with `rank: null` when the member left the board. */
  score: number;
  /** New rank, `null` when no longer ranked. */
  rank: number | null;
  /** Cursor of the new position; `null` when no longer ranked. */
  cursor: string | null;
  /** Score and rank the previous event (or snapshot) showed; rank `null` when newly ranked. */
  from: { score: number; rank: number | null };
}

/**
 * Payload of `standings.changed`: a burst of score changes coalesced into one event.
 * Applying it to a snapshot taken at the previous event id yields the new standings.
 */
export interface StandingsEventData {
  period: LeaderboardPeriod;
  changes: StandingsChange[];
}
