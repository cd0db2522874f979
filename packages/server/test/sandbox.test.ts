import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openMeStream, startApi, type TestApi } from './support.js';

const json = (body: unknown) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('sandbox admin routes', () => {
  let t: TestApi;
  before(async () => (t = await startApi()));
  after(() => t.close());

  test('award returns the new standing', async () => {
    const before = (await t.upstream.getMe('demo', 'u_0020'))!;
    const res = await t.award('u_0020', { xp: 10, coins: 4 });
    assert.equal(res.status, 200);
    const { data } = await res.json();
    assert.equal(data.xp, before.xp + 10);
    assert.equal(data.coins, before.coins + 4);
  });

  test('award validation names the field', async () => {
    for (const [body, field] of [
      [{}, 'xp'],
      [{ xp: 1.5 }, 'xp'],
      [{ coins: 'ten' }, 'coins'],
      [{ xp: 1, reason: '' }, 'reason'],
    ] as const) {
      const res = await t.award('u_0020', body as never);
      assert.equal(res.status, 400, JSON.stringify(body));
      const { error } = await res.json();
      assert.equal(error.code, 'invalid_request');
      assert.match(error.message, new RegExp(`body field "${field}"`));
      assert.equal(error.details[0].path, field);
    }
    const malformed = await fetch(t.url('/sandbox/v1/communities/demo/users/u_0020/awards'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"xp":',
    });
    assert.equal(malformed.status, 400);
    assert.equal((await malformed.json()).error.code, 'invalid_request');
  });

  test('award for an unknown member is 404', async () => {
    assert.equal((await t.award('u_9999', { xp: 1 })).status, 404);
  });

  test('an idempotent award replays the same result and awards once', async () => {
    const before = (await t.upstream.getMe('demo', 'u_0021'))!;
    const headers = { 'Idempotency-Key': 'award-once-1' };
    const [a, b] = await Promise.all([t.award('u_0021', { xp: 7 }, headers), t.award('u_0021', { xp: 7 }, headers)]);
    const c = await t.award('u_0021', { xp: 7 }, headers);
    const bodies = await Promise.all([a, b, c].map((r) => r.json()));
    assert.deepEqual(bodies[1], bodies[0]);
    assert.deepEqual(bodies[2], bodies[0]);
    assert.equal(bodies[0].data.xp, before.xp + 7);
    assert.equal((await t.upstream.getMe('demo', 'u_0021'))!.xp, before.xp + 7);
    assert.equal(c.headers.get('idempotent-replayed'), 'true');

    const reused = await t.award('u_0021', { xp: 8 }, headers);
    assert.equal(reused.status, 409);
    assert.equal((await reused.json()).error.code, 'conflict');
  });

  test('users list pages for login pickers', async () => {
    const res = await fetch(t.url('/sandbox/v1/communities/demo/users?limit=5'));
    const { data, meta } = await res.json();
    assert.deepEqual(data.map((u: { id: string }) => u.id), ['u_0001', 'u_0002', 'u_0003', 'u_0004', 'u_0005']);
    assert.deepEqual(Object.keys(data[0]).sort(), ['avatarUrl', 'displayName', 'id']);
    const next = await (await fetch(t.url(`/sandbox/v1/communities/demo/users?limit=5&cursor=${meta.nextCursor}`))).json();
    assert.equal(next.data[0].id, 'u_0006');
    assert.equal((await fetch(t.url('/sandbox/v1/communities/nope/users'))).status, 404);
  });

  test('a fault answers the next `times` matching requests, then stops', async () => {
    const add = await fetch(t.url('/sandbox/v1/faults'), json({ path: '/widget/v1/communities/demo/tiers', status: 429, times: 2, retryAfter: 3 }));
    assert.equal(add.status, 201);
    const other = await fetch(t.url('/widget/v1/communities/demo'));
    assert.equal(other.status, 200, 'other paths are untouched');

    for (let i = 0; i < 2; i++) {
      const res = await fetch(t.url('/widget/v1/communities/demo/tiers'), { headers: { 'X-Request-Id': `f${i}` } });
      assert.equal(res.status, 429);
      assert.equal(res.headers.get('retry-after'), '3');
      const { error } = await res.json();
      assert.equal(error.code, 'rate_limited');
      assert.equal(error.requestId, `f${i}`);
    }
    assert.equal((await fetch(t.url('/widget/v1/communities/demo/tiers'))).status, 200);
  });

  test('faults match the method, take a code, and DELETE clears them', async () => {
    await fetch(t.url('/sandbox/v1/faults'), json({ path: '/widget/v1/communities/demo', method: 'post', status: 503, times: 5 }));
    assert.equal((await fetch(t.url('/widget/v1/communities/demo'))).status, 200, 'GET is not faulted');
    await fetch(t.url('/sandbox/v1/faults'), json({ path: '/widget/v1/communities/demo', status: 503, times: 5, code: 'unavailable' }));
    const faulted = await fetch(t.url('/widget/v1/communities/demo'));
    assert.equal(faulted.status, 503);
    assert.equal((await faulted.json()).error.code, 'unavailable');
    assert.equal(faulted.headers.get('retry-after'), null);

    const cleared = await fetch(t.url('/sandbox/v1/faults'), { method: 'DELETE' });
    assert.deepEqual(await cleared.json(), { data: { cleared: 2 } });
    assert.equal((await fetch(t.url('/widget/v1/communities/demo'))).status, 200);
  });

  test('an invalid fault is 400', async () => {
    const res = await fetch(t.url('/sandbox/v1/faults'), json({ path: 'no-slash', status: 200, times: 0 }));
    assert.equal(res.status, 400);
    assert.deepEqual((await res.json()).error.details.map((d: { path: string }) => d.path).sort(), ['path', 'status', 'times']);
  });

  test('disconnect closes every open stream and reports the count', async () => {
    const a = await openMeStream(t, await t.token({ userId: 'u_0030' }));
    const b = await openMeStream(t, await t.token({ userId: 'u_0031' }));
    await a.stream.next();
    await b.stream.next();
    const res = await fetch(t.url('/sandbox/v1/streams/disconnect'), { method: 'POST' });
    assert.deepEqual(await res.json(), { data: { closed: 2 } });
    for (const { stream } of [a, b]) {
      let item = await stream.next();
      while (item) item = await stream.next();
      assert.equal(item, null, 'stream ended');
    }
    assert.equal(t.api.hub.connectionCount, 0);
  });
});

describe('without sandboxAdmin', () => {
  let t: TestApi;
  before(async () => (t = await startApi({ sandboxAdmin: false })));
  after(() => t.close());

  test('sandbox routes do not exist', async () => {
    assert.equal((await t.award('u_0001', { xp: 1 })).status, 404);
    assert.equal((await fetch(t.url('/sandbox/v1/faults'), json({ path: '/', status: 500, times: 1 }))).status, 404);
  });
});

describe('probabilistic faults', () => {
  let t: TestApi;
  // Hundreds of requests from one address: no API rate limit in the way.
  before(async () => (t = await startApi({ rateLimit: false })));
  after(() => t.close());

  test('a probabilistic fault fails about that share of requests, the same ones for the same seed, until cleared', async () => {
    const path = '/widget/v1/communities/demo/tiers';
    const run = async (seed: number) => {
      assert.equal((await fetch(t.url('/sandbox/v1/faults'), json({ path, status: 503, probability: 0.2, seed }))).status, 201);
      const statuses: number[] = [];
      for (let i = 0; i < 500; i++) statuses.push((await fetch(t.url(path))).status);
      await fetch(t.url('/sandbox/v1/faults'), { method: 'DELETE' });
      return statuses;
    };
    const first = await run(42);
    const failed = first.filter((s) => s === 503).length;
    assert.deepEqual([...new Set(first)].sort(), [200, 503]);
    assert.ok(failed > 70 && failed < 130, `${failed} of 500 failed, expected about 100`);
    assert.deepEqual(await run(42), first, 'the same seed fails the same requests');
    assert.notDeepEqual(await run(43), first, 'another seed, other requests');
    assert.equal((await fetch(t.url(path))).status, 200, 'cleared');
  });

  test('a probabilistic fault with `times` disarms after that many failures', async () => {
    const path = '/widget/v1/communities/demo/xp-rules';
    await fetch(t.url('/sandbox/v1/faults'), json({ path, status: 500, probability: 0.5, times: 3 }));
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await fetch(t.url(path))).status);
    assert.equal(statuses.filter((s) => s === 500).length, 3);
    assert.ok(statuses.slice(0, statuses.lastIndexOf(500)).includes(200), 'some requests passed between the failures');
    assert.deepEqual(await (await fetch(t.url('/sandbox/v1/faults'), { method: 'DELETE' })).json(), { data: { cleared: 0 } });
  });

  test('fault validation is strict and names each field', async () => {
    for (const [body, fields] of [
      [{ path: '/x', status: 503 }, ['times']],
      [{ path: '/x', status: 503, probability: 1.5 }, ['probability']],
      [{ path: '/x', status: 503, probability: 0 }, ['probability']],
      [{ path: '/x', status: 503, times: 1, phase: 'later' }, ['phase']],
      [{ path: '/x', status: 503, times: 1, seed: 7 }, ['seed']],
      [{ path: '/x', status: 503, times: 1, probabilty: 0.5 }, ['body']], // a typo is not silently ignored
    ] as const) {
      const res = await fetch(t.url('/sandbox/v1/faults'), json(body));
      assert.equal(res.status, 400, JSON.stringify(body));
      const { error } = await res.json();
      assert.deepEqual(error.details.map((d: { path: string }) => d.path), fields, JSON.stringify(error));
    }
    const armed = await fetch(t.url('/sandbox/v1/faults'), json({ path: '/x', status: 503, probability: 1 }));
    assert.deepEqual((await armed.json()).data, { path: '/x', status: 503, probability: 1, phase: 'request' });
    await fetch(t.url('/sandbox/v1/faults'), { method: 'DELETE' });
  });
});
