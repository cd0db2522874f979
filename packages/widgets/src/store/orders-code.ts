type OrdersCode = typeof import('./orders.js');

/**
 * Where `<rai-store>` gets "My orders" from: a chunk of its own (`orders.ts`), loaded when a
 * member first opens the tab, or on intent (pointer over or focus in the tabs). Tests replace
 * `load` to hold the chunk back or make it fail.
 */
export const ordersCode: { load: () => Promise<OrdersCode> } = {
  load: () => import('./orders.js'),
};
