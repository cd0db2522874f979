import type { UserSummary } from '@rai-kit/core/api';
import { initialsAvatar } from './avatar.js';
import { AVATAR_COLOURS, FIRST_NAMES, LAST_NAMES } from './names.js';

/** A sandbox member: the summary widgets show plus the balances `me` is computed from. */
export interface Member extends UserSummary {
  xp: number;
  coins: number;
  xpToday: number;
  coinsToday: number;
}

/** Member count range per community. */
const MIN_MEMBERS = 200;
const MAX_MEMBERS = 400;

/**
 * Generates a community's members from `random` (a seeded PRNG). Ids are predictable
 * (`u_0001`, `u_0002`, …) so tests and demos can name a user without looking one up.
 */
export function generateMembers(random: () => number, topXp: number): Member[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const count = MIN_MEMBERS + Math.floor(random() * (MAX_MEMBERS - MIN_MEMBERS + 1));
  const members: Member[] = [];
  for (let i = 1; i <= count; i++) {
    const displayName = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    // Cubing skews the spread the way real communities look: many newcomers, few veterans.
    const xp = Math.floor(topXp * random() ** 3);
    const coins = Math.floor(xp * (0.1 + 0.3 * random())) + Math.floor(random() * 50);
    const activeToday = random() < 0.4;
    members.push({
      id: `u_${String(i).padStart(4, '0')}`,
      displayName,
      avatarUrl: initialsAvatar(displayName, pick(AVATAR_COLOURS)),
      xp,
      coins,
      xpToday: activeToday ? Math.min(xp, 1 + Math.floor(random() * 120)) : 0,
      coinsToday: activeToday ? Math.min(coins, Math.floor(random() * 30)) : 0,
    });
  }
  return members;
}
