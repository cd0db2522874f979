import type { Community, Product, ProductType, StoreCategory, StoreConfig } from '@rai-kit/core/api';
import { escapeXml, initialsAvatar } from './avatar.js';
import { hashSeed, mulberry32 } from './prng.js';
import { HOSTILE_PRODUCTS } from './store-hostile.js';

/**
 * The sample stores. Catalogues are made from a PRNG seeded per community (not by the
 * upstream's seed), so every sandbox shows the same products; discount windows are placed
 * relative to the build time, so "open now", "not yet" and "expired" stay true.
 */

/** A category as the sandbox keeps it. */
export interface SeedCategory extends StoreCategory {
  archived: boolean;
}

/**
 * A product as the sandbox keeps it: the contract's product without what a read computes
 * (`currentPrice`, `inStock`, `remaining`), discount times as epoch ms, and the stock the
 * store may hide.
 */
export interface SeedProduct extends Omit<Product, 'discount' | 'currentPrice' | 'inStock' | 'remaining'> {
  discount: { price: number; startsAt: number | null; endsAt: number | null } | null;
  /** Units left; `null` = unlimited. */
  stock: number | null;
  showRemaining: boolean;
}

export interface StoreFixture {
  config: StoreConfig;
  categories: SeedCategory[];
  products: SeedProduct[];
}

interface CategorySpec {
  id: string;
  name: string;
  /** `null`: a mix (the Lab). */
  type: ProductType | null;
  nouns: readonly string[];
  count: number;
  archived?: boolean;
  /** The hostile descriptions of store-hostile.ts instead of generated products. */
  hostile?: boolean;
}

interface StoreSpec {
  title: string;
  description: string;
  colour: string;
  enabled: boolean;
  categories: CategorySpec[];
}

const ADJECTIVES = [
  'Classic', 'Deluxe', 'Midnight', 'Aurora', 'Retro', 'Limited', 'Cosmic', 'Golden', 'Everyday', 'Pocket',
  'Neon', 'Arctic', 'Summit', 'Velvet', 'Turbo', 'Mini', 'Pro', 'Signature', 'Lucky', 'Wild',
] as const;

const NOUNS = {
  giftCards: ['Coffee voucher', 'Café voucher', 'Cinema ticket', 'Book token', 'Music gift card', 'Game credit', 'Streaming month', 'Bakery voucher', 'Taxi credit', 'Pizza night'],
  merch: ['Hoodie', 'T-shirt', 'Cap', 'Mug', 'Sticker pack', 'Tote bag', 'Water bottle', 'Notebook', 'Pin badge', 'Socks', 'Scarf', 'Poster'],
  digital: ['Avatar frame', 'Profile theme', 'Emoji pack', 'Wallpaper set', 'E-book', 'Soundtrack', 'Badge', 'Name colour', 'Chat sticker set', 'Mini course'],
  experiences: ['AMA seat', 'Coaching call', 'Workshop pass', 'Meet-up ticket', 'Studio tour', 'Stream shout-out', 'Game night seat', 'Mentor session'],
  gear: ['Headphones', 'Keyboard', 'Mouse', 'Desk lamp', 'Backpack', 'Power bank', 'Speaker', 'Webcam', 'Controller', 'Smartwatch'],
  retired: ['Launch T-shirt', 'Beta badge', 'Founders mug'],
} as const;

const PERKS: Record<ProductType, readonly string[]> = {
  voucher: ['Redeem online or in store', 'Valid for twelve months', 'Delivered as a code', 'No minimum spend', 'Works with partner shops'],
  physical: ['Ships worldwide', 'Recycled materials', 'One size fits most', 'Machine washable', 'Gift wrapped on request'],
  digital: ['Unlocks instantly', 'Yours to keep', 'Works on every device', 'Shows on your profile', 'Updates included'],
};

const TAGLINES = [
  'A member favourite, back by popular demand.',
  'Earned, not bought: a reward for showing up.',
  'Small treat, big smile.',
  'Our most requested reward this season.',
  'Made for the community, with the community.',
] as const;

const STORES: Record<string, StoreSpec> = {
  demo: {
    title: 'Demo Rewards',
    description:
      '<p>Spend your <strong>coins</strong> on vouchers, merch, digital goodies and experiences.</p>' +
      '<ul><li>Vouchers arrive in seconds</li><li>Merch ships within a week</li></ul>' +
      '<p><a href="https://rai-kit.example/store-terms">Store terms</a></p>',
    colour: '#4f46e5',
    enabled: true,
    categories: [
      { id: 'cat-gift-cards', name: 'Gift cards', type: 'voucher', nouns: NOUNS.giftCards, count: 40 },
      { id: 'cat-merch', name: 'Merch', type: 'physical', nouns: NOUNS.merch, count: 42 },
      { id: 'cat-digital', name: 'Digital', type: 'digital', nouns: NOUNS.digital, count: 40 },
      { id: 'cat-experiences', name: 'Experiences', type: 'voucher', nouns: NOUNS.experiences, count: 28 },
      { id: 'cat-gear', name: 'Gear', type: 'physical', nouns: NOUNS.gear, count: 40 },
      { id: 'cat-lab', name: 'Lab', type: null, nouns: [], count: HOSTILE_PRODUCTS.length, hostile: true },
      { id: 'cat-retired', name: 'Retired', type: 'physical', nouns: NOUNS.retired, count: 6, archived: true },
    ],
  },
  'acme-traders': {
    title: 'Acme Perks',
    description: '<p>Trade your <em>Acme Credits</em> for courses, swag and partner vouchers.</p>',
    colour: '#0f766e',
    enabled: true,
    categories: [
      { id: 'cat-courses', name: 'Courses', type: 'digital', nouns: ['Charting course', 'Options primer', 'Risk workshop', 'Macro briefing'], count: 4 },
      { id: 'cat-swag', name: 'Swag', type: 'physical', nouns: ['Hoodie', 'Mug', 'Cap', 'Notebook'], count: 4 },
      { id: 'cat-partners', name: 'Partner vouchers', type: 'voucher', nouns: ['Data feed month', 'Broker fee credit', 'Book token'], count: 4 },
    ],
  },
  'night-owls': {
    title: 'Owl Emporium',
    description: '<p>Closed for stocktaking. Browse now, buy when we reopen.</p>',
    colour: '#1e293b',
    enabled: false,
    categories: [
      { id: 'cat-night-gear', name: 'Night gear', type: 'physical', nouns: ['Headset', 'Desk lamp', 'Blanket', 'Mug'], count: 6 },
      { id: 'cat-cosmetics', name: 'Cosmetics', type: 'digital', nouns: ['Owl avatar', 'Moon badge', 'Star theme'], count: 4 },
    ],
  },
  'fresh-start': {
    title: 'Launch Shop',
    description: '<p>Our first rewards are on their way.</p>',
    colour: '#be185d',
    enabled: true,
    categories: [],
  },
};

const DAY = 24 * 60 * 60 * 1000;

/** The store of `community` at build time `now`; `null` when it has none. */
export function storeFixtureOf(community: Community, now: number): StoreFixture | null {
  const spec = STORES[community.id];
  if (!spec) return null;
  const random = mulberry32(hashSeed(`store/${community.id}`));
  const categories: SeedCategory[] = spec.categories.map((c, i) => ({
    id: c.id,
    name: c.name,
    coverUrl: initialsAvatar(c.name, spec.colour),
    showCover: i % 2 === 0,
    displayOrder: (i + 1) * 10,
    archived: c.archived ?? false,
  }));
  const products: SeedProduct[] = [];
  for (const category of spec.categories) {
    const made = category.hostile ? hostileProducts(category, random) : generatedProducts(category, random, now);
    for (const product of made) products.push({ ...product, id: `prd_${String(products.length + 1).padStart(4, '0')}` });
  }
  return {
    config: {
      title: spec.title,
      description: spec.description,
      coverUrl: bannerImage(spec.title, spec.colour),
      currency: structuredClone(community.currency),
      enabled: spec.enabled,
    },
    categories,
    products,
  };
}

type Unnamed = Omit<SeedProduct, 'id'>;

function generatedProducts(category: CategorySpec, random: () => number, now: number): Unnamed[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // Every adjective × noun once, shuffled, so names never repeat within a category.
  const names = ADJECTIVES.flatMap((adjective) => category.nouns.map((noun) => `${adjective} ${noun}`));
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  return names.slice(0, category.count).map((name) => {
    const type = category.type ?? pick(['voucher', 'physical', 'digital'] as const);
    const price = nicePrice(20 * 250 ** random());
    return {
      categoryId: category.id,
      name,
      description: description(name, type, category.name, random, pick),
      imageUrl: random() < 0.1 ? null : initialsAvatar(name, pick(['#4f46e5', '#0f766e', '#be185d', '#c2410c', '#047857', '#6d28d9'])),
      type,
      price,
      discount: random() < 0.27 ? discountOf(price, random, now) : null,
      ...stockOf(random),
      displayOrder: Math.floor(random() * 50),
    };
  });
}

function hostileProducts(category: CategorySpec, random: () => number): Unnamed[] {
  return HOSTILE_PRODUCTS.map(({ name, description }, i) => ({
    categoryId: category.id,
    name,
    description,
    imageUrl: null,
    type: (['voucher', 'physical', 'digital'] as const)[i % 3]!,
    price: nicePrice(20 + random() * 30),
    discount: null,
    stock: null,
    showRemaining: false,
    displayOrder: Math.floor(random() * 50),
  }));
}

/** Rounded the way shops price: 5s under 100, 10s under 1 000, 50s above. */
function nicePrice(raw: number): number {
  const step = raw < 100 ? 5 : raw < 1000 ? 10 : 50;
  return Math.max(step, Math.round(raw / step) * step);
}

/** Mostly open now; some not started yet, some expired. */
function discountOf(price: number, random: () => number, now: number): SeedProduct['discount'] {
  const discounted = Math.min(price - 5, nicePrice(price * (0.5 + 0.4 * random())));
  const days = (min: number, max: number) => Math.round((min + random() * (max - min)) * DAY);
  const window = random();
  if (window < 0.7) return { price: discounted, startsAt: now - days(1, 10), endsAt: random() < 0.3 ? null : now + days(2, 14) };
  if (window < 0.85) {
    const startsAt = now + days(1, 7);
    return { price: discounted, startsAt, endsAt: startsAt + days(3, 10) };
  }
  return { price: discounted, startsAt: now - days(20, 30), endsAt: now - days(1, 10) };
}

/** ~10 % sold out, some scarce with the count shown, some limited but hidden, the rest unlimited. */
function stockOf(random: () => number): Pick<SeedProduct, 'stock' | 'showRemaining'> {
  const r = random();
  if (r < 0.1) return { stock: 0, showRemaining: random() < 0.5 };
  if (r < 0.25) return { stock: 1 + Math.floor(random() * 9), showRemaining: true };
  if (r < 0.35) return { stock: 10 + Math.floor(random() * 90), showRemaining: true };
  if (r < 0.55) return { stock: 20 + Math.floor(random() * 480), showRemaining: false };
  return { stock: null, showRemaining: false };
}

function description(name: string, type: ProductType, categoryName: string, random: () => number, pick: <T>(list: readonly T[]) => T): string {
  const perks = [...new Set([pick(PERKS[type]), pick(PERKS[type]), pick(PERKS[type])])];
  let html = `<p><strong>${name}</strong> from our ${categoryName.toLowerCase()} range. ${pick(TAGLINES)}</p>`;
  if (random() < 0.7) html += `<ul>${perks.map((perk) => `<li>${perk}</li>`).join('')}</ul>`;
  if (random() < 0.4) html += `<p><em>While stocks last.</em></p>`;
  if (random() < 0.3) html += `<p><img src="${initialsAvatar(name, '#64748b')}" alt="${name}" width="64" height="64"></p>`;
  if (random() < 0.3) html += `<p>Read the <a href="https://rai-kit.example/terms">terms</a>.</p>`;
  return html;
}

/** A wide banner as an SVG `data:` URL (no network, like the avatars). */
function bannerImage(title: string, colour: string): string {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="960" height="240" viewBox="0 0 960 240">' +
    `<rect width="960" height="240" fill="${colour}"/>` +
    '<text x="480" y="120" dy=".35em" text-anchor="middle" font-family="system-ui,sans-serif" font-size="56" font-weight="700" fill="#fff">' +
    `${escapeXml(title)}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
