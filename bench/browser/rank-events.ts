/** Builds `standings.changed` events that move random members of a loaded slice. */
import type { LeaderboardPeriod, StandingsChange, StandingsEventData } from '@rai-kit/core/api';
import { StandingsView, type StandingsSnapshot } from '@rai-kit/core/leaderboard';
import { parseEventId, type StreamEvent } from '@rai-kit/core/realtime';
// The sandbox's seeded PRNG (pure, no Node APIs), so every run moves the same members.
import { mulberry32 } from '../../packages/server/src/upstream/memory/prng.js';
import { unprobed } from './view-probe.js';

export type StandingsEvent = StreamEvent<StandingsEventData>;

/**
 * `count` events, one member each, continuing `snapshot.lastEventId`. Each moves a random
 * row of the slice to a random score within the slice's range, so it stays inside the
 * slice and shifts the rows in between. Ranks are computed from a scratch view kept in
 * step, which is exact for a slice that starts at rank 1 (the bench's are).
 */
export function rankEvents(snapshot: StandingsSnapshot, period: LeaderboardPeriod, count: number, seed = 7): StandingsEvent[] {
  if (snapshot.hasPrev) throw new Error('rank events need a slice that starts at rank 1');
  const position = parseEventId(snapshot.lastEventId);
  if (!position) throw new Error(`snapshot position ${snapshot.lastEventId} is not an event id`);
  const random = mulberry32(seed);
  const scratch = new StandingsView();
  unprobed.reset.call(scratch, snapshot);
  const events: StandingsEvent[] = [];
  for (let i = 1; i <= count; i++) {
    const entries = scratch.slice.entries;
    const low = entries.at(-1)!.score + 1;
    const high = entries[0]!.score + 10;
    const mover = entries[Math.floor(random() * entries.length)]!;
    const score = low + Math.floor(random() * (high - low));
    const rank = 1 + entries.filter((e) => e.user.id !== mover.user.id && e.score > score).length;
    const change: StandingsChange = {
      user: mover.user,
      score,
      rank,
      // Opaque to clients; the bench never pages after these events.
      cursor: mover.cursor,
      from: { score: mover.score, rank: mover.rank },
    };
    const event: StandingsEvent = { id: `${position.epoch}.${position.seq + i}`, event: 'standings.changed', data: { period, changes: [change] } };
    unprobed.apply.call(scratch, event);
    events.push(event);
  }
  return events;
}
