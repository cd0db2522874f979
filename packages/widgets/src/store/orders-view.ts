import type { Order } from '@rai-kit/core/api';
import { html, nothing, type TemplateResult } from 'lit';
import { emptyView } from '../base/state-views.js';
import { formatDate } from '../i18n/date-format.js';
import type { StoreViewContext } from './product-card.js';

export interface OrdersContext extends StoreViewContext {
  /** The widget's language, for dates and times. */
  lang: string;
  /** The order whose code was just copied (its button says so for a moment). */
  copiedId: string | null;
  onCopy: (order: Order, code: string) => void;
}

function redemptionView(ctx: OrdersContext, order: Order): TemplateResult | typeof nothing {
  const { redemption } = order;
  if (order.status !== 'fulfilled' || !redemption) return nothing;
  const { msg } = ctx;
  const { code, instructions } = redemption;
  return html`${code
      ? html`<p class="code">
          <span>${msg.redemptionCode}:</span> <code>${code}</code>
          <button part="button copy-button" class="chip" @click=${() => ctx.onCopy(order, code)}>
            ${ctx.copiedId === order.id ? msg.copied : msg.copyCode}
          </button>
        </p>`
      : nothing}
    ${instructions ? html`<p class="instructions">${instructions}</p>` : nothing}`;
}

function historyView(ctx: OrdersContext, order: Order): TemplateResult {
  const { msg } = ctx;
  return html`<details class="history">
    <summary>${msg.statusHistory}</summary>
    <ol>
      ${order.history.map(
        (step) => html`<li>
          <time datetime=${step.at}>${formatDate(ctx.lang, step.at, 'date-time')}</time> — ${msg.orderStatus[step.status]}${step.note ? html`: ${step.note}` : nothing}
        </li>`,
      )}
    </ol>
  </details>`;
}

/** One order: what was bought, for how much and when, its status, and once fulfilled how to redeem it. */
function orderView(ctx: OrdersContext, order: Order): TemplateResult {
  const { msg } = ctx;
  return html`<li part="order" class="order" data-id=${order.id} data-status=${order.status} tabindex="-1">
    <div class="media">
      ${order.product.imageUrl ? html`<img class="image" src=${order.product.imageUrl} alt="" loading="lazy" decoding="async" />` : nothing}
    </div>
    <div class="order-body">
      <p class="name">${order.product.name}</p>
      <p class="order-meta">
        <span part="price">${ctx.price(order.price)}</span>
        <time datetime=${order.createdAt}>${msg.orderedOn(formatDate(ctx.lang, order.createdAt, 'date-time'))}</time>
        <span part="badge" class="badge status ${order.status}">${msg.orderStatus[order.status]}</span>
      </p>
      ${redemptionView(ctx, order)} ${historyView(ctx, order)}
    </div>
  </li>`;
}

/** The member's orders, newest first. */
export function ordersView(ctx: OrdersContext, orders: readonly Order[]): TemplateResult {
  if (orders.length === 0) return emptyView(ctx.msg.ordersEmpty);
  return html`<ul part="orders" class="orders" aria-label=${ctx.msg.myOrders}>
    ${orders.map((order) => orderView(ctx, order))}
  </ul>`;
}
