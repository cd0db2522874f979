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
} as const;
