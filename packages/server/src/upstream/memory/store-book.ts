import type { Community, Me, Order, OrderStatus, Product, PurchaseBody, StoreCategory, StoreConfig } from '@rai-kit/core/api';
import { pageOf } from '../../pagination.js';
import type {
  OrderChange,
  OrderStatusUpdate,
  Page,
  PageRequest,
  ProductSearch,
  ProductStock,
  ProductUpdate,
  PurchaseOutcome,
  PurchaseRefusal,
} from '../upstream.js';
import { compareKeys, pageByKey, type SortKey } from './key-page.js';
import { matchesWords, queryWords, searchText } from './product-search.js';
import { storeFixtureOf, type SeedCategory, type SeedProduct } from './store-seed.js';
import { voucherCode } from './voucher-code.js';

/** What the store needs from the rest of the sandbox. */
export interface StoreBookDeps {
  community(communityId: string): Community | undefined;
  /** The member's coin balance; `undefined` for a non-member. */
  balance(communityId: string, userId: string): number | undefined;
  /** Applies a coin change (publishing `coins.changed` with `reason`) and answers the new standing. */
  changeCoins(communityId: string, userId: string, delta: number, reason: 'purchase' | 'refund'): Me;
  /** Delay before vouchers and digital goods are fulfilled; negative: never by themselves. */
  fulfilMs: number;
}

interface StoreState {
  config: StoreConfig;
  /** Listed categories, by display order. */
  categories: SeedCategory[];
  archived: ReadonlySet<string>;
  /** By display order, then id. */
  products: SeedProduct[];
  byId: Map<string, SeedProduct>;
  searchTexts: Map<string, string>;
  orders: Map<string, StoredOrder>;
  /** Per member, newest first. */
  ordersOf: Map<string, StoredOrder[]>;
}

interface StoredOrder {
  userId: string;
  key: SortKey;
  order: Order;
}

const DEFAULT_NOTES: Record<OrderStatus, string> = {
  pending: 'Order placed',
  fulfilled: 'Fulfilled',
  cancelled: 'Cancelled — coins refunded',
};

const productKey = (p: SeedProduct): SortKey => [p.displayOrder, p.id];

/**
 * The sandbox's stores: catalogues from store-seed.ts (built per community on first access),
 * stock, orders and their fulfilment. Every purchase is checked and applied in one synchronous
 * step, which is what makes it atomic here: JavaScript runs no other request in between.
 */
export class StoreBook {
  readonly #stores = new Map<string, StoreState>();
  readonly #listeners = new Set<(change: OrderChange) => void>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #deps: StoreBookDeps;
  #orderSeq = 0;

  constructor(deps: StoreBookDeps) {
    this.#deps = deps;
  }

  #store(communityId: string): StoreState | null {
    const existing = this.#stores.get(communityId);
    if (existing) return existing;
    const community = this.#deps.community(communityId);
    if (!community) return null;
    const builtAt = Math.floor(Date.now() / 60_000) * 60_000;
    const fixture = storeFixtureOf(community, builtAt) ?? {
      config: { title: community.name, description: '', coverUrl: null, currency: structuredClone(community.currency), enabled: false },
      categories: [],
      products: [],
    };
    const archived = new Set(fixture.categories.filter((c) => c.archived).map((c) => c.id));
    const products = fixture.products.filter((p) => !archived.has(p.categoryId)).sort((a, b) => compareKeys(productKey(a), productKey(b)));
    const state: StoreState = {
      config: fixture.config,
      categories: fixture.categories.filter((c) => !c.archived).sort((a, b) => a.displayOrder - b.displayOrder),
      archived,
      products,
      byId: new Map(products.map((p) => [p.id, p])),
      searchTexts: new Map(products.map((p) => [p.id, searchText(p.name, p.description)])),
      orders: new Map(),
      ordersOf: new Map(),
    };
    this.#stores.set(communityId, state);
    return state;
  }

  config(communityId: string): StoreConfig | null {
    const store = this.#store(communityId);
    return store ? structuredClone(store.config) : null;
  }

  categories(communityId: string, page: PageRequest): Page<StoreCategory> | null {
    const store = this.#store(communityId);
    if (!store) return null;
    const { items, nextCursor } = pageOf(store.categories, page);
    return { items: items.map(({ id, name, coverUrl, showCover, displayOrder }) => ({ id, name, coverUrl, showCover, displayOrder })), nextCursor };
  }

  products(communityId: string, { category, q, type, cursor, limit }: ProductSearch): Page<Product> | null {
    const store = this.#store(communityId);
    if (!store) return null;
    const words = queryWords(q);
    const matching = store.products.filter(
      (p) =>
        (category === undefined || p.categoryId === category) &&
        (type === undefined || p.type === type) &&
        matchesWords(store.searchTexts.get(p.id)!, words),
    );
    const now = Date.now();
    const page = pageByKey(matching, productKey, { limit, ...(cursor === undefined ? {} : { cursor }) });
    return { items: page.items.map((p) => productView(p, now)), nextCursor: page.nextCursor };
  }

  product(communityId: string, productId: string): Product | null {
    const product = this.#store(communityId)?.byId.get(productId);
    return product ? productView(product, Date.now()) : null;
  }

  /** See Upstream.purchase: no await, and nothing changes before every check has passed. */
  purchase(communityId: string, userId: string, { productId, expectedPrice }: PurchaseBody): PurchaseOutcome | null {
    const store = this.#store(communityId);
    const balance = this.#deps.balance(communityId, userId);
    if (!store || balance === undefined) return null;
    const refuse = (refusal: PurchaseRefusal): PurchaseOutcome => ({ ok: false, refusal });
    if (!store.config.enabled) return refuse({ reason: 'store_closed' });
    const product = store.byId.get(productId);
    if (!product) return refuse({ reason: 'no_product' });
    const now = Date.now();
    const { currentPrice: price } = productView(product, now);
    if (price !== expectedPrice) return refuse({ reason: 'price_changed', price });
    if (product.stock === 0) return refuse({ reason: 'out_of_stock' });
    if (balance < price) return refuse({ reason: 'insufficient_balance', balance, price, shortfall: price - balance });

    if (product.stock !== null) product.stock -= 1;
    const me = this.#deps.changeCoins(communityId, userId, -price, 'purchase');
    const seq = ++this.#orderSeq;
    const at = new Date(now).toISOString();
    const stored: StoredOrder = {
      userId,
      key: [-seq, ''],
      order: {
        id: `ord_${String(seq).padStart(6, '0')}`,
        product: { id: product.id, name: product.name, imageUrl: product.imageUrl, type: product.type },
        price,
        status: 'pending',
        history: [{ status: 'pending', at, note: DEFAULT_NOTES.pending }],
        redemption: null,
        createdAt: at,
        updatedAt: at,
      },
    };
    store.orders.set(stored.order.id, stored);
    const mine = store.ordersOf.get(userId) ?? [];
    mine.unshift(stored);
    store.ordersOf.set(userId, mine);
    this.#emit(communityId, stored);
    if (product.type !== 'physical' && this.#deps.fulfilMs >= 0) this.#scheduleFulfilment(communityId, stored);
    return { ok: true, result: { order: structuredClone(stored.order), balance: me.coins } };
  }

  orders(communityId: string, userId: string, page: PageRequest): Page<Order> | null {
    const store = this.#store(communityId);
    if (!store) return null;
    const { items, nextCursor } = pageByKey(store.ordersOf.get(userId) ?? [], (o) => o.key, page);
    return { items: items.map((o) => structuredClone(o.order)), nextCursor };
  }

  order(communityId: string, userId: string, orderId: string): Order | null {
    const stored = this.#store(communityId)?.orders.get(orderId);
    return stored && stored.userId === userId ? structuredClone(stored.order) : null;
  }

  /** See Upstream.setOrderStatus. */
  setStatus(communityId: string, orderId: string, update: OrderStatusUpdate): { order: Order; changed: boolean } | null {
    const store = this.#store(communityId);
    const stored = store?.orders.get(orderId);
    if (!store || !stored) return null;
    if (stored.order.status !== 'pending') return { order: structuredClone(stored.order), changed: false };
    if (update.status === 'cancelled') {
      const product = store.byId.get(stored.order.product.id);
      if (product && product.stock !== null) product.stock += 1;
      this.#deps.changeCoins(communityId, stored.userId, stored.order.price, 'refund');
    }
    const { type } = stored.order.product;
    const redemption =
      update.status === 'fulfilled'
        ? {
            code: update.code ?? (type === 'voucher' ? voucherCode() : null),
            instructions: update.instructions ?? defaultInstructions(type),
          }
        : null;
    this.#transition(communityId, stored, update.status, update.note ?? DEFAULT_NOTES[update.status], redemption);
    return { order: structuredClone(stored.order), changed: true };
  }

  /** See Upstream.updateProduct. */
  updateProduct(communityId: string, productId: string, update: ProductUpdate): ProductStock | null {
    const product = this.#store(communityId)?.byId.get(productId);
    if (!product) return null;
    if (update.stock !== undefined) product.stock = update.stock;
    if (update.showRemaining !== undefined) product.showRemaining = update.showRemaining;
    if (update.price !== undefined) product.price = update.price;
    if (update.discount === null) product.discount = null;
    return { product: productView(product, Date.now()), stock: product.stock, showRemaining: product.showRemaining };
  }

  onChange(listener: (change: OrderChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Drops pending automatic fulfilments (timers never keep a process alive anyway). */
  close(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #scheduleFulfilment(communityId: string, stored: StoredOrder): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      // Cancelled (or fulfilled by hand) meanwhile: nothing left to do.
      if (stored.order.status === 'pending') this.setStatus(communityId, stored.order.id, { status: 'fulfilled', note: fulfilNote(stored.order) });
    }, this.#deps.fulfilMs);
    timer.unref?.();
    this.#timers.add(timer);
  }

  #transition(communityId: string, stored: StoredOrder, status: OrderStatus, note: string, redemption: Order['redemption']): void {
    const at = new Date().toISOString();
    Object.assign(stored.order, { status, redemption, updatedAt: at });
    stored.order.history.push({ status, at, note });
    this.#emit(communityId, stored);
  }

  #emit(communityId: string, stored: StoredOrder): void {
    for (const listener of this.#listeners) {
      try {
        listener({ communityId, userId: stored.userId, order: structuredClone(stored.order) });
      } catch (error) {
        // One broken subscriber must not stop the others or fail the purchase.
        console.error('[rai-kit] order change listener failed:', error);
      }
    }
  }
}

/** The contract view of a stored product at `now`: the discount only while its window is open. */
function productView(p: SeedProduct, now: number): Product {
  const d = p.discount;
  const open = d !== null && (d.startsAt === null || d.startsAt <= now) && (d.endsAt === null || now < d.endsAt);
  const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());
  return {
    id: p.id,
    categoryId: p.categoryId,
    name: p.name,
    description: p.description,
    imageUrl: p.imageUrl,
    type: p.type,
    price: p.price,
    discount: open ? { price: d.price, startsAt: iso(d.startsAt), endsAt: iso(d.endsAt) } : null,
    currentPrice: open ? d.price : p.price,
    inStock: p.stock === null || p.stock > 0,
    remaining: p.showRemaining && p.stock !== null ? p.stock : null,
    displayOrder: p.displayOrder,
  };
}

function fulfilNote(order: Order): string {
  return order.product.type === 'voucher' ? 'Voucher issued' : 'Ready to use';
}

function defaultInstructions(type: Order['product']['type']): string {
  switch (type) {
    case 'digital':
      return 'Unlocked on your profile: open your profile to use it.';
    case 'physical':
      return 'Shipped to the address on your account; it arrives within 5–7 working days.';
    case 'voucher':
      return 'Enter the code at checkout.';
  }
}
