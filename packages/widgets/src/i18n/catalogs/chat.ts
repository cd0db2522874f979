import type { Catalog } from '../catalog.js';
import { messages as en } from '../locales/en/chat.js';
import type { ChatPart } from '../messages.js';

export const chatCatalog: Catalog<ChatPart> = {
  en,
  ar: () => import('../locales/ar/chat.js'),
  es: () => import('../locales/es/chat.js'),
};
