import type { Catalog } from '../catalog.js';
import { messages as en } from '../locales/en/store.js';
import type { StorePart } from '../messages.js';

export const storeCatalog: Catalog<StorePart> = {
  en,
  ar: () => import('../locales/ar/store.js'),
  es: () => import('../locales/es/store.js'),
};
