import { ApiError, type Currency, type Product, type PurchaseResult } from '@rai-kit/core/api';
import { isUnknownOutcome, PurchaseIntent, type StoreApi } from '@rai-kit/core/store';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { RaiElement } from '../base/rai-element.js';
import { stateStyles } from '../base/state.styles.js';
import { formatDate } from '../i18n/date-format.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { storeCatalog } from '../i18n/catalogs/store.js';
import type { StorePart, WidgetMessages } from '../i18n/messages.js';
import { priceView } from './product-card.js';
import { productDialogStyles } from './product-dialog.styles.js';
import { sanitizeHtml } from './sanitize.js';

/** Where the purchase flow is: reading the product, confirming, waiting for the store, or done. */
type Step = 'details' | 'confirm' | 'busy' | 'success';

/** Where focus goes once a step has rendered, so keyboard and screen reader users land on what changed. */
const FOCUS_TARGETS = {
  buy: '[part~=buy-button]',
  confirm: '[part~=confirm-button]',
  result: '[part~=result]',
  error: '[part~=error]',
  retry: '.retry',
} as const;
type FocusTarget = keyof typeof FOCUS_TARGETS;

/**
 * Opened by its owner (`<rai-store>`) with `show(product, trigger)`. The dialog is a native
 * `<dialog>` shown modally, so the page behind it is inert and focus stays inside; Escape and
 * the close button close it and focus returns to `trigger`. One {@link PurchaseIntent} per
 * opened product: a double click joins the first request and "Try again" after a lost answer
 * replays the same `Idempotency-Key`, so the member is never charged twice.
 *
 * @summary The detail of one store product in a modal dialog, and its purchase: Buy, a
 * confirmation with the balance after, then the order placed or why not.
 *
 * @fires rai-purchase - An order was placed (`detail.order`, `detail.balance`).
 * @fires rai-purchase-failed - A purchase was refused or did not get through (`detail.productId`, `detail.error`).
 * @fires rai-sign-in-request - "Sign in to buy" (signed out), or Sign in after the session expired. Cancelable.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart image - The product image.
 * @csspart description - The sanitised description.
 * @csspart price - The price (with the struck-through regular price during a discount).
 * @csspart buy-button - "Buy for …" / "Sign in to buy".
 * @csspart confirm-button - Confirms the purchase.
 * @csspart cancel-button - Back from the confirmation.
 * @csspart close-button - Closes the dialog.
 * @csspart result - The order placed.
 * @csspart error - Why the purchase did not go through.
 *
 * @cssprop --rai-product-dialog-width - Inline size of the dialog. Default: 32rem.
 */
export class RaiStoreProductDialog extends RaiElement {
  static override styles = [RaiElement.styles, stateStyles, productDialogStyles];

  /** Without decorators, like RaiElement's (see there). */
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    currency: { attribute: false },
    balance: { attribute: false },
    purchasesClosed: { type: Boolean, attribute: 'purchases-closed' },
    product: { state: true, attribute: false },
    step: { state: true, attribute: false },
    result: { state: true, attribute: false },
    error: { state: true, attribute: false },
    description: { state: true, attribute: false },
  };

  /** The store's calls; purchases go through it. */
  api: StoreApi | undefined;

  /** The store currency prices are shown in. */
  currency: Currency = { name: 'Coins', symbol: '🪙' };

  /** The member's coin balance; `null` when signed out (buying then asks the host to sign in). */
  balance: number | null = null;

  /** The store is closed (`StoreConfig.enabled` false): products show, with no way to buy. */
  purchasesClosed = false;

  private product: Product | null = null;
  private step: Step = 'details';
  private result: PurchaseResult | null = null;
  private error: ApiError | null = null;
  private description: DocumentFragment | null = null;

  // What `@query` was: a lookup on every access (`renderRoot` is only there once connected).
  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  private readonly locale = new LocaleController(this, storeCatalog);
  private intent: PurchaseIntent | null = null;
  private trigger: HTMLElement | null = null;
  private pendingFocus: FocusTarget | null = null;

  /**
   * Opens the dialog on `product`; focus returns to `trigger` (else to what had focus) when it
   * closes. Reopening the product whose purchase is still in flight keeps that purchase.
   */
  show(product: Product, trigger?: HTMLElement): void {
    // Shown again while open (another product from inside it): the original trigger still gets focus back.
    this.trigger = trigger ?? (this.dialog?.open ? this.trigger : deepActiveElement());
    const keepPurchase = this.step === 'busy' && this.product?.id === product.id;
    if (!keepPurchase) {
      this.product = product;
      this.step = 'details';
      this.result = null;
      this.error = null;
      this.intent = null;
      void this.loadDescription(product);
    }
    void this.updateComplete.then(() => {
      if (this.dialog && !this.dialog.open) this.dialog.showModal();
    });
  }

  /** Closes the dialog (focus returns to the trigger). */
  close(): void {
    this.dialog?.close();
  }

  private async loadDescription(product: Product): Promise<void> {
    this.description = null;
    // Unreadable beats unsafe: when the sanitiser cannot load (offline), the product shows without its description.
    const fragment = await sanitizeHtml(product.description).catch(() => document.createDocumentFragment());
    // Another product may have been opened while the sanitiser loaded.
    if (this.product?.id === product.id) this.description = fragment;
  }

  private onClosed(): void {
    const target = this.trigger;
    this.trigger = null;
    if (target?.isConnected) target.focus();
  }

  /**
   * Escape (or another close request) must not drop a purchase whose answer is on its way.
   * Both events: browsers let a page cancel `cancel` only after a user activation, while an
   * Escape `keydown` prevented never becomes a close request at all.
   */
  private onCloseRequest(event: Event): void {
    if (this.step === 'busy' && (event.type === 'cancel' || (event as KeyboardEvent).key === 'Escape')) event.preventDefault();
  }

  private onBuy(): void {
    if (this.balance === null) {
      this.emit('rai-sign-in-request', {}, true);
      return;
    }
    this.error = null;
    this.moveTo('confirm', 'confirm');
  }

  private onCancelConfirm(): void {
    if (this.step === 'busy') return;
    this.error = null;
    this.moveTo('details', 'buy');
  }

  private async onConfirm(): Promise<void> {
    const product = this.product;
    // A second click while the first is in flight changes nothing: the intent would join it anyway.
    if (!product || !this.api || this.step === 'busy') return;
    const intent = (this.intent ??= new PurchaseIntent(this.api));
    // From "Try again" too: its button goes, the busy Confirm button takes the focus.
    this.moveTo('busy', 'confirm');
    this.error = null;
    try {
      const result = await intent.buy({ productId: product.id, expectedPrice: product.currentPrice });
      // The host hears of the order even when the dialog moved on to another product meanwhile.
      if (intent === this.intent) {
        this.result = result;
        this.moveTo('success', 'result');
      }
      this.emit('rai-purchase', { order: result.order, balance: result.balance });
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError({ code: 'internal', message: String(caught), cause: caught });
      if (intent === this.intent) this.showFailure(product, error);
      this.emit('rai-purchase-failed', {
        productId: product.id,
        error: { code: error.code, message: error.message, meta: error.meta },
      });
    }
  }

  private showFailure(product: Product, error: ApiError): void {
    this.error = error;
    switch (error.code) {
      case 'conflict': {
        // The price changed (a discount ended): show the new one and ask again.
        const price = Number(error.meta['price']);
        if (Number.isFinite(price)) this.product = { ...product, currentPrice: price, discount: price < product.price ? product.discount : null };
        this.moveTo('confirm', 'confirm');
        break;
      }
      case 'out_of_stock':
        this.product = { ...product, inStock: false, remaining: product.remaining === null ? null : 0 };
        this.moveTo('details', 'error');
        break;
      default:
        this.moveTo('details', isUnknownOutcome(error) ? 'retry' : 'error');
    }
  }

  private onSignIn(): void {
    this.emit('rai-sign-in-request', {}, true);
  }

  private moveTo(step: Step, focus: FocusTarget): void {
    this.step = step;
    this.pendingFocus = focus;
  }

  protected override updated(): void {
    const target = this.pendingFocus;
    if (!target) return;
    this.pendingFocus = null;
    this.renderRoot.querySelector<HTMLElement>(FOCUS_TARGETS[target])?.focus();
  }

  override render(): TemplateResult {
    const { msg, dir, lang } = this.locale;
    const product = this.product;
    return html`<dialog
      part="dialog"
      dir=${dir}
      lang=${lang}
      aria-labelledby="title"
      @cancel=${this.onCloseRequest}
      @keydown=${this.onCloseRequest}
      @close=${this.onClosed}
    >
      ${product ? this.renderProduct(msg, product) : nothing}
    </dialog>`;
  }

  private renderProduct(msg: WidgetMessages<StorePart>, product: Product): TemplateResult {
    return html`<div class="header">
        <h2 id="title" class="title" dir="auto">${product.name}</h2>
        <button part="close-button" class="close" @click=${this.close}>
          ${closeIcon}<span class="visually-hidden">${msg.purchase.close}</span>
        </button>
      </div>
      <div class="body">
        ${product.imageUrl ? html`<img part="image" class="image" src=${product.imageUrl} alt="" />` : nothing}
        <p class="type">${msg.store.types[product.type]}</p>
        ${this.renderPrice(msg, product)} ${this.renderStock(msg, product)}
        <div part="description" class="description" dir="auto">
          ${this.description ?? html`<div class="skeleton line"></div>
              <div class="skeleton line short"></div>
              <span class="visually-hidden">${msg.purchase.descriptionLoading}</span>`}
        </div>
      </div>
      <div class="footer">${this.step === 'success' && this.result ? this.renderSuccess(msg, product, this.result) : this.renderPurchase(msg, product)}</div>`;
  }

  /** The store's price (struck-through regular price during a discount), and when the discount ends. */
  private renderPrice(msg: WidgetMessages<StorePart>, product: Product): TemplateResult {
    const context = { msg: msg.store, number: (value: number) => this.locale.number(value), price: (amount: number) => this.shown(msg, amount) };
    const endsAt = product.currentPrice < product.price ? product.discount?.endsAt : null;
    return html`${priceView(context, product)}
    ${endsAt ? html`<p class="ends">${msg.purchase.offerEnds(formatDate(this.locale.lang, endsAt, 'date'))}</p>` : nothing}`;
  }

  private renderStock(msg: WidgetMessages<StorePart>, product: Product): TemplateResult | typeof nothing {
    if (!product.inStock) return html`<p class="stock sold-out">${msg.store.soldOut}</p>`;
    if (product.remaining === null) return nothing;
    return html`<p class="stock">${msg.store.onlyLeft(product.remaining, this.locale.number(product.remaining))}</p>`;
  }

  private renderPurchase(msg: WidgetMessages<StorePart>, product: Product): TemplateResult {
    const confirming = this.step === 'confirm' || this.step === 'busy';
    return html`${this.error && this.error.code !== 'conflict' ? this.renderError(msg, product, this.error) : nothing}
      ${confirming
        ? this.renderConfirm(msg, product)
        : this.purchasesClosed
          ? html`<p class="notice">${msg.store.closed}</p>`
          : product.inStock
            ? this.renderBuy(msg, product)
            : nothing}`;
  }

  private renderBuy(msg: WidgetMessages<StorePart>, product: Product): TemplateResult {
    const label = this.balance === null ? msg.purchase.signInToBuy : msg.purchase.buyFor(this.shown(msg, product.currentPrice));
    return html`<button part="buy-button" class="button" @click=${this.onBuy}>${label}</button>`;
  }

  private renderConfirm(msg: WidgetMessages<StorePart>, product: Product): TemplateResult {
    const busy = this.step === 'busy';
    const after = this.balance === null ? -1 : this.balance - product.currentPrice;
    const priceChanged = this.error?.code === 'conflict';
    return html`<div class="confirm" role="group" aria-labelledby="question">
      <p id="question" class="question" role=${priceChanged ? 'alert' : nothing}>
        ${priceChanged
          ? msg.purchase.priceChanged(this.spoken(msg, product.currentPrice))
          : msg.purchase.confirmQuestion(product.name, this.spoken(msg, product.currentPrice))}
        ${after >= 0 ? html`<span class="after">${msg.purchase.balanceAfter(this.spoken(msg, after))}</span>` : nothing}
      </p>
      <div class="actions">
        <button
          part="confirm-button"
          class="button"
          aria-busy=${busy ? 'true' : 'false'}
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${this.onConfirm}
        >
          ${busy ? html`<span class="spinner" aria-hidden="true"></span>${msg.purchase.buying}` : msg.purchase.confirm}
        </button>
        <button part="cancel-button" class="button secondary" aria-disabled=${busy ? 'true' : 'false'} @click=${this.onCancelConfirm}>
          ${msg.purchase.cancel}
        </button>
      </div>
    </div>`;
  }

  private renderError(msg: WidgetMessages<StorePart>, product: Product, error: ApiError): TemplateResult {
    let text: string;
    let action: TemplateResult | typeof nothing = nothing;
    switch (error.code) {
      case 'insufficient_balance': {
        const shortfall = Number(error.meta['shortfall'] ?? product.currentPrice - (this.balance ?? 0));
        text = msg.purchase.needMore(shortfall, this.locale.number(shortfall), this.currency.name);
        break;
      }
      case 'out_of_stock':
        text = msg.purchase.soldOutNow;
        break;
      case 'forbidden':
        text = msg.store.closed;
        break;
      case 'session_expired':
        text = msg.purchase.sessionExpired;
        action = html`<button class="button" @click=${this.onSignIn}>${msg.signIn}</button>`;
        break;
      default:
        if (isUnknownOutcome(error)) {
          text = msg.purchase.unreachable;
          action = html`<button class="button retry" @click=${this.onConfirm}>${msg.retry}</button>`;
        } else {
          text = msg.purchase.failed;
        }
    }
    return html`<div part="error" class="error" role="alert" tabindex="-1"><p>${text}</p>${action}</div>`;
  }

  private renderSuccess(msg: WidgetMessages<StorePart>, product: Product, result: PurchaseResult): TemplateResult {
    return html`<div part="result" class="result" role="status" tabindex="-1">
      <p class="result-title">${msg.purchase.orderPlaced}</p>
      <p>${msg.purchase.nextSteps[product.type]}</p>
      <p>${msg.purchase.newBalance(this.spoken(msg, result.balance))}</p>
    </div>`;
  }

  /** An amount as shown: `🪙 120`. */
  private shown(msg: WidgetMessages<StorePart>, amount: number): string {
    return msg.store.price(this.locale.number(amount), this.currency.symbol);
  }

  /** An amount as read: `120 Coins`. */
  private spoken(msg: WidgetMessages<StorePart>, amount: number): string {
    return msg.purchase.amount(this.locale.number(amount), this.currency.name);
  }
}

/** The focused element, looking into open shadow roots (the trigger is usually inside a widget). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}


const closeIcon = html`<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
  <path fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" d="M6 6l12 12M18 6 6 18" />
</svg>`;
