import { css } from 'lit';

export const composerStyles = css`
  :host {
    --rai-composer-max-height: 10rem;
    --rai-composer-thumbnail: 4.5rem;
  }
  /* Its own surface, so its text keeps its contrast wherever the owner places it. */
  .composer {
    display: grid;
    /* minmax(0, …): a long unbroken reply excerpt or word must not widen the composer. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
    background: var(--_surface);
  }
  .row {
    display: flex;
    align-items: flex-end;
    gap: var(--_space);
  }
  textarea {
    flex: 1;
    min-inline-size: 0;
    min-block-size: 2.5rem;
    max-block-size: var(--rai-composer-max-height);
    resize: none;
    overflow-y: auto;
    margin: 0;
    padding: calc(var(--_space) * 1.1) calc(var(--_space) * 1.5);
    font: inherit;
    line-height: 1.35;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.8);
  }
  textarea::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }
  .icon-button {
    flex: none;
    display: grid;
    place-items: center;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.8);
    background: var(--_surface);
  }
  .icon-button.small {
    inline-size: 1.75rem;
    block-size: 1.75rem;
    border-radius: 50%;
  }
  .send {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  [dir='rtl'] .flip-rtl {
    transform: scaleX(-1);
  }
  .reply {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 0.5) var(--_space);
    background: var(--_raised);
    border-inline-start: 3px solid var(--_primary);
    border-radius: calc(var(--_radius) * 0.6);
  }
  .reply-text {
    flex: 1;
    min-inline-size: 0;
    margin: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 0.875em;
  }
  .reply-to {
    font-weight: 600;
  }
  .excerpt {
    color: var(--_muted);
    margin-inline-start: 0.4em;
    unicode-bidi: isolate;
  }
  .attachments {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .attachment {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    inline-size: var(--rai-composer-thumbnail);
  }
  .thumbnail {
    position: relative;
    inline-size: var(--rai-composer-thumbnail);
    block-size: var(--rai-composer-thumbnail);
  }
  .thumbnail img {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_raised);
    /* A file that is no image shows its name (the alt text) inside the box, not over its neighbours. */
    overflow: hidden;
    font-size: 0.75em;
  }
  .remove,
  .retry {
    position: absolute;
    inset-block-start: 0.2rem;
    inset-inline-end: 0.2rem;
  }
  .retry {
    inset-inline-end: auto;
    inset-inline-start: 0.2rem;
  }
  .failed img {
    opacity: 0.45;
    border-color: var(--_color-danger);
  }
  progress {
    inline-size: 100%;
    block-size: 0.375rem;
    accent-color: var(--_primary);
  }
  .upload-error,
  .counter,
  .notice {
    margin: 0;
    font-size: 0.8125em;
  }
  .upload-error,
  .counter.over {
    color: var(--_color-danger);
  }
  .counter,
  .notice {
    color: var(--_muted);
  }
  /* Out of the layout while empty, but rendered: a live region must exist before it speaks. */
  .notice:empty {
    position: absolute;
  }
`;
