/** Paths of the chat channels: messages, reactions, uploads, and tokens scoped to one channel. */
import { seg } from './segment.js';

export const channels = (communityId: string): string => `/communities/${seg(communityId)}/channels`;
export const channel = (communityId: string, channelId: string): string =>
  `/communities/${seg(communityId)}/channels/${seg(channelId)}`;
/** GET query: `limit`, and `before` (older page) or `after` (newer page). POST sends (needs `Idempotency-Key`). */
export const channelMessages = (communityId: string, channelId: string): string =>
  `/communities/${seg(communityId)}/channels/${seg(channelId)}/messages`;
/** PATCH edits, DELETE deletes (author only). */
export const channelMessage = (communityId: string, channelId: string, messageId: string): string =>
  `/communities/${seg(communityId)}/channels/${seg(channelId)}/messages/${seg(messageId)}`;
/** PUT reacts, DELETE unreacts; `shortcode` like `:sparkling_heart:`. */
export const messageReaction = (communityId: string, channelId: string, messageId: string, shortcode: string): string =>
  `/communities/${seg(communityId)}/channels/${seg(channelId)}/messages/${seg(messageId)}/reactions/${seg(shortcode)}`;
/** POST an image as the raw body with its Content-Type. */
export const channelUploads = (communityId: string, channelId: string): string =>
  `/communities/${seg(communityId)}/channels/${seg(channelId)}/uploads`;
/** GET an uploaded image (its `url`). */
export const channelUpload = (communityId: string, channelId: string, uploadId: string): string =>
  `/communities/${seg(communityId)}/channels/${seg(channelId)}/uploads/${seg(uploadId)}`;
/** POST `{ channelId, scopes }`: the caller's token narrowed to one channel (for an iframe channel's app). */
export const scopedToken = (communityId: string): string => `/communities/${seg(communityId)}/tokens/scoped`;
/** SSE, or the JSON polling fallback with `after`. */
export const channelEvents = (communityId: string, channelId: string): string =>
  `/communities/${seg(communityId)}/channels/${seg(channelId)}/events`;
