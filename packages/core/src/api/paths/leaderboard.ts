/** Paths of the leaderboards. */
import { seg } from './segment.js';

export const leaderboards = (communityId: string): string => `/communities/${seg(communityId)}/leaderboards`;
export const leaderboard = (communityId: string, leaderboardId: string): string =>
  `/communities/${seg(communityId)}/leaderboards/${seg(leaderboardId)}`;
/** Query: `period`, `limit`, and `cursor` (page after) or `before` (page before). */
export const leaderboardEntries = (communityId: string, leaderboardId: string): string =>
  `/communities/${seg(communityId)}/leaderboards/${seg(leaderboardId)}/entries`;
/** Query: `period`, `radius` (neighbours each side). Needs a token. */
export const leaderboardAroundMe = (communityId: string, leaderboardId: string): string =>
  `/communities/${seg(communityId)}/leaderboards/${seg(leaderboardId)}/entries/around-me`;
/** Query: `period`. SSE, or the JSON polling fallback with `after`. */
export const leaderboardEvents = (communityId: string, leaderboardId: string): string =>
  `/communities/${seg(communityId)}/leaderboards/${seg(leaderboardId)}/events`;
