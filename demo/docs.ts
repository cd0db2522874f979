/**
 * The element reference (docs.html): every element in @rai-kit/widgets' custom-elements.json,
 * which the analyzer generates from the elements' JSDoc, with a live example of each widget
 * against the demo community.
 */
import '@rai-kit/widgets/define/chat-channel';
import '@rai-kit/widgets/define/frame';
import '@rai-kit/widgets/define/leaderboard';
import '@rai-kit/widgets/define/store';
import '@rai-kit/widgets/define/xp-tier';
import manifest from '@rai-kit/widgets/custom-elements.json';
import { $ } from './demo-api.js';
import { elementsOf, renderElementDocs, type Example, type Manifest } from './docs-render.js';
import { demoOrigin } from './origins.js';

/** The partner app of the community page's iframe channel (demo/partner/), on its own origin. */
const partner = demoOrigin('partnerApp', location);

/** The public demo community: no token, so every example reads public endpoints only. */
const EXAMPLES: Record<string, Example> = {
  'rai-leaderboard': { 'community-id': 'demo', 'leaderboard-id': 'lb-xp' },
  'rai-xp-tier': { 'community-id': 'demo' },
  'rai-chat-channel': { 'community-id': 'demo', 'channel-id': 'ch-general' },
  'rai-store': { 'community-id': 'demo' },
  'rai-frame': {
    src: `${partner}/partner/arcade.html`,
    'allowed-origins': partner,
    title: 'Arcade',
    'community-id': 'demo',
    'channel-id': 'ch-arcade',
  },
};

/** The elements a widget renders for itself: shown live inside it. */
const PART_OF: Record<string, string> = {
  'rai-chat-composer': 'rai-chat-channel',
  'rai-emoji-picker': 'rai-chat-channel',
  'rai-store-product-dialog': 'rai-store',
};

const elements = elementsOf(manifest as Manifest);
$('element-nav').append(
  ...elements.map(({ tagName }) => {
    const link = Object.assign(document.createElement('a'), { href: `#${tagName}`, textContent: `<${tagName}>` });
    const item = document.createElement('li');
    item.append(link);
    return item;
  }),
);
$('elements').append(
  ...elements.map((element) => {
    const owner = PART_OF[element.tagName];
    const note = owner ? `Rendered by \`<${owner}>\`: see its live example.` : 'No live example.';
    return renderElementDocs(element, EXAMPLES[element.tagName], note);
  }),
);
