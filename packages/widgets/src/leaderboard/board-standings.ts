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

/** Which board and period to read, and how. */
export interface BoardQuery {
  client: WidgetApiClient;
  communityId: string;
  leaderboardId: string;
  board: Leaderboard;
  period: LeaderboardPeriod;
  /** Page size. */
  limit: number;
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

  /** Reads the top page (and, for a member, their own entry) and starts a view on it. */
  static async open(query: BoardQuery, member: boolean, onChange: () => void, signal: AbortSignal): Promise<BoardStandings> {
    const { top, me } = await readStart(query, member, signal);
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
 * The top page and, for a member, "around me" for their pinned row. The view starts from one
 * stream position, so when the two reads straddle an event they are read again (events come
 * at most every few hundred milliseconds, so a second round is rare).
 */
async function readStart(query: BoardQuery, member: boolean, signal: AbortSignal) {
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

async function readTop({ client, communityId, leaderboardId, period, limit }: BoardQuery, signal: AbortSignal) {
  const path = paths.leaderboardEntries(communityId, leaderboardId);
  const { data, meta } = await client.request<LeaderboardEntry[], StandingsMeta>(path, { signal, query: { period, limit } });
  return snapshotOf(data, meta!);
}

async function readAroundMe({ client, communityId, leaderboardId, period }: BoardQuery, signal: AbortSignal) {
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
