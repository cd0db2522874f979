import { css } from 'lit';

/** The card every widget draws around its content (`part="frame"`). */
export const frameStyles = css`
  .frame {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
    display: grid;
    gap: calc(var(--_space) * 2);
  }
`;
