/**
 * Widget API paths below `{api-url}/widget/v1`, one builder per resource, so widgets never
 * concatenate URLs by hand and ids are always encoded.
 */
const seg = encodeURIComponent;

export const paths = {
  community: (communityId: string) => `/communities/${seg(communityId)}`,
  /** Who may frame the community's widgets (`EmbedConfig`). */
  embed: (communityId: string) => `/communities/${seg(communityId)}/embed`,
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
  channels: (communityId: string) => `/communities/${seg(communityId)}/channels`,
  channel: (communityId: string, channelId: string) => `/communities/${seg(communityId)}/channels/${seg(channelId)}`,
  /** GET query: `limit`, and `before` (older page) or `after` (newer page). POST sends (needs `Idempotency-Key`). */
  channelMessages: (communityId: string, channelId: string) =>
    `/communities/${seg(communityId)}/channels/${seg(channelId)}/messages`,
  /** PATCH edits, DELETE deletes (author only). */
  channelMessage: (communityId: string, channelId: string, messageId: string) =>
    `/communities/${seg(communityId)}/channels/${seg(channelId)}/messages/${seg(messageId)}`,
  /** PUT reacts, DELETE unreacts; `shortcode` like `:sparkling_heart:`. */
  messageReaction: (communityId: string, channelId: string, messageId: string, shortcode: string) =>
    `/communities/${seg(communityId)}/channels/${seg(channelId)}/messages/${seg(messageId)}/reactions/${seg(shortcode)}`,
  /** POST an image as the raw body with its Content-Type. */
  channelUploads: (communityId: string, channelId: string) => `/communities/${seg(communityId)}/channels/${seg(channelId)}/uploads`,
  /** GET an uploaded image (its `url`). */
  channelUpload: (communityId: string, channelId: string, uploadId: string) =>
    `/communities/${seg(communityId)}/channels/${seg(channelId)}/uploads/${seg(uploadId)}`,
  /** POST `{ channelId, scopes }`: the caller's token narrowed to one channel (for an iframe channel's app). */
  scopedToken: (communityId: string) => `/communities/${seg(communityId)}/tokens/scoped`,
  /** The store's configuration. */
  store: (communityId: string) => `/communities/${seg(communityId)}/store`,
  /** Categories, `displayOrder` first; cursor paging. */
  storeCategories: (communityId: string) => `/communities/${seg(communityId)}/store/categories`,
  /** Query: `category`, `q`, `type`, `cursor`, `limit` (ProductQuery). */
  storeProducts: (communityId: string) => `/communities/${seg(communityId)}/store/products`,
  storeProduct: (communityId: string, productId: string) => `/communities/${seg(communityId)}/store/products/${seg(productId)}`,
  /** POST a purchase (PurchaseBody; needs a token and `Idempotency-Key`). */
  storePurchases: (communityId: string) => `/communities/${seg(communityId)}/store/purchases`,
  /** The member's orders, newest first; cursor paging. Needs a token. */
  myOrders: (communityId: string) => `/communities/${seg(communityId)}/me/orders`,
  myOrder: (communityId: string, orderId: string) => `/communities/${seg(communityId)}/me/orders/${seg(orderId)}`,
  /** SSE, or the JSON polling fallback with `after`. */
  channelEvents: (communityId: string, channelId: string) => `/communities/${seg(communityId)}/channels/${seg(channelId)}/events`,
} as const;
