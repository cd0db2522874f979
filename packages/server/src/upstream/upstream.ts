import type {
  Community,
  Leaderboard,
  LeaderboardEntry,
  LeaderboardPeriod,
  Me,
  MeEventData,
  MeEventType,
  StandingsChange,
  Tier,
  UserSummary,
  XpRule,
} from '@rai-kit/core/api';

/** A page request: `cursor` is whatever the previous page's `nextCursor` was. */
export interface PageRequest {
  cursor?: string;
  /** 1..100. */
  limit: number;
}

/** One page of a collection; `nextCursor: null` means the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What the sandbox may change on a member (sandbox admin API only). */
export interface Award {
  xp?: number;
  coins?: number;
  /** Why, e.g. `admin_award`; travels in the resulting `me` events. */
  reason: string;
}

/** A change to one member's standing, published on their `me` stream. */
export interface MeChange {
  communityId: string;
  userId: string;
  type: MeEventType;
  data: MeEventData;
}

/** A position in a board's order (score descending, then user id ascending); it need not be anyone's current one. */
export interface StandingKey {
  score: number;
  userId: string;
}

/** A ranked entry as an upstream knows it; the API adds the opaque `cursor`. */
export type RankedEntry = Omit<LeaderboardEntry, 'cursor'>;

/** One member's change in a standings batch; the API adds the `cursor` of the new position. */
export type RankedChange = Omit<StandingsChange, 'cursor'>;

/** Which part of a board to read: after `after`, before `before` (exclusive), or from the top. */
export interface StandingsQuery {
  after?: StandingKey;
  before?: StandingKey;
  /** 1..100. */
  limit: number;
}

/** Contiguous entries of a board in rank order, and whether rows exist beyond either end. */
export interface RankedSlice {
  entries: RankedEntry[];
  hasPrev: boolean;
  hasNext: boolean;
  /** Members ranked in the period (after `topLimit`). */
  total: number;
}

/** "Around me": the member's entry (`null` when unranked) with its neighbours as the slice. */
export interface RankedAround extends RankedSlice {
  me: RankedEntry | null;
}

/**
 * The score changes of one board and period since the previous batch, coalesced: each
 * changed member once, with the score and rank the previous batch (or snapshot) showed.
 */
export interface StandingsBatch {
  communityId: string;
  leaderboardId: string;
  period: LeaderboardPeriod;
  changes: RankedChange[];
}

/**
 * The data source behind the widget API: the in-memory sandbox now, Returning.AI's REST API
 * later. Methods resolve `null` when the community (or user) does not exist, so the API can
 * answer 404 without knowing how each upstream reports it. Paged methods may throw
 * `InvalidCursorError` for a cursor they did not issue.
 */
export interface Upstream {
  getCommunity(communityId: string): Promise<Community | null>;
  /** Origins allowed to call this community's API from a browser (exact `scheme://host[:port]`). */
  allowedOrigins(communityId: string): Promise<readonly string[]>;
  listTiers(communityId: string, page: PageRequest): Promise<Page<Tier> | null>;
  listXpRules(communityId: string, page: PageRequest): Promise<Page<XpRule> | null>;
  getMe(communityId: string, userId: string): Promise<Me | null>;
  /** Members, for demo and test login pickers. */
  listUsers(communityId: string, page: PageRequest): Promise<Page<UserSummary> | null>;
  /** Sandbox only: change a member's XP/coins; resolves the new standing. */
  award?(communityId: string, userId: string, award: Award): Promise<Me | null>;
  /** Subscribes to standing changes; returns the unsubscribe function. */
  onMeChange(listener: (change: MeChange) => void): () => void;
  /** Leaderboards in display order; members-only ones only with `includeMembersOnly`. */
  listLeaderboards(communityId: string, page: PageRequest, options: { includeMembersOnly: boolean }): Promise<Page<Leaderboard> | null>;
  getLeaderboard(communityId: string, leaderboardId: string): Promise<Leaderboard | null>;
  /**
   * A page of a board's standings in `period` (one of the board's `periods`). Reads and
   * {@link onStandingsChange} batches must agree: a read reflects exactly the batches
   * delivered before it, so a snapshot plus the events after it adds up.
   */
  listStandings(communityId: string, leaderboardId: string, period: LeaderboardPeriod, query: StandingsQuery): Promise<RankedSlice | null>;
  /** Up to `radius` entries each side of `userId`'s; `me: null` when they are not ranked in `period`. */
  standingsAround(
    communityId: string,
    leaderboardId: string,
    period: LeaderboardPeriod,
    userId: string,
    radius: number,
  ): Promise<RankedAround | null>;
  /** Subscribes to standings batches; returns the unsubscribe function. */
  onStandingsChange(listener: (batch: StandingsBatch) => void): () => void;
}
