type NavigationCode = typeof import('./board-navigation.js');

/**
 * Where `<rai-leaderboard>` gets what a reader does after the first view (`board-navigation.ts`):
 * a chunk of its own, loaded by the first of those actions, or on intent (pointer over or focus
 * in the widget). Tests replace `load` to hold the chunk back or make it fail.
 */
export const navigationCode: { load: () => Promise<NavigationCode> } = {
  load: () => import('./board-navigation.js'),
};
