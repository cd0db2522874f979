import { initialsAvatar } from './avatar.js';
import type { Member } from './members.js';
import { AVATAR_COLOURS, FIRST_NAMES, LAST_NAMES } from './names.js';
import { hashSeed, mulberry32 } from './prng.js';

/**
 * A generated player who fills a big board (the vendor's `includeDummyUsers`). Not a member:
 * no `me`, no awards, scores fixed. The avatar is drawn only when an entry is served, since
 * 100 000 SVG data URLs up front would cost about 40 MB and a slow start.
 */
export class DummyPlayer implements Member {
  #avatarUrl: string | undefined;

  constructor(
    readonly id: string,
    readonly displayName: string,
    readonly colour: string,
    readonly xp: number,
    readonly coins: number,
    readonly xpToday: number,
    readonly coinsToday: number,
  ) {}

  get avatarUrl(): string {
    return (this.#avatarUrl ??= initialsAvatar(this.displayName, this.colour));
  }
}

/**
 * A community's generated players, `p_000001` upwards, created on demand from their own
 * seeded sequence: the first `n` are the same whoever asks first, so two boards that include
 * players share the same people. Every player has positive XP and coins (ranked all-time).
 */
export class DummyPool {
  readonly #random: () => number;
  readonly #topXp: number;
  readonly #players: DummyPlayer[] = [];

  constructor(seed: number, communityId: string, topXp: number) {
    this.#random = mulberry32(hashSeed(`${seed}:${communityId}:players`));
    this.#topXp = topXp;
  }

  /** The first `count` players. */
  take(count: number): readonly DummyPlayer[] {
    while (this.#players.length < count) this.#players.push(this.#generate(this.#players.length + 1));
    return this.#players.slice(0, count);
  }

  #generate(n: number): DummyPlayer {
    const random = this.#random;
    const displayName = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
    const colour = pick(random, AVATAR_COLOURS);
    // The same skew as members (many newcomers, few veterans), so members land all over the board.
    const xp = 1 + Math.floor(this.#topXp * random() ** 3);
    const coins = 1 + Math.floor(xp * (0.1 + 0.3 * random()));
    const activeToday = random() < 0.4;
    const xpToday = activeToday ? Math.min(xp, 1 + Math.floor(random() * 120)) : 0;
    const coinsToday = activeToday ? Math.min(coins, Math.floor(random() * 30)) : 0;
    return new DummyPlayer(`p_${String(n).padStart(6, '0')}`, displayName, colour, xp, coins, xpToday, coinsToday);
  }
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}
