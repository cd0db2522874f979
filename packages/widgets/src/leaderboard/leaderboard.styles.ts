import { css } from 'lit';

export const leaderboardStyles = css`
  :host {
    --rai-leaderboard-row-height: 3.25rem;
    --rai-leaderboard-max-height: 28rem;
    --rai-leaderboard-highlight: var(--_primary);
    --rai-leaderboard-gold: #f5c542;
    --rai-leaderboard-silver: #c9ced6;
    --rai-leaderboard-bronze: #e2a46f;
    --rai-leaderboard-medal-text: #1b1e24;
  }
  .frame {
    gap: calc(var(--_space) * 1.5);
  }
  .loading {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  /*
   * Two rows of fixed height, whatever the width, the title or the board's periods: the title
   * with the live marker, then the periods. A wrapping header grew the card after the skeleton
   * (the periods arriving) and again when "Live" appeared, moving the page below it.
   */
  .header {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
  }
  /* One line that scrolls sideways when it does not fit (arrow keys bring the checked one into view). */
  .periods {
    grid-column: 1 / -1;
    display: flex;
    gap: calc(var(--_space) * 0.5);
    border: 0;
    min-inline-size: 0;
    overflow-x: auto;
    scrollbar-width: none;
    /* Room for the focus outline inside the scroller's clip, without changing the row's height. */
    margin: -4px;
    padding: 4px;
  }
  .period {
    position: relative;
    flex: none;
  }
  /* The native radio stays (keyboard, form semantics); the label text is its visible face. */
  .period input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .period span {
    display: inline-block;
    padding: 0.2em 0.75em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
    color: var(--_muted);
  }
  .period input:checked + span {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  .period input:focus-visible + span {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .table {
    max-block-size: var(--rai-leaderboard-max-height);
    overflow-y: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.8);
  }
  .table:focus-visible {
    outline-offset: 1px;
  }
  /* The table's height with a full page of rows (capped like the table's), however many placeholders show. */
  .sk-table {
    overflow: hidden;
    block-size: min(var(--rai-leaderboard-max-height), calc(2rem + 2px + var(--sk-rows) * var(--rai-leaderboard-row-height)));
  }
  .head {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_surface);
  }
  .grid {
    display: grid;
    grid-template-columns: max(2rem, calc(var(--rank-chars, 4) * 1ch)) minmax(0, 1fr) auto 3.5rem;
    align-items: center;
    gap: var(--_space);
    padding-inline: var(--_space);
  }
  .header-row {
    block-size: 2rem;
    border-block-end: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 0.75em;
    font-weight: 600;
  }
  .row {
    block-size: var(--rai-leaderboard-row-height);
    border-block-end: 1px solid var(--_border);
    background: var(--_surface);
  }
  .body > .row:last-child {
    border-block-end: 0;
  }
  .row:focus-visible {
    outline-offset: -2px;
  }
  .row[aria-current='true'] {
    border-inline-start: 3px solid var(--rai-leaderboard-highlight);
    padding-inline-start: calc(var(--_space) - 3px);
  }
  /* Bold cells, not rows: the rank column is sized in ch of the row's own font. */
  .row[aria-current='true'] > *,
  .me .row > * {
    font-weight: 600;
  }
  .rank {
    text-align: center;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .medal {
    display: inline-grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    border-radius: 50%;
    background: var(--medal);
    color: var(--rai-leaderboard-medal-text);
    box-shadow: inset 0 0 0 2px rgb(0 0 0 / 0.12);
  }
  .medal[data-medal='1'] {
    --medal: var(--rai-leaderboard-gold);
  }
  .medal[data-medal='2'] {
    --medal: var(--rai-leaderboard-silver);
  }
  .medal[data-medal='3'] {
    --medal: var(--rai-leaderboard-bronze);
  }
  .who {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-inline-size: 0;
  }
  .avatar {
    inline-size: 2rem;
    block-size: 2rem;
    border-radius: 50%;
    flex: none;
  }
  .initials {
    display: inline-grid;
    place-items: center;
    background: var(--_raised);
    color: var(--_text);
    font-size: 0.75em;
    font-weight: 700;
  }
  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .score {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .change {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .row .change {
    font-size: 0.8125em;
  }
  .up {
    color: var(--_color-success);
  }
  .down {
    color: var(--_color-danger);
  }
  .same {
    color: var(--_muted);
  }
  .new {
    color: var(--_primary);
    font-weight: 600;
  }
  .load-more {
    justify-self: center;
  }
  .button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .me {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding-block-end: var(--_space);
    border: 1px solid var(--rai-leaderboard-highlight);
    border-radius: calc(var(--_radius) * 0.8);
  }
  .me .row {
    border: 0;
    background: none;
  }
  .not-ranked {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5) 0;
    color: var(--_muted);
  }
  .me-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space);
    padding-inline: var(--_space);
  }
  .link-button {
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_primary);
    border-radius: calc(var(--_radius) * 0.8);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 1.5);
    font-weight: 600;
    font-size: 0.875em;
  }
  .sk-line {
    block-size: 1em;
  }
  /* A bar one line of the title tall, so the skeleton header is as high as the real one. */
  .title > .sk-line {
    display: block;
    margin-block: calc((1lh - 1em) / 2);
  }
  /* The pinned position's box, without the member's accent. */
  .me.sk-me {
    border-color: var(--_border);
  }
  /* "Jump to me"'s box (font, padding, border), in the placeholder's colour. */
  .link-button.sk-button {
    inline-size: 7rem;
    border-color: transparent;
    background: var(--_raised);
  }
  .period .sk-chip {
    min-inline-size: 4.5em;
    border-color: transparent;
  }
`;
