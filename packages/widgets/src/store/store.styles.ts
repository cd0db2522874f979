import { css } from 'lit';

export const storeStyles = css`
  :host {
    --rai-store-image-ratio: 4 / 3;
    --rai-store-sale: var(--_color-danger);
  }
  /* The dialog shows in the top layer: its element takes no room (nor a gap of the frame) even before its code loads, on the first open. */
  rai-store-product-dialog {
    display: contents;
  }
  .balance {
    margin: 0;
    font-weight: 650;
    white-space: nowrap;
  }
  .panel {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    min-inline-size: 0;
  }
  .panel[hidden] {
    display: none;
  }
  .tabs {
    display: flex;
    gap: var(--_space);
    border-block-end: 1px solid var(--_border);
  }
  .tab {
    border: 0;
    background: none;
    padding: calc(var(--_space) * 0.75) var(--_space);
    margin-block-end: -1px;
    border-block-end: 2px solid transparent;
    color: var(--_muted);
    font-weight: 600;
  }
  .tab[aria-selected='true'] {
    color: var(--_text);
    border-block-end-color: var(--_primary);
  }
  .notice {
    margin: 0;
    padding: var(--_space);
    border-radius: calc(var(--_radius) * 0.8);
    background: var(--_raised);
  }
  /*
   * One line that scrolls sideways when the categories do not fit (focus brings a button into
   * view), like the leaderboard's periods: wrapped, they grew the store by a line or three on a
   * phone when they arrived, moving everything below.
   */
  .categories {
    display: flex;
    gap: calc(var(--_space) * 0.75);
    overflow-x: auto;
    scrollbar-width: none;
    /* Room for the focus outline inside the scroller's clip, without changing the row's height. */
    margin: -4px;
    padding: 4px;
    list-style: none;
  }
  /* Not a line box around the button (its baseline would add the text's descent below it). */
  .categories > li {
    display: flex;
    flex: none;
  }
  .category {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    border: 1px solid var(--_border);
    background: var(--_surface);
    border-radius: 999px;
    padding: 0.25em 0.9em;
  }
  .category[aria-pressed='true'] {
    border-color: var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .cover {
    inline-size: 1.25em;
    block-size: 1.25em;
    border-radius: 50%;
    object-fit: cover;
  }
  .search input {
    inline-size: 100%;
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.8);
    padding: calc(var(--_space) * 0.75) var(--_space);
  }
  /* The skeleton is as tall as a full first page (the loader reserves the same). */
  .sk-search {
    display: block;
    block-size: calc(1lh + var(--_space) * 1.5 + 2px);
  }
  .sk-line {
    display: block;
    block-size: 1em;
    margin-block: calc((1lh - 1em) / 2);
  }
  /* The balance's placeholder, at the end of the header like the balance. */
  .header > .sk-line + .sk-line {
    margin-inline-start: auto;
  }
  .category.sk-chip {
    min-inline-size: 5em;
    border-color: transparent;
    background: var(--_raised);
  }
  .sk-grid {
    justify-self: stretch;
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  /* The grid follows the widget's width, not the page's: a store in a sidebar gets one column. */
  .grid-area {
    container-type: inline-size;
    display: grid;
    gap: calc(var(--_space) * 1.5);
    justify-items: center;
  }
  .grid {
    inline-size: 100%;
    display: grid;
    grid-template-columns: 1fr;
    gap: calc(var(--_space) * 1.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  @container (min-width: 360px) {
    .grid {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  @container (min-width: 560px) {
    .grid {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
  }
  @container (min-width: 760px) {
    .grid {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
  }
  .card {
    position: relative;
    display: grid;
    align-content: start;
    gap: calc(var(--_space) * 0.5);
    min-inline-size: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.8);
    background: var(--_surface);
  }
  .card:hover,
  .card:focus-within {
    border-color: var(--_primary);
  }
  .card p {
    margin: 0;
  }
  /* Space reserved before the image loads: the grid never jumps. */
  .media {
    aspect-ratio: var(--rai-store-image-ratio);
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_raised);
    overflow: hidden;
  }
  .image {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .card.sold-out .image {
    opacity: 0.6;
  }
  .open {
    border: 0;
    background: none;
    padding: 0;
    text-align: start;
    font-weight: 650;
    overflow-wrap: anywhere;
  }
  /* Two lines tall, however long the name (clamped, with an ellipsis): every card, and the skeleton's, is as tall. */
  .product-name,
  .sk-name {
    block-size: 2lh;
  }
  .product-name {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  /* The name's button covers the card: the whole card opens the product. */
  .open::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: inherit;
  }
  .open:focus-visible {
    outline: none;
  }
  .card:has(.open:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  /* One line: a regular price that does not fit beside the current one is cut short (it is spoken whole, and the dialog shows it). */
  .price {
    display: flex;
    align-items: baseline;
    gap: 0 0.5em;
    font-weight: 650;
    white-space: nowrap;
  }
  .was {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    font-weight: 400;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
  }
  /*
   * A card's badges lie over its image's top corner (on the card's surface colour, for contrast)
   * instead of taking a row, so a card is as tall with them as without. Clicks go through them
   * to the card's button.
   */
  .card > .badges {
    position: absolute;
    inset-block-start: calc(var(--_space) * 1.5);
    inset-inline: calc(var(--_space) * 1.5);
    pointer-events: none;
  }
  .card .badge {
    background: var(--_surface);
  }
  .badge {
    display: inline-block;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 0.6em;
    font-size: 0.75em;
    font-weight: 600;
  }
  .badge.sale {
    color: var(--rai-store-sale);
  }
  .badge.sold-out,
  .badge.cancelled {
    color: var(--_muted);
  }
  .badge.low,
  .badge.pending {
    color: var(--_text);
  }
  .badge.fulfilled {
    color: var(--_color-success);
  }
  .type {
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .load-more {
    justify-self: center;
  }
  .orders {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .order {
    display: grid;
    grid-template-columns: 4rem minmax(0, 1fr);
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.8);
  }
  .order p {
    margin: 0;
  }
  .order .name {
    font-weight: 650;
  }
  .order-body {
    display: grid;
    gap: 0.3rem;
    min-inline-size: 0;
  }
  .order-meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.2rem var(--_space);
    font-size: 0.875em;
  }
  .order-meta time {
    color: var(--_muted);
  }
  .code {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em;
  }
  code {
    font-family: ui-monospace, monospace;
    padding: 0 0.3em;
    border-radius: 0.25em;
    background: var(--_raised);
    user-select: all;
  }
  .chip {
    border: 1px solid var(--_border);
    background: var(--_surface);
    border-radius: 999px;
    padding: 0.05em 0.7em;
    font-size: 0.8125em;
  }
  .instructions {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .history {
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .history ol {
    margin: 0.3em 0 0;
    padding-inline-start: 1.25em;
  }
`;
