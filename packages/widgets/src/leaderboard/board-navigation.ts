import { paths, type LeaderboardEntry, type StandingsEventData, type StandingsMeta } from '@rai-kit/core/api';
import { StandingsPager, type StandingsPage, type StandingsSnapshot, type StandingsView } from '@rai-kit/core/leaderboard';
import type { StreamEvent } from '@rai-kit/core/realtime';
import { ATTEMPTS, readAroundMe, readTop, type BoardQuery, type Direction } from './board-standings.js';

/**
 * What a reader does after the first view of a board: the pages either side of the rows
 * (scrolling, "Load more"), joined to the view by a {@link StandingsPager}, the member's
 * neighbourhood ("Jump to me") and the top page again ("Back to top"). A chunk of its own
 * (see `navigation-code.ts`): the first view, its live updates and the member's pinned row
 * need none of it. One read at a time: a new one aborts the one in flight, and so does
 * closing the standings (`closed`).
 */
export class BoardNavigation {
  readonly #view: StandingsView;
  readonly #pager: StandingsPager;
  readonly #query: BoardQuery;
  readonly #closed: AbortSignal;
  #read: AbortController | undefined;

  constructor(view: StandingsView, query: BoardQuery, closed: AbortSignal) {
    this.#view = view;
    this.#pager = new StandingsPager(view);
    this.#query = query;
    this.#closed = closed;
    closed.addEventListener(
      'abort',
      () => {
        this.#read?.abort();
        this.#pager.dispose();
      },
      { once: true },
    );
  }

  /** A read is in flight, or a page waits for the stream to catch up. */
  get busy(): boolean {
    return this.#read !== undefined || this.#pager.waiting;
  }

  /** Applies an event of the board's stream to the view, through the pager (which logs it for the pages it joins). */
  apply(event: StreamEvent<StandingsEventData>): void {
    this.#pager.apply(event);
  }

  /** Loads the page after the last row or before the first; nothing when busy or at the end. */
  async more(direction: Direction): Promise<void> {
    const { slice } = this.#view;
    if (this.busy || !(direction === 'next' ? slice.hasNext : slice.hasPrev)) return;
    await this.#reading(async (signal) => {
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        // From the view's own edge row: rows move live, a page cursor from earlier would skip some.
        const { entries } = this.#view.slice;
        const edge = direction === 'next' ? entries.at(-1) : entries[0];
        if (!edge) return;
        const page = await readPage(this.#query, direction, edge.cursor, signal);
        if (this.#pager.merge(page, direction)) return;
        // Read before events the view no longer keeps: read it again.
      }
    });
  }

  /** Replaces the rows with the member's neighbourhood; resolves to their entry (`null`: unranked). */
  showAroundMe(): Promise<LeaderboardEntry | null> {
    return this.#reading(async (signal, replace) => {
      const around = await readAroundMe(this.#query, signal);
      replace(around);
      return around.me;
    });
  }

  /** Replaces the rows with the top page. */
  showTop(): Promise<void> {
    return this.#reading(async (signal, replace) => replace(await readTop(this.#query, signal)));
  }

  /** Runs `read` as the one read in flight (aborting any other). */
  async #reading<T>(read: (signal: AbortSignal, replace: (snapshot: StandingsSnapshot) => void) => Promise<T>): Promise<T> {
    this.#closed.throwIfAborted();
    this.#read?.abort();
    const controller = (this.#read = new AbortController());
    try {
      return await read(controller.signal, (snapshot) => this.#pager.reset(snapshot));
    } finally {
      if (this.#read === controller) this.#read = undefined;
    }
  }
}

async function readPage(query: BoardQuery, direction: Direction, cursor: string, signal: AbortSignal): Promise<StandingsPage> {
  const { client, communityId, leaderboardId, period, limit } = query;
  const path = paths.leaderboardEntries(communityId, leaderboardId);
  const edge = direction === 'next' ? { cursor } : { before: cursor };
  const { data, meta } = await client.request<LeaderboardEntry[], StandingsMeta>(path, { signal, query: { period, limit, ...edge } });
  return { entries: data, hasMore: (direction === 'next' ? meta!.nextCursor : meta!.prevCursor) !== null, lastEventId: meta!.lastEventId };
}
