import type { LeaderboardPeriod, RankingField } from '@rai-kit/core/api';
import type { Member } from './members.js';
import { hashSeed, mulberry32 } from './prng.js';

/** A score in every period. */
export type PeriodScores = Record<LeaderboardPeriod, number>;

/** A participant's scores now, and at the end of each previous period (for `previousRank`). */
export interface ScoreHistory {
  current: PeriodScores;
  previous: PeriodScores;
}

/**
 * Spreads a participant's balance of `field` over the periods: all-time is the balance,
 * daily what they earned today, and weekly ≤ monthly ≤ yearly fall in between at fractions
 * drawn from a PRNG seeded by their id (not the member generator's sequence, so member data
 * stays as it was, and one participant's scores never depend on who was scored before).
 * The previous all-time score is the balance before today; the other previous periods are drawn.
 */
export function scoreHistory(seed: number, communityId: string, field: RankingField, participant: Member): ScoreHistory {
  const random = mulberry32(hashSeed(`${seed}:${communityId}:${field}:${participant.id}`));
  const allTime = field === 'xp' ? participant.xp : participant.coins;
  const daily = field === 'xp' ? participant.xpToday : participant.coinsToday;
  const weekly = between(daily, allTime, 0.05 + 0.25 * random());
  const monthly = between(weekly, allTime, 0.1 + 0.4 * random());
  const yearly = between(monthly, allTime, 0.3 + 0.6 * random());
  return {
    current: { 'all-time': allTime, daily, weekly, monthly, yearly },
    previous: {
      'all-time': allTime - daily,
      daily: earlier(random, daily),
      weekly: earlier(random, weekly),
      monthly: earlier(random, monthly),
      yearly: earlier(random, yearly),
    },
  };
}

// Module-level helpers, not closures: this runs once per participant, 100 000 times for a big board.
function between(low: number, high: number, fraction: number): number {
  return low + Math.floor((high - low) * fraction);
}

/** Last period's score: about as active as this one, sometimes not at all. */
function earlier(random: () => number, score: number): number {
  return random() < 0.15 ? 0 : Math.floor(score * (0.4 + 1.2 * random()));
}

/** Adds an award's delta to every period's score, none below 0 (as balances are clamped). */
export function applyDelta(scores: PeriodScores, delta: number): void {
  for (const period of Object.keys(scores) as LeaderboardPeriod[]) scores[period] = Math.max(0, scores[period] + delta);
}
