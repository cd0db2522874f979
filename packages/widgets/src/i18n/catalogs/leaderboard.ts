import type { Catalog } from '../catalog.js';
import { messages as en } from '../locales/en/leaderboard.js';
import type { LeaderboardPart } from '../messages.js';

export const leaderboardCatalog: Catalog<LeaderboardPart> = {
  en,
  ar: () => import('../locales/ar/leaderboard.js'),
  es: () => import('../locales/es/leaderboard.js'),
};
