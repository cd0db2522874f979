import type { LeaderboardEntry } from '@rai-kit/core/api';
import { html, nothing, type TemplateResult } from 'lit';
import { avatar, type AvatarContext } from '../base/avatar.js';
import type { Messages } from '../i18n/messages.js';

/** What the cell templates need from the widget. */
export interface CellContext extends AvatarContext {
  msg: Messages['leaderboard'];
  number: (value: number) => string;
  /** Score unit label, e.g. `XP`. */
  unit: string;
}

/**
 * The cells of one standings row, shared by the table rows and the member's pinned row so
 * both read the same. `role` is `cell` inside the table; outside it (no column header says
 * "Rank") the rank reads `#12`.
 */
export function entryCells(ctx: CellContext, entry: LeaderboardEntry, mine: boolean, role: 'cell' | undefined): TemplateResult {
  const { msg, number } = ctx;
  return html`<span part="rank" class="rank" role=${role ?? nothing}>${rank(ctx, entry.rank, role === undefined)}</span>
    <span class="who" role=${role ?? nothing}>
      ${avatar(ctx, entry.user)}
      <span part="name" class="name">${entry.user.displayName}</span>
      ${mine ? html`<span class="visually-hidden">${msg.youSuffix}</span>` : nothing}
    </span>
    <span part="score" class="score" role=${role ?? nothing}>${msg.scoreValue(number(entry.score), ctx.unit)}</span>
    <span part="change" class="change" role=${role ?? nothing}>${change(ctx, entry)}</span>`;
}

/** Ranks 1–3 get a medal: a coloured disc, and its name in text so colour is not the only cue. */
function rank({ msg, number }: CellContext, value: number, labelled: boolean): TemplateResult {
  if (value > 3) return html`${labelled ? msg.rankValue(number(value)) : number(value)}`;
  return html`<span class="medal" data-medal=${value}>${number(value)}</span>
    <span class="visually-hidden">${msg.medal(value as 1 | 2 | 3)}</span>`;
}

function change({ msg, number }: CellContext, { rank: now, previousRank }: LeaderboardEntry): TemplateResult {
  const [visible, spoken, tone] =
    previousRank === null
      ? [msg.newEntry, msg.newEntryLabel, 'new']
      : previousRank > now
        ? [`▲${number(previousRank - now)}`, msg.up(previousRank - now, number(previousRank - now)), 'up']
        : previousRank < now
          ? [`▼${number(now - previousRank)}`, msg.down(now - previousRank, number(now - previousRank)), 'down']
          : ['–', msg.unchanged, 'same'];
  return html`<span class=${tone} aria-hidden="true">${visible}</span><span class="visually-hidden">${spoken}</span>`;
}
