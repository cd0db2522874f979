import type { Me, MeEventData, MeEventType } from '@rai-kit/core/api';
import { pageOf } from '../../pagination.js';
import type { Award, MeChange, Upstream } from '../upstream.js';
import { ChatStore } from './chat-store.js';
import { COMMUNITY_FIXTURES, type CommunityFixture } from './communities.js';
import { fixturesOf } from './leaderboards.js';
import { generateMembers, type Member } from './members.js';
import { mulberry32 } from './prng.js';
import { StandingsStore } from './standings-store.js';
import { StoreBook } from './store-book.js';
import { standingFor } from './tier-math.js';

/** Options of {@link createMemoryUpstream}. */
export interface MemoryUpstreamOptions {
  /** Same seed, same data, byte for byte. Default 1. */
  seed?: number;
  /** How long award changes are gathered into one standings batch per board and period. Default 250 ms. */
  standingsFlushMs?: number;
  /** How long after a purchase vouchers and digital goods are fulfilled. Default 1 500 ms; negative: never (physical goods wait for the sandbox admin). */
  orderFulfilMs?: number;
}

/** The in-memory upstream always supports sandbox awards. */
export type MemoryUpstream = Upstream &
  Required<Pick<Upstream, 'award'>> & {
    /**
     * Applies pending standings changes now, stops the flush timer and drops pending order
     * fulfilments (timers that never keep a process alive by themselves). The API does not
     * call it: an upstream may serve several APIs.
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
 * leaderboards.ts, the channels of chat-seed.ts and the stores of store-seed.ts, held in memory. Awards and purchases change it
 * and are published through `onMeChange`, `onOrderChange` and, coalesced, `onStandingsChange`.
 */
export function createMemoryUpstream({ seed = 1, standingsFlushMs = 250, orderFulfilMs = 1500 }: MemoryUpstreamOptions = {}): MemoryUpstream {
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

  /** Applies an award synchronously (purchases rely on that) and publishes what changed. */
  const applyAward = (communityId: string, state: CommunityState, member: Member, award: Award): Me => {
    const previousTier = standingFor(state.fixture.tiers, member.xp).tier;
    // Balances never go below zero; the delta reported is what was actually applied.
    const xpDelta = Math.max(-member.xp, award.xp ?? 0);
    const coinsDelta = Math.max(-member.coins, award.coins ?? 0);
    member.xp += xpDelta;
    member.xpToday = Math.max(0, member.xpToday + xpDelta);
    member.coins += coinsDelta;
    member.coinsToday = Math.max(0, member.coinsToday + coinsDelta);
    standings.recordAward(communityId, member.id, { xp: xpDelta, coins: coinsDelta });

    const me = meOf(state.fixture, member);
    const { reason } = award;
    if (xpDelta !== 0) emit(communityId, member.id, 'xp.changed', { me, delta: xpDelta, reason });
    if (coinsDelta !== 0) emit(communityId, member.id, 'coins.changed', { me, delta: coinsDelta, reason });
    if (me.tier.id !== previousTier.id) {
      emit(communityId, member.id, 'tier.changed', { me, delta: 0, reason, previousTier: structuredClone(previousTier) });
    }
    return me;
  };

  const store = new StoreBook({
    community: (communityId) => communities.get(communityId)?.fixture.community,
    balance: (communityId, userId) => communities.get(communityId)?.members.get(userId)?.coins,
    changeCoins: (communityId, userId, coins, reason) => {
      const state = communities.get(communityId)!;
      return applyAward(communityId, state, state.members.get(userId)!, { coins, reason });
    },
    fulfilMs: orderFulfilMs,
  });

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
      return state && member ? applyAward(communityId, state, member, award) : null;
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
    async getStore(communityId) {
      return store.config(communityId);
    },
    async listStoreCategories(communityId, page) {
      return store.categories(communityId, page);
    },
    async listProducts(communityId, query) {
      return store.products(communityId, query);
    },
    async getProduct(communityId, productId) {
      return store.product(communityId, productId);
    },
    async purchase(communityId, userId, body) {
      return store.purchase(communityId, userId, body);
    },
    async listOrders(communityId, userId, page) {
      return store.orders(communityId, userId, page);
    },
    async getOrder(communityId, userId, orderId) {
      return store.order(communityId, userId, orderId);
    },
    onOrderChange(listener) {
      return store.onChange(listener);
    },
    async setOrderStatus(communityId, orderId, update) {
      return store.setStatus(communityId, orderId, update);
    },
    async updateProduct(communityId, productId, update) {
      return store.updateProduct(communityId, productId, update);
    },
    close() {
      standings.flush();
      store.close();
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
