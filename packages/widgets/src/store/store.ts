import {
  paths,
  type Me,
  type MeEventData,
  type Order,
  type OrderEventData,
  type PageMeta,
  type Product,
  type StoreCategory,
  type StoreConfig,
} from '@rai-kit/core/api';
import type { StreamEvent } from '@rai-kit/core/realtime';
import { StoreApi } from '@rai-kit/core/store';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { styleMap } from '../base/style-map.js';
import type { PurchaseDetail } from '../base/events.js';
import { RaiWidget } from '../base/rai-widget.js';
import { emptyView, errorView, expiredView } from '../base/state-views.js';
import { stateStyles } from '../base/state.styles.js';
import { EventStreamController } from '../controllers/event-stream-controller.js';
import { initialState, LoadTask, TaskStatus } from '../controllers/load-task.js';
import { storeCatalog } from '../i18n/catalogs/store.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { Catalog } from './catalog.js';
import { ordersCode } from './orders-code.js';
import type { OrdersContext } from './orders.js';
import { productCard, type CardContext, type StoreViewContext } from './product-card.js';
import type { RaiStoreProductDialog } from './product-dialog.js';
import { storeStyles } from './store.styles.js';

/** Pause after the last keystroke before searching: one request per word typed, not per letter. */
const SEARCH_DEBOUNCE_MS = 250;
/** Orders per page of "My orders". */
const ORDERS_PAGE = 20;
/** How long "Copied" replaces "Copy code". */
const COPIED_MS = 2_000;

/** What one load of the store holds (products load beside it, see `products`). */
interface StoreSession {
  api: StoreApi;
  config: StoreConfig;
  categories: StoreCategory[];
  /** The signed-in member; `null` in public mode. */
  me: Me | null;
  /** Where the `me` snapshot stands on the member's event stream. */
  lastEventId: string | null;
}

type StoreView = 'shop' | 'orders';

/**
 * Without a token the catalogue can be browsed; buying asks the host to sign the user in.
 * With `auth-url`, `tokenProvider` or `token` the header shows the member's balance (live
 * from their event stream) and a "My orders" tab lists their orders with redemption codes,
 * updated live as they are fulfilled. Opening a product shows its details in
 * `<rai-store-product-dialog>`, which places the order (never charging twice).
 * The grid adapts to the element's width (container queries), not the page's.
 *
 * @summary A community store: browse and search products by category, buy them with the
 * community currency, and follow your orders.
 *
 * @fires rai-ready - Store and first products rendered. `detail.mode` is `public` or `member`.
 * @fires rai-error - Loading failed (`detail.code`, `message`, `requestId`); the widget shows a retry button.
 * @fires rai-session-expired - The member's token could not be renewed.
 * @fires rai-sign-in-request - The user pressed "Sign in" (expired session; in public mode, "Buy" in the product dialog). Cancelable.
 * @fires rai-purchase - From the product dialog: an order was placed (`detail.order`, `detail.balance`).
 * @fires rai-purchase-failed - From the product dialog: a purchase was refused or did not get through (`detail.productId`, `detail.error`).
 *
 * @csspart frame - The card around everything.
 * @csspart header - Store title and balance.
 * @csspart title - The store's title.
 * @csspart balance - The member's coin balance.
 * @csspart tabs - The Shop / My orders tab list (members only).
 * @csspart notice - The store is closed: browsing only.
 * @csspart categories - The category buttons (toggle buttons; "All" first).
 * @csspart category - One category button (`aria-pressed` when selected).
 * @csspart search - The search field (`input type=search`).
 * @csspart grid - The product grid.
 * @csspart product - One product card (`data-id`).
 * @csspart price - A price (and the struck-through regular price while discounted).
 * @csspart badge - Sale, sold out, "Only N left", and order status badges.
 * @csspart load-more - "Load more" below the grid or the orders.
 * @csspart orders - The member's orders.
 * @csspart order - One order (`data-id`, `data-status`).
 * @csspart dialog - The product dialog (`rai-store-product-dialog`).
 * @csspart state - Loading, empty, error and expired states (plus `error`, `empty`, `expired`).
 * @csspart error - The error state (also `state`).
 * @csspart empty - The empty state (also `state`).
 * @csspart expired - The session-expired state (also `state`).
 * @csspart button - Every button (plus `retry-button`, `sign-in-button`, `product-button`, `clear-search`, `copy-button`, `load-more`).
 * @csspart retry-button - Retry in the error state (also `button`).
 * @csspart sign-in-button - "Sign in" (also `button`).
 * @csspart product-button - Opens a product's details (also `button`).
 * @csspart clear-search - Clears the search (also `button`).
 * @csspart copy-button - "Copy code" on an order's redemption code (also `button`).
 * @csspart skeleton - The loading placeholders.
 *
 * @cssprop --rai-store-image-ratio - Aspect ratio of product images. Default: 4 / 3.
 * @cssprop --rai-store-sale - Colour of the sale badge. Default: `--rai-color-danger`.
 * @cssprop --rai-color-primary - Global brand colour (and every other `--rai-*` theme token).
 *
 * @slot - Nothing is slotted.
 */
export class RaiStore extends RaiWidget {
  static override styles = [RaiWidget.styles, stateStyles, storeStyles];

  /** Without decorators, like RaiElement's (see there). */
  static override properties: PropertyDeclarations = {
    category: { reflect: true },
    pageSize: { attribute: 'page-size', type: Number },
    view: { state: true, attribute: false },
    draft: { state: true, attribute: false },
    query: { state: true, attribute: false },
    balance: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    copiedId: { state: true, attribute: false },
    ordersWanted: { state: true, attribute: false },
  };

  /** The selected category's id; empty shows every category. Changing it reloads the first page. */
  category = '';

  /** Products per page, 1–100. Default 24. */
  pageSize = 24;

  private view: StoreView = 'shop';
  /** What the search field holds; `query` follows it after a pause (or at once on Enter). */
  private draft = '';
  private query = '';
  /** The member's balance as last known (load, stream, purchases); `null` in public mode. */
  private balance: number | null = null;
  /** Polite announcement for screen readers (balance and order changes). */
  private announcement = '';
  private copiedId: string | null = null;
  /** "My orders" has been opened once: load it (and keep it loaded). */
  private ordersWanted = false;

  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;
  /** Card to focus after a render ("Load more" moves focus to the first new product). */
  #focusAfterRender: string | null = null;
  #ready = false;

  protected readonly locale = new LocaleController(this, storeCatalog);

  private readonly session = new LoadTask(this, {
    args: () => [this.client, this.communityId, this.auth.authenticated] as const,
    task: async ([client, communityId, member], { signal }): Promise<StoreSession> => {
      if (!communityId) throw new Error('rai-store: the community-id attribute is required.');
      const api = new StoreApi(client, communityId);
      const [config, categories, meEnvelope] = await Promise.all([
        api.config(signal),
        api.categories(signal),
        member ? client.request<Me, PageMeta & { lastEventId?: string | null }>(paths.me(communityId), { signal }) : null,
      ]);
      const me = meEnvelope?.data ?? null;
      return { api, config, categories, me, lastEventId: meEnvelope?.meta?.lastEventId ?? null };
    },
    onComplete: (session) => {
      this.balance = session.me?.coins ?? null;
      if (!session.me) this.view = 'shop';
    },
    onError: (error) => this.reportError(error),
  });

  /** The grid's products: beside the session (not after it), so the first paint waits for one round trip. */
  private readonly products = new LoadTask(this, {
    args: () => [this.client, this.communityId, this.category, this.query, this.limit] as const,
    task: async ([client, communityId, category, q, limit], { signal }) => {
      this.products.value?.close();
      if (!communityId) return initialState;
      return Catalog.open(new StoreApi(client, communityId), { category, q, limit }, signal);
    },
    onError: (error) => this.reportError(error),
  });

  /** "My orders": its code (a chunk of its own, see `orders-code.ts`) and the member's first page. */
  private readonly orders = new LoadTask(this, {
    args: () => [this.#session, this.ordersWanted] as const,
    task: async ([session, wanted], { signal }) => {
      if (!session?.me || !wanted) return initialState;
      const { OrderBook, ordersView } = await ordersCode.load();
      return { book: await OrderBook.open(session.api, ORDERS_PAGE, signal), view: ordersView };
    },
    onError: (error) => this.reportError(error),
  });

  private readonly stream = new EventStreamController<MeEventData | OrderEventData>(this, {
    url: () => {
      const session = this.#session;
      return session?.me && !this.auth.expired ? this.client.url(paths.meEvents(this.communityId)) : null;
    },
    tokenSource: () => this.auth.source,
    lastEventId: () => this.#session?.lastEventId ?? null,
    onEvent: (event) => this.#applyEvent(event),
    // The stream cannot resume from the snapshot: a fresh one (balance, and the orders with it).
    onReset: () => void this.session.run(),
  });

  /** Loads everything again (after the host signed the user in, for example). */
  async reload(): Promise<void> {
    await Promise.all([this.session.run(), this.products.run()]);
  }

  get #session(): StoreSession | undefined {
    return this.session.status === TaskStatus.COMPLETE ? this.session.value : undefined;
  }

  private get limit(): number {
    return Math.min(100, Math.max(1, Math.round(this.pageSize) || 24));
  }

  #applyEvent({ event, data }: StreamEvent<MeEventData | OrderEventData>): void {
    const session = this.#session;
    if (!session) return;
    if (event === 'order.changed') return this.#takeOrder((data as OrderEventData).order, true);
    if (!('me' in data)) return;
    if (data.me.coins !== this.balance) {
      this.balance = data.me.coins;
      this.announcement = this.locale.msg.store.balanceNow(this.#balanceText(session, data.me.coins));
    }
  }

  /** A new order or a status change, from the stream or a purchase. */
  #takeOrder(order: Order, announce: boolean): void {
    // Before "My orders" was opened there is no list to update: it loads with this order.
    const book = this.orders.value?.book;
    const shown = book?.get(order.id);
    if (book && !book.upsert(order)) return;
    // A new order was announced by the dialog that placed it; a status change is news.
    const changed = shown ? shown.status !== order.status : order.status !== 'pending';
    if (announce && changed) {
      const { store } = this.locale.msg;
      this.announcement = store.orderNow(order.product.name, store.orderStatus[order.status]);
    }
    this.requestUpdate();
  }

  #onPurchase(event: CustomEvent<PurchaseDetail>): void {
    // The stream confirms later; the member sees the result now.
    this.balance = event.detail.balance;
    this.#takeOrder(event.detail.order, false);
  }

  #signIn(): void {
    if (this.emit('rai-sign-in-request', {}, true)) void this.reload();
  }

  #balanceText(session: StoreSession, amount: number): string {
    const { currency } = session.config;
    return this.locale.msg.store.balance(this.locale.number(amount), currency.symbol, currency.name);
  }

  #onSearchInput(event: InputEvent): void {
    this.draft = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#search(), SEARCH_DEBOUNCE_MS);
  }

  #onSearchKey(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.#search();
    } else if (event.key === 'Escape' && this.draft) {
      // Handled here (not by the browser's own clearing) so the search runs at once, and an
      // Escape on an empty field still reaches the page (closing a host's panel, say).
      event.preventDefault();
      this.#clearSearch();
    }
  }

  #search(): void {
    clearTimeout(this.#searchTimer);
    this.query = this.draft.trim();
  }

  #clearSearch(): void {
    this.draft = '';
    this.#search();
  }

  async #clearSearchAndFocus(): Promise<void> {
    this.#clearSearch();
    await this.updateComplete;
    // The button that had focus is gone with the no-results state.
    this.renderRoot.querySelector<HTMLInputElement>('[part=search]')?.focus();
  }

  /**
   * "Load more" of either list: shows it busy, then moves focus to the first new item, since
   * keyboard and screen reader users did not scroll there (and the button may be gone).
   */
  async #more(load: () => Promise<string | undefined>): Promise<void> {
    const loading = load();
    this.requestUpdate();
    try {
      this.#focusAfterRender = (await loading) ?? null;
    } catch (error) {
      this.reportError(error);
    }
    this.requestUpdate();
  }

  /**
   * The dialog's code loads on the first open (most visits only browse); the trigger is
   * busy meanwhile. A failed load (offline) is reported like a failed request.
   */
  async #open(product: Product, trigger: HTMLElement): Promise<void> {
    trigger.setAttribute('aria-busy', 'true');
    try {
      await import('../define/store-product-dialog.js');
      this.renderRoot.querySelector<RaiStoreProductDialog>('rai-store-product-dialog')?.show(product, trigger);
    } catch (error) {
      this.reportError(error);
    } finally {
      trigger.removeAttribute('aria-busy');
    }
  }

  async #copy(order: Order, code: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(code);
    } catch {
      // No clipboard (permissions, an insecure page): select the code so the user can copy it.
      const element = this.renderRoot.querySelector(`[part=order][data-id="${CSS.escape(order.id)}"] code`);
      if (element) getSelection()?.selectAllChildren(element);
      return;
    }
    this.copiedId = order.id;
    clearTimeout(this.#copiedTimer);
    this.#copiedTimer = setTimeout(() => (this.copiedId = null), COPIED_MS);
  }

  /** Tabs with automatic activation: arrows move between Shop and My orders, Home/End jump. */
  async #onTabKey(event: KeyboardEvent): Promise<void> {
    const order: StoreView[] = ['shop', 'orders'];
    const at = order.indexOf(this.view);
    const forward = this.locale.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = this.locale.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const next: Record<string, number> = { [forward]: at + 1, [backward]: at - 1, Home: 0, End: order.length - 1 };
    if (!(event.key in next)) return;
    event.preventDefault();
    this.#showView(order[(next[event.key]! + order.length) % order.length]!);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[role=tab][aria-selected=true]')?.focus();
  }

  /** Intent to use the tabs: "My orders" code starts loading (a failure waits for the tab itself to report it). */
  #prefetchOrders(): void {
    if (!this.ordersWanted) ordersCode.load().catch(() => {});
  }

  #showView(view: StoreView): void {
    this.view = view;
    if (view === 'orders') this.ordersWanted = true;
  }

  protected override updated(): void {
    if (this.#focusAfterRender) {
      const id = CSS.escape(this.#focusAfterRender);
      this.#focusAfterRender = null;
      this.renderRoot.querySelector<HTMLElement>(`[part=product][data-id="${id}"] .open, [part=order][data-id="${id}"]`)?.focus();
    }
    if (!this.#ready && this.session.status === TaskStatus.COMPLETE && this.products.status === TaskStatus.COMPLETE) {
      this.#ready = true;
      this.emit('rai-ready', { mode: this.#session?.me ? 'member' : 'public' });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
    clearTimeout(this.#copiedTimer);
  }

  override render(): TemplateResult {
    const { msg, dir, lang } = this.locale;
    const body = this.auth.expired
      ? expiredView(msg, () => this.#signIn())
      : this.session.render({
          initial: () => this.#renderSkeleton(),
          pending: () => (this.session.value ? this.#renderStore(this.session.value) : this.#renderSkeleton()),
          error: (error) => errorView(msg, error, () => void this.reload()),
          complete: (session) => this.#renderStore(session),
        });
    return html`<div part="frame" class="frame" dir=${dir} lang=${lang}>
      ${body}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  #context(session: StoreSession): StoreViewContext {
    const { msg } = this.locale;
    const number = (value: number) => this.locale.number(value);
    return { msg: msg.store, number, price: (amount) => msg.store.price(number(amount), session.config.currency.symbol) };
  }

  #renderStore(session: StoreSession): TemplateResult {
    const { msg } = this.locale;
    const member = !!session.me;
    const view = member ? this.view : 'shop';
    return html`<div part="header" class="header">
        <p id="title" part="title" class="title">${session.config.title}</p>
        ${member && this.balance !== null
          ? html`<p part="balance" class="balance">
              <span class="visually-hidden">${msg.store.yourBalance}</span> ${this.#balanceText(session, this.balance)}
            </p>`
          : nothing}
      </div>
      ${member ? this.#renderTabs(view) : nothing}
      ${session.config.enabled ? nothing : html`<p part="notice" class="notice">${msg.store.closed}</p>`}
      <div id="panel-shop" role=${member ? 'tabpanel' : nothing} aria-labelledby=${member ? 'tab-shop' : nothing} class="panel" ?hidden=${view !== 'shop'}>
        ${this.#renderShop(session)}
      </div>
      ${member
        ? html`<div id="panel-orders" role="tabpanel" aria-labelledby="tab-orders" class="panel" ?hidden=${view !== 'orders'}>
            ${view === 'orders' ? this.#renderOrders(session) : nothing}
          </div>`
        : nothing}
      <rai-store-product-dialog
        part="dialog"
        theme=${this.theme}
        .api=${session.api}
        .currency=${session.config.currency}
        .balance=${member ? this.balance : null}
        ?purchases-closed=${!session.config.enabled}
        @rai-purchase=${(event: CustomEvent<PurchaseDetail>) => this.#onPurchase(event)}
      ></rai-store-product-dialog>`;
  }

  #renderTabs(view: StoreView): TemplateResult {
    const { msg } = this.locale;
    const tab = (id: StoreView, label: string) =>
      html`<button
        id="tab-${id}"
        role="tab"
        class="tab"
        aria-selected=${view === id ? 'true' : 'false'}
        aria-controls="panel-${id}"
        tabindex=${view === id ? '0' : '-1'}
        @click=${() => this.#showView(id)}
      >
        ${label}
      </button>`;
    return html`<div
      part="tabs"
      class="tabs"
      role="tablist"
      aria-label=${msg.store.views}
      @keydown=${(e: KeyboardEvent) => void this.#onTabKey(e)}
      @pointerover=${() => this.#prefetchOrders()}
      @focusin=${() => this.#prefetchOrders()}
    >
      ${tab('shop', msg.store.shop)} ${tab('orders', msg.store.myOrders)}
    </div>`;
  }

  #renderCategories(categories: StoreCategory[]): TemplateResult | typeof nothing {
    if (categories.length === 0) return nothing;
    const { msg } = this.locale;
    const sorted = [...categories].sort((a, b) => a.displayOrder - b.displayOrder);
    const button = (id: string, name: string, cover: string | null) =>
      html`<li>
        <button part="button category" class="category" aria-pressed=${this.category === id ? 'true' : 'false'} @click=${() => (this.category = id)}>
          ${cover ? html`<img class="cover" src=${cover} alt="" />` : nothing}${name}
        </button>
      </li>`;
    return html`<ul part="categories" class="categories" aria-label=${msg.store.categories}>
      ${button('', msg.store.allCategories, null)}
      ${sorted.map((c) => button(c.id, c.name, c.showCover ? c.coverUrl : null))}
    </ul>`;
  }

  #renderShop(session: StoreSession): TemplateResult {
    const { msg } = this.locale;
    return html`${this.#renderCategories(session.categories)}
      <div class="search">
        <label class="visually-hidden" for="search">${msg.store.searchLabel}</label>
        <input
          id="search"
          part="search"
          type="search"
          autocomplete="off"
          enterkeyhint="search"
          placeholder=${msg.store.searchLabel}
          .value=${live(this.draft)}
          @input=${(e: InputEvent) => this.#onSearchInput(e)}
          @keydown=${(e: KeyboardEvent) => this.#onSearchKey(e)}
        />
      </div>
      <div class="grid-area">
        ${this.products.render({
          initial: () => this.#renderGridSkeleton(),
          pending: () => (this.products.value ? this.#renderGrid(session, this.products.value, true) : this.#renderGridSkeleton()),
          error: (error) => errorView(msg, error, () => void this.products.run()),
          complete: (catalog) => this.#renderGrid(session, catalog, false),
        })}
      </div>`;
  }

  #renderGrid(session: StoreSession, catalog: Catalog, busy: boolean): TemplateResult {
    const { msg } = this.locale;
    if (catalog.items.length === 0) return this.#renderNoProducts(catalog);
    const ctx: CardContext = { ...this.#context(session), onOpen: (product, trigger) => void this.#open(product, trigger) };
    return html`<ul part="grid" class="grid" aria-label=${msg.store.products} aria-busy=${busy || catalog.busy ? 'true' : 'false'}>
        ${catalog.items.map((product) => productCard(ctx, product))}
      </ul>
      ${catalog.hasMore
        ? html`<button
            part="button load-more"
            class="button load-more"
            aria-disabled=${catalog.busy ? 'true' : 'false'}
            @click=${() => void this.#more(async () => (await catalog.more())[0]?.id)}
          >
            ${msg.store.loadMore}
          </button>`
        : nothing}`;
  }

  /** No products: for this search (with a way out), in this category, or in the whole store. */
  #renderNoProducts(catalog: Catalog): TemplateResult {
    const { msg } = this.locale;
    const { q, category } = catalog.query;
    if (!q) return emptyView(category ? msg.store.emptyCategory : msg.store.empty);
    return html`<div part="state empty" class="state">
      <p class="state-body">${msg.store.noResults(q)}</p>
      <button part="button clear-search" class="button" @click=${() => void this.#clearSearchAndFocus()}>${msg.store.clearSearch}</button>
    </div>`;
  }

  #renderOrders(session: StoreSession): TemplateResult {
    const { msg, lang } = this.locale;
    return this.orders.render({
      initial: () => this.#renderOrdersSkeleton(),
      pending: () => this.#renderOrdersSkeleton(),
      error: (error) => errorView(msg, error, () => void this.orders.run()),
      complete: ({ book, view }) => {
        const ctx: OrdersContext = {
          ...this.#context(session),
          lang,
          copiedId: this.copiedId,
          onCopy: (order, code) => void this.#copy(order, code),
        };
        return html`${view(ctx, book.orders)}
        ${book.hasMore
          ? html`<button part="button load-more" class="button load-more" aria-disabled=${book.busy ? 'true' : 'false'} @click=${() =>
                void this.#more(async () => {
                  const first = book.orders.length;
                  await book.more();
                  return book.orders[first]?.id;
                })}>
              ${msg.store.loadMore}
            </button>`
          : nothing}`;
      },
    });
  }

  #skeletonLine(width: string): TemplateResult {
    return html`<span class="skeleton sk-line" part="skeleton" style=${styleMap({ inlineSize: width })}></span>`;
  }

  /**
   * A page of cards with the real cards' geometry (image, two-line name, price, type), in the
   * real grid, and "Load more": as tall as a full first page, since a card's height does not
   * depend on its product (product-card.ts), so nothing moves when the products arrive.
   */
  #renderGridSkeleton(): TemplateResult {
    return html`<div role="status" class="sk-grid">
      <span class="visually-hidden">${this.locale.msg.loading}</span>
      <ul class="grid" aria-hidden="true">
        ${Array.from(
          { length: this.limit },
          () => html`<li class="card">
            <div class="media skeleton" part="skeleton"></div>
            <div class="sk-name">${this.#skeletonLine('70%')}</div>
            ${this.#skeletonLine('35%')}
            <p class="type">${this.#skeletonLine('45%')}</p>
          </li>`,
        )}
      </ul>
      <span class="button load-more skeleton sk-button" part="skeleton" aria-hidden="true">&nbsp;</span>
    </div>`;
  }

  /**
   * The shop's layout: header, one line of categories, search, grid; for a member (known before
   * the data: a token or auth-url is set) also their balance in the header and the Shop / My
   * orders tabs.
   */
  #renderSkeleton(): TemplateResult {
    const chip = html`<li><span class="category skeleton sk-chip" part="skeleton">&nbsp;</span></li>`;
    const member = this.auth.authenticated;
    const tab = (width: string) => html`<span class="tab">${this.#skeletonLine(width)}</span>`;
    return html`<div class="header" aria-hidden="true">${this.#skeletonLine('40%')} ${member ? this.#skeletonLine('5rem') : nothing}</div>
      ${member ? html`<div class="tabs" aria-hidden="true">${tab('3rem')} ${tab('5rem')}</div>` : nothing}
      <div class="panel">
        <ul class="categories" aria-hidden="true">${chip}${chip}${chip}</ul>
        <div class="search" aria-hidden="true"><span class="skeleton sk-search" part="skeleton"></span></div>
        <div class="grid-area">${this.#renderGridSkeleton()}</div>
      </div>`;
  }

  #renderOrdersSkeleton(): TemplateResult {
    return html`<div role="status" class="orders">
      <span class="visually-hidden">${this.locale.msg.loading}</span>
      ${Array.from({ length: 3 }, () => html`<div class="order" aria-hidden="true">${this.#skeletonLine('60%')} ${this.#skeletonLine('30%')}</div>`)}
    </div>`;
  }
}

