/**
 * The tags the loader knows (the CDN entry defining `rai-x` is `rai-x.js`), each with the height of its
 * loading skeleton at the default theme and a 16px root font (measured in Chromium), which the
 * loader reserves while the tag is undefined so the page does not shift when it upgrades.
 * A skeleton is as tall as the widget's content in the common case, so the data arriving does
 * not shift it either. The heights are the default configuration's (every byte here is in the
 * loader's 2 kB), except where a custom property is the only way a partner can tell the height:
 * the XP tier ladder's `--rai-xp-tier-reserve` (its height is the community's tiers), the
 * frame's `--rai-frame-height`.
 * `heights` lists [from this element width in px, height]: the store's skeleton grid gains a
 * column at 394, 594 and 794px (its own container queries plus its padding), and its images
 * grow with the width (`cqi`: the reserve makes the element its own query container); the
 * others do not depend on width.
 * The heights are the public views': a member's (`auth-url`, `token`) differ, the leaderboard's
 * pinned position (+107px), the XP tier's summary instead of the ways to earn
 * (`--rai-xp-tier-member-reserve`), the chat's composer instead of its sign-in notice (-11.75px),
 * the store's tabs (+51.75px). A rule per member view does not fit in the loader's 2 kB (with
 * the leaderboard's, the XP tier's and the chat's it measured 2035 bytes gzip): the widgets'
 * skeletons hold the member's view, so a member page may move once, when a widget's code
 * arrives after the first paint, and not again when its data does.
 * Nested tags a widget defines itself (rai-chat-composer, rai-store-product-dialog, …) are
 * not here: their parent's entry registers them.
 */
export const WIDGET_TAGS = {
  'rai-leaderboard': { heights: [[0, '37.3375rem']] },
  'rai-xp-tier': { heights: [[0, 'var(--rai-xp-tier-reserve,39.873rem)']] },
  'rai-chat-channel': { heights: [[0, '36.359375rem']] },
  // A page of 24 cards in 1–4 columns: per column count, the rows' 4:3 images (the cards' width,
  // 100cqi less the frame and the gaps) plus everything else (in px: 1lh of the text is 21.75px).
  'rai-store': {
    heights: [
      [0, 'calc(1800cqi + 2270.5px)'],
      [394, 'calc(450cqi + 1338.6px)'],
      [594, 'calc(200cqi + 984px)'],
      [794, 'calc(112.5cqi + 798.4px)'],
    ],
  },
  'rai-frame': { heights: [[0, 'var(--rai-frame-height, 150px)']] },
} as const satisfies Record<string, { heights: readonly (readonly [number, string])[] }>;

export type WidgetTag = keyof typeof WIDGET_TAGS;

export const widgetTags = Object.keys(WIDGET_TAGS) as WidgetTag[];

export function isWidgetTag(name: string): name is WidgetTag {
  return Object.hasOwn(WIDGET_TAGS, name);
}
