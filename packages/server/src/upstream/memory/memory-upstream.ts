import type { Me, MeEventData, MeEventType } from '@rai-kit/core/api';
import { pageOf } from '../../pagination.js';
import type { Award, MeChange, Upstream } from '../upstream.js';
import { ChatStore } from './chat-store.js';
import { COMMUNITY_FIXTURES, type CommunityFixture } from './communities.js';
import { fixturesOf } from './leaderboards.js';
import { generateMembers, type Member } from './members.js';
import { mulberry32 } from './prng.js';
import { StandingsStore } from './standings-store.js';
import { standingFor } from './tier-math.js';

/** Options of {@link createMemoryUpstream}. */
export interface MemoryUpstreamOptions {
  /** Same seed, same data, byte for byte. Default 1. */
  seed?: number;
  /** How long award changes are gathered into one standings batch per board and period. Default 250 ms. */
  standingsFlushMs?: number;
}

/** The in-memory upstream always supports sandbox awards. */
export type MemoryUpstream = Upstream &
  Required<Pick<Upstream, 'award'>> & {
    /**
     * Applies pending standings changes now and stops the flush timer (which never keeps a
     * process alive by itself). The API does not call it: an upstream may serve several APIs.
     */
    close(): void;
  };

interface CommunityState {
  fixture: CommunityFixture;
  members: Map<string, Member>;
}

/**
 * The sandbox upstream: the communities of communities.ts (`demo`, `acme-traders`, `night-owls`, `fresh-start`) with tier
 * ladders, XP rules and 200–400 generated members each, and the leaderboards of
 * leaderboards.ts and the channels of chat-seed.ts, held in memory. Awards change it and are published through `onMeChange`
 * and, coalesced, `onStandingsChange`.
 */
export function createMemoryUpstream({ seed = 1, standingsFlushMs = 250 }: MemoryUpstreamOptions = {}): MemoryUpstream {
  const random = mulberry32(seed);
  const communities = new Map<string, CommunityState>(
    COMMUNITY_FIXTURES.map((fixture) => [
      fixture.community.id,
      {
        fixture,
        // Without a tier ladder there is no standing to give anyone: no members yet.
        members: new Map(fixture.tiers.length ? generateMembers(random, fixture.topXp).map((m) => [m.id, m]) : []),
      },
    ]),
  );
  const listeners = new Set<(change: MeChange) => void>();
  const standings = new StandingsStore({
    seed,
    flushMs: standingsFlushMs,
    members: (communityId) => communities.get(communityId)?.members,
    topXp: (communityId) => communities.get(communityId)?.fixture.topXp ?? 0,
  });

  const chat = new ChatStore({
    member: (communityId, userId) => communities.get(communityId)?.members.get(userId),
    memberIds: (communityId) => {
      const members = communities.get(communityId)?.members;
      return members && [...members.keys()];
    },
  });

  const emit = (communityId: string, userId: string, type: MeEventType, data: MeEventData): void => {
    for (const listener of listeners) {
      try {
        listener({ communityId, userId, type, data });
      } catch (error) {
        // One broken subscriber must not stop the others or fail the award.
        console.error('[rai-kit] me change listener failed:', error);
      }
    }
  };

  // Results are cloned so callers can never mutate the sandbox state through them.
  return {
    async getCommunity(communityId) {
      const state = communities.get(communityId);
      return state ? structuredClone(state.fixture.community) : null;
    },
    async allowedOrigins(communityId) {
      return communities.get(communityId)?.fixture.allowedOrigins ?? [];
    },
    async listTiers(communityId, page) {
      const state = communities.get(communityId);
      return state ? structuredClone(pageOf(state.fixture.tiers, page)) : null;
    },
    async listXpRules(communityId, page) {
      const state = communities.get(communityId);
      return state ? structuredClone(pageOf(state.fixture.xpRules, page)) : null;
    },
    async getMe(communityId, userId) {
      const state = communities.get(communityId);
      const member = state?.members.get(userId);
      return state && member ? meOf(state.fixture, member) : null;
    },
    async listUsers(communityId, page) {
      const state = communities.get(communityId);
      if (!state) return null;
      const { items, nextCursor } = pageOf([...state.members.values()], page);
      return { items: items.map(({ id, displayName, avatarUrl }) => ({ id, displayName, avatarUrl })), nextCursor };
    },
    async award(communityId, userId, award: Award) {
      const state = communities.get(communityId);
      const member = state?.members.get(userId);
      if (!state || !member) return null;
      const previousTier = standingFor(state.fixture.tiers, member.xp).tier;
      // Balances never go below zero; the delta reported is what was actually applied.
      const xpDelta = Math.max(-member.xp, award.xp ?? 0);
      const coinsDelta = Math.max(-member.coins, award.coins ?? 0);
      member.xp += xpDelta;
      member.xpToday = Math.max(0, member.xpToday + xpDelta);
      member.coins += coinsDelta;
      member.coinsToday = Math.max(0, member.coinsToday + coinsDelta);
      standings.recordAward(communityId, userId, { xp: xpDelta, coins: coinsDelta });

      const me = meOf(state.fixture, member);
      const { reason } = award;
      if (xpDelta !== 0) emit(communityId, userId, 'xp.changed', { me, delta: xpDelta, reason });
      if (coinsDelta !== 0) emit(communityId, userId, 'coins.changed', { me, delta: coinsDelta, reason });
      if (me.tier.id !== previousTier.id) {
        emit(communityId, userId, 'tier.changed', { me, delta: 0, reason, previousTier: structuredClone(previousTier) });
      }
      return me;
    },
    onMeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async listLeaderboards(communityId, page, { includeMembersOnly }) {
      if (!communities.has(communityId)) return null;
      const boards = fixturesOf(communityId)
        .map((f) => f.board)
        .filter((board) => includeMembersOnly || board.visibility === 'public');
      return structuredClone(pageOf(boards, page));
    },
    async getLeaderboard(communityId, leaderboardId) {
      const board = fixturesOf(communityId).find((f) => f.board.id === leaderboardId)?.board;
      return board ? structuredClone(board) : null;
    },
    async listStandings(communityId, leaderboardId, period, query) {
      return standings.standings(communityId, leaderboardId)?.slice(period, query) ?? null;
    },
    async standingsAround(communityId, leaderboardId, period, userId, radius) {
      return standings.standings(communityId, leaderboardId)?.around(period, userId, radius) ?? null;
    },
    onStandingsChange(listener) {
      return standings.onChange(listener);
    },
    async listChannels(communityId, page, { includeMembersOnly }) {
      return chat.listChannels(communityId, page, includeMembersOnly);
    },
    async getChannel(communityId, channelId) {
      return chat.getChannel(communityId, channelId);
    },
    async listMessages(communityId, channelId, query, viewerId) {
      return chat.listMessages(communityId, channelId, query, viewerId);
    },
    async getMessage(communityId, channelId, messageId, viewerId) {
      return chat.getMessage(communityId, channelId, messageId, viewerId);
    },
    async sendMessage(communityId, channelId, draft) {
      return chat.send(communityId, channelId, draft);
    },
    async setReaction(communityId, channelId, messageId, userId, shortcode, on) {
      return chat.setReaction(communityId, channelId, messageId, userId, shortcode, on);
    },
    async changeMessage(communityId, channelId, messageId, change, viewerId) {
      return chat.change(communityId, channelId, messageId, change, viewerId);
    },
    async saveUpload(communityId, upload) {
      return chat.saveUpload(communityId, upload);
    },
    async getUpload(communityId, uploadId) {
      return chat.getUpload(communityId, uploadId);
    },
    onChatChange(listener) {
      return chat.onChange(listener);
    },
    close() {
      standings.flush();
    },
  };
}

function meOf(fixture: CommunityFixture, member: Member): Me {
  const { id, displayName, avatarUrl, xp, coins, xpToday, coinsToday } = member;
  return structuredClone({
    user: { id, displayName, avatarUrl },
    xp,
    coins,
    xpToday,
    coinsToday,
    ...standingFor(fixture.tiers, xp),
  });
}
