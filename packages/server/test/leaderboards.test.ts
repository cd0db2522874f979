import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  STANDINGS_EVENT,
  paths,
  type AroundMe,
  type ErrorBody,
  type Leaderboard,
  type LeaderboardEntry,
  type StandingsEventData,
  type StandingsMeta,
} from '@rai-kit/core/api';
import { SCOPES } from '@rai-kit/core/auth';
import { applyChanges, applyChangesToEntry, compareStanding, type StandingsSlice } from '@rai-kit/core/leaderboard';
import { parseEventId, type PollMeta, type StreamEvent } from '@rai-kit/core/realtime';
import { sseReader, startApi, type TestApi } from './support.js';

const FLUSH_MS = 20;
/** The API runs in this process: a timer set after an award's response fires after that award's flush. */
const flushed = () => new Promise((resolve) => setTimeout(resolve, FLUSH_MS * 2));

type Page = { data: LeaderboardEntry[]; meta: StandingsMeta };
type Around = { data: AroundMe; meta: StandingsMeta };
type Poll = { data: StreamEvent<StandingsEventData>[]; meta: PollMeta };

describe('leaderboards', () => {
  let t: TestApi;
  let token: string;
  before(async () => {
    t = await startApi({ standingsFlushMs: FLUSH_MS, rateLimit: false });
    token = await t.token();
  });
  after(() => t.close());

  const get = (path: string, auth?: string | null, headers: Record<string, string> = {}) =>
    fetch(t.url(`/widget/v1${path}`), { headers: { ...(auth ? { Authorization: `Bearer ${auth}` } : {}), ...headers } });
  async function ok<T>(path: string, auth?: string | null): Promise<T> {
    const res = await get(path, auth);
    assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
    return res.json() as Promise<T>;
  }
  const entries = (board: string, query = '', auth?: string | null) => ok<Page>(`${paths.leaderboardEntries('demo', board)}${query}`, auth);
  const aroundMe = async (board: string, userId: string, query = '') =>
    ok<Around>(`${paths.leaderboardAroundMe('demo', board)}${query}`, await t.token({ userId }));
  const poll = (board: string, period: string, afterId: string) =>
    fetch(t.url(`/widget/v1${paths.leaderboardEvents('demo', board)}?period=${period}&after=${encodeURIComponent(afterId)}`), {
      headers: { Accept: 'application/json' },
    }).then((res) => res.json() as Promise<Poll>);
  const q = encodeURIComponent;
  /** Awards until each member's all-time XP is the target, then waits for the flush. */
  const setXp = async (targets: Record<string, number>) => {
    const awards = Object.entries(targets).map(async ([userId, xp]) => {
      const me = (await t.upstream.getMe('demo', userId))!;
      assert.equal((await t.award(userId, { xp: xp - me.xp })).status, 200);
    });
    await Promise.all(awards);
    await flushed();
  };
  const view = (entry: LeaderboardEntry) => ({ rank: entry.rank, user: entry.user, score: entry.score, cursor: entry.cursor });

  test('lists public boards; a token of the community with leaderboard:read adds members-only ones', async () => {
    const publicList = await ok<{ data: Leaderboard[]; meta: { nextCursor: string | null } }>(paths.leaderboards('demo'));
    assert.deepEqual(publicList.data.map((b) => b.id), ['lb-xp', 'lb-top10', 'lb-arena', 'lb-founders']);
    assert.equal(publicList.meta.nextCursor, null);
    assert.deepEqual(Object.keys(publicList.data[0]!).sort(), [
      'defaultPeriod', 'description', 'id', 'imageUrl', 'name', 'periods', 'rankingField', 'scoreUnit', 'slug', 'topLimit', 'visibility',
    ]);

    const withToken = await ok<{ data: Leaderboard[] }>(paths.leaderboards('demo'), token);
    assert.deepEqual(withToken.data.map((b) => b.id), ['lb-xp', 'lb-top10', 'lb-arena', 'lb-coins', 'lb-founders']);
    const coins = withToken.data.find((b) => b.id === 'lb-coins')!;
    assert.deepEqual([coins.visibility, coins.rankingField, coins.scoreUnit], ['members', 'coins', { name: 'Coins', symbol: '🪙' }]);

    // Tokens that do not grant the board are ignored, as on every public read.
    for (const other of [await t.token({ scopes: [SCOPES.meRead] }), await t.token({ communityId: 'acme-traders' }), 'not-a-jwt']) {
      assert.equal((await ok<{ data: Leaderboard[] }>(paths.leaderboards('demo'), other)).data.length, 4);
    }

    const first = await ok<{ data: Leaderboard[]; meta: { nextCursor: string } }>(`${paths.leaderboards('demo')}?limit=3`);
    const rest = await ok<{ data: Leaderboard[] }>(`${paths.leaderboards('demo')}?limit=3&cursor=${q(first.meta.nextCursor)}`);
    assert.deepEqual([...first.data, ...rest.data].map((b) => b.id), publicList.data.map((b) => b.id));

    // A board of a community without members: listed, with nobody ranked.
    assert.deepEqual((await ok<{ data: Leaderboard[] }>(paths.leaderboards('fresh-start'))).data.map((b) => b.id), ['lb-launch']);
    const launch = await ok<Page>(paths.leaderboardEntries('fresh-start', 'lb-launch'));
    assert.deepEqual([launch.data, launch.meta.total, launch.meta.nextCursor, launch.meta.prevCursor], [[], 0, null, null]);
    assert.equal((await ok<{ data: Leaderboard[] }>(paths.leaderboards('acme-traders'))).data[0]!.id, 'lb-challenge');
    assert.equal((await get(paths.leaderboards('atlantis'))).status, 404);
  });

  test('GET a leaderboard; 404 for an unknown board or community', async () => {
    const { data } = await ok<{ data: Leaderboard }>(paths.leaderboard('demo', 'lb-xp'));
    assert.equal(data.slug, 'xp');
    assert.deepEqual(data.periods, ['daily', 'weekly', 'monthly', 'yearly', 'all-time']);
    assert.equal(data.defaultPeriod, 'weekly');
    assert.deepEqual(data.scoreUnit, { name: 'XP', symbol: 'XP' });
    assert.match(data.imageUrl!, /^data:image\/svg\+xml,/);
    assert.equal((await ok<{ data: Leaderboard }>(paths.leaderboard('demo', 'lb-top10'))).data.topLimit, 10);
    for (const path of [paths.leaderboard('demo', 'lb-nope'), paths.leaderboard('atlantis', 'lb-xp'), paths.leaderboardEntries('demo', 'lb-nope')]) {
      const res = await get(path, token);
      assert.equal(res.status, 404, path);
      const body: ErrorBody = await res.json();
      assert.equal(body.error.code, 'not_found');
    }
  });

  test('entries are sorted and competition-ranked: equal scores share a rank (1, 1, 3)', async () => {
    const top = (await entries('lb-xp', '?period=all-time&limit=1')).data[0]!;
    await setXp({ u_0021: top.score + 100, u_0020: top.score + 100 });
    const page = await entries('lb-xp', '?period=all-time&limit=50');
    assert.deepEqual(page.data.slice(0, 3).map((e) => [e.rank, e.user.id]), [
      [1, 'u_0020'],
      [1, 'u_0021'],
      [3, top.user.id],
    ]);
    page.data.forEach((entry, i) => {
      assert.equal(entry.rank, 1 + page.data.filter((other) => other.score > entry.score).length);
      if (i > 0) assert.ok(compareStanding(page.data[i - 1]!, entry) < 0, `sorted at ${i}`);
      assert.ok(entry.score > 0 && typeof entry.cursor === 'string', 'ranked, with a cursor');
      assert.ok(entry.previousRank === null || entry.previousRank >= 1, 'previousRank');
    });
    assert.equal(page.meta.prevCursor, null);
    assert.equal(page.meta.nextCursor, page.data.at(-1)!.cursor);
    assert.match(page.meta.lastEventId, new RegExp(`^${t.api.hub.epoch}\\.\\d+$`));
    // The board's default period is weekly.
    const weekly = await entries('lb-xp', '?limit=5');
    assert.deepEqual(weekly.data, (await entries('lb-xp', '?period=weekly&limit=5')).data);
  });

  test('cursors page forward, then `before` pages back, through all 1 000 entries exactly once', async () => {
    const forward: LeaderboardEntry[] = [];
    let page = await entries('lb-coins', '?limit=100', token);
    assert.equal(page.meta.total, 1000);
    forward.push(...page.data);
    while (page.meta.nextCursor) {
      page = await entries('lb-coins', `?limit=100&cursor=${q(page.meta.nextCursor)}`, token);
      forward.push(...page.data);
    }
    assert.equal(forward.length, 1000);
    assert.equal(new Set(forward.map((e) => e.user.id)).size, 1000);
    assert.ok(forward.some((e) => e.user.id.startsWith('u_')) && forward.some((e) => e.user.id.startsWith('p_')), 'members and players');
    forward.slice(1).forEach((entry, i) => assert.ok(compareStanding(forward[i]!, entry) < 0, `sorted at ${i}`));

    // Back from the end, pages of 64 (in rank order each), until the top.
    const backward: LeaderboardEntry[][] = [];
    let prev: string | null = forward.at(-1)!.cursor;
    const last = (await entries('lb-coins', `?limit=1&before=${q(prev)}`, token)).data[0]!;
    assert.deepEqual(last, forward.at(-2));
    while (prev) {
      const back: Page = await entries('lb-coins', `?limit=64&before=${q(prev)}`, token);
      backward.unshift(back.data);
      prev = back.meta.prevCursor;
    }
    assert.deepEqual([...backward.flat(), forward.at(-1)], forward);
    assert.equal(backward[0]!.length, 999 % 64);

    // After the last entry: nothing, and the way back is still there.
    const end = await entries('lb-coins', `?cursor=${q(forward.at(-1)!.cursor)}`, token);
    assert.deepEqual(end.data, []);
    assert.equal(end.meta.nextCursor, null);
    assert.deepEqual((await entries('lb-coins', `?limit=2&before=${q(end.meta.prevCursor!)}`, token)).data, forward.slice(-2));
  });

  test("a cursor still works after its member moved: the page starts after the old position", async () => {
    const page = await entries('lb-xp', '?period=all-time&limit=40');
    const moved = page.data[29]!;
    await setXp({ [moved.user.id]: 1 });
    const after = await entries('lb-xp', `?period=all-time&limit=5&cursor=${q(moved.cursor)}`);
    assert.deepEqual(after.data.map((e) => e.user.id), page.data.slice(30, 35).map((e) => e.user.id));
    const before = await entries('lb-xp', `?period=all-time&limit=5&before=${q(moved.cursor)}`);
    assert.deepEqual(before.data.map((e) => e.user.id), page.data.slice(24, 29).map((e) => e.user.id));
  });

  test('bad cursors, cursor with before, unknown or unoffered periods and limits are 400 with details', async () => {
    const tiersCursor = (await ok<{ meta: { nextCursor: string } }>('/communities/demo/tiers?limit=1')).meta.nextCursor;
    const cases: Array<[string, string, RegExp?]> = [
      ['?cursor=garbage', 'cursor', /Invalid "cursor"/],
      [`?before=${tiersCursor}`, 'before', /Invalid "before"/],
      [`?cursor=${Buffer.from('{"s":-1,"u":"u_0001"}').toString('base64url')}`, 'cursor'],
      ['?cursor=a&before=b', 'before', /cursor or before/],
      ['?period=hourly', 'period'],
      ['?limit=101', 'limit'],
      ['?limit=0', 'limit'],
    ];
    for (const [query, path, message] of cases) {
      const res = await get(`${paths.leaderboardEntries('demo', 'lb-xp')}${query}`);
      assert.equal(res.status, 400, query);
      const body: ErrorBody = await res.json();
      assert.equal(body.error.code, 'invalid_request');
      assert.equal(body.error.details?.[0]?.path, path, query);
      if (message) assert.match(body.error.message, message);
    }
    const res = await get(`${paths.leaderboardEntries('demo', 'lb-founders')}?period=daily`);
    assert.equal(res.status, 400);
    const body: ErrorBody = await res.json();
    assert.match(body.error.message, /no "daily" period; use one of: all-time, monthly/);
    assert.equal(body.error.details?.[0]?.path, 'period');
    for (const path of [paths.leaderboardAroundMe('demo', 'lb-founders'), paths.leaderboardEvents('demo', 'lb-founders')]) {
      assert.equal((await get(`${path}?period=weekly`, token)).status, 400, path);
    }
    assert.equal((await get(`${paths.leaderboardAroundMe('demo', 'lb-xp')}?radius=51`, token)).status, 400);
  });

  test('the Founders Circle ranks exactly ten members', async () => {
    const page = await entries('lb-founders', '?limit=100');
    assert.equal(page.meta.total, 10);
    assert.equal(page.data.length, 10);
    assert.ok(page.data.every((e) => e.user.id.startsWith('u_')), 'members only');
  });

  test('a top-10 board serves only ranks up to 10', async () => {
    const top = await entries('lb-top10', '?limit=100');
    assert.ok(top.data.length >= 10 && top.data.length === top.meta.total, `${top.data.length} of ${top.meta.total}`);
    assert.ok(top.data.every((e) => e.rank <= 10), 'ranks up to 10');
    assert.equal(top.meta.nextCursor, null);
    const xp = await entries('lb-xp', `?period=weekly&limit=${top.data.length + 1}`);
    assert.deepEqual(top.data.map(view), xp.data.slice(0, top.data.length).map(view));
    assert.ok(xp.data.at(-1)!.rank > 10, 'the next row is beyond 10');
    assert.deepEqual((await entries('lb-top10', `?cursor=${q(top.data.at(-1)!.cursor)}`)).data, []);
    const outside = await aroundMe('lb-top10', xp.data.at(-1)!.user.id);
    assert.deepEqual(outside.data, { me: null, entries: [] });
    assert.equal(outside.meta.total, top.meta.total);
  });

  test('the 100 000 board: members spread through it, deep pages by cursor both ways', async () => {
    const first = await entries('lb-arena', '?limit=100');
    assert.equal(first.meta.total, 100_000);
    const me = (await aroundMe('lb-arena', 'u_0001', '?radius=0')).data.me!;
    assert.ok(me.rank > 1_000, `u_0001 is ranked ${me.rank}`);

    const deep = await entries('lb-arena', `?limit=100&cursor=${q(me.cursor)}`);
    assert.equal(deep.data.length, 100);
    assert.ok(deep.data[0]!.rank >= me.rank && compareStanding(me, deep.data[0]!) < 0, 'the page follows u_0001');
    const back = await entries('lb-arena', `?limit=100&before=${q(deep.data[0]!.cursor)}`);
    assert.deepEqual(back.data.at(-1), me);
    // Generated players are not members: no awards for them.
    assert.equal((await t.award(deep.data.find((e) => e.user.id.startsWith('p_'))!.user.id, { xp: 1 })).status, 404);
  });

  test('around me: neighbours each side in board order, the member in the middle', async () => {
    const { data, meta } = await aroundMe('lb-arena', 'u_0001');
    assert.equal(data.entries.length, 11);
    assert.deepEqual(data.entries[5], data.me);
    const above = await entries('lb-arena', `?limit=5&before=${q(data.me!.cursor)}`);
    const below = await entries('lb-arena', `?limit=5&cursor=${q(data.me!.cursor)}`);
    assert.deepEqual(data.entries, [...above.data, data.me, ...below.data]);
    assert.deepEqual([meta.prevCursor, meta.nextCursor, meta.total], [data.entries[0]!.cursor, data.entries[10]!.cursor, 100_000]);

    // At the top there is less above, and nothing before it.
    const leader = (await entries('lb-xp', '?limit=1')).data[0]!;
    const top = await aroundMe('lb-xp', leader.user.id, '?radius=3');
    assert.deepEqual(top.data.entries[0], top.data.me);
    assert.equal(top.data.entries.length, 4);
    assert.equal(top.meta.prevCursor, null);
    assert.equal((await aroundMe('lb-xp', leader.user.id, '?radius=0')).data.entries.length, 1);
  });

  test('around me for an unranked member is empty; for a non-member 404; without a token 401', async () => {
    const founders = (await entries('lb-founders')).data.map((e) => e.user.id);
    const outsider = ['u_0050', 'u_0051'].find((id) => !founders.includes(id))!;
    const res = await aroundMe('lb-founders', outsider);
    assert.deepEqual(res.data, { me: null, entries: [] });
    assert.deepEqual([res.meta.prevCursor, res.meta.nextCursor, res.meta.total], [null, null, 10]);

    let idle = 'u_0060';
    while ((await t.upstream.getMe('demo', idle))!.xpToday > 0) idle = `u_${String(Number(idle.slice(2)) + 1).padStart(4, '0')}`;
    assert.equal((await aroundMe('lb-xp', idle, '?period=daily')).data.me, null);
    assert.notEqual((await aroundMe('lb-xp', idle, '?period=all-time')).data.me, null);

    assert.equal((await get(paths.leaderboardAroundMe('demo', 'lb-xp'), await t.token({ userId: 'ghost' }))).status, 404);
    assert.equal((await get(paths.leaderboardAroundMe('demo', 'lb-xp'))).status, 401);
  });

  test('members-only board: 401 without a token, 403 for another community or scope, 200 with one', async () => {
    const reads = [
      paths.leaderboard('demo', 'lb-coins'),
      paths.leaderboardEntries('demo', 'lb-coins'),
      paths.leaderboardAroundMe('demo', 'lb-coins'),
      `${paths.leaderboardEvents('demo', 'lb-coins')}`,
    ];
    const json = { Accept: 'application/json' };
    for (const path of reads) {
      const missing = await get(path, null, json);
      assert.equal(missing.status, 401, path);
      assert.match(missing.headers.get('www-authenticate')!, /^Bearer realm="rai-widgets"/);
      const body: ErrorBody = await missing.json();
      assert.equal(body.error.code, 'unauthorized');
      assert.equal(body.error.requestId, missing.headers.get('x-request-id'));

      const expired = await get(path, 'not.a.token', json);
      assert.equal(expired.status, 401, path);
      const elsewhere = await get(path, await t.token({ communityId: 'acme-traders' }), json);
      assert.equal(elsewhere.status, 403, path);
      assert.equal(((await elsewhere.json()) as ErrorBody).error.code, 'forbidden');
      const unscoped = await get(path, await t.token({ scopes: [SCOPES.meRead] }), json);
      assert.equal(unscoped.status, 403, path);
      assert.match(unscoped.headers.get('www-authenticate')!, /insufficient_scope/);
      assert.equal((await get(path, token, json)).status, 200, path);
    }
    // Public boards take any token, or none.
    assert.equal((await get(paths.leaderboardEntries('demo', 'lb-xp'), await t.token({ communityId: 'acme-traders' }))).status, 200);
  });

  test('a burst of awards is one standings.changed event carrying both changes', async () => {
    const response = await fetch(t.url(`/widget/v1${paths.leaderboardEvents('demo', 'lb-xp')}?period=all-time`), {
      headers: { Accept: 'text/event-stream' },
    });
    assert.match(response.headers.get('content-type')!, /^text\/event-stream/);
    const stream = sseReader(response);
    try {
      const snapshot = await entries('lb-xp', '?period=all-time&limit=100');
      const [a, b] = [snapshot.data[40]!, snapshot.data[70]!];
      // Both in the same tick: one flush, one event, whatever the machine's load.
      await Promise.all([t.upstream.award('demo', a.user.id, { xp: 7, reason: 'burst' }), t.upstream.award('demo', b.user.id, { xp: -5, reason: 'burst' })]);
      const [event] = await stream.events(1);
      assert.equal(event!.event, STANDINGS_EVENT);
      assert.equal(parseEventId(event!.id!)!.seq, parseEventId(snapshot.meta.lastEventId)!.seq + 1);
      const data = event!.data as StandingsEventData;
      assert.equal(data.period, 'all-time');
      const fresh = await entries('lb-xp', '?period=all-time&limit=100');
      assert.equal(fresh.meta.lastEventId, event!.id);
      const now = (id: string) => fresh.data.find((e) => e.user.id === id)!;
      assert.deepEqual(data.changes, [a, b].map((was) => ({
        user: was.user,
        score: now(was.user.id).score,
        rank: now(was.user.id).rank,
        cursor: now(was.user.id).cursor,
        from: { score: was.score, rank: was.rank },
      })).sort(compareStanding));
      assert.deepEqual([now(a.user.id).score, now(b.user.id).score], [a.score + 7, b.score - 5]);
      await assert.rejects(stream.next(FLUSH_MS * 5), /No SSE item/, 'no second event');
    } finally {
      await stream.close();
    }
  });

  test('convergence: the top page plus the events after its lastEventId equals a fresh read', async () => {
    const snapshot = await entries('lb-xp', '?limit=20');
    const next = await entries('lb-xp', `?limit=20&cursor=${q(snapshot.meta.nextCursor!)}`);
    const weekly = async (id: string) => (await aroundMe('lb-xp', id, '?radius=0')).data.me!.score;
    const award = async (targets: Record<string, number>) => {
      for (const [id, score] of Object.entries(targets)) assert.equal((await t.award(id, { xp: score - (await weekly(id)) })).status, 200);
      await flushed();
    };
    const [s, n] = [snapshot.data, next.data];
    await award({ [n[3]!.user.id]: s[2]!.score, [s[0]!.user.id]: 0 }); // one joins in a tie at #3, the leader leaves
    await award({ [s[5]!.user.id]: s[5]!.score + 1, [s[6]!.user.id]: s[6]!.score - 1 }); // reorder inside
    await award({ [s[10]!.user.id]: n[10]!.score, [n[5]!.user.id]: s[19]!.score }); // one drops off the page, one ties the last row
    await award({ [n[3]!.user.id]: s[1]!.score + 50 }); // and climbs again

    const events = await poll('lb-xp', 'weekly', snapshot.meta.lastEventId);
    assert.equal(events.meta.reset, false);
    // At least one event per burst (a slow award may land in the next flush: that must add up too).
    assert.ok(events.data.length >= 4, `${events.data.length} events`);
    let slice: StandingsSlice = { entries: snapshot.data, hasPrev: false, hasNext: true };
    let total = snapshot.meta.total;
    for (const { event, data } of events.data) {
      assert.equal(event, STANDINGS_EVENT);
      slice = applyChanges(slice, data.changes);
      for (const change of data.changes) total += Number(change.rank !== null) - Number(change.from.rank !== null);
    }
    const fresh = await entries('lb-xp', `?limit=${slice.entries.length}`);
    assert.deepEqual(slice.entries.map(view), fresh.data.map(view));
    assert.equal(fresh.meta.lastEventId, events.meta.lastEventId);
    assert.equal(total, fresh.meta.total);
    assert.equal(total, snapshot.meta.total - 1);
  });

  test('convergence: an around-me window of the 100 000 board, and the member, follow the events', async () => {
    const snapshot = (await aroundMe('lb-arena', 'u_0001')).data;
    const meta = (await aroundMe('lb-arena', 'u_0001')).meta;
    const w = snapshot.entries;
    const me = snapshot.me!;
    // Members well below and well above the window, to move into it.
    const members: { id: string; xp: number }[] = [];
    for (let i = 2; i <= 150; i++) {
      const id = `u_${String(i).padStart(4, '0')}`;
      members.push({ id, xp: (await t.upstream.getMe('demo', id))!.xp });
    }
    const [low1, low2] = members.filter((m) => m.xp > 0 && m.xp < w.at(-1)!.score - 100);
    const high = members.find((m) => m.xp > w[0]!.score + 100)!;
    assert.ok(low1 && low2 && high, 'members on both sides of the window');
    // A score strictly inside the window, so whoever reaches it lands inside whatever their id.
    const inside = w[5]!.score;
    assert.ok(w[0]!.score > inside && inside > w[10]!.score, 'the window spans several scores');

    await setXp({ [low1.id]: w[2]!.score, [low2.id]: inside }); // two join the window, ties included
    await setXp({ u_0001: me.score + 3 }); // the member climbs a little
    await setXp({ [high.id]: inside, [low1.id]: 0 }); // one falls into the window, one leaves the board

    const events = await poll('lb-arena', 'all-time', meta.lastEventId);
    assert.ok(events.data.length >= 3, `${events.data.length} events`);
    let slice: StandingsSlice = { entries: w, hasPrev: true, hasNext: true };
    let mine: LeaderboardEntry | null = me;
    for (const { data } of events.data) {
      slice = applyChanges(slice, data.changes);
      mine = applyChangesToEntry(mine, 'u_0001', data.changes);
    }

    // A fresh read of the same range: everything from the window's first position to its last.
    const anchor = (await entries('lb-arena', `?limit=1&before=${q(w[0]!.cursor)}`)).data[0]!;
    const range = (await entries('lb-arena', `?limit=100&cursor=${q(anchor.cursor)}`)).data.filter((e) => compareStanding(e, w.at(-1)!) <= 0);
    assert.deepEqual(slice.entries.map(view), range.map(view));
    assert.ok(range.some((e) => e.user.id === low2.id) && range.some((e) => e.user.id === high.id), 'the movers are in the window');
    assert.deepEqual(mine, (await aroundMe('lb-arena', 'u_0001', '?radius=0')).data.me);
  });

  test('convergence on a top-10 board: rows pushed past the limit or pulled within it are in the batch', async () => {
    const snapshot = await entries('lb-top10', '?limit=100');
    const xp = await entries('lb-xp', '?period=weekly&limit=30');
    const outsider = xp.data[20]!;
    const weekly = async (id: string) => (await aroundMe('lb-xp', id, '?radius=0')).data.me!.score;
    const award = async (id: string, score: number) => {
      assert.equal((await t.award(id, { xp: score - (await weekly(id)) })).status, 200);
      await flushed();
    };
    await award(outsider.user.id, snapshot.data[0]!.score + 10); // a newcomer on top pushes #10 out
    await award(snapshot.data[1]!.user.id, 0); // a leader leaves, #11 comes in

    const events = await poll('lb-top10', 'weekly', snapshot.meta.lastEventId);
    assert.equal(events.data.length, 2);
    let slice: StandingsSlice = { entries: snapshot.data, hasPrev: false, hasNext: false };
    let total = snapshot.meta.total;
    for (const { data } of events.data) {
      slice = applyChanges(slice, data.changes, 10);
      for (const change of data.changes) total += Number(change.rank !== null) - Number(change.from.rank !== null);
    }
    const pushedOut = events.data[0]!.data.changes.find((c) => c.rank === null);
    assert.ok(pushedOut && pushedOut.from.score === pushedOut.score, 'the row pushed out is announced');
    const fresh = await entries('lb-top10', '?limit=100');
    assert.deepEqual(slice.entries.map(view), fresh.data.map(view));
    assert.equal(total, fresh.meta.total);

    // A change far below the limit is not announced (nor its score served).
    const far = xp.data[25]!.user.id;
    const xpPosition = (await entries('lb-xp', '?limit=1')).meta.lastEventId;
    await award(far, (await weekly(far)) + 1);
    assert.deepEqual((await poll('lb-top10', 'weekly', fresh.meta.lastEventId)).data, []);
    const [onXp] = (await poll('lb-xp', 'weekly', xpPosition)).data;
    assert.deepEqual(onXp?.data.changes.map((c) => c.user.id), [far]);
  });

  test('the OpenAPI document describes the leaderboard routes and their payloads', async () => {
    const doc = await ok<{ paths: Record<string, { get: { summary: string; responses: Record<string, unknown> } }>; components: { schemas: Record<string, unknown> } }>(
      '/openapi.json',
    );
    const routes = Object.entries(doc.paths).filter(([path]) => path.includes('/leaderboards'));
    assert.equal(routes.length, 5);
    for (const [path, { get: operation }] of routes) {
      assert.ok(operation.summary, path);
      assert.ok(['200', '400', '404', '429'].every((status) => status in operation.responses), path);
    }
    assert.ok('401' in doc.paths['/communities/{communityId}/leaderboards/{leaderboardId}/entries']!.get.responses, 'entries 401');
    for (const name of ['Leaderboard', 'LeaderboardEntry', 'StandingsMeta', 'AroundMe', 'StandingsChange', 'StandingsEvent']) {
      assert.ok(doc.components.schemas[name], name);
    }
  });
});
