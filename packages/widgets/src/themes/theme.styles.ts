import { css } from 'lit';

/**
 * Theme for every widget: light by default, dark with `theme="dark"`, and the user's
 * `prefers-color-scheme` with `theme="auto"`. Each global token (`--rai-color-text`…) is read
 * into a private alias (`--_text`…) with its default as the fallback, so host overrides win
 * and a widget's own custom properties can fall back to the alias.
 *
 * The defaults are those of tokens.ts (the public, documented values), written out as plain
 * CSS rather than generated from those objects at run time: a static css`` literal costs no JS
 * and the CDN build minifies it (theme.test.ts checks that both say the same).
 * `--rai-color-bg` has no alias: no widget draws the page background.
 */
export const themeStyles = css`
  :host {
    color-scheme: light;
    --_font: var(--rai-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif);
    --_font-size: var(--rai-font-size, 0.9375rem);
    --_radius: var(--rai-radius, 0.625rem);
    --_space: var(--rai-space, 0.5rem);
    --_surface: var(--rai-color-surface, #ffffff);
    --_raised: var(--rai-color-surface-raised, #eef0f4);
    --_text: var(--rai-color-text, #1b1e24);
    --_muted: var(--rai-color-text-muted, #555d6b);
    --_border: var(--rai-color-border, #d9dde4);
    --_primary: var(--rai-color-primary, #4338ca);
    --_on-primary: var(--rai-color-on-primary, #ffffff);
    --_color-success: var(--rai-color-success, #15803d);
    --_color-danger: var(--rai-color-danger, #b42318);
    --_focus: var(--rai-focus-ring, #4338ca);
  }
  :host([theme='dark']) {
    color-scheme: dark;
    --_surface: var(--rai-color-surface, #181b21);
    --_raised: var(--rai-color-surface-raised, #252a33);
    --_text: var(--rai-color-text, #eef0f4);
    --_muted: var(--rai-color-text-muted, #a9b1bf);
    --_border: var(--rai-color-border, #343a46);
    --_primary: var(--rai-color-primary, #a5b4fc);
    --_on-primary: var(--rai-color-on-primary, #14163a);
    --_color-success: var(--rai-color-success, #4ade80);
    --_color-danger: var(--rai-color-danger, #fca5a5);
    --_focus: var(--rai-focus-ring, #a5b4fc);
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      color-scheme: dark;
      --_surface: var(--rai-color-surface, #181b21);
      --_raised: var(--rai-color-surface-raised, #252a33);
      --_text: var(--rai-color-text, #eef0f4);
      --_muted: var(--rai-color-text-muted, #a9b1bf);
      --_border: var(--rai-color-border, #343a46);
      --_primary: var(--rai-color-primary, #a5b4fc);
      --_on-primary: var(--rai-color-on-primary, #14163a);
      --_color-success: var(--rai-color-success, #4ade80);
      --_color-danger: var(--rai-color-danger, #fca5a5);
      --_focus: var(--rai-focus-ring, #a5b4fc);
    }
  }
`;
