import type { Community, Tier, XpRule } from '@rai-kit/core/api';
import { initialsAvatar } from './avatar.js';

/** Everything fixed about a sample community; its members are generated from the seed. */
export interface CommunityFixture {
  community: Community;
  /** Sorted by `minXp`, first at 0. */
  tiers: Tier[];
  xpRules: XpRule[];
  allowedOrigins: string[];
  /** Rough XP of the most active member, which shapes the generated XP spread. */
  topXp: number;
}

const tier = (id: string, name: string, level: number, minXp: number, color: string, perks: string[]): Tier => ({
  id,
  name,
  level,
  minXp,
  color,
  perks,
});

const rule = (action: string, label: string, xp: number, cooldownSeconds = 0): XpRule => ({
  id: `xr_${action}`,
  action,
  label,
  xp,
  cooldownSeconds,
});

function community(id: string, name: string, description: string, theme: Community['theme'], currency: Community['currency']): Community {
  return { id, name, description, logoUrl: initialsAvatar(name, theme.primary), theme, currency };
}

/**
 * The sample communities. `demo` is the one the demo pages and tests use; `fresh-start`
 * has just launched (no tiers, rules or members yet), so widgets' empty states can be seen.
 * New fixtures go last: members are generated from one seeded sequence in this order.
 */
export const COMMUNITY_FIXTURES: readonly CommunityFixture[] = [
  {
    community: community(
      'demo',
      'Rai Demo Club',
      'The sandbox community behind the rai-kit demo pages.',
      { primary: '#4f46e5', accent: '#f59e0b' },
      { name: 'Coins', symbol: '🪙' },
    ),
    tiers: [
      tier('t_bronze', 'Bronze', 1, 0, '#b45309', ['Profile badge']),
      tier('t_silver', 'Silver', 2, 500, '#64748b', ['Custom avatar frame']),
      tier('t_gold', 'Gold', 3, 2000, '#ca8a04', ['5% store discount']),
      tier('t_platinum', 'Platinum', 4, 6000, '#0e7490', ['Early access to events', '10% store discount']),
      tier('t_diamond', 'Diamond', 5, 15000, '#7c3aed', ['Private channel', '15% store discount']),
    ],
    xpRules: [
      rule('daily_visit', 'Visit the community', 10, 86_400),
      rule('message', 'Post a message', 5, 60),
      rule('reaction', 'React to a message', 1, 10),
      rule('reply_received', 'Get a reply', 3),
      rule('invite', 'Invite a friend who joins', 100),
      rule('event_attended', 'Attend a live event', 50),
    ],
    allowedOrigins: ['https://partner.example'],
    topXp: 24_000,
  },
  {
    community: community(
      'acme-traders',
      'Acme Traders',
      'Market talk, trade ideas and weekly challenges.',
      { primary: '#0f766e', accent: '#e11d48' },
      { name: 'Acme Credits', symbol: '◈' },
    ),
    tiers: [
      tier('t_rookie', 'Rookie', 1, 0, '#6b7280', ['Chat access']),
      tier('t_trader', 'Trader', 2, 300, '#2563eb', ['Daily market digest']),
      tier('t_pro', 'Pro', 3, 1500, '#059669', ['Pro channels']),
      tier('t_expert', 'Expert', 4, 5000, '#d97706', ['Monthly AMA seat']),
      tier('t_master', 'Master', 5, 12000, '#dc2626', ['Strategy reviews']),
      tier('t_legend', 'Legend', 6, 30000, '#9333ea', ['Hall of fame', 'Partner merch']),
    ],
    xpRules: [
      rule('daily_login', 'Log in', 5, 86_400),
      rule('trade_idea', 'Share a trade idea', 25, 3_600),
      rule('message', 'Post a message', 3, 30),
      rule('challenge_completed', 'Complete a weekly challenge', 150),
      rule('quiz_passed', 'Pass a market quiz', 40),
      rule('referral', 'Refer a new trader', 200),
      rule('upvote_received', 'Get an upvote', 2),
      rule('webinar', 'Join a webinar', 60),
    ],
    allowedOrigins: ['https://acme-traders.example', 'https://partner.example'],
    topXp: 45_000,
  },
  {
    community: community(
      'night-owls',
      'Night Owls',
      'Late-night gaming, streams and friendly tournaments.',
      { primary: '#1e293b', accent: '#facc15' },
      { name: 'Moonstones', symbol: '🌙' },
    ),
    tiers: [
      tier('t_hatchling', 'Hatchling', 1, 0, '#a3a3a3', ['Owl badge']),
      tier('t_fledgling', 'Fledgling', 2, 200, '#60a5fa', ['Custom emoji']),
      tier('t_night_watch', 'Night Watch', 3, 1000, '#34d399', ['Tournament entry']),
      tier('t_moon_hunter', 'Moon Hunter', 4, 4000, '#fbbf24', ['Stream co-host slot']),
      tier('t_great_horned', 'Great Horned', 5, 10000, '#f472b6', ['Name in credits', 'Beta builds']),
    ],
    xpRules: [
      rule('nightly_checkin', 'Check in after dark', 8, 43_200),
      rule('message', 'Post a message', 4, 30),
      rule('stream_watched', 'Watch a stream for 30 minutes', 20, 1_800),
      rule('tournament_played', 'Play in a tournament', 75),
      rule('tournament_won', 'Win a tournament', 300),
    ],
    allowedOrigins: ['https://night-owls.example'],
    topXp: 16_000,
  },
  {
    community: community(
      'fresh-start',
      'Fresh Start',
      'A community that launched today.',
      { primary: '#be185d', accent: '#0284c7' },
      { name: 'Points', symbol: '★' },
    ),
    tiers: [],
    xpRules: [],
    allowedOrigins: ['https://fresh-start.example'],
    topXp: 0,
  },
];
