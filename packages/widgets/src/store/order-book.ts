import type { Order } from '@rai-kit/core/api';
import type { StoreApi } from '@rai-kit/core/store';

/**
 * The member's orders, newest first, page by page, kept current by `order.changed` events
 * and purchases. An order may arrive both ways (the purchase's answer and the stream): the
 * copy updated last wins, so a late, older copy never moves a status backwards.
 */
export class OrderBook {
  #api: StoreApi;
  #limit: number;
  #orders: Order[] = [];
  #nextCursor: string | null = null;
  #busy = false;

  private constructor(api: StoreApi, limit: number) {
    this.#api = api;
    this.#limit = limit;
  }

  static async open(api: StoreApi, limit: number, signal: AbortSignal): Promise<OrderBook> {
    const book = new OrderBook(api, limit);
    const page = await api.orders(null, limit, signal);
    page.items.forEach((order) => book.upsert(order));
    book.#nextCursor = page.nextCursor;
    return book;
  }

  get orders(): readonly Order[] {
    return this.#orders;
  }

  get hasMore(): boolean {
    return this.#nextCursor !== null;
  }

  get busy(): boolean {
    return this.#busy;
  }

  get(id: string): Order | undefined {
    return this.#orders.find((o) => o.id === id);
  }

  /** Adds or updates `order`; returns false when the book already had this copy or a newer one. */
  upsert(order: Order): boolean {
    const at = this.#orders.findIndex((o) => o.id === order.id);
    if (at >= 0) {
      if (!isNewer(order, this.#orders[at]!)) return false;
      this.#orders = this.#orders.map((o, i) => (i === at ? order : o));
      return true;
    }
    const created = Date.parse(order.createdAt);
    const before = this.#orders.findIndex((o) => Date.parse(o.createdAt) < created);
    this.#orders = before < 0 ? [...this.#orders, order] : [...this.#orders.slice(0, before), order, ...this.#orders.slice(before)];
    return true;
  }

  async more(): Promise<void> {
    if (this.#busy || !this.#nextCursor) return;
    this.#busy = true;
    try {
      const page = await this.#api.orders(this.#nextCursor, this.#limit);
      page.items.forEach((order) => this.upsert(order));
      this.#nextCursor = page.nextCursor;
    } finally {
      this.#busy = false;
    }
  }
}

/** History only grows; the timestamp breaks a tie (a redemption added without a status change). */
function isNewer(order: Order, than: Order): boolean {
  if (order.history.length !== than.history.length) return order.history.length > than.history.length;
  return Date.parse(order.updatedAt) > Date.parse(than.updatedAt);
}
