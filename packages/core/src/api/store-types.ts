import type { Currency } from './types.js';

/**
 * The store in the widget API contract (DESIGN.md §3), after the vendor's store resources
 * (RETURNING-AI-NOTES.md §5.8): configuration, categories, products, purchases and the
 * member's orders. Names follow the vendor's where they mean the same thing; paging is by
 * opaque cursor like every collection here (the vendor's `skip`/`limit` is theirs).
 */

/** The store's configuration (the vendor's `GET /stores`). */
export interface StoreConfig {
  title: string;
  /** HTML written by the community's admins. Untrusted: sanitise before rendering. */
  description: string;
  /** Cover image URL; `null` without one. */
  coverUrl: string | null;
  /** The community currency prices are in (e.g. `{ name: 'Coins', symbol: '🪙' }`). */
  currency: Currency;
  /** `false`: the store is closed; products can be browsed, purchases are refused (403). */
  enabled: boolean;
}

/** A product category. Archived categories are never listed; order is `displayOrder`. */
export interface StoreCategory {
  id: string;
  name: string;
  coverUrl: string | null;
  /** The vendor's `shouldShowCover`. */
  showCover: boolean;
  displayOrder: number;
}

export const PRODUCT_TYPES = ['voucher', 'physical', 'digital'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

/** A configured discount (the vendor's `discountPrice`, `discountStartDate`, `discountEndDate`). */
export interface ProductDiscount {
  price: number;
  /** ISO 8601; `null` = open-ended. */
  startsAt: string | null;
  endsAt: string | null;
}

/** A product. */
export interface Product {
  id: string;
  categoryId: string;
  name: string;
  /** HTML written by the community's admins. Untrusted: sanitise before rendering. */
  description: string;
  imageUrl: string | null;
  type: ProductType;
  /** Regular price, in the store currency. */
  price: number;
  /** The discount while its window is open at the time of the answer, else `null`. */
  discount: ProductDiscount | null;
  /** What buying it costs now: `discount.price` while a discount applies, else `price`. */
  currentPrice: number;
  /** False when sold out. */
  inStock: boolean;
  /**
   * Units left, when the store shows them (the vendor's `shouldDisplayRemainingQuantity`);
   * `null` when hidden or unlimited.
   */
  remaining: number | null;
  displayOrder: number;
}

/** Query of the product list: all filters optional and combined. */
export interface ProductQuery {
  /** A category id. */
  category?: string;
  /** Case-insensitive words matched against name and description text. */
  q?: string;
  type?: ProductType;
  cursor?: string;
  limit?: number;
}

/** Redemption status of an order (the vendor's redemption statuses). */
export const ORDER_STATUSES = ['pending', 'fulfilled', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** One step of an order's status history. */
export interface OrderStatusChange {
  status: OrderStatus;
  /** ISO 8601. */
  at: string;
  /** Why, for people: "Voucher issued", "Out of stock at the warehouse — refunded". */
  note: string | null;
}

/** A member's order. */
export interface Order {
  id: string;
  /** The product as it was bought (name, image and type at the time). */
  product: { id: string; name: string; imageUrl: string | null; type: ProductType };
  /** Coins paid. */
  price: number;
  status: OrderStatus;
  /** Oldest first; the last entry is `status`. */
  history: OrderStatusChange[];
  /** Set once `fulfilled`: a voucher code and/or instructions (plain text). */
  redemption: { code: string | null; instructions: string | null } | null;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
}

/** Body of a purchase (`POST …/store/purchases`, `Idempotency-Key` required). */
export interface PurchaseBody {
  productId: string;
  /**
   * The price the member agreed to. When the product's `currentPrice` differs (a discount
   * ended meanwhile), the purchase is refused with `conflict` rather than charging another sum.
   */
  expectedPrice: number;
}

/** Answer of a purchase: the order and the member's coin balance after it. */
export interface PurchaseResult {
  order: Order;
  balance: number;
}

/**
 * `error.meta` of a refused purchase, so a widget can say exactly why:
 * `insufficient_balance` → `{ balance, price, shortfall }`; `out_of_stock` → `{ remaining: 0 }`;
 * `conflict` (price changed) → `{ price }` (the current price).
 */
export interface PurchaseErrorMeta {
  balance?: number;
  price?: number;
  shortfall?: number;
  remaining?: number;
}

/** `data` of the `order.changed` event on the `me` stream (a new order, or a status change). */
export interface OrderEventData {
  order: Order;
}
