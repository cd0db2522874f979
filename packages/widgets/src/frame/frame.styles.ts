import { css } from 'lit';

/** The iframe and the states drawn where it will appear. */
export const frameElementStyles = css`
  .root {
    position: relative;
  }
  iframe {
    display: block;
    inline-size: 100%;
    block-size: var(--rai-frame-height, 150px);
    /* The growth guard: a guest can never make the frame taller than this. */
    max-block-size: var(--rai-frame-max-height, 2000px);
    border: 0;
  }
  /* Loading, or failed but still listening: the document loads, unseen and taking no room. */
  iframe.waiting {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    visibility: hidden;
  }
  .loading {
    padding: 0;
  }
  .loading .skeleton {
    inline-size: 100%;
    block-size: var(--rai-frame-height, 150px);
  }
  .state[role='alert'] {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
`;
