import type { Catalog } from '../catalog.js';
import { messages as en } from '../locales/en/xp-tier.js';
import type { XpTierPart } from '../messages.js';

export const xpTierCatalog: Catalog<XpTierPart> = {
  en,
  ar: () => import('../locales/ar/xp-tier.js'),
  es: () => import('../locales/es/xp-tier.js'),
};
