import type { Product, ProductQuery } from '@rai-kit/core/api';
import type { StoreApi } from '@rai-kit/core/store';

/** What the grid is filtered by. */
export interface CatalogQuery {
  category: string;
  q: string;
  limit: number;
}

/**
 * The products of one query, page by page ("Load more" appends). A new query is a new
 * catalog: closing the old one aborts its page in flight, so a stale page can never land
 * in the newer list.
 */
export class Catalog {
  readonly query: CatalogQuery;
  #api: StoreApi;
  #items: Product[];
  #nextCursor: string | null;
  #controller = new AbortController();
  #busy = false;

  private constructor(api: StoreApi, query: CatalogQuery, items: Product[], nextCursor: string | null) {
    this.#api = api;
    this.query = query;
    this.#items = items;
    this.#nextCursor = nextCursor;
  }

  /** Loads the first page of `query`. */
  static async open(api: StoreApi, query: CatalogQuery, signal: AbortSignal): Promise<Catalog> {
    const page = await api.products(toProductQuery(query), signal);
    return new Catalog(api, query, page.items, page.nextCursor);
  }

  get items(): readonly Product[] {
    return this.#items;
  }

  get hasMore(): boolean {
    return this.#nextCursor !== null;
  }

  get busy(): boolean {
    return this.#busy;
  }

  /** Appends the next page; returns the products it added (a product seen already is not repeated). */
  async more(): Promise<Product[]> {
    if (this.#busy || !this.#nextCursor) return [];
    this.#busy = true;
    try {
      const page = await this.#api.products({ ...toProductQuery(this.query), cursor: this.#nextCursor }, this.#controller.signal);
      const known = new Set(this.#items.map((p) => p.id));
      const added = page.items.filter((p) => !known.has(p.id));
      this.#items = [...this.#items, ...added];
      this.#nextCursor = page.nextCursor;
      return added;
    } finally {
      this.#busy = false;
    }
  }

  close(): void {
    this.#controller.abort();
  }
}

function toProductQuery({ category, q, limit }: CatalogQuery): ProductQuery {
  return { limit, ...(category ? { category } : {}), ...(q ? { q } : {}) };
}
