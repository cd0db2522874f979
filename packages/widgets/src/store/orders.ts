/**
 * "My orders" as a chunk of its own: the member's order list, its templates and their date
 * formatting load when a member first opens the tab (see `orders-code.ts`), since most visits
 * only browse.
 */
export { OrderBook } from './order-book.js';
export { ordersView, type OrdersContext } from './orders-view.js';
