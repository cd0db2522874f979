import type { Product } from '@rai-kit/core/api';
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/messages.js';

/** "Only N left" from this many units down. */
export const LOW_STOCK = 10;

/** What the store's templates need from the widget. */
export interface StoreViewContext {
  msg: Messages['store'];
  number: (value: number) => string;
  /** An amount in the store currency, e.g. `🪙 1,250`. */
  price: (amount: number) => string;
}

export interface CardContext extends StoreViewContext {
  onOpen: (product: Product, trigger: HTMLElement) => void;
}

/** Current price, and while discounted the regular one struck through (spoken as "was …"). */
export function priceView(ctx: StoreViewContext, product: Product): TemplateResult {
  const now = ctx.price(product.currentPrice);
  if (product.currentPrice >= product.price) return html`<p part="price" class="price">${now}</p>`;
  const was = ctx.price(product.price);
  return html`<p part="price" class="price">
    <span class="now">${now}</span>
    <s class="was" aria-hidden="true">${was}</s><span class="visually-hidden">, ${ctx.msg.wasPrice(was)}</span>
  </p>`;
}

function badges(ctx: StoreViewContext, product: Product): TemplateResult | typeof nothing {
  const { msg } = ctx;
  const sale = product.currentPrice < product.price;
  const low = product.inStock && product.remaining !== null && product.remaining <= LOW_STOCK;
  if (!sale && product.inStock && !low) return nothing;
  return html`<p class="badges">
    ${sale ? html`<span part="badge" class="badge sale">${msg.sale}</span>` : nothing}
    ${!product.inStock
      ? html`<span part="badge" class="badge sold-out">${msg.soldOut}</span>`
      : low
        ? html`<span part="badge" class="badge low">${msg.onlyLeft(product.remaining!, ctx.number(product.remaining!))}</span>`
        : nothing}
  </p>`;
}

/**
 * One product of the grid. The name is the card's button (opening the details, sold out or
 * not); it stretches over the whole card, so the image and price are a click target too.
 * The image is decorative (`alt=""`): the name is right next to it.
 * Every card is as tall as the skeleton's, whatever it holds (store.styles.ts): the name is
 * two lines tall at most and at least (the whole of it stays the button's accessible name,
 * and the dialog shows it), the badges lie over the image.
 */
export function productCard(ctx: CardContext, product: Product): TemplateResult {
  return html`<li part="product" class="card ${product.inStock ? '' : 'sold-out'}" data-id=${product.id}>
    <div class="media">
      ${product.imageUrl
        ? html`<img class="image" src=${product.imageUrl} alt="" loading="lazy" decoding="async" />`
        : nothing}
    </div>
    <button
      part="button product-button"
      class="open"
      @click=${(event: Event) => ctx.onOpen(product, event.currentTarget as HTMLElement)}
    >
      <span class="product-name">${product.name}</span>
    </button>
    ${priceView(ctx, product)} ${badges(ctx, product)}
    <p class="type">${ctx.msg.types[product.type]}</p>
  </li>`;
}
