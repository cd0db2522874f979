/** Store: the store's calls and a purchase that is never charged twice, shared by every client. */
export { StoreApi } from './store-api.js';
export { PurchaseIntent, isUnknownOutcome } from './purchase-intent.js';
