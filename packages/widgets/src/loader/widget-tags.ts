/**
 * The tags the loader knows (the CDN entry defining `rai-x` is `rai-x.js`), each with the height of its
 * loading skeleton at the default theme and a 16px root font (measured in Chromium), which the
 * loader reserves while the tag is undefined so the page does not shift when it upgrades.
 * `heights` lists [from this element width in px, height]: the store's skeleton grid gains a
 * column at 394, 594 and 794px (its own container queries plus its padding); the others do not
 * depend on width. The frame's is its own `--rai-frame-height`.
 * Nested tags a widget defines itself (rai-chat-composer, rai-store-product-dialog, …) are
 * not here: their parent's entry registers them.
 */
export const WIDGET_TAGS = {
  'rai-leaderboard': { heights: [[0, '32.875rem']] },
  'rai-xp-tier': { heights: [[0, '8.8125rem']] },
  'rai-chat-channel': { heights: [[0, '32.625rem']] },
  'rai-store': {
    heights: [
      [0, '40.375rem'],
      [394, '24.125rem'],
      [594, '20.0625rem'],
      [794, '16rem'],
    ],
  },
  'rai-frame': { heights: [[0, 'var(--rai-frame-height, 150px)']] },
} as const satisfies Record<string, { heights: readonly (readonly [number, string])[] }>;

export type WidgetTag = keyof typeof WIDGET_TAGS;

export const widgetTags = Object.keys(WIDGET_TAGS) as WidgetTag[];

export function isWidgetTag(name: string): name is WidgetTag {
  return Object.hasOwn(WIDGET_TAGS, name);
}
