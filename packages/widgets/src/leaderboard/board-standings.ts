import {
  paths,
  type AroundMe,
  type Leaderboard,
  type LeaderboardEntry,
  type LeaderboardPeriod,
  type Me,
  type StandingsMeta,
  type WidgetApiClient,
} from '@rai-kit/core/api';
import { StandingsView, type StandingsPage, type StandingsSnapshot } from '@rai-kit/core/leaderboard';

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
const ATTEMPTS = 3;

/**
 * One board and period as a widget shows it: a {@link StandingsView} (which keeps rows,
 * the member's entry and the total consistent with the stream) and the reads that fill
 * it: the top page, "around me", and pages either side. One read at a time; `close()`
 * aborts it.
 */
export class BoardStandings {
  readonly view: StandingsView;
  readonly query: BoardQuery;
  #read: AbortController | undefined;
  /** A merged page waits in the view for the stream to catch up. */
  #merging = false;

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
    this.view = new StandingsView({
      userId,
      topLimit: query.board.topLimit,
      onChange: () => {
        this.#merging = false;
        onChange();
      },
    });
  }

  /** The board's event stream for this period. */
  get eventsUrl(): string {
    const { client, communityId, leaderboardId, period } = this.query;
    return client.url(paths.leaderboardEvents(communityId, leaderboardId), { period });
  }

  /** A read is in flight, or a page waits to be merged. */
  get busy(): boolean {
    return this.#read !== undefined || this.#merging;
  }

  /** Loads the page after the last row or before the first; nothing when busy or at the end. */
  async more(direction: Direction): Promise<void> {
    const { slice } = this.view;
    if (this.busy || !(direction === 'next' ? slice.hasNext : slice.hasPrev)) return;
    await this.#reading(async (signal) => {
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        // From the view's own edge row: rows move live, a page cursor from earlier would skip some.
        const { entries } = this.view.slice;
        const edge = direction === 'next' ? entries.at(-1) : entries[0];
        if (!edge) return;
        const page = await readPage(this.query, direction, edge.cursor, signal);
        this.#merging = true;
        if (this.view.merge(page, direction)) return;
        // Read before events the view no longer keeps: read it again.
        this.#merging = false;
      }
    });
  }

  /** Replaces the rows with the member's neighbourhood; resolves to their entry (`null`: unranked). */
  showAroundMe(): Promise<LeaderboardEntry | null> {
    return this.#reading(async (signal, replace) => {
      const around = await readAroundMe(this.query, signal);
      replace(around);
      return around.me;
    });
  }

  /** Replaces the rows with the top page. */
  showTop(): Promise<void> {
    return this.#reading(async (signal, replace) => replace(await readTop(this.query, signal)));
  }

  close(): void {
    this.#read?.abort();
    this.view.dispose();
  }

  /** Runs `read` as the one read in flight (aborting any other). */
  async #reading<T>(read: (signal: AbortSignal, replace: (snapshot: StandingsSnapshot) => void) => Promise<T>): Promise<T> {
    this.#read?.abort();
    const controller = (this.#read = new AbortController());
    try {
      return await read(controller.signal, (snapshot) => this.view.reset(snapshot));
    } finally {
      if (this.#read === controller) this.#read = undefined;
    }
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

async function readTop({ client, communityId, leaderboardId, period, limit }: ReadQuery, signal: AbortSignal) {
  const path = paths.leaderboardEntries(communityId, leaderboardId);
  const { data, meta } = await client.request<LeaderboardEntry[], StandingsMeta>(path, { signal, query: { period, limit } });
  return snapshotOf(data, meta!);
}

async function readAroundMe({ client, communityId, leaderboardId, period }: ReadQuery, signal: AbortSignal) {
  const path = paths.leaderboardAroundMe(communityId, leaderboardId);
  const { data, meta } = await client.request<AroundMe, StandingsMeta>(path, { signal, query: { period, radius: RADIUS } });
  return { ...snapshotOf(data.entries, meta!), me: data.me };
}

async function readPage(query: BoardQuery, direction: Direction, cursor: string, signal: AbortSignal): Promise<StandingsPage> {
  const { client, communityId, leaderboardId, period, limit } = query;
  const path = paths.leaderboardEntries(communityId, leaderboardId);
  const edge = direction === 'next' ? { cursor } : { before: cursor };
  const { data, meta } = await client.request<LeaderboardEntry[], StandingsMeta>(path, { signal, query: { period, limit, ...edge } });
  return { entries: data, hasMore: (direction === 'next' ? meta!.nextCursor : meta!.prevCursor) !== null, lastEventId: meta!.lastEventId };
}
