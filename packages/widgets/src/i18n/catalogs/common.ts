import type { Catalog } from '../catalog.js';
import { messages as en } from '../locales/en/common.js';
import type { CommonMessages } from '../messages.js';

export const commonCatalog: Catalog<CommonMessages> = {
  en,
  ar: () => import('../locales/ar/common.js'),
  es: () => import('../locales/es/common.js'),
};
