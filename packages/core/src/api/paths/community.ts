/** Paths of the community itself and of the member (`me`): what every widget may ask for. */
import { seg } from './segment.js';

export const community = (communityId: string): string => `/communities/${seg(communityId)}`;
/** Who may frame the community's widgets (`EmbedConfig`). */
export const embed = (communityId: string): string => `/communities/${seg(communityId)}/embed`;
export const tiers = (communityId: string): string => `/communities/${seg(communityId)}/tiers`;
export const xpRules = (communityId: string): string => `/communities/${seg(communityId)}/xp-rules`;
export const me = (communityId: string): string => `/communities/${seg(communityId)}/me`;
export const meEvents = (communityId: string): string => `/communities/${seg(communityId)}/me/events`;
