import type { WidgetApiClient, Page } from '../api/client.js';
import * as paths from '../api/paths.js';
import type { Order, Product, ProductQuery, PurchaseBody, PurchaseResult, StoreCategory, StoreConfig } from '../api/store-types.js';

/**
 * The store resources of one community, as calls: a thin layer over {@link WidgetApiClient}
 * so widgets and benches build no URL by hand.
 */
export class StoreApi {
  readonly client: WidgetApiClient;
  readonly communityId: string;

  constructor(client: WidgetApiClient, communityId: string) {
    this.client = client;
    this.communityId = communityId;
  }

  config(signal?: AbortSignal): Promise<StoreConfig> {
    return this.client.get<StoreConfig>(paths.store(this.communityId), { signal });
  }

  /** Every category (a store has few: pages are followed to the end). */
  async categories(signal?: AbortSignal): Promise<StoreCategory[]> {
    const all: StoreCategory[] = [];
    for await (const page of this.client.paginate<StoreCategory>(paths.storeCategories(this.communityId), { limit: 100, signal })) {
      all.push(...page);
    }
    return all;
  }

  /** One page of products matching `query`. */
  products(query: ProductQuery, signal?: AbortSignal): Promise<Page<Product>> {
    const { cursor, limit, ...filters } = query;
    return this.client.getPage<Product>(paths.storeProducts(this.communityId), { query: { ...filters }, cursor, limit, signal });
  }

  product(productId: string, signal?: AbortSignal): Promise<Product> {
    return this.client.get<Product>(paths.storeProduct(this.communityId, productId), { signal });
  }

  /**
   * Buys. Needs a token. The client retries network failures and 502–504 with the same
   * `idempotencyKey`, so at most one order is ever created for it.
   */
  async purchase(body: PurchaseBody, idempotencyKey: string, signal?: AbortSignal): Promise<PurchaseResult> {
    const envelope = await this.client.request<PurchaseResult>(paths.storePurchases(this.communityId), {
      method: 'POST',
      body,
      idempotencyKey,
      signal,
    });
    return envelope.data;
  }

  /** One page of the member's orders, newest first. Needs a token. */
  orders(cursor?: string | null, limit?: number, signal?: AbortSignal): Promise<Page<Order>> {
    return this.client.getPage<Order>(paths.myOrders(this.communityId), { cursor, limit, signal });
  }
}
