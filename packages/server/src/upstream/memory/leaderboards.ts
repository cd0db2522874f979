import type { Leaderboard } from '@rai-kit/core/api';
import { initialsAvatar } from './avatar.js';
import { COMMUNITY_FIXTURES } from './communities.js';

/** A sample board and who it ranks; the standings themselves are built on first read. */
export interface LeaderboardFixture {
  communityId: string;
  board: Leaderboard;
  /**
   * Which members are ranked: all of them, or the first `n` with a positive score when the
   * board is built (the sandbox's stand-in for the vendor's `allowedUsersToRank` list).
   */
  members: 'all' | number;
  /** Generated players are added until this many are ranked all-time (the vendor's `includeDummyUsers`). */
  fillTo?: number;
}

type BoardConfig = Omit<Leaderboard, 'slug' | 'scoreUnit' | 'imageUrl' | 'topLimit' | 'visibility'> &
  Partial<Pick<Leaderboard, 'topLimit' | 'visibility'>> & { image?: string };

function fixture(communityId: string, config: BoardConfig, members: 'all' | number = 'all', fillTo?: number): LeaderboardFixture {
  const { image, topLimit = null, visibility = 'public', ...board } = config;
  const { currency } = COMMUNITY_FIXTURES.find((f) => f.community.id === communityId)!.community;
  const scoreUnit = board.rankingField === 'xp' ? { name: 'XP', symbol: 'XP' } : { ...currency };
  return {
    communityId,
    board: {
      ...board,
      slug: board.id.replace(/^lb-/, ''),
      imageUrl: image ? initialsAvatar(board.name, image) : null,
      scoreUnit,
      topLimit,
      visibility,
    },
    members,
    ...(fillTo === undefined ? {} : { fillTo }),
  };
}

/**
 * The sample boards, in display order per community. `demo` covers the sizes widgets must
 * handle (10, ~300, 1 000 and 100 000 ranked), a top-10 board and a members-only one;
 * `fresh-start`'s board has nobody ranked yet, for the empty state.
 */
export const LEADERBOARD_FIXTURES: readonly LeaderboardFixture[] = [
  fixture('demo', {
    id: 'lb-xp',
    name: 'XP Champions',
    description: 'Every member of the club, ranked by XP.',
    image: '#4f46e5',
    rankingField: 'xp',
    periods: ['daily', 'weekly', 'monthly', 'yearly', 'all-time'],
    defaultPeriod: 'weekly',
  }),
  fixture('demo', {
    id: 'lb-top10',
    name: 'Weekly Top 10',
    description: 'The ten members who earned the most XP this week.',
    image: '#f59e0b',
    rankingField: 'xp',
    periods: ['weekly', 'all-time'],
    defaultPeriod: 'weekly',
    topLimit: 10,
  }),
  fixture(
    'demo',
    {
      id: 'lb-arena',
      name: 'Global Arena',
      description: 'Club members against 100 000 players worldwide.',
      image: '#0e7490',
      rankingField: 'xp',
      periods: ['all-time', 'weekly', 'daily'],
      defaultPeriod: 'all-time',
    },
    'all',
    100_000,
  ),
  fixture(
    'demo',
    {
      id: 'lb-coins',
      name: 'Coin Collectors',
      description: 'Who holds the most coins. Members only.',
      image: '#ca8a04',
      rankingField: 'coins',
      periods: ['all-time', 'monthly'],
      defaultPeriod: 'all-time',
      visibility: 'members',
    },
    'all',
    1_000,
  ),
  fixture(
    'demo',
    {
      id: 'lb-founders',
      name: 'Founders Circle',
      description: 'The first ten members of the club.',
      rankingField: 'xp',
      periods: ['all-time', 'monthly'],
      defaultPeriod: 'all-time',
    },
    10,
  ),
  fixture('fresh-start', {
    id: 'lb-launch',
    name: 'Launch Week',
    description: 'Who earns the first XP of the new community.',
    rankingField: 'xp',
    periods: ['weekly', 'all-time'],
    defaultPeriod: 'weekly',
  }),
  fixture('acme-traders', {
    id: 'lb-challenge',
    name: 'Weekly Challenge',
    description: 'XP earned in this week’s trading challenge.',
    image: '#0f766e',
    rankingField: 'xp',
    periods: ['weekly', 'monthly', 'all-time'],
    defaultPeriod: 'weekly',
  }),
  fixture('acme-traders', {
    id: 'lb-credits',
    name: 'Credit Kings',
    description: 'The 25 biggest Acme Credits balances. Members only.',
    rankingField: 'coins',
    periods: ['all-time', 'monthly'],
    defaultPeriod: 'all-time',
    topLimit: 25,
    visibility: 'members',
  }),
];

/** A community's board fixtures, in display order. */
export function fixturesOf(communityId: string): LeaderboardFixture[] {
  return LEADERBOARD_FIXTURES.filter((f) => f.communityId === communityId);
}
