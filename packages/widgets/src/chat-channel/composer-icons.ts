import { html } from 'lit';

/** Icons of the composer, shared by its first-load template and its lazily loaded attachment list. */
export const closeIcon = html`<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
  <path fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" d="M6 6l12 12M18 6 6 18" />
</svg>`;
