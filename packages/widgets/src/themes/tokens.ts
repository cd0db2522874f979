/**
 * Global design tokens. A host page themes every widget by setting these custom
 * properties (e.g. `--rai-color-primary`) on any ancestor; the values here are the
 * defaults of the light and dark sets. Widgets read them through private `--_*` aliases
 * (see theme.styles.ts) so a widget's own custom properties can fall back to them.
 * theme.styles.ts writes these defaults out as static CSS: change a value in both places
 * (theme.test.ts fails until they agree).
 */
export interface TokenSet {
  /** Page-level background behind cards: for the host page to match the set (no widget paints it). */
  'color-bg': string;
  /** Card and panel background. */
  'color-surface': string;
  /** Raised surfaces: badges, hovered rows, skeletons. */
  'color-surface-raised': string;
  'color-text': string;
  'color-text-muted': string;
  'color-border': string;
  'color-primary': string;
  /** Text on primary-coloured backgrounds. */
  'color-on-primary': string;
  'color-success': string;
  'color-danger': string;
  'focus-ring': string;
}

export const lightTokens: TokenSet = {
  'color-bg': '#f6f7f9',
  'color-surface': '#ffffff',
  'color-surface-raised': '#eef0f4',
  'color-text': '#1b1e24',
  'color-text-muted': '#555d6b',
  'color-border': '#d9dde4',
  'color-primary': '#4338ca',
  'color-on-primary': '#ffffff',
  'color-success': '#15803d',
  'color-danger': '#b42318',
  'focus-ring': '#4338ca',
};

export const darkTokens: TokenSet = {
  'color-bg': '#0f1115',
  'color-surface': '#181b21',
  'color-surface-raised': '#252a33',
  'color-text': '#eef0f4',
  'color-text-muted': '#a9b1bf',
  'color-border': '#343a46',
  'color-primary': '#a5b4fc',
  'color-on-primary': '#14163a',
  'color-success': '#4ade80',
  'color-danger': '#fca5a5',
  'focus-ring': '#a5b4fc',
};

/** Tokens that do not change between light and dark. */
export const sharedTokens = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif',
  'font-size': '0.9375rem',
  radius: '0.625rem',
  space: '0.5rem',
} as const;
