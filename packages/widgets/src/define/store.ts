import { RaiStoreProductDialog } from '../store/product-dialog.js';
import { RaiStore } from '../store/store.js';

// The store renders the product dialog: one import registers both.
RaiStoreProductDialog.define('rai-store-product-dialog');
RaiStore.define('rai-store');

declare global {
  interface HTMLElementTagNameMap {
    'rai-store': RaiStore;
    'rai-store-product-dialog': RaiStoreProductDialog;
  }
}
