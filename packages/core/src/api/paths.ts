/**
 * Widget API paths below `{api-url}/widget/v1`, one builder per resource, so widgets never
 * concatenate URLs by hand and ids are always encoded.
 *
 * One export per path, not one object, so a bundle keeps only the builders its code calls; and
 * one module per area, so the CDN build can keep each area's builders with the widget that
 * calls them (a module is the smallest piece it moves between chunks). The API's index
 * re-exports them all as the namespace `paths` (`paths.me(communityId)`).
 */
export * from './paths/community.js';
export * from './paths/leaderboard.js';
export * from './paths/chat.js';
export * from './paths/store.js';
