import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEventId } from '@rai-kit/core/realtime';
import { openMeStream, startApi, type TestApi } from './support.js';

describe('me event stream', () => {
  let t: TestApi;
  before(async () => (t = await startApi({ heartbeatMs: 150 })));
  after(() => t.close());

  test('an award is delivered as xp.changed then coins.changed with the new snapshot', async () => {
    const token = await t.token({ userId: 'u_0010' });
    const { response, stream } = await openMeStream(t, token);
    try {
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type')!, /^text\/event-stream/);
      assert.equal(response.headers.get('cache-control'), 'no-cache, no-transform');
      assert.ok(response.headers.get('x-request-id'));
      assert.equal((await t.award('u_0010', { xp: 5, coins: 2, reason: 'message' })).status, 200);
      const [xp, coins] = await stream.events(2);
      assert.equal(xp!.event, 'xp.changed');
      assert.equal(coins!.event, 'coins.changed');
      const me = await t.upstream.getMe('demo', 'u_0010');
      assert.deepEqual(xp!.data, { me, delta: 5, reason: 'message' });
      assert.equal(parseEventId(coins!.id!)!.seq, parseEventId(xp!.id!)!.seq + 1);
    } finally {
      await stream.close();
    }
  });

  test('a tier change is announced with previousTier', async () => {
    const token = await t.token({ userId: 'u_0011' });
    const before = (await t.upstream.getMe('demo', 'u_0011'))!;
    const { stream } = await openMeStream(t, token);
    try {
      await t.award('u_0011', { xp: before.nextTier!.minXp - before.xp });
      const [, tier] = await stream.events(2);
      assert.equal(tier!.event, 'tier.changed');
      const data = tier!.data as { previousTier: { id: string }; me: { tier: { id: string } } };
      assert.equal(data.previousTier.id, before.tier.id);
      assert.equal(data.me.tier.id, before.nextTier!.id);
    } finally {
      await stream.close();
    }
  });

  test('resume with Last-Event-ID delivers exactly the missed events', async () => {
    const token = await t.token({ userId: 'u_0012' });
    const first = await openMeStream(t, token);
    await t.award('u_0012', { xp: 1, reason: 'r1' });
    const [seen] = await first.stream.events(1);
    await first.stream.close();

    for (const reason of ['r2', 'r3', 'r4']) await t.award('u_0012', { xp: 1, reason });
    const resumed = await openMeStream(t, token, { 'Last-Event-ID': seen!.id! });
    try {
      const replayed = await resumed.stream.events(3);
      assert.deepEqual(replayed.map((e) => (e.data as { reason: string }).reason), ['r2', 'r3', 'r4']);
      const seqs = replayed.map((e) => parseEventId(e.id!)!.seq);
      assert.deepEqual(seqs, [1, 2, 3].map((n) => parseEventId(seen!.id!)!.seq + n));
      // Then live events continue after the replay, with no duplicates in between.
      await t.award('u_0012', { xp: 1, reason: 'r5' });
      let next = await resumed.stream.next();
      while (next?.kind === 'comment') next = await resumed.stream.next();
      assert.equal(next?.kind === 'event' && (next.data as { reason: string }).reason, 'r5');
    } finally {
      await resumed.stream.close();
    }
  });

  test('an id from another epoch gets a reset event first', async () => {
    const token = await t.token({ userId: 'u_0013' });
    await t.award('u_0013', { xp: 1 });
    const { stream } = await openMeStream(t, token, { 'Last-Event-ID': 'someoldepoch.4' });
    try {
      const [reset] = await stream.events(1);
      assert.equal(reset!.event, 'reset');
      const id = parseEventId(reset!.id!)!;
      assert.equal(id.epoch, t.api.hub.epoch);
      // Resuming from the reset's id loses nothing that follows.
      await t.award('u_0013', { xp: 1, reason: 'after-reset' });
      const [live] = await stream.events(1);
      assert.equal((live!.data as { reason: string }).reason, 'after-reset');
      assert.equal(parseEventId(live!.id!)!.seq, id.seq + 1);
    } finally {
      await stream.close();
    }
  });

  test('an id from the future or malformed also resets', async () => {
    const token = await t.token({ userId: 'u_0014' });
    for (const id of [`${t.api.hub.epoch}.999`, 'garbage']) {
      const { stream } = await openMeStream(t, token, { 'Last-Event-ID': id });
      try {
        assert.equal((await stream.events(1))[0]!.event, 'reset', id);
      } finally {
        await stream.close();
      }
    }
  });

  test('heartbeat comments arrive on an idle stream', async () => {
    const { stream } = await openMeStream(t, await t.token({ userId: 'u_0015' }));
    try {
      const comments: string[] = [];
      while (comments.length < 3) {
        const item = await stream.next(1000);
        if (item?.kind === 'comment') comments.push(item.text);
      }
      assert.deepEqual(comments, ['connected', 'ping', 'ping']);
    } finally {
      await stream.close();
    }
  });

  test('polling fallback returns events after `after`', async () => {
    const token = await t.token({ userId: 'u_0016' });
    const poll = async (after?: string) => {
      const res = await fetch(t.url(`/widget/v1/communities/demo/me/events${after ? `?after=${encodeURIComponent(after)}` : ''}`), {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /application\/json/);
      return res.json();
    };
    const empty = await poll();
    assert.deepEqual(empty, { data: [], meta: { lastEventId: `${t.api.hub.epoch}.0`, reset: false } });

    await t.award('u_0016', { xp: 1, coins: 1, reason: 'p1' });
    const start = await poll();
    assert.deepEqual(start.data, []);
    const cursor = start.meta.lastEventId;
    assert.equal(parseEventId(cursor)!.seq, 2);

    await t.award('u_0016', { xp: 2, reason: 'p2' });
    await t.award('u_0016', { coins: 3, reason: 'p3' });
    const page = await poll(cursor);
    assert.deepEqual(page.data.map((e: { event: string }) => e.event), ['xp.changed', 'coins.changed']);
    assert.deepEqual(page.meta, { lastEventId: page.data[1].id, reset: false });
    assert.deepEqual(await poll(page.meta.lastEventId), { data: [], meta: { lastEventId: page.data[1].id, reset: false } });
    assert.equal((await poll('oldepoch.1')).meta.reset, true);
  });

  test('events of one member never reach another', async () => {
    const { stream } = await openMeStream(t, await t.token({ userId: 'u_0017' }));
    try {
      await t.award('u_0018', { xp: 1 });
      await t.award('u_0017', { xp: 1, reason: 'mine' });
      const [event] = await stream.events(1);
      assert.equal((event!.data as { me: { user: { id: string } } }).me.user.id, 'u_0017');
    } finally {
      await stream.close();
    }
  });
});

describe('replay buffer overflow', () => {
  test('an id older than the buffer gets a reset', async () => {
    const { SseHub } = await import('../src/index.js');
    const hub = new SseHub({ bufferSize: 3 });
    const first = hub.publish('topic', 'e', 1);
    for (let i = 2; i <= 5; i++) hub.publish('topic', 'e', i);
    assert.equal(hub.replay('topic', first.id).reset, true);
    const fromSecond = hub.replay('topic', `${hub.epoch}.2`);
    assert.deepEqual(fromSecond.events.map((e) => e.data), [3, 4, 5]);
    assert.equal(fromSecond.reset, false);
    assert.deepEqual(hub.replay('topic', `${hub.epoch}.5`), { events: [], reset: false, lastEventId: `${hub.epoch}.5` });
  });
});
