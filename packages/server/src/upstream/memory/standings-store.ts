import type { RankingField } from '@rai-kit/core/api';
import type { StandingsBatch } from '../upstream.js';
import { BoardStandings } from './board-standings.js';
import { DummyPlayer, DummyPool } from './dummy-players.js';
import { fixturesOf, type LeaderboardFixture } from './leaderboards.js';
import type { Member } from './members.js';
import { scoreHistory } from './period-scores.js';
import { ScoreBook } from './score-book.js';

/** Options of {@link StandingsStore}. */
export interface StandingsStoreOptions {
  seed: number;
  /** How long award changes are gathered before they are applied and announced. */
  flushMs: number;
  /** A community's members (the live objects awards change); `undefined` for an unknown community. */
  members(communityId: string): ReadonlyMap<string, Member> | undefined;
  /** XP of a community's most active member, which shapes its generated players' spread. */
  topXp(communityId: string): number;
}

/**
 * The sandbox's leaderboard standings. A board is built on its first read (creating an
 * upstream stays cheap, and only the boards a test touches cost anything). Awards do not
 * touch the standings: they record the member as pending, and the first pending change arms
 * a timer whose flush applies every pending change and emits one batch per board and period.
 *
 * Why this is consistent: reads only ever see flushed standings, and a flush applies and
 * emits in one synchronous step. The API reads a page and the hub's position of the
 * board's stream without yielding to the timer in between (only microtasks run there), so
 * every snapshot sits exactly between two batches: the snapshot plus the events after its
 * `lastEventId` add up to the current standings, with nothing missed or counted twice.
 */
export class StandingsStore {
  readonly #options: StandingsStoreOptions;
  readonly #boards = new Map<LeaderboardFixture, BoardStandings>();
  readonly #books = new Map<string, ScoreBook>();
  readonly #pools = new Map<string, DummyPool>();
  readonly #pending = new Set<BoardStandings>();
  readonly #listeners = new Set<(batch: StandingsBatch) => void>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: StandingsStoreOptions) {
    this.#options = options;
  }

  /** The board's standings, built now if this is its first read; `null` when there is no such board. */
  standings(communityId: string, leaderboardId: string): BoardStandings | null {
    const fixture = fixturesOf(communityId).find((f) => f.board.id === leaderboardId);
    if (!fixture) return null;
    let board = this.#boards.get(fixture);
    if (!board) {
      board = this.#build(fixture);
      this.#boards.set(fixture, board);
    }
    return board;
  }

  /** Records a member's applied award deltas; boards see them at the next flush. */
  recordAward(communityId: string, memberId: string, deltas: Record<RankingField, number>): void {
    for (const field of ['xp', 'coins'] as const) {
      if (deltas[field] === 0 || !this.#books.get(bookKey(communityId, field))?.apply(memberId, deltas[field])) continue;
      for (const board of this.#boards.values()) {
        if (board.communityId === communityId && board.board.rankingField === field && board.markDirty(memberId)) this.#pending.add(board);
      }
    }
    if (this.#pending.size > 0 && !this.#timer) {
      this.#timer = setTimeout(() => this.flush(), this.#options.flushMs);
      // A pending flush must not keep a process alive on its own.
      this.#timer.unref?.();
    }
  }

  /** Applies every pending change now and emits the batches; stops the timer. */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const boards = [...this.#pending];
    this.#pending.clear();
    for (const board of boards) {
      for (const { period, changes } of board.flush()) {
        this.#emit({ communityId: board.communityId, leaderboardId: board.board.id, period, changes });
      }
    }
  }

  /** Subscribes to batches; returns the unsubscribe function. */
  onChange(listener: (batch: StandingsBatch) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(batch: StandingsBatch): void {
    for (const listener of this.#listeners) {
      try {
        listener(batch);
      } catch (error) {
        // One broken subscriber must not stop the others or lose the rest of the flush.
        console.error('[rai-kit] standings listener failed:', error);
      }
    }
  }

  #build({ communityId, board, members: which, fillTo }: LeaderboardFixture): BoardStandings {
    const { seed } = this.#options;
    const field = board.rankingField;
    const book = this.#book(communityId, field);
    const isRanked = (member: Member) => book.of(member).current['all-time'] > 0;
    const all = [...(this.#options.members(communityId)?.values() ?? [])];
    const members = which === 'all' ? all : all.filter(isRanked).slice(0, which);
    const dummies = fillTo === undefined ? [] : this.#pool(communityId).take(Math.max(0, fillTo - members.filter(isRanked).length));
    return new BoardStandings(communityId, board, [...members, ...dummies], (participant) =>
      // Generated players never change, so their scores are derived when needed, not kept.
      participant instanceof DummyPlayer ? scoreHistory(seed, communityId, field, participant) : book.of(participant),
    );
  }

  #book(communityId: string, field: RankingField): ScoreBook {
    const key = bookKey(communityId, field);
    let book = this.#books.get(key);
    if (!book) {
      book = new ScoreBook(this.#options.seed, communityId, field);
      this.#books.set(key, book);
    }
    return book;
  }

  #pool(communityId: string): DummyPool {
    let pool = this.#pools.get(communityId);
    if (!pool) {
      // Generated players are a notch stronger than the club's best: a global arena.
      pool = new DummyPool(this.#options.seed, communityId, this.#options.topXp(communityId) * 1.5);
      this.#pools.set(communityId, pool);
    }
    return pool;
  }
}

function bookKey(communityId: string, field: RankingField): string {
  return `${communityId}\u0000${field}`;
}
