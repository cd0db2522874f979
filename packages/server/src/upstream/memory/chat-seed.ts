import type { ChannelInfo } from '../upstream.js';
import { hashSeed, mulberry32 } from './prng.js';

/**
 * Sample channels and their seeded messages. Messages are produced per sequence number from a
 * PRNG seeded by channel and number, so a 100 000-message channel costs nothing until read and
 * any message can be made on its own (chat-store.ts keeps only what was read or changed).
 */

/** A message as the sandbox stores it; authors are member ids, resolved on read. */
export interface SeedMessage {
  authorId: string;
  text: string;
  /** Sequence number of the message this one answers. */
  replyTo: number | null;
  /** Shortcode → ids of the members who reacted. */
  reactions: [string, string[]][];
  createdAt: number;
}

/** A channel and how its history is made. */
export interface ChannelFixture {
  info: ChannelInfo;
  /** Messages at creation. */
  count: number;
  /** Makes message `seq` (1..count) of the channel, given the member ids and the build time. */
  message?: (seq: number, memberIds: readonly string[], now: number) => SeedMessage;
}

const LINES = [
  'Morning all! Who is up for the weekend challenge?',
  'Just hit the next tier, feels great 🎉',
  'Does anyone know when the store restocks?',
  'GG everyone, that was close.',
  'Welcome to the new folks!',
  'The leaderboard is heating up this week.',
  'Tip: daily check-ins add up faster than you think.',
  'Anyone tried the new arcade game yet?',
  'I think the XP rules changed last night.',
  'Thanks for the help earlier 🙏',
  'Who wants to team up for the quiz?',
  'Coffee first, then quests.',
] as const;

const SHORTCODES = [':sparkling_heart:', ':thumbsup:', ':fire:', ':joy:', ':tada:', ':+1:'] as const;

/**
 * Hostile content, so widgets can prove they render text inertly: markup, a `javascript:`
 * link, a right-to-left override (U+202E) and a word far wider than any layout.
 */
export const HOSTILE_LINES = [
  '<script>alert("xss")</script><img src=x onerror=alert(1)> is this bold?',
  'Free coins here: javascript:alert(document.cookie) and [click](javascript:alert(1))',
  'Invoice attached: \u202Egnp.exe',
  `Longest word ever: ${'Supercalifragilisticexpialidocious'.repeat(12)}`,
] as const;

const MINUTE = 60_000;

function channel(
  id: string,
  name: string,
  type: ChannelInfo['type'],
  description: string,
  visibility: ChannelInfo['visibility'] = 'public',
  url: string | null = null,
): ChannelInfo {
  return { id, name, type, description, visibility, url };
}

/** Chatter: members drawn from the first `authors`, spread evenly over `spanMs` before now, some replies and reactions. */
function chatter(channelId: string, count: number, spanMs: number, authors: number, hostileEvery = 0): ChannelFixture['message'] {
  return (seq, memberIds, now) => {
    const random = mulberry32(hashSeed(`${channelId}/${seq}`));
    const pool = memberIds.slice(0, authors);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const hostile = hostileEvery > 0 && seq % hostileEvery === 0 ? HOSTILE_LINES[(seq / hostileEvery - 1) % HOSTILE_LINES.length] : undefined;
    const reactions: [string, string[]][] = [];
    if (random() < 0.3) {
      for (const shortcode of new Set([pick(SHORTCODES), pick(SHORTCODES)])) {
        reactions.push([shortcode, [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(pool)))]]);
      }
    }
    return {
      authorId: pick(pool),
      text: hostile ?? pick(LINES),
      replyTo: seq > 3 && random() < 0.15 ? seq - 1 - Math.floor(random() * 3) : null,
      reactions,
      createdAt: now - Math.round(((count - seq + 1) * spanMs) / count / MINUTE) * MINUTE,
    };
  };
}

/** `ch-history`'s size: enough to prove paging never scans. */
export const HISTORY_SIZE = 100_000;

const FIXTURES: Record<string, ChannelFixture[]> = {
  demo: [
    {
      info: channel('ch-general', 'General', 'text', 'Say hi! Everyone can read; members post.'),
      count: 50,
      message: chatter('demo/ch-general', 50, 3 * 24 * 60 * MINUTE, 30, 10),
    },
    {
      info: channel('ch-announcements', 'Announcements', 'announcement', 'News from the team. Read-only.'),
      count: 3,
      message: chatter('demo/ch-announcements', 3, 7 * 24 * 60 * MINUTE, 1),
    },
    {
      info: channel('ch-members', 'Members lounge', 'text', 'Members only.', 'members'),
      count: 12,
      message: chatter('demo/ch-members', 12, 24 * 60 * MINUTE, 20),
    },
    {
      info: channel('ch-history', 'Archive', 'text', `${HISTORY_SIZE.toLocaleString('en')} messages of history.`),
      count: HISTORY_SIZE,
      message: chatter('demo/ch-history', HISTORY_SIZE, 365 * 24 * 60 * MINUTE, 200),
    },
    {
      info: channel('ch-arcade', 'Arcade', 'iframe', 'Play in the partner app.', 'public', 'https://arcade.example/embed'),
      count: 0,
    },
  ],
  'fresh-start': [{ info: channel('ch-welcome', 'Welcome', 'text', 'The first channel.'), count: 0 }],
};

/** The sample channels of a community, in display order. */
export function channelFixturesOf(communityId: string): readonly ChannelFixture[] {
  return FIXTURES[communityId] ?? [];
}
