import { segmentText, stripBidiControls, type TextSegment } from '@rai-kit/core/chat';
import { html, nothing, type TemplateResult } from 'lit';

/**
 * A message's text as Lit templates: every piece of user text goes into a text binding,
 * never into markup (no `unsafeHTML`, no `innerHTML`), so `<script>` stays text. Bidi
 * controls are stripped first; the element holding the result isolates its direction.
 */
export function messageText(text: string, focusable: boolean): TemplateResult {
  return html`${segmentText(stripBidiControls(text)).map((part) => segment(part, focusable))}`;
}

/** Links join the tab order only in the message holding the log's roving tab stop. */
function segment(part: TextSegment, focusable: boolean): TemplateResult | string {
  switch (part.type) {
    case 'text':
      return part.text;
    case 'link':
      // `ugc`: links users posted earn the page no endorsement; `href` is http(s) only (segmentText).
      return html`<a href=${part.href} target="_blank" rel="noopener noreferrer ugc" tabindex=${focusable ? nothing : '-1'}>${part.text}</a>`;
    case 'mention':
      return html`<span class="mention">${part.text}</span>`;
    case 'emoji':
      return html`<span class="emoji" title=${part.shortcode}>${part.emoji}</span>`;
  }
}
