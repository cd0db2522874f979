/**
 * Entry of the widget frame document (`frame.js` in the CDN build; served by `@rai-kit/server`
 * at `/frame`): runs one of the kit's widgets in iframe mode for a `<rai-frame widget>` host.
 */
import { runFrameGuest } from './frame-guest.js';

// The page is only the widget: no margin, and the host's background shows around the card.
const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  html, body { margin: 0; background: transparent; }
  .visually-hidden { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

void runFrameGuest();
