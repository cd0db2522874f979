import { css } from 'lit';

/** The card every widget draws around its content (`part="frame"`), and its header row and title. */
export const frameStyles = css`
  .frame {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .header {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space);
    min-block-size: 2rem;
  }
  .title {
    margin: 0;
    font-size: 1.0625em;
    font-weight: 650;
    flex: 1;
  }
`;
