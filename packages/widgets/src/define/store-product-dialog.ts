import { RaiStoreProductDialog } from '../store/product-dialog.js';

// Loaded by <rai-store> on the first product it opens (see RaiStore#open), not with the
// store: most visits only browse, and the dialog, its styles and the purchase flow are a
// fifth of the store's code.
RaiStoreProductDialog.define('rai-store-product-dialog');

declare global {
  interface HTMLElementTagNameMap {
    'rai-store-product-dialog': RaiStoreProductDialog;
  }
}
