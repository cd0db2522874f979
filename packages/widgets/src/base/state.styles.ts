import { css } from 'lit';

/** Styles of the shared states, the skeleton shimmer and the "Live" marker. */
export const stateStyles = css`
  .state {
    display: grid;
    justify-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 3);
    text-align: center;
  }
  .state p {
    margin: 0;
  }
  .state-title {
    font-weight: 600;
  }
  .state-body {
    color: var(--_muted);
  }
  .button {
    border: 1px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    border-radius: calc(var(--_radius) * 0.8);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 2);
    font-weight: 600;
  }
  .skeleton {
    background: var(--_raised);
    border-radius: calc(var(--_radius) * 0.6);
    animation: rai-pulse 1.4s ease-in-out infinite;
  }
  /* A button's placeholder ("Load more"): the button's own box (font, padding, border), without its colours. */
  .button.sk-button {
    inline-size: 8rem;
    border-color: transparent;
  }
  .live {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    font-size: 0.75em;
    font-weight: 600;
    color: var(--_color-success);
  }
  .live::before {
    content: '';
    inline-size: 0.5em;
    block-size: 0.5em;
    border-radius: 50%;
    background: currentColor;
  }
  .live[hidden] {
    display: none;
  }
  @keyframes rai-pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
