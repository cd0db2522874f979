import { css, unsafeCSS } from 'lit';
import { darkTokens, lightTokens, sharedTokens } from './tokens.js';

/** `--_name: var(--rai-name, default);` for each token, so host overrides win. */
function aliases(tokens: Record<string, string>): string {
  return Object.entries(tokens)
    .map(([name, fallback]) => `--_${name}: var(--rai-${name}, ${fallback});`)
    .join('\n');
}

const light = unsafeCSS(aliases({ ...lightTokens }));
const dark = unsafeCSS(aliases({ ...darkTokens }));

/**
 * Theme for every widget: light by default, dark with `theme="dark"`, and the user's
 * `prefers-color-scheme` with `theme="auto"`. The values come from tokens.ts (author-
 * controlled constants, so `unsafeCSS` is safe here).
 */
export const themeStyles = css`
  :host {
    color-scheme: light;
    ${unsafeCSS(aliases({ ...sharedTokens }))}
    ${light}
    /* Short aliases the widget styles use. */
    --_text: var(--_color-text);
    --_muted: var(--_color-text-muted);
    --_surface: var(--_color-surface);
    --_raised: var(--_color-surface-raised);
    --_border: var(--_color-border);
    --_primary: var(--_color-primary);
    --_on-primary: var(--_color-on-primary);
    --_focus: var(--_focus-ring);
  }
  :host([theme='dark']) {
    color-scheme: dark;
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      color-scheme: dark;
      ${dark}
    }
  }
`;
