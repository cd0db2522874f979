/**
 * `rai-kit.js`, the one script a page needs (no Lit inside):
 *
 *   <script type="module" src="https://cdn.example/rai-kit/rai-kit.js"></script>
 *
 * A module script, so the widget entries are found next to it through `import.meta.url`
 * (a classic script's `document.currentScript` is null in callbacks and async loads).
 */
import { createApi, replay, type RaiKit, type RaiKitStub } from './api.js';
import { startLoader } from './loader.js';
import { reserveLayout } from './reserve-styles.js';
import { VERSION } from '../version.js';

declare global {
  interface Window {
    raiKit?: RaiKit | RaiKitStub;
  }
}

const existing = window.raiKit;
if (existing && 'version' in existing) {
  // A second loader (two script tags, or two versions): the first one already watches the page.
  console.warn(`rai-kit: the loader version ${existing.version} is already running; skipping the loader version ${VERSION}.`);
} else {
  reserveLayout(document);
  let apply: (element: Element) => void = () => {};
  const loader = startLoader(document, { base: new URL('./', import.meta.url), onElement: (element) => apply(element) });
  const { api, applyAuth } = createApi(document, loader.ready);
  apply = applyAuth;
  window.raiKit = api;
  replay(api, existing);
}
