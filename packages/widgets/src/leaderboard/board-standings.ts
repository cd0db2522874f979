import {
  paths,
  type AroundMe,
  type Leaderboard,
  type LeaderboardEntry,
  type LeaderboardPeriod,
  type Me,
  type StandingsEventData,
  type StandingsMeta,
  type WidgetApiClient,
} from '@rai-kit/core/api';
import { StandingsView, type StandingsSnapshot } from '@rai-kit/core/leaderboard';
import type { StreamEvent } from '@rai-kit/core/realtime';
import type { BoardNavigation } from './board-navigation.js';
import { navigationCode } from './navigation-code.js';

/** Which board to read, and how; without `period` the server answers for the board's default. */
export interface ReadQuery {
  client: WidgetApiClient;
  communityId: string;
  leaderboardId: string;
  period?: LeaderboardPeriod;
  /** Page size. */
  limit: number;
}

/** A board whose configuration is loaded, and the period shown. */
export interface BoardQuery extends ReadQuery {
  board: Leaderboard;
  period: LeaderboardPeriod;
}

/** What a view starts from: the top page and, for a member, their own entry. */
export interface Start {
  top: StandingsSnapshot;
  me: LeaderboardEntry | null;
}

export type Direction = 'next' | 'prev';

/** Neighbours each side of the member in "around me". */
const RADIUS = 10;
/** Attempts at two reads from one stream position, and at a page the view can merge. */
export const ATTEMPTS = 3;

/**
 * One board and period as a widget shows it: a {@link StandingsView} (which keeps rows,
 * the member's entry and the total consistent with the stream), filled first with the top
 * page (and the member's own entry). What the reader does next (pages either side, "around
 * me", the top again) is a {@link BoardNavigation}, loaded on first use; `close()` aborts it.
 */
export class BoardStandings {
  readonly view: StandingsView;
  readonly query: BoardQuery;
  readonly #onChange: () => void;
  readonly #closed = new AbortController();
  #navigation: BoardNavigation | undefined;
  /** The navigation's code on its way (forgotten once it arrived or failed: the next call tries again). */
  #loading: Promise<BoardNavigation> | undefined;
  /** Actions waiting for that code (a prefetch is not one: it leaves the buttons alone). */
  #waiting = 0;

  /**
   * Reads the top page (and, for a member, their own entry), or takes them from `prefetch`
   * when it read the same, and starts a view on them.
   */
  static async open(query: BoardQuery, member: boolean, onChange: () => void, signal: AbortSignal, prefetch?: StartPrefetch): Promise<BoardStandings> {
    const { top, me } = await (prefetch?.take(query, signal) ?? readStart(query, member, signal));
    const userId = member ? (me?.user.id ?? (await memberId(query, signal))) : null;
    const standings = new BoardStandings(query, userId, onChange);
    standings.view.reset({ ...top, me });
    return standings;
  }

  private constructor(query: BoardQuery, userId: string | null, onChange: () => void) {
    this.query = query;
    this.#onChange = onChange;
    this.view = new StandingsView({ userId, topLimit: query.board.topLimit, onChange });
  }

  /** The board's event stream for this period. */
  get eventsUrl(): string {
    const { client, communityId, leaderboardId, period } = this.query;
    return client.url(paths.leaderboardEvents(communityId, leaderboardId), { period });
  }

  /** An action waits for the navigation's code, a read is in flight, or a page waits to be merged. */
  get busy(): boolean {
    return this.#navigation?.busy ?? this.#waiting > 0;
  }

  /**
   * The navigation, for an action: its code is loaded first if need be (`busy` meanwhile, and
   * `onChange` once it arrived). Rejects when the code cannot be loaded; the next call tries again.
   */
  async navigation(): Promise<BoardNavigation> {
    if (this.#navigation) return this.#navigation;
    this.#waiting++;
    try {
      return await this.#load();
    } finally {
      this.#waiting--;
    }
  }

  /** Loads the navigation's code ahead of an action (on intent); a failure is left to the action. */
  prefetch(): void {
    if (!this.#navigation) this.#load().catch(() => {});
  }

  #load(): Promise<BoardNavigation> {
    this.#loading ??= navigationCode
      .load()
      .then(({ BoardNavigation }) => (this.#navigation = new BoardNavigation(this.view, this.query, this.#closed.signal)))
      .finally(() => {
        this.#loading = undefined;
        this.#onChange();
      });
    return this.#loading;
  }

  /** Applies an event of the board's stream: through the navigation once there is one (it joins pages with them). */
  apply(event: StreamEvent<StandingsEventData>): void {
    (this.#navigation ?? this.view).apply(event);
  }

  close(): void {
    this.#closed.abort();
  }
}

/**
 * The first read of a board, started beside the read of its configuration so the first rows
 * need not wait for it: without a `period` the entries endpoint answers for the board's
 * default. Handed over once, to the standings for the period and page size it read.
 */
export class StartPrefetch {
  readonly #query: ReadQuery;
  readonly #controller = new AbortController();
  #start: Promise<Start> | undefined;

  /** `signal`: the board's read, which aborts this when its inputs change. */
  constructor(query: ReadQuery, member: boolean, signal: AbortSignal) {
    this.#query = query;
    this.#follow(signal);
    this.#start = readStart(query, member, this.#controller.signal);
    // Its failure is the standings' to report, if they take it (a period the board lacks answers 400, and is not taken).
    this.#start.catch(() => {});
  }

  /** The read, when it was for `query`'s period and page size and not taken before; otherwise aborts it. */
  take(query: BoardQuery, signal: AbortSignal): Promise<Start> | undefined {
    const start = this.#start;
    this.#start = undefined;
    const { period = query.board.defaultPeriod, limit } = this.#query;
    if (!start || period !== query.period || limit !== query.limit) {
      this.#controller.abort();
      return undefined;
    }
    this.#follow(signal);
    return start;
  }

  #follow(signal: AbortSignal): void {
    signal.addEventListener('abort', () => this.#controller.abort(signal.reason), { once: true });
  }
}

/**
 * The top page and, for a member, "around me" for their pinned row. The view starts from one
 * stream position, so when the two reads straddle an event they are read again (events come
 * at most every few hundred milliseconds, so a second round is rare).
 */
async function readStart(query: ReadQuery, member: boolean, signal: AbortSignal): Promise<Start> {
  for (let attempt = 1; ; attempt++) {
    const [top, around] = await Promise.all([readTop(query, signal), member ? readAroundMe(query, signal) : null]);
    if (!around || around.lastEventId === top.lastEventId || attempt === ATTEMPTS) return { top, me: around?.me ?? null };
  }
}

/** An unranked member has no entry to learn their id from; the view needs it to spot them arriving. */
async function memberId({ client, communityId }: BoardQuery, signal: AbortSignal): Promise<string | null> {
  try {
    return (await client.get<Me>(paths.me(communityId), { signal })).user.id;
  } catch (error) {
    if (signal.aborted) throw error;
    return null; // a token without `me:read`: the pinned row then updates on reload only
  }
}

function snapshotOf(entries: LeaderboardEntry[], meta: StandingsMeta): StandingsSnapshot {
  return {
    entries,
    hasPrev: meta.prevCursor !== null,
    hasNext: meta.nextCursor !== null,
    total: meta.total,
    lastEventId: meta.lastEventId,
  };
}

/** The top page: the first view, and "Back to top". */
export async function readTop({ client, communityId, leaderboardId, period, limit }: ReadQuery, signal: AbortSignal) {
  const path = paths.leaderboardEntries(communityId, leaderboardId);
  const { data, meta } = await client.request<LeaderboardEntry[], StandingsMeta>(path, { signal, query: { period, limit } });
  return snapshotOf(data, meta!);
}

/** The member's neighbourhood and entry: their pinned row, and "Jump to me". */
export async function readAroundMe({ client, communityId, leaderboardId, period }: ReadQuery, signal: AbortSignal) {
  const path = paths.leaderboardAroundMe(communityId, leaderboardId);
  const { data, meta } = await client.request<AroundMe, StandingsMeta>(path, { signal, query: { period, radius: RADIUS } });
  return { ...snapshotOf(data.entries, meta!), me: data.me };
}
