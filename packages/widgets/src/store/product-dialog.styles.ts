import { css } from 'lit';

export const productDialogStyles = css`
  :host {
    --rai-product-dialog-width: 32rem;
    /* The dialog lives in the top layer: the element itself takes no room in its owner. */
    display: contents;
  }
  dialog {
    inline-size: min(var(--rai-product-dialog-width), calc(100vw - 2rem));
    max-block-size: calc(100dvh - 2rem);
    padding: 0;
    overflow: auto;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .header {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
    padding: calc(var(--_space) * 2) calc(var(--_space) * 2) 0;
  }
  .title {
    flex: 1;
    margin: 0;
    font-size: 1.25em;
    overflow-wrap: anywhere;
  }
  .close {
    flex: none;
    display: grid;
    place-items: center;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: 50%;
    background: var(--_surface);
  }
  .body,
  .footer {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
  }
  .footer {
    padding-block-start: 0;
  }
  .body p,
  .footer p {
    margin: 0;
  }
  .image {
    display: block;
    inline-size: 100%;
    max-block-size: 16rem;
    object-fit: cover;
    border-radius: calc(var(--_radius) * 0.8);
    background: var(--_raised);
  }
  .type,
  .ends,
  .was {
    color: var(--_muted);
  }
  .type {
    font-size: 0.875em;
  }
  .price {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space);
    font-size: 1.2em;
    font-weight: 700;
  }
  .was {
    font-size: 0.85em;
    font-weight: 400;
  }
  .ends {
    font-size: 0.875em;
  }
  .stock {
    font-weight: 600;
  }
  .sold-out {
    color: var(--_color-danger);
  }
  .description {
    overflow-wrap: anywhere;
  }
  .description :where(p, ul, ol, blockquote, h3, h4) {
    margin-block: 0 var(--_space);
  }
  .description img {
    max-inline-size: 100%;
    block-size: auto;
  }
  .description a {
    color: var(--_primary);
  }
  .description blockquote {
    margin-inline: 0;
    padding-inline-start: var(--_space);
    border-inline-start: 3px solid var(--_border);
  }
  .line {
    block-size: 0.9em;
    margin-block-end: 0.4em;
  }
  .line.short {
    inline-size: 60%;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-block-start: var(--_space);
  }
  .after {
    display: block;
    color: var(--_muted);
  }
  .button.secondary {
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }
  /* Busy, not disabled: the button keeps focus and full contrast; the spinner says why it waits. */
  [aria-disabled='true'] {
    cursor: progress;
  }
  .spinner {
    display: inline-block;
    inline-size: 0.9em;
    block-size: 0.9em;
    margin-inline-end: 0.4em;
    vertical-align: -0.1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: rai-spin 0.8s linear infinite;
  }
  .error,
  .result {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    justify-items: start;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: calc(var(--_radius) * 0.8);
    background: var(--_raised);
  }
  .error {
    border-inline-start: 3px solid var(--_color-danger);
  }
  .result {
    border-inline-start: 3px solid var(--_color-success);
  }
  .result-title {
    font-weight: 700;
  }
  @keyframes rai-spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
`;
