import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { LeaderboardEntry, StandingsChange, StandingsEventData } from '../src/api/index.js';
import { applyChanges, applyChangesToEntry, compareStanding, StandingsPager, StandingsView, type StandingsSlice } from '../src/leaderboard/index.js';
import type { StreamEvent } from '../src/realtime/index.js';

/**
 * A reference board: scores by user id, ranked the way the server ranks (score desc, id
 * asc, competition ranks, score 0 unranked). Every expectation below is "what a fresh
 * read of this board would show".
 */
class Board {
  readonly scores = new Map<string, number>();
  constructor(initial: Record<string, number>) {
    for (const [id, score] of Object.entries(initial)) this.scores.set(id, score);
  }
  ranked(): LeaderboardEntry[] {
    const rows = [...this.scores].filter(([, s]) => s > 0).map(([id, score]) => entry(id, score, 0));
    rows.sort(compareStanding);
    for (const row of rows) row.rank = 1 + rows.filter((r) => r.score > row.score).length;
    return rows;
  }
  /** Applies new scores and returns the `standings.changed` changes the server would send. */
  change(next: Record<string, number>): StandingsChange[] {
    const before = this.ranked();
    for (const [id, score] of Object.entries(next)) this.scores.set(id, score);
    const after = this.ranked();
    return Object.keys(next).map((id) => {
      const was = before.find((r) => r.user.id === id);
      const now = after.find((r) => r.user.id === id);
      return {
        user: user(id),
        score: now?.score ?? 0,
        rank: now?.rank ?? null,
        cursor: now ? now.cursor : null,
        from: { score: was?.score ?? 0, rank: was?.rank ?? null },
      };
    });
  }
}

const user = (id: string) => ({ id, displayName: id.toUpperCase(), avatarUrl: '' });
const entry = (id: string, score: number, rank: number): LeaderboardEntry => ({
  rank,
  user: user(id),
  score,
  previousRank: null,
  cursor: `${score}:${id}`,
});
const slim = (entries: LeaderboardEntry[]) => entries.map((e) => `${e.rank}:${e.user.id}:${e.score}`);
const sliceOf = (rows: LeaderboardEntry[], from: number, to: number): StandingsSlice => ({
  entries: rows.slice(from, to),
  hasPrev: from > 0,
  hasNext: to < rows.length,
});

describe('applyChanges', () => {
  it('moves a climber up and shifts the rows it passed, with competition ranks', () => {
    const board = new Board({ a: 50, b: 40, c: 40, d: 30, e: 20 });
    const slice = sliceOf(board.ranked(), 0, 5);
    assert.deepEqual(slim(slice.entries), ['1:a:50', '2:b:40', '2:c:40', '4:d:30', '5:e:20']);
    const next = applyChanges(slice, board.change({ e: 45 }));
    assert.deepEqual(slim(next.entries), slim(board.ranked()));
    assert.deepEqual(slim(next.entries), ['1:a:50', '2:e:45', '3:b:40', '3:c:40', '5:d:30']);
  });

  it('keeps a mid-board window exact while members enter, leave and cross it', () => {
    const initial: Record<string, number> = {};
    for (let i = 0; i < 40; i++) initial[`u${String(i).padStart(2, '0')}`] = 1000 - i * 10;
    const board = new Board(initial);
    let slice = sliceOf(board.ranked(), 10, 20);
    const bursts: Record<string, number>[] = [
      { u30: 905 }, // enters the window from below
      { u12: 2000 }, // leaves upwards
      { u15: 0 }, // leaves the board
      { u01: 100, u35: 885, u18: 895 }, // several at once, one crossing the whole window
      { new1: 880 }, // newly ranked member inside the window
    ];
    for (const burst of bursts) {
      slice = applyChanges(slice, board.change(burst));
      // Exactly what a fresh read has between the window's first and last row, ranks included.
      const lo = slice.entries[0]!;
      const hi = slice.entries.at(-1)!;
      const between = board.ranked().filter((r) => compareStanding(r, lo) >= 0 && compareStanding(r, hi) <= 0);
      assert.deepEqual(slim(slice.entries), slim(between));
    }
  });

  it('lets a member who reaches a score tie with the rows there instead of passing them', () => {
    const board = new Board({ a: 50, b: 40, c: 30, d: 20 });
    const next = applyChanges(sliceOf(board.ranked(), 0, 4), board.change({ d: 40, a: 30 }));
    assert.deepEqual(slim(next.entries), ['1:b:40', '1:d:40', '3:a:30', '3:c:30']);
    assert.deepEqual(slim(next.entries), slim(board.ranked()));
  });

  it('drops rows ranked below topLimit and closes the end', () => {
    const board = new Board({ a: 5, b: 4, c: 3 });
    const slice: StandingsSlice = { entries: board.ranked(), hasPrev: false, hasNext: false };
    const next = applyChanges(slice, board.change({ d: 10 }), 3);
    assert.deepEqual(slim(next.entries), ['1:d:10', '2:a:5', '3:b:4']);
    assert.equal(next.hasNext, false);
  });

  it('does not place a mover beyond an open edge (the next page load will)', () => {
    const board = new Board({ a: 50, b: 40, c: 30, d: 20 });
    const slice = sliceOf(board.ranked(), 0, 2);
    const next = applyChanges(slice, board.change({ a: 10 }));
    assert.deepEqual(slim(next.entries), ['1:b:40']);
    assert.equal(next.hasNext, true);
  });
});

describe('applyChangesToEntry', () => {
  it('replaces the member when they changed, shifts them when others did, and clears them when they leave', () => {
    const board = new Board({ me: 30, x: 20, y: 10 });
    let me: LeaderboardEntry | null = board.ranked()[0]!;
    me = applyChangesToEntry(me, 'me', board.change({ x: 40, y: 35 }));
    assert.equal(me?.rank, 3);
    me = applyChangesToEntry(me, 'me', board.change({ me: 50 }));
    assert.deepEqual([me?.rank, me?.score], [1, 50]);
    me = applyChangesToEntry(me, 'me', board.change({ me: 0 }));
    assert.equal(me, null);
  });
});

describe('StandingsView and StandingsPager', () => {
  const pagers: StandingsPager[] = [];
  afterEach(() => pagers.splice(0).forEach((p) => p.dispose()));
  const view = (options: ConstructorParameters<typeof StandingsView>[0] = {}) => new StandingsView(options);
  /** A pager on `v` (from then on, events and resets go through it). */
  const pagerOf = (v: StandingsView, options: ConstructorParameters<typeof StandingsPager>[1] = {}) => {
    const pager = new StandingsPager(v, { maxWaitMs: 50, ...options });
    pagers.push(pager);
    return pager;
  };
  const event = (seq: number, changes: StandingsChange[]): StreamEvent<StandingsEventData> => ({
    id: `ep.${seq}`,
    event: 'standings.changed',
    data: { period: 'all-time', changes },
  });

  function board(size: number): Board {
    const scores: Record<string, number> = {};
    for (let i = 0; i < size; i++) scores[`m${String(i).padStart(3, '0')}`] = 10 * (size - i);
    return new Board(scores);
  }

  it('tracks totals and the member through events, ignoring ones already applied', () => {
    const b = board(5);
    const v = view({ userId: 'm004' });
    v.reset({ entries: b.ranked(), hasPrev: false, hasNext: false, total: 5, lastEventId: 'ep.3', me: b.ranked()[4]! });
    const e4 = event(4, b.change({ m004: 100, n: 5 }));
    v.apply(e4);
    v.apply(e4);
    v.apply(event(3, [])); // older than the snapshot
    assert.equal(v.total, 6);
    assert.equal(v.me?.rank, 1);
    assert.equal(v.position, 'ep.4');
    assert.deepEqual(slim(v.slice.entries), slim(b.ranked()));
  });

  it('brings a page read before later events forward, including a member who moved into the gap', () => {
    const b = board(30);
    const v = view();
    v.reset({ entries: b.ranked().slice(0, 10), hasPrev: false, hasNext: true, total: 30, lastEventId: 'ep.0' });
    // The pager arrives with the first page asked for, after the view started.
    const p = pagerOf(v);
    // The next page is read now (position 0) …
    const page = { entries: b.ranked().slice(10, 20), hasMore: true, lastEventId: 'ep.0' };
    // … but events arrive before it is merged: m025 jumps into the gap between rows 10 and 11.
    p.apply(event(1, b.change({ m025: b.ranked()[9]!.score - 1 })));
    p.apply(event(2, b.change({ m003: 1 })));
    assert.equal(p.merge(page, 'next'), true);
    const fresh = b.ranked();
    assert.deepEqual(slim(v.slice.entries), slim(fresh.slice(0, v.slice.entries.length)));
    assert.equal(v.slice.entries.length, 20, '19 kept + m025; m003 left for the end of the board');
  });

  it('holds a page read ahead of the view until the stream catches up', () => {
    const b = board(20);
    const v = view();
    const p = pagerOf(v);
    p.reset({ entries: b.ranked().slice(0, 10), hasPrev: false, hasNext: true, total: 20, lastEventId: 'ep.0' });
    const e1 = event(1, b.change({ m015: 1000 }));
    const page = { entries: b.ranked().slice(10, 20), hasMore: false, lastEventId: 'ep.1' };
    p.merge(page, 'next');
    assert.equal(v.slice.entries.length, 10, 'not merged yet');
    assert.equal(p.waiting, true);
    p.apply(e1);
    assert.deepEqual(slim(v.slice.entries), slim(b.ranked()));
    assert.equal(v.slice.hasNext, false);
    assert.equal(p.waiting, false);
  });

  it('merges a waiting page after maxWaitMs when the stream stays silent', async () => {
    const b = board(20);
    let changes = 0;
    const v = view({ onChange: () => changes++ });
    const p = pagerOf(v);
    p.reset({ entries: b.ranked().slice(10, 20), hasPrev: true, hasNext: false, total: 20, lastEventId: 'ep.0' });
    p.merge({ entries: b.ranked().slice(0, 10), hasMore: false, lastEventId: 'ep.2' }, 'prev');
    await new Promise((r) => setTimeout(r, 80));
    assert.deepEqual(slim(v.slice.entries), slim(b.ranked()));
    assert.equal(v.slice.hasPrev, false);
    assert.equal(changes, 2);
  });

  it('drops a waiting page when the view starts over', async () => {
    const b = board(20);
    const v = view();
    const p = pagerOf(v);
    p.reset({ entries: b.ranked().slice(10, 20), hasPrev: true, hasNext: false, total: 20, lastEventId: 'ep.0' });
    p.merge({ entries: b.ranked().slice(0, 10), hasMore: false, lastEventId: 'ep.2' }, 'prev');
    p.reset({ entries: b.ranked().slice(0, 10), hasPrev: false, hasNext: true, total: 20, lastEventId: 'ep.0' });
    assert.equal(p.waiting, false);
    await new Promise((r) => setTimeout(r, 80));
    assert.deepEqual(slim(v.slice.entries), slim(b.ranked().slice(0, 10)), 'the old page never joins the new rows');
  });

  it('asks for a reload of a page older than its event log', () => {
    const b = board(10);
    const v = view();
    const p = pagerOf(v, { logSize: 1 });
    p.reset({ entries: b.ranked().slice(0, 5), hasPrev: false, hasNext: true, total: 10, lastEventId: 'ep.0' });
    p.apply(event(1, b.change({ m009: 5 })));
    p.apply(event(2, b.change({ m009: 7 })));
    assert.equal(p.merge({ entries: b.ranked().slice(5), hasMore: false, lastEventId: 'ep.0' }, 'next'), false);
  });
});
