import { css } from 'lit';

export const emojiPickerStyles = css`
  :host {
    --rai-emoji-picker-size: 2.25rem;
    display: inline-block;
    contain: none;
  }
  :host(:not([open])) {
    display: none;
  }
  .menu {
    display: grid;
    grid-template-columns: repeat(var(--columns), var(--rai-emoji-picker-size));
    gap: calc(var(--_space) * 0.25);
    padding: calc(var(--_space) * 0.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
  }
  .emoji {
    inline-size: var(--rai-emoji-picker-size);
    block-size: var(--rai-emoji-picker-size);
    display: grid;
    place-items: center;
    padding: 0;
    border: 0;
    border-radius: calc(var(--_radius) * 0.6);
    background: transparent;
    font-size: 1.25em;
    line-height: 1;
  }
  .emoji:hover,
  .emoji:focus-visible {
    background: var(--_raised);
  }
`;
