import { css } from 'lit';

export const xpTierStyles = css`
  :host {
    --rai-xp-tier-bar: var(--_primary);
    --rai-xp-tier-track: var(--_raised);
    --rai-xp-tier-bar-height: 0.625rem;
    /* The same default as the loader's reserve (loader/widget-tags.ts). */
    --rai-xp-tier-reserve: 39.873rem;
    --rai-xp-tier-member-reserve: 36.4258rem;
  }
  .summary {
    display: grid;
    gap: var(--_space);
  }
  .summary-head {
    display: flex;
    align-items: center;
    gap: var(--_space);
    flex-wrap: wrap;
  }
  .avatar {
    inline-size: 2.5rem;
    block-size: 2.5rem;
    border-radius: 50%;
    flex: none;
  }
  .who {
    display: grid;
    flex: 1;
    min-inline-size: 0;
  }
  .name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .badge {
    justify-self: start;
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.15em 0.6em;
    border-radius: 999px;
    background: var(--_raised);
    font-weight: 600;
    font-size: 0.875em;
  }
  .dot {
    inline-size: 0.7em;
    block-size: 0.7em;
    border-radius: 50%;
    background: var(--tier-color, var(--_primary));
    flex: none;
  }
  .xp {
    font-size: 1.75em;
    font-weight: 700;
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .track {
    block-size: var(--rai-xp-tier-bar-height);
    background: var(--rai-xp-tier-track);
    border-radius: 999px;
    overflow: hidden;
  }
  .bar {
    block-size: 100%;
    inline-size: 100%;
    background: var(--rai-xp-tier-bar);
    border-radius: inherit;
    transform-origin: left;
    transition: transform 400ms ease-out;
  }
  [dir='rtl'] .bar {
    transform-origin: right;
  }
  /*
   * Two lines at any width, not three items that wrap as their numbers grow: what is left to the
   * next tier, then today's XP and the coins. The member's reserve holds in a phone's widget too.
   */
  .meta {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0 var(--_space);
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .meta > :first-child {
    grid-column: 1 / -1;
  }
  .tiers,
  .rules {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .tier {
    display: grid;
    grid-template-columns: auto 1fr auto;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space);
    border-radius: calc(var(--_radius) * 0.6);
  }
  .tier[aria-current] {
    background: var(--_raised);
    outline: 1px solid var(--tier-color, var(--_primary));
  }
  .tier-name {
    font-weight: 600;
  }
  /* One perk per line, not all on one that wraps: a tier is as tall in a phone's widget as in a wide one, and so is the reserve. */
  .perks {
    grid-column: 2 / -1;
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .threshold {
    color: var(--_muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  .subtitle {
    margin: 0;
    font-weight: 600;
    font-size: 0.9375em;
  }
  .rule {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
  }
  .rule-xp {
    font-weight: 600;
    color: var(--_color-success);
  }
  .sk-line {
    block-size: 1em;
  }
  /* The whole card while loading (the frame is border-box): no height the data could know sooner. */
  .frame:has(> .sk-reserve) {
    min-block-size: var(--rai-xp-tier-reserve);
    align-content: start;
  }
  .frame:has(> .sk-member) {
    min-block-size: var(--rai-xp-tier-member-reserve);
  }
  /* One line of the text around it tall, as the text it stands for. */
  :is(.who, .xp, .meta) > .sk-line {
    margin-block: calc((1lh - 1em) / 2);
  }
  .badge.sk-badge {
    inline-size: 5em;
  }
  @media (prefers-reduced-motion: reduce) {
    .bar {
      transition: none;
    }
  }
`;
