import type { Tier, TierProgress } from '@rai-kit/core/api';

/** Where an XP total sits on a tier ladder. */
export interface Standing {
  tier: Tier;
  nextTier: Tier | null;
  progress: TierProgress;
}

/**
 * Places `xp` on `ladder` (sorted by `minXp` ascending, first tier at 0): the highest tier
 * reached, the next one and the progress between them. At the top, `nextTier` is `null`,
 * `required` 0 and `ratio` 1.
 */
export function standingFor(ladder: readonly Tier[], xp: number): Standing {
  const first = ladder[0];
  if (!first) throw new RangeError('A tier ladder needs at least one tier.');
  let index = 0;
  while (index + 1 < ladder.length && ladder[index + 1]!.minXp <= xp) index++;
  const tier = ladder[index]!;
  const nextTier = ladder[index + 1] ?? null;
  const current = Math.max(0, xp - tier.minXp);
  if (!nextTier) return { tier, nextTier, progress: { current, required: 0, ratio: 1 } };
  const required = nextTier.minXp - tier.minXp;
  return { tier, nextTier, progress: { current, required, ratio: current / required } };
}
