import { ApiError, isAbort, paths, type Leaderboard, type LeaderboardPeriod, type StandingsEventData } from '@rai-kit/core/api';
import type { StandingsSlice } from '@rai-kit/core/leaderboard';
import type { StreamEvent } from '@rai-kit/core/realtime';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { styleMap } from '../base/style-map.js';
import { RaiWidget } from '../base/rai-widget.js';
import { emptyView, errorView, expiredView, membersOnlyView } from '../base/state-views.js';
import { stateStyles } from '../base/state.styles.js';
import { EventStreamController } from '../controllers/event-stream-controller.js';
import { initialState, LoadTask, TaskStatus } from '../controllers/load-task.js';
import { RowWindowController } from '../controllers/row-window-controller.js';
import { leaderboardCatalog } from '../i18n/catalogs/leaderboard.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { BoardStandings, StartPrefetch, type BoardQuery, type Direction } from './board-standings.js';
import { entryCells, type CellContext } from './entry-cells.js';
import { rowPositions, slideFrom, type RowPositions } from './flip.js';
import { leaderboardStyles } from './leaderboard.styles.js';

/** Placeholder rows drawn: enough to fill the default max height (the table's box is sized by CSS). */
const SKELETON_ROWS = 8;

/**
 * Without a token it shows the board's top rows (a members-only board invites the visitor to
 * sign in). With `auth-url`, `tokenProvider` or `token` it also pins the member's own row
 * (rank, score, change; updated live) with "Jump to me", which shows their neighbourhood.
 * Rows load page by page as the list scrolls (or with "Load more"); only the rows in view
 * are in the DOM, so a board of 100,000 members scrolls like one of ten. Rank changes from
 * the board's event stream slide into place (not under `prefers-reduced-motion`).
 *
 * @summary A community leaderboard: ranked members for a period, live, with the signed-in
 * member's own position pinned.
 *
 * @fires rai-ready - First standings rendered. `detail.mode` is `public` or `member`.
 * @fires rai-error - Loading failed (`detail.code`, `message`, `requestId`); the widget shows a retry button.
 * @fires rai-session-expired - The member's token could not be renewed.
 * @fires rai-sign-in-request - The user pressed "Sign in" (session expired, or a members-only board while public). Cancelable.
 * @fires rai-period-change - The user chose another period (`detail.period`). Not fired when `period` is set by script.
 *
 * @csspart frame - The card around everything.
 * @csspart header - Title, live marker and period switcher.
 * @csspart title - The board's name.
 * @csspart live - "Live" marker, shown while the event stream is connected.
 * @csspart periods - The period switcher (a fieldset of radio buttons).
 * @csspart table - The scrolling standings table (role="table").
 * @csspart row - One standings row (plus `own-row` on the member's).
 * @csspart own-row - The signed-in member's row (also `row`).
 * @csspart rank - Rank cell; ranks 1–3 hold a medal.
 * @csspart avatar - Avatar image, or the initials standing in for it.
 * @csspart name - Member's display name.
 * @csspart score - Score with its unit.
 * @csspart change - Rank change since the previous period.
 * @csspart me - The member's pinned position below the table.
 * @csspart jump-button - "Jump to me".
 * @csspart top-button - "Back to top".
 * @csspart load-more - "Load more" below the table.
 * @csspart state - Loading, empty, error, expired and members-only states (plus `error`, `empty`, `expired`, `members-only`).
 * @csspart error - The error state (also `state`).
 * @csspart empty - The empty state (also `state`).
 * @csspart expired - The session-expired state (also `state`).
 * @csspart members-only - The members-only state (also `state`).
 * @csspart button - Every button (plus `retry-button`, `sign-in-button`, `jump-button`, `top-button`, `load-more`).
 * @csspart retry-button - Retry in the error state (also `button`).
 * @csspart sign-in-button - "Sign in" (also `button`).
 * @csspart skeleton - The loading placeholders.
 *
 * @cssprop --rai-leaderboard-row-height - Height of every row (rows are fixed-height for windowing). Default: 3.25rem.
 * @cssprop --rai-leaderboard-max-height - Height the table scrolls within. Default: 28rem.
 * @cssprop --rai-leaderboard-highlight - Accent of the member's own row and pinned position. Default: `--rai-color-primary`.
 * @cssprop --rai-leaderboard-gold - Medal of rank 1. Default: #f5c542.
 * @cssprop --rai-leaderboard-silver - Medal of rank 2. Default: #c9ced6.
 * @cssprop --rai-leaderboard-bronze - Medal of rank 3. Default: #e2a46f.
 * @cssprop --rai-leaderboard-medal-text - Rank number on a medal. Default: #1b1e24.
 * @cssprop --rai-color-primary - Global brand colour (and every other `--rai-*` theme token).
 */
export class RaiLeaderboard extends RaiWidget {
  static override styles = [RaiWidget.styles, stateStyles, leaderboardStyles];

  /** Without decorators, like RaiElement's (see there). */
  static override properties: PropertyDeclarations = {
    leaderboardId: { attribute: 'leaderboard-id', reflect: true },
    period: { reflect: true },
    limit: { type: Number },
    announcement: { state: true, attribute: false },
    brokenAvatars: { state: true, attribute: false },
    failure: { state: true, attribute: false },
  };

  /** The leaderboard to show. Required. */
  leaderboardId = '';

  /**
   * Ranking period: `all-time`, `daily`, `weekly`, `monthly` or `yearly`. One the board does
   * not offer (or none) becomes the board's default once it has loaded.
   */
  period: LeaderboardPeriod | '' = '';

  /** Rows per page, 1–100. Default 20. */
  limit = 20;

  /** Polite announcement for screen readers (the member's own rank changes). */
  private announcement = '';
  private brokenAvatars: ReadonlySet<string> = new Set();
  /** The last "more rows", "Jump to me" or "Back to top" failed: shown with a retry of it. */
  private failure: { error: unknown; retry: () => void } | null = null;

  protected readonly locale = new LocaleController(this, leaderboardCatalog);

  private readonly rows = new RowWindowController(this, { container: '[part=table]', rowSelector: '.body > [role=row]' });
  /** Row positions before a live update, for the slide after it. */
  #flip: RowPositions = new Map();
  /** The slice the table shows, to tell live changes from a new list. */
  #shownSlice: StandingsSlice | undefined;
  /** The row that had focus before a render (the member's, after "Jump to me"). */
  #focusedKey: string | undefined;
  /** Paging stops after a failure until the user asks again ("Load more"). */
  #autoLoad = true;
  #ready = false;

  private readonly board = new LoadTask(this, {
    args: () => [this.client, this.communityId, this.leaderboardId] as const,
    task: async ([client, communityId, leaderboardId], { signal }) => {
      if (!communityId) throw new Error('rai-leaderboard: the community-id attribute is required.');
      if (!leaderboardId) throw new Error('rai-leaderboard: the leaderboard-id attribute is required.');
      // The first rows are read alongside, for the period and page size as they are now (not
      // args: changing them later re-reads the standings, not the board).
      const query = { client, communityId, leaderboardId, period: this.period || undefined, limit: this.pageSize };
      const prefetch = new StartPrefetch(query, this.auth.authenticated, signal);
      const board = await client.get<Leaderboard>(paths.leaderboard(communityId, leaderboardId), { signal });
      return { client, communityId, leaderboardId, board, prefetch };
    },
    onError: (error) => this.reportFailure(error),
  });

  private readonly standings = new LoadTask(this, {
    args: () => [this.board.status === TaskStatus.COMPLETE ? this.board.value : undefined, this.shownPeriod, this.pageSize] as const,
    task: async ([source, period, limit], { signal }) => {
      this.standings.value?.close();
      if (!source || !period) return initialState;
      const { prefetch, ...board } = source;
      const query: BoardQuery = { ...board, period, limit };
      return BoardStandings.open(query, this.auth.authenticated, () => this.requestUpdate(), signal, prefetch);
    },
    onComplete: () => {
      this.#autoLoad = true;
      this.failure = null;
      this.rows.scrollToIndex(0);
      if (this.#ready) return;
      this.#ready = true;
      this.emit('rai-ready', { mode: this.auth.authenticated ? 'member' : 'public' });
    },
    onError: (error) => this.reportFailure(error),
  });

  private readonly stream = new EventStreamController<StandingsEventData>(this, {
    url: () => {
      const listening = this.standings.status === TaskStatus.COMPLETE && !this.auth.expired;
      return listening ? (this.standings.value?.eventsUrl ?? null) : null;
    },
    tokenSource: () => this.auth.source,
    lastEventId: () => this.standings.value?.view.position ?? null,
    onEvent: (event) => this.applyEvent(event),
    onReset: () => void this.standings.run(),
  });

  /** Loads everything again (after the host signed the user in, for example). */
  reload(): Promise<void> {
    return this.board.run();
  }

  /** The period shown: `period` when the board offers it, else the board's default. */
  private get shownPeriod(): LeaderboardPeriod | undefined {
    const board = this.board.value?.board;
    if (!board) return undefined;
    return board.periods.includes(this.period as LeaderboardPeriod) ? (this.period as LeaderboardPeriod) : board.defaultPeriod;
  }

  private get pageSize(): number {
    return Math.min(100, Math.max(1, Math.round(this.limit) || 20));
  }

  /** A public widget refused members-only data: its own state, not an error. */
  private membersOnly(error: unknown): boolean {
    return !this.auth.authenticated && error instanceof ApiError && error.code === 'unauthorized';
  }

  private reportFailure(error: unknown): void {
    if (!this.membersOnly(error)) this.reportError(error);
  }

  private applyEvent(event: StreamEvent<StandingsEventData>): void {
    const standings = this.standings.value;
    if (!standings) return;
    const { view } = standings;
    const before = view.me?.rank ?? null;
    this.#flip = rowPositions(this.renderedRows());
    standings.apply(event);
    const after = view.me?.rank ?? null;
    if (after !== null && after !== before) {
      const { movedUp, movedDown } = this.locale.msg.leaderboard;
      this.announcement = (before === null || after < before ? movedUp : movedDown)(this.locale.number(after));
    }
  }

  private async more(direction: Direction): Promise<void> {
    const standings = this.standings.value;
    if (!standings) return;
    const before = standings.view.slice.entries.length;
    this.failure = null;
    try {
      await (await standings.navigation()).more(direction);
      // A page that added nothing would be read again on every render: stop until asked.
      if (!standings.busy && standings.view.slice.entries.length === before) this.#autoLoad = false;
    } catch (error) {
      this.#autoLoad = false;
      this.fail(error, () => {
        this.#autoLoad = true;
        // Retried rows below show at once, as "Load more" does: the end is where the user was.
        void (direction === 'next' ? this.loadMore() : this.more('prev'));
      });
    }
    this.requestUpdate();
  }

  /** "Load more": shows the new rows (keyboard and screen reader users did not scroll to them). */
  private async loadMore(): Promise<void> {
    const standings = this.standings.value;
    if (!standings || standings.busy) return;
    const first = standings.view.slice.entries.length;
    this.#autoLoad = true;
    const loading = this.more('next');
    this.requestUpdate(); // the button shows busy while the rows (and maybe their code) load
    await loading;
    if (standings.view.slice.entries.length > first) this.rows.scrollToIndex(first);
  }

  private async jumpToMe(): Promise<void> {
    const standings = this.standings.value;
    if (!standings) return;
    this.failure = null;
    try {
      const me = await (await standings.navigation()).showAroundMe();
      const index = standings.view.slice.entries.findIndex((e) => e.user.id === me?.user.id);
      if (index >= 0) await this.showRow(index, '.body > [aria-current=true]');
    } catch (error) {
      this.fail(error, () => void this.jumpToMe());
    }
  }

  private async backToTop(): Promise<void> {
    const standings = this.standings.value;
    if (!standings) return;
    this.failure = null;
    try {
      await (await standings.navigation()).showTop();
      // The button leaves with the rows above; the table is where the user was heading.
      await this.showRow(0, '[part=table]');
    } catch (error) {
      this.fail(error, () => void this.backToTop());
    }
  }

  /**
   * A failed read, or navigation code that could not be loaded (offline): reported, and shown
   * below the table with a retry. An abort is a newer action taking over, not a failure.
   */
  private fail(error: unknown, retry: () => void): void {
    this.reportError(error);
    if (!isAbort(error)) this.failure = { error, retry };
  }

  /** Pointer or focus in the widget: the reader may scroll or ask for more next, so their code loads now. */
  private prefetchNavigation(): void {
    this.standings.value?.prefetch();
  }

  /** After the rows were replaced: scrolls row `index` into view and moves focus to `focusTarget`. */
  private async showRow(index: number, focusTarget: string): Promise<void> {
    this.#autoLoad = true;
    this.rows.scrollToIndex(index);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(focusTarget)?.focus({ preventScroll: true });
  }

  private choosePeriod(event: Event): void {
    const period = (event.target as HTMLInputElement).value as LeaderboardPeriod;
    this.period = period;
    this.emit('rai-period-change', { period });
  }

  private signIn(): void {
    if (this.emit('rai-sign-in-request', {}, true)) void this.reload();
  }

  private renderedRows(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('.body > [role=row]')];
  }

  protected override willUpdate(): void {
    this.#focusedKey = (this.shadowRoot?.activeElement as HTMLElement | null)?.dataset['key'];
    // Reflect the period actually shown, so `period` never names one the board lacks.
    const shown = this.board.status === TaskStatus.COMPLETE ? this.shownPeriod : undefined;
    if (shown && shown !== this.period) this.period = shown;
    const slice = this.standings.value?.view.slice;
    if (slice && slice !== this.#shownSlice) {
      this.rows.track(
        slice.entries.map((e) => e.user.id),
        !(this.#shownSlice?.hasPrev ?? false),
      );
      this.#shownSlice = slice;
    }
  }

  protected override updated(): void {
    // Rows are recycled by position: when the focused member's row moves, the element that had
    // focus now shows someone else (or lost it with its tabindex). Focus follows the member's
    // row, or goes to the table when that row is no longer rendered.
    const key = this.#focusedKey;
    if (key && (this.shadowRoot!.activeElement as HTMLElement | null)?.dataset['key'] !== key) {
      const row = this.renderedRows().find((r) => r.dataset['key'] === key);
      (row ?? this.renderRoot.querySelector<HTMLElement>('[part=table]'))?.focus({ preventScroll: true });
    }
    slideFrom(this.#flip, this.renderedRows());
    this.#flip = new Map();
    this.loadNearEdges();
  }

  /** Infinite scroll: the next (or previous) page once the rendered rows reach the loaded edge. */
  private loadNearEdges(): void {
    const standings = this.standings.value;
    if (!standings || standings.busy || !this.#autoLoad || this.standings.status !== TaskStatus.COMPLETE) return;
    const { entries, hasNext, hasPrev } = standings.view.slice;
    const { start, end } = this.rows.window(entries.length);
    if (hasNext && end >= entries.length) void this.more('next');
    else if (hasPrev && start === 0) void this.more('prev');
  }

  override render(): TemplateResult {
    const { msg, dir, lang } = this.locale;
    const source = this.board.value;
    const body = this.auth.expired
      ? expiredView(msg, () => this.signIn())
      : this.board.status === TaskStatus.ERROR
        ? this.renderFailure(this.board.error, () => void this.reload())
        : this.board.status === TaskStatus.COMPLETE && source
          ? this.renderBoard(source.board)
          : this.renderSkeleton(true);
    // The rank column fits the longest rank ("#100,000"), so every windowed row aligns.
    const rankChars = this.locale.number(this.standings.value?.view.total ?? 100).length + 1;
    return html`<div
      part="frame"
      class="frame"
      dir=${dir}
      lang=${lang}
      style=${styleMap({ '--rank-chars': String(rankChars) })}
      @pointerover=${this.prefetchNavigation}
      @focusin=${this.prefetchNavigation}
    >
      ${body}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderFailure(error: unknown, retry: () => void): TemplateResult {
    const { msg } = this.locale;
    if (!this.membersOnly(error)) return errorView(msg, error, retry);
    const { membersOnlyTitle: title, membersOnlyBody: body } = msg.leaderboard;
    return membersOnlyView(msg, { title, body }, () => this.signIn());
  }

  private renderBoard(board: Leaderboard): TemplateResult {
    return html`${this.renderHeader(board)}
    ${this.standings.render({
      initial: () => this.renderSkeleton(false),
      pending: () => this.renderSkeleton(false),
      error: (error) => this.renderFailure(error, () => void this.standings.run()),
      complete: (standings) => this.renderStandings(board, standings),
    })}`;
  }

  private renderHeader(board: Leaderboard): TemplateResult {
    const { msg } = this.locale;
    const shown = this.shownPeriod;
    return html`<div part="header" class="header">
      <p id="title" part="title" class="title">${board.name}</p>
      <span part="live" class="live" ?hidden=${this.stream.state !== 'open'}>${msg.live}</span>
      ${board.periods.length < 2
        ? nothing
        : html`<fieldset part="periods" class="periods">
            <legend class="visually-hidden">${msg.leaderboard.period}</legend>
            ${board.periods.map(
              (period) => html`<label class="period">
                <input type="radio" name="period" .value=${period} .checked=${period === shown} @change=${this.choosePeriod} />
                <span>${msg.leaderboard.periods[period]}</span>
              </label>`,
            )}
          </fieldset>`}
    </div>`;
  }

  private renderStandings(board: Leaderboard, standings: BoardStandings): TemplateResult {
    const { msg } = this.locale;
    const { view } = standings;
    const { entries, hasNext } = view.slice;
    const ctx = this.cellContext(board);
    const table = entries.length === 0 ? emptyView(msg.leaderboard.empty) : this.renderTable(standings, ctx);
    const { failure } = this;
    return html`${table}
      ${failure
        ? errorView(msg, failure.error, failure.retry)
        : hasNext
          ? html`<button part="button load-more" class="button load-more" aria-disabled=${standings.busy} @click=${() => void this.loadMore()}>
              ${msg.leaderboard.loadMore}
            </button>`
          : nothing}
      ${this.auth.authenticated ? this.renderMe(standings, ctx) : nothing}`;
  }

  private renderTable({ view }: BoardStandings, ctx: CellContext): TemplateResult {
    const { msg } = this.locale;
    const { entries, hasPrev } = view.slice;
    const { start, end, before, after } = this.rows.window(entries.length);
    const me = view.me?.user.id;
    // aria-rowindex is the row's place in the whole board: from rank 1, or from the first
    // loaded rank in "around me" (exact unless members tie across the slice's first row).
    const firstIndex = (hasPrev ? entries[0]!.rank : 1) + 1;
    return html`<div
      part="table"
      class="table"
      role="table"
      aria-labelledby="title"
      aria-rowcount=${view.total + 1}
      tabindex="0"
    >
      <div role="rowgroup" class="head">
        <div role="row" aria-rowindex="1" class="grid header-row">
          <span role="columnheader">${msg.leaderboard.rank}</span>
          <span role="columnheader">${msg.leaderboard.member}</span>
          <span role="columnheader" class="score">${msg.leaderboard.score}</span>
          <span role="columnheader" class="change">${msg.leaderboard.change}</span>
        </div>
      </div>
      <div role="rowgroup" class="body" style=${styleMap({ paddingBlock: `${before}px ${after}px` })}>
        ${
          // Rows are recycled by position (a plain map), not keyed with repeat(): lit-html 3.3
          // leaves one comment node behind per item repeat() removes (lit/lit#5298), and a
          // scrolling window removes rows on every step. The slide and focus follow data-key.
          entries.slice(start, end).map((entry, i) => {
            const mine = entry.user.id === me;
            return html`<div
              part=${mine ? 'row own-row' : 'row'}
              class="grid row"
              role="row"
              aria-rowindex=${firstIndex + start + i}
              aria-current=${mine ? 'true' : nothing}
              tabindex=${mine ? '-1' : nothing}
              data-key=${entry.user.id}
            >
              ${entryCells(ctx, entry, mine, 'cell')}
            </div>`;
          })
        }
      </div>
    </div>`;
  }

  private renderMe({ view }: BoardStandings, ctx: CellContext): TemplateResult {
    const { msg } = this.locale;
    const me = view.me;
    return html`<div part="me" class="me" role="group" aria-label=${msg.leaderboard.yourPosition}>
      ${me ? html`<div class="grid row">${entryCells(ctx, me, true, undefined)}</div>` : html`<p class="not-ranked">${msg.leaderboard.notRanked}</p>`}
      <div class="me-actions">
        ${me
          ? html`<button part="button jump-button" class="link-button" @click=${() => void this.jumpToMe()}>
              ${msg.leaderboard.jumpToMe}
            </button>`
          : nothing}
        ${view.slice.hasPrev
          ? html`<button part="button top-button" class="link-button" @click=${() => void this.backToTop()}>${msg.leaderboard.backToTop}</button>`
          : nothing}
      </div>
    </div>`;
  }

  private cellContext(board: Leaderboard): CellContext {
    return {
      msg: this.locale.msg.leaderboard,
      number: (value) => this.locale.number(value),
      unit: board.scoreUnit.name,
      brokenAvatars: this.brokenAvatars,
      onAvatarError: (url) => (this.brokenAvatars = new Set([...this.brokenAvatars, url])),
    };
  }

  /**
   * Placeholders with the content's geometry, the whole card or only what is under a loaded
   * header, as tall as the common case renders (a board with periods and more members than a
   * page: a full table and "Load more"; for a member, their pinned position too, ranked, with
   * "Jump to me"), so nothing below the widget moves when data arrives.
   */
  private renderSkeleton(withHeader: boolean): TemplateResult {
    const line = (width: string) => html`<span class="skeleton sk-line" part="skeleton" style=${styleMap({ inlineSize: width })}></span>`;
    const chip = html`<span class="period"><span class="skeleton sk-chip" part="skeleton">&nbsp;</span></span>`;
    const row = html`<div class="grid row">
      ${line('1.75rem')}
      <span class="who"><span class="skeleton avatar" part="skeleton"></span>${line('60%')}</span>
      ${line('4rem')} ${line('2rem')}
    </div>`;
    return html`<div class="loading" role="status">
      <span class="visually-hidden">${this.locale.msg.loading}</span>
      <div aria-hidden="true" class="loading">
        ${withHeader ? html`<div class="header"><p class="title">${line('40%')}</p><div class="periods">${chip}${chip}${chip}</div></div>` : nothing}
        <div class="table sk-table" style=${styleMap({ '--sk-rows': String(this.pageSize) })}>
          <div class="grid header-row"></div>
          ${Array.from({ length: Math.min(SKELETON_ROWS, this.pageSize) }, () => row)}
        </div>
        <span class="button load-more skeleton sk-button" part="skeleton">&nbsp;</span>
        ${this.auth.authenticated
          ? html`<div class="me sk-me">
              ${row}
              <div class="me-actions"><span class="link-button skeleton sk-button" part="skeleton">&nbsp;</span></div>
            </div>`
          : nothing}
      </div>
    </div>`;
  }
}
