import type { Catalog } from '../catalog.js';
import { messages as en } from '../locales/en/frame.js';
import type { FramePart } from '../messages.js';

export const frameCatalog: Catalog<FramePart> = {
  en,
  ar: () => import('../locales/ar/frame.js'),
  es: () => import('../locales/es/frame.js'),
};
