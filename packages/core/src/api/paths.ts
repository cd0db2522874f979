/**
 * Widget API paths below `{api-url}/widget/v1`, one builder per resource, so widgets never
 * concatenate URLs by hand and ids are always encoded.
 */
const seg = encodeURIComponent;

export const paths = {
  community: (communityId: string) => `/communities/${seg(communityId)}`,
  tiers: (communityId: string) => `/communities/${seg(communityId)}/tiers`,
  xpRules: (communityId: string) => `/communities/${seg(communityId)}/xp-rules`,
  me: (communityId: string) => `/communities/${seg(communityId)}/me`,
  meEvents: (communityId: string) => `/communities/${seg(communityId)}/me/events`,
  leaderboards: (communityId: string) => `/communities/${seg(communityId)}/leaderboards`,
  leaderboard: (communityId: string, leaderboardId: string) =>
    `/communities/${seg(communityId)}/leaderboards/${seg(leaderboardId)}`,
  /** Query: `period`, `limit`, and `cursor` (page after) or `before` (page before). */
  leaderboardEntries: (communityId: string, leaderboardId: string) =>
    `/communities/${seg(communityId)}/leaderboards/${seg(leaderboardId)}/entries`,
  /** Query: `period`, `radius` (neighbours each side). Needs a token. */
  leaderboardAroundMe: (communityId: string, leaderboardId: string) =>
    `/communities/${seg(communityId)}/leaderboards/${seg(leaderboardId)}/entries/around-me`,
  /** Query: `period`. SSE, or the JSON polling fallback with `after`. */
  leaderboardEvents: (communityId: string, leaderboardId: string) =>
    `/communities/${seg(communityId)}/leaderboards/${seg(leaderboardId)}/events`,
} as const;
