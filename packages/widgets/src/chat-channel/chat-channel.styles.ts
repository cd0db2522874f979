import { css } from 'lit';

export const chatChannelStyles = css`
  :host {
    --rai-chat-height: 28rem;
    --rai-chat-own: var(--_primary);
    --rai-chat-mention: var(--_primary);
  }
  .frame {
    gap: var(--_space);
  }
  .loading {
    display: grid;
    gap: var(--_space);
  }
  .log-area {
    position: relative;
    min-inline-size: 0;
  }
  /* The log grows at both ends; the scroll controller anchors it, the browser must not too. */
  .log {
    block-size: var(--rai-chat-height);
    overflow-y: auto;
    overflow-x: hidden;
    overflow-anchor: none;
    overscroll-behavior: contain;
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding-block: var(--_space);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.8);
  }
  /* Few messages sit at the bottom, next to the composer, as in every chat. */
  .log > :first-child {
    margin-block-start: auto;
  }
  .log:focus-visible {
    outline-offset: 1px;
  }
  .message {
    display: grid;
    grid-template-columns: 2rem minmax(0, 1fr);
    gap: var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: calc(var(--_radius) * 0.6);
  }
  .message.continued {
    padding-block-start: 0;
  }
  .message:hover,
  .message:focus-within {
    background: var(--_raised);
  }
  .message:focus-visible {
    outline-offset: -2px;
  }
  .message[data-status='queued'],
  .message[data-status='sending'] {
    box-shadow: inset 3px 0 0 var(--_border);
  }
  .message[data-status='failed'] {
    box-shadow: inset 3px 0 0 var(--_color-danger);
  }
  .avatar {
    inline-size: 2rem;
    block-size: 2rem;
    border-radius: 50%;
    object-fit: cover;
    background: var(--_raised);
  }
  .initials {
    display: grid;
    place-items: center;
    font-size: 0.75em;
    font-weight: 700;
    color: var(--_muted);
  }
  .body {
    display: grid;
    gap: 0.2rem;
    min-inline-size: 0;
  }
  .body p {
    margin: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space);
  }
  .author {
    font-weight: 650;
  }
  time,
  .edited,
  .status {
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .status.failed {
    color: var(--_color-danger);
    font-weight: 600;
  }
  /* User text: its own direction, isolated from the layout's; any word wraps rather than overflow. */
  .text,
  .excerpt {
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .text a {
    color: var(--_primary);
  }
  .mention {
    color: var(--rai-chat-mention);
    font-weight: 600;
  }
  .tombstone {
    font-style: italic;
    color: var(--_muted);
  }
  .reply-summary {
    display: flex;
    gap: 0.4em;
    font-size: 0.8125em;
    color: var(--_muted);
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: 0.5em;
    min-inline-size: 0;
  }
  .reply-summary .excerpt {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .reply-author {
    font-weight: 600;
    flex: none;
  }
  .images {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .image {
    max-inline-size: min(100%, 20rem);
    inline-size: auto;
    block-size: auto;
    max-block-size: 15rem;
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_raised);
  }
  .reactions,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
  }
  .reaction,
  .action {
    border: 1px solid var(--_border);
    background: var(--_surface);
    border-radius: 999px;
    padding: 0.05em 0.6em;
    font-size: 0.8125em;
  }
  .reaction[aria-pressed='true'] {
    border-color: var(--rai-chat-own);
    background: color-mix(in srgb, var(--rai-chat-own) 14%, var(--_surface));
  }
  .action {
    color: var(--_muted);
  }
  .picker-anchor {
    position: relative;
  }
  rai-emoji-picker {
    position: absolute;
    inset-block-end: calc(100% + 4px);
    inset-inline-start: 0;
    z-index: 2;
  }
  .history-loading {
    margin: 0;
    text-align: center;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .jump {
    position: absolute;
    inset-block-end: var(--_space);
    inset-inline: 0;
    margin-inline: auto;
    inline-size: fit-content;
    border: 0;
    border-radius: 999px;
    padding: 0.3em 1em;
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.25);
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin: 0;
    padding: var(--_space);
    border-radius: calc(var(--_radius) * 0.8);
    background: var(--_raised);
    color: var(--_text);
  }
  .alert {
    margin: 0;
    color: var(--_color-danger);
    font-size: 0.875em;
  }
  .sk-line {
    display: block;
    block-size: 0.9em;
  }
  .sk-log {
    justify-content: flex-end;
  }
  /* The notice's box (padding, the button's height), its placeholders on the card's colour. */
  .notice.sk-notice {
    background: none;
    box-shadow: inset 0 0 0 1px var(--_raised);
  }
  /* The composer's row: a one-line textarea and the send button, 2.5rem tall (composer.styles.ts). */
  .sk-composer {
    display: flex;
    gap: var(--_space);
    block-size: 2.5rem;
  }
  .sk-composer > :first-child {
    flex: 1;
  }
  .sk-composer > :last-child {
    inline-size: 2.5rem;
  }
`;
