import type { Leaderboard, LeaderboardPeriod, UserSummary } from '@rai-kit/core/api';
import type { RankedAround, RankedChange, RankedEntry, RankedSlice, StandingsQuery } from '../upstream.js';
import type { Member } from './members.js';
import type { ScoreHistory } from './period-scores.js';
import { compareKeys, Ranking } from './ranking.js';

interface PeriodStandings {
  ranking: Ranking;
  /** Rank at the end of the previous period, by slot; 0 when unranked then. Fixed at build. */
  previousRanks: Int32Array;
}

/** The changes of one period in a flush. */
export interface PeriodChanges {
  period: LeaderboardPeriod;
  changes: RankedChange[];
}

/**
 * One board's standings in each of its periods. Reads see only what {@link flush} applied:
 * awards merely mark members dirty, so every read agrees with the batches emitted so far.
 */
export class BoardStandings {
  readonly #participants: readonly Member[];
  readonly #slots: ReadonlyMap<string, number>;
  readonly #periods = new Map<LeaderboardPeriod, PeriodStandings>();
  readonly #scoresOf: (participant: Member) => ScoreHistory;
  readonly #dirty = new Set<number>();

  /**
   * Ranks `participants` in every period of `board`. `scoresOf` gives a participant's scores;
   * for members it must return their live entry, which {@link flush} reads again.
   */
  constructor(
    readonly communityId: string,
    readonly board: Leaderboard,
    participants: readonly Member[],
    scoresOf: (participant: Member) => ScoreHistory,
  ) {
    this.#participants = participants;
    this.#scoresOf = scoresOf;
    const count = participants.length;
    const ids = new Array<string>(count);
    const slots = new Map<string, number>();
    const histories = new Array<ScoreHistory>(count);
    // Plain loops: this runs over 100 000 participants for the biggest board.
    for (let slot = 0; slot < count; slot++) {
      const participant = participants[slot]!;
      ids[slot] = participant.id;
      slots.set(participant.id, slot);
      histories[slot] = scoresOf(participant);
    }
    this.#slots = slots;
    for (const period of board.periods) {
      const current = new Float64Array(count);
      const previous = new Float64Array(count);
      for (let slot = 0; slot < count; slot++) {
        current[slot] = histories[slot]!.current[period];
        previous[slot] = histories[slot]!.previous[period];
      }
      this.#periods.set(period, { ranking: new Ranking(ids, current), previousRanks: competitionRanks(previous, board.topLimit) });
    }
  }

  /** Notes that a member's scores changed, for the next flush; `false` when they are not on this board. */
  markDirty(userId: string): boolean {
    const slot = this.#slots.get(userId);
    if (slot === undefined) return false;
    this.#dirty.add(slot);
    return true;
  }

  /** Up to `limit` entries after `after`, before `before`, or from the top. */
  slice(period: LeaderboardPeriod, { after, before, limit }: StandingsQuery): RankedSlice {
    const { ranking } = this.#period(period);
    const total = ranking.countWithin(this.board.topLimit);
    if (before) {
      const end = Math.min(total, ranking.lowerBound(before.score, before.userId));
      return this.#window(period, Math.max(0, end - limit), end, total);
    }
    const start = after ? Math.min(total, ranking.upperBound(after.score, after.userId)) : 0;
    return this.#window(period, start, Math.min(total, start + limit), total);
  }

  /** The member's entry with up to `radius` neighbours each side. */
  around(period: LeaderboardPeriod, userId: string, radius: number): RankedAround {
    const { ranking } = this.#period(period);
    const total = ranking.countWithin(this.board.topLimit);
    const slot = this.#slots.get(userId);
    const index = slot === undefined ? -1 : ranking.indexOf(slot);
    if (index < 0 || index >= total) return { me: null, entries: [], hasPrev: false, hasNext: false, total };
    const start = Math.max(0, index - radius);
    const window = this.#window(period, start, Math.min(total, index + radius + 1), total);
    return { ...window, me: window.entries[index - start]! };
  }

  /**
   * Applies the dirty members' current scores and returns, per period, who changed: their
   * new score and rank, and (in `from`) what the previous flush showed. Left out: members
   * whose score ended where it was, and those unranked both before and after. On a top-N
   * board, rows that crossed the limit because of others are in too (see below).
   */
  flush(): PeriodChanges[] {
    const dirty = [...this.#dirty];
    this.#dirty.clear();
    return this.board.periods
      .map((period) => ({ period, changes: this.#flushPeriod(period, dirty) }))
      .filter(({ changes }) => changes.length > 0);
  }

  #flushPeriod(period: LeaderboardPeriod, dirty: readonly number[]): RankedChange[] {
    const { ranking } = this.#period(period);
    const { topLimit } = this.board;
    const scoreNow = (slot: number) => this.#scoresOf(this.#participants[slot]!).current[period];
    const moved = dirty.filter((slot) => scoreNow(slot) !== ranking.score(slot));
    if (moved.length === 0) return [];

    // Ranks as served: null when unranked or beyond topLimit.
    const servedRank = (slot: number): number | null => {
      const score = ranking.score(slot);
      const rank = score > 0 ? ranking.rankOfScore(score) : null;
      return rank !== null && (topLimit === null || rank <= topLimit) ? rank : null;
    };
    const from = new Map(moved.map((slot) => [slot, { score: ranking.score(slot), rank: servedRank(slot) }]));
    const servedBefore = topLimit === null ? null : this.#servedSlots(ranking);
    for (const slot of moved) ranking.set(slot, scoreNow(slot));
    if (servedBefore) {
      // On a top-N board, rows pushed past the limit (or pulled within it) by others change
      // too: without them a client's copy would keep an 11th row, or miss the new 10th.
      const servedAfter = this.#servedSlots(ranking);
      for (const slot of new Set([...servedBefore.keys(), ...servedAfter.keys()])) {
        if (!from.has(slot) && servedBefore.has(slot) !== servedAfter.has(slot)) {
          from.set(slot, { score: ranking.score(slot), rank: servedBefore.get(slot) ?? null });
        }
      }
    }
    const idOf = (slot: number) => this.#participants[slot]!.id;
    return [...from]
      // Unranked before and after (beyond a top-N limit): invisible on the board, and its score is not served.
      .filter(([slot, was]) => was.rank !== null || servedRank(slot) !== null)
      .sort(([a], [b]) => compareKeys(ranking.score(a), idOf(a), ranking.score(b), idOf(b)))
      .map(([slot, was]) => ({
        user: summary(this.#participants[slot]!),
        score: ranking.score(slot),
        rank: servedRank(slot),
        from: was,
      }));
  }

  /** Served rows (rank within `topLimit`) by slot, with their ranks. */
  #servedSlots(ranking: Ranking): Map<number, number> {
    const served = new Map<number, number>();
    const count = ranking.countWithin(this.board.topLimit);
    for (let index = 0; index < count; index++) served.set(ranking.slotAt(index), ranking.rankAt(index));
    return served;
  }

  #window(period: LeaderboardPeriod, start: number, end: number, total: number): RankedSlice {
    const { ranking, previousRanks } = this.#period(period);
    const entries: RankedEntry[] = [];
    for (let index = start; index < end; index++) {
      const slot = ranking.slotAt(index);
      const score = ranking.score(slot);
      entries.push({
        rank: ranking.rankOfScore(score),
        user: summary(this.#participants[slot]!),
        score,
        previousRank: previousRanks[slot] || null,
      });
    }
    return { entries, hasPrev: start > 0, hasNext: end < total, total };
  }

  #period(period: LeaderboardPeriod): PeriodStandings {
    const state = this.#periods.get(period);
    if (!state) throw new RangeError(`Leaderboard "${this.board.id}" has no "${period}" period.`);
    return state;
  }
}

function summary({ id, displayName, avatarUrl }: Member): UserSummary {
  return { id, displayName, avatarUrl };
}

/** Competition ranks of `scores` (0 for a score of 0 or a rank beyond `topLimit`). */
function competitionRanks(scores: Float64Array, topLimit: number | null): Int32Array {
  const ascending = scores.slice().sort();
  const ranks = new Int32Array(scores.length);
  for (let slot = 0; slot < scores.length; slot++) {
    const score = scores[slot]!;
    if (score <= 0) continue;
    // Scores strictly higher = those after the last copy of `score` in ascending order.
    let low = 0;
    let high = ascending.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (ascending[mid]! <= score) low = mid + 1;
      else high = mid;
    }
    const rank = 1 + ascending.length - low;
    if (topLimit === null || rank <= topLimit) ranks[slot] = rank;
  }
  return ranks;
}
