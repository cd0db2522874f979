import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LeaderboardPeriod, UserSummary } from '@rai-kit/core/api';
import type { MeChange, Page, StandingsBatch, Upstream } from '../src/index.js';
import { createMemoryUpstream } from '../src/index.js';
import { mulberry32 } from '../src/upstream/memory/prng.js';

const COMMUNITIES = ['demo', 'acme-traders', 'night-owls'];

async function everything(upstream: Upstream) {
  const all: unknown[] = [];
  for (const cid of COMMUNITIES) {
    all.push(await upstream.getCommunity(cid), await upstream.allowedOrigins(cid));
    all.push(await upstream.listTiers(cid, { limit: 100 }), await upstream.listXpRules(cid, { limit: 100 }));
    let cursor: string | null = null;
    do {
      const page: Page<UserSummary> = (await upstream.listUsers(cid, { limit: 100, ...(cursor ? { cursor } : {}) }))!;
      for (const user of page.items) all.push(await upstream.getMe(cid, user.id));
      cursor = page.nextCursor;
    } while (cursor);
  }
  return JSON.stringify(all);
}

test('mulberry32 is deterministic per seed and stays in [0, 1)', () => {
  const a = mulberry32(123);
  const b = mulberry32(123);
  const c = mulberry32(124);
  const seqA = Array.from({ length: 1000 }, a);
  assert.deepEqual(seqA, Array.from({ length: 1000 }, b));
  assert.notDeepEqual(seqA.slice(0, 10), Array.from({ length: 10 }, c));
  assert.ok(seqA.every((x) => x >= 0 && x < 1));
});

test('the same seed gives byte-identical data; another seed differs', async () => {
  const [a, b, c] = await Promise.all([1, 1, 2].map((seed) => everything(createMemoryUpstream({ seed }))));
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test('three communities, demo among them, each with a full profile', async () => {
  const upstream = createMemoryUpstream();
  for (const cid of COMMUNITIES) {
    const community = (await upstream.getCommunity(cid))!;
    assert.equal(community.id, cid);
    assert.ok(community.name && community.description && community.currency.name && community.currency.symbol);
    assert.match(community.theme.primary, /^#[0-9a-f]{6}$/);
    assert.match(community.logoUrl, /^data:image\/svg\+xml,/);
    const tiers = (await upstream.listTiers(cid, { limit: 100 }))!.items;
    assert.ok(tiers.length >= 5 && tiers.length <= 6);
    assert.equal(tiers[0]!.minXp, 0);
    assert.deepEqual(tiers.map((t) => t.level), tiers.map((_, i) => i + 1));
    assert.ok(tiers.every((t, i) => i === 0 || t.minXp > tiers[i - 1]!.minXp));
    const rules = (await upstream.listXpRules(cid, { limit: 100 }))!.items;
    assert.ok(rules.length >= 5 && rules.length <= 8);
    assert.ok((await upstream.allowedOrigins(cid)).length > 0);
  }
  assert.equal(await upstream.getCommunity('nope'), null);
  assert.equal(await upstream.listTiers('nope', { limit: 10 }), null);
  assert.deepEqual(await upstream.allowedOrigins('nope'), []);
});

test('200–400 members with predictable ids and local SVG avatars', async () => {
  const upstream = createMemoryUpstream({ seed: 5 });
  const users = [];
  let cursor: string | null = null;
  do {
    const page: Page<UserSummary> = (await upstream.listUsers('demo', { limit: 100, ...(cursor ? { cursor } : {}) }))!;
    users.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  assert.ok(users.length >= 200 && users.length <= 400, `${users.length} members`);
  assert.equal(users[0]!.id, 'u_0001');
  assert.equal(users[1]!.id, 'u_0002');
  assert.ok(users.every((u) => /^\S+ \S+$/.test(u.displayName)));
  assert.ok(users.every((u) => u.avatarUrl.startsWith('data:image/svg+xml,') && !/https?%3A%2F%2F(?!www\.w3\.org)/.test(u.avatarUrl)));
  const me = (await upstream.getMe('demo', 'u_0002'))!;
  assert.ok(me.xpToday <= me.xp && me.coinsToday <= me.coins);
  assert.equal(await upstream.getMe('demo', 'u_9999'), null);
});

test('award updates balances, recomputes the tier and emits xp, coins and tier events', async () => {
  const upstream = createMemoryUpstream({ seed: 3 });
  const changes: MeChange[] = [];
  const unsubscribe = upstream.onMeChange((change) => changes.push(change));
  const tiers = (await upstream.listTiers('demo', { limit: 100 }))!.items;
  const before = (await upstream.getMe('demo', 'u_0003'))!;
  const nextTier = tiers.find((t) => t.minXp > before.xp)!;
  const xp = nextTier.minXp - before.xp;

  const after = (await upstream.award('demo', 'u_0003', { xp, coins: 7, reason: 'test' }))!;
  assert.equal(after.xp, before.xp + xp);
  assert.equal(after.coins, before.coins + 7);
  assert.equal(after.xpToday, before.xpToday + xp);
  assert.equal(after.coinsToday, before.coinsToday + 7);
  assert.equal(after.tier.id, nextTier.id);
  assert.deepEqual(await upstream.getMe('demo', 'u_0003'), after);

  assert.deepEqual(changes.map((c) => c.type), ['xp.changed', 'coins.changed', 'tier.changed']);
  assert.ok(changes.every((c) => c.communityId === 'demo' && c.userId === 'u_0003' && c.data.reason === 'test'));
  assert.deepEqual(changes.map((c) => c.data.delta), [xp, 7, 0]);
  assert.deepEqual(changes[2]!.data.previousTier, before.tier);
  assert.deepEqual(changes[2]!.data.me, after);

  unsubscribe();
  await upstream.award('demo', 'u_0003', { coins: 1, reason: 'test' });
  assert.equal(changes.length, 3, 'no events after unsubscribe');
});

test('balances never go below zero and an unknown member is null', async () => {
  const upstream = createMemoryUpstream();
  const me = (await upstream.award('demo', 'u_0004', { xp: -10_000_000, coins: -10_000_000, reason: 'reset' }))!;
  assert.equal(me.xp, 0);
  assert.equal(me.coins, 0);
  assert.equal(me.tier.minXp, 0);
  assert.equal(await upstream.award('demo', 'nobody', { xp: 1, reason: 'x' }), null);
});

test('returned data cannot mutate the sandbox', async () => {
  const upstream = createMemoryUpstream();
  const community = (await upstream.getCommunity('demo'))!;
  community.name = 'hacked';
  const me = (await upstream.getMe('demo', 'u_0001'))!;
  me.tier.name = 'hacked';
  assert.notEqual((await upstream.getCommunity('demo'))!.name, 'hacked');
  assert.notEqual((await upstream.getMe('demo', 'u_0001'))!.tier.name, 'hacked');
});

test('leaderboards: same seed, same standings; awards show only after the flush, one batch per board and period', async () => {
  const [a, b] = [createMemoryUpstream({ seed: 4, standingsFlushMs: 10_000 }), createMemoryUpstream({ seed: 4 })];
  const read = (upstream: Upstream, board: string, period: LeaderboardPeriod) => upstream.listStandings('demo', board, period, { limit: 100 });
  for (const board of ['lb-xp', 'lb-coins', 'lb-founders', 'lb-top10']) {
    for (const period of (await a.getLeaderboard('demo', board))!.periods) assert.deepEqual(await read(a, board, period), await read(b, board, period));
  }
  assert.equal(await a.listStandings('demo', 'lb-nope', 'all-time', { limit: 1 }), null);
  assert.equal(await a.getLeaderboard('fresh-start', 'lb-xp'), null);

  const batches: StandingsBatch[] = [];
  a.onStandingsChange((batch) => batches.push(batch));
  const before = (await read(a, 'lb-xp', 'all-time'))!;
  const member = before.entries[50]!;
  await a.award('demo', member.user.id, { xp: 5, reason: 'test' });
  await a.award('demo', member.user.id, { xp: 7, reason: 'test' });
  assert.deepEqual(await read(a, 'lb-xp', 'all-time'), before, 'nothing moves before the flush');
  assert.equal(batches.length, 0);

  a.close(); // flushes now
  const xp = batches.filter((batch) => batch.leaderboardId === 'lb-xp');
  assert.deepEqual(xp.map((batch) => batch.period).sort(), ['all-time', 'daily', 'monthly', 'weekly', 'yearly']);
  const change = xp.find((batch) => batch.period === 'all-time')!.changes;
  assert.deepEqual(change, [{ user: member.user, score: member.score + 12, rank: change[0]!.rank, from: { score: member.score, rank: member.rank } }]);
  assert.equal((await a.standingsAround('demo', 'lb-xp', 'all-time', member.user.id, 0))!.me!.rank, change[0]!.rank);
  assert.ok(batches.every((batch) => batch.communityId === 'demo' && batch.leaderboardId !== 'lb-coins'), 'coins boards did not move');
  a.close();
  b.close();
});
