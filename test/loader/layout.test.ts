/**
 * No layout shift: while a widget's code loads, the loader's reserve stylesheet holds the
 * height of the widget's loading skeleton, so content below it does not move on upgrade.
 * Real widgets, at widths where their skeletons differ (a tag upgrades once per page, so each
 * test places all its widths at once). Where the content's height is known before the data
 * (`settled`: the leaderboard's full page of rows; the XP tier ladder's reserve, whose default
 * is the sandbox community's public ladder; the chat's fixed log and footer; the store's page of
 * cards), nothing moves when the data arrives either.
 * A member's widget (`member`: with auth-url) knows it is one before its data, and its skeleton
 * holds the member's view (the leaderboard's pinned position, the XP summary, the chat's
 * composer): nothing moves when its data arrives. The loader reserves the public height for it
 * (a member rule per tag does not fit in its 2 kB, see widget-tags.ts), so its upgrade is not
 * checked here.
 */
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { startLoader, type Loader } from '../../packages/widgets/src/loader/loader.js';
import { reserveLayout } from '../../packages/widgets/src/loader/reserve-styles.js';
import { apiUrl, authUrl, community } from '../support/sandbox.js';

interface Placement {
  width: number;
  /** The partner's own custom properties on the tag. */
  style?: string;
  /** The height the loader must reserve, when the test sets it through `style`. */
  reserves?: number;
  /** The content's height is known before the data: nothing moves when the data arrives either. */
  settled?: boolean;
  /** Signed in (auth-url): compared from its skeleton, not from the loader's (public) reserve. */
  member?: boolean;
}

const widgets = {
  // The period switcher is one scrolling line, so the header does not grow at a narrow width.
  'rai-leaderboard': {
    placements: [
      { width: 320, settled: true },
      { width: 600, settled: true },
      { width: 320, settled: true, member: true },
      { width: 600, settled: true, member: true },
    ],
    define: () => import('../../packages/widgets/src/define/leaderboard.js'),
  },
  // The default reserve is the sandbox community's public ladder; another ladder sets its own.
  'rai-xp-tier': {
    placements: [
      { width: 600, settled: true },
      { width: 600, style: '--rai-xp-tier-reserve: 30rem', reserves: 480 },
      { width: 600, settled: true, member: true },
    ],
    define: () => import('../../packages/widgets/src/define/xp-tier.js'),
  },
  'rai-chat-channel': {
    placements: [
      { width: 600, settled: true },
      { width: 600, settled: true, member: true },
    ],
    define: () => import('../../packages/widgets/src/define/chat-channel.js'),
  },
  // The store's skeleton grid has one to four columns depending on its width, and its images
  // grow with the width. A card is as tall whatever its product (two-line names, badges over
  // the image), the categories one line: its content is as tall as its skeleton.
  'rai-store': {
    placements: [320, 393, 500, 700, 1000].map((width) => ({ width, settled: true })),
    define: () => import('../../packages/widgets/src/define/store.js'),
  },
} satisfies Record<string, { placements: Placement[]; define: () => Promise<unknown> }>;

reserveLayout(document);
let loader: Loader | undefined;
afterEach(() => {
  loader?.stop();
  document.body.replaceChildren();
});

function place(tag: string, { width, style, member }: Placement) {
  const box = document.createElement('div');
  box.style.width = `${width}px`;
  const el = document.createElement(tag);
  if (style) el.setAttribute('style', style);
  el.setAttribute('community-id', community);
  el.setAttribute('api-url', apiUrl);
  el.setAttribute('leaderboard-id', 'lb-xp');
  el.setAttribute('channel-id', 'ch-general');
  if (member) el.setAttribute('auth-url', authUrl());
  const below = document.createElement('p');
  below.textContent = 'below';
  box.append(el, below);
  document.body.append(box);
  return { el: el as LitElement, below };
}

describe('rai-kit loader: reserved layout', () => {
  for (const [tag, { placements, define }] of Object.entries(widgets) as Array<[string, { placements: Placement[]; define: () => Promise<unknown> }]>) {
    const what = placements.map((p) => name(p).replace(' wide', '')).join(', ');
    const when = placements.some((p) => p.settled) ? 'when it upgrades or its data arrives' : 'when it upgrades';
    it(`<${tag}> (${what}) does not move what follows it ${when}`, async () => {
      const placed = placements.map((placement) => ({ ...placement, ...place(tag, placement) }));
      const ready = Promise.all(placed.map(({ el }) => new Promise((resolve) => el.addEventListener('rai-ready', resolve, { once: true }))));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      loader = startLoader(document, { base: new URL('/', location.href), importer: () => gate.then(define) });
      const offset = ({ el, below }: (typeof placed)[number]) => below.getBoundingClientRect().top - el.getBoundingClientRect().top;
      const before = placed.map(offset);
      for (const reserved of before) expect(reserved).to.be.greaterThan(100); // something is reserved
      placed.forEach((p) => p.reserves && expect(p.el.getBoundingClientRect().height, name(p)).to.equal(p.reserves));
      release();
      await loader.ready;
      await Promise.all(placed.map(({ el }) => el.updateComplete));
      placed.forEach((p, i) => p.member || expect(offset(p), name(p)).to.be.closeTo(before[i]!, 1));
      const upgraded = placed.map(offset);
      if (!placed.some((p) => p.settled)) return;
      await ready;
      // The renders the data sets off (the leaderboard's row window measures, then renders again).
      for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
      await Promise.all(placed.map(({ el }) => el.updateComplete));
      placed.forEach((p, i) => p.settled && expect(offset(p), `${name(p)}, with data`).to.be.closeTo(upgraded[i]!, 1));
    });
  }
});

function name({ width, style, member }: Placement): string {
  return `${width}px wide${style ? ` with ${style}` : ''}${member ? ', member' : ''}`;
}
