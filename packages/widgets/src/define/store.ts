import { RaiStore } from '../store/store.js';

// The store's product dialog registers itself when the store first opens a product
// (define/store-product-dialog.ts).
RaiStore.define('rai-store');

declare global {
  interface HTMLElementTagNameMap {
    'rai-store': RaiStore;
  }
}
