/**
 * @rai-kit/core — framework-free client for the rai-kit widget API.
 * Subpath imports (`@rai-kit/core/api`, `/auth`, `/realtime`, `/leaderboard`) keep bundles small.
 */
export * from './api/index.js';
export * from './auth/index.js';
export * from './realtime/index.js';
export * from './leaderboard/index.js';
