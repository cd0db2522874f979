/** Paths of the store and of the member's orders. */
import { seg } from './segment.js';

/** The store's configuration. */
export const store = (communityId: string): string => `/communities/${seg(communityId)}/store`;
/** Categories, `displayOrder` first; cursor paging. */
export const storeCategories = (communityId: string): string => `/communities/${seg(communityId)}/store/categories`;
/** Query: `category`, `q`, `type`, `cursor`, `limit` (ProductQuery). */
export const storeProducts = (communityId: string): string => `/communities/${seg(communityId)}/store/products`;
export const storeProduct = (communityId: string, productId: string): string =>
  `/communities/${seg(communityId)}/store/products/${seg(productId)}`;
/** POST a purchase (PurchaseBody; needs a token and `Idempotency-Key`). */
export const storePurchases = (communityId: string): string => `/communities/${seg(communityId)}/store/purchases`;
/** The member's orders, newest first; cursor paging. Needs a token. */
export const myOrders = (communityId: string): string => `/communities/${seg(communityId)}/me/orders`;
export const myOrder = (communityId: string, orderId: string): string =>
  `/communities/${seg(communityId)}/me/orders/${seg(orderId)}`;
