import type { Community, Me, MeEventData, MeEventType, Tier, UserSummary, XpRule } from '@rai-kit/core/api';

/** A page request: `cursor` is whatever the previous page's `nextCursor` was. */
export interface PageRequest {
  cursor?: string;
  /** 1..100. */
  limit: number;
}

/** One page of a collection; `nextCursor: null` means the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What the sandbox may change on a member (sandbox admin API only). */
export interface Award {
  xp?: number;
  coins?: number;
  /** Why, e.g. `admin_award`; travels in the resulting `me` events. */
  reason: string;
}

/** A change to one member's standing, published on their `me` stream. */
export interface MeChange {
  communityId: string;
  userId: string;
  type: MeEventType;
  data: MeEventData;
}

/**
 * The data source behind the widget API: the in-memory sandbox now, Returning.AI's REST API
 * later. Methods resolve `null` when the community (or user) does not exist, so the API can
 * answer 404 without knowing how each upstream reports it. Paged methods may throw
 * `InvalidCursorError` for a cursor they did not issue.
 */
export interface Upstream {
  getCommunity(communityId: string): Promise<Community | null>;
  /** Origins allowed to call this community's API from a browser (exact `scheme://host[:port]`). */
  allowedOrigins(communityId: string): Promise<readonly string[]>;
  listTiers(communityId: string, page: PageRequest): Promise<Page<Tier> | null>;
  listXpRules(communityId: string, page: PageRequest): Promise<Page<XpRule> | null>;
  getMe(communityId: string, userId: string): Promise<Me | null>;
  /** Members, for demo and test login pickers. */
  listUsers(communityId: string, page: PageRequest): Promise<Page<UserSummary> | null>;
  /** Sandbox only: change a member's XP/coins; resolves the new standing. */
  award?(communityId: string, userId: string, award: Award): Promise<Me | null>;
  /** Subscribes to standing changes; returns the unsubscribe function. */
  onMeChange(listener: (change: MeChange) => void): () => void;
}
