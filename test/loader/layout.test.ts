/**
 * No layout shift: while a widget's code loads, the loader's reserve stylesheet holds the
 * height of the widget's loading skeleton, so content below it does not move on upgrade.
 * Real widgets, at widths where their skeletons differ (a tag upgrades once per page, so each
 * test places all its widths at once).
 */
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { startLoader, type Loader } from '../../packages/widgets/src/loader/loader.js';
import { reserveLayout } from '../../packages/widgets/src/loader/reserve-styles.js';
import { apiUrl, community } from '../support/sandbox.js';

const widgets = {
  'rai-leaderboard': { widths: [600], define: () => import('../../packages/widgets/src/define/leaderboard.js') },
  'rai-xp-tier': { widths: [600], define: () => import('../../packages/widgets/src/define/xp-tier.js') },
  'rai-chat-channel': { widths: [600], define: () => import('../../packages/widgets/src/define/chat-channel.js') },
  // The store's skeleton grid has one to four columns depending on its width.
  'rai-store': { widths: [320, 500, 700, 1000], define: () => import('../../packages/widgets/src/define/store.js') },
};

reserveLayout(document);
let loader: Loader | undefined;
afterEach(() => {
  loader?.stop();
  document.body.replaceChildren();
});

function place(tag: string, width: number) {
  const box = document.createElement('div');
  box.style.width = `${width}px`;
  const el = document.createElement(tag);
  el.setAttribute('community-id', community);
  el.setAttribute('api-url', apiUrl);
  el.setAttribute('leaderboard-id', 'lb-xp');
  el.setAttribute('channel-id', 'ch-general');
  const below = document.createElement('p');
  below.textContent = 'below';
  box.append(el, below);
  document.body.append(box);
  return { el: el as LitElement, below };
}

describe('rai-kit loader: reserved layout', () => {
  for (const [tag, { widths, define }] of Object.entries(widgets)) {
    it(`<${tag}> (${widths.join(', ')}px wide) does not move what follows it when it upgrades`, async () => {
      const placed = widths.map((width) => place(tag, width));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      loader = startLoader(document, { base: new URL('/', location.href), importer: () => gate.then(define) });
      const offset = ({ el, below }: (typeof placed)[number]) => below.getBoundingClientRect().top - el.getBoundingClientRect().top;
      const before = placed.map(offset);
      for (const reserved of before) expect(reserved).to.be.greaterThan(100); // something is reserved
      release();
      await loader.ready;
      await Promise.all(placed.map(({ el }) => el.updateComplete));
      const after = placed.map(offset);
      after.forEach((top, i) => expect(top, `${widths[i]}px wide`).to.be.closeTo(before[i]!, 1));
    });
  }
});
