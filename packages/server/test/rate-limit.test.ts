import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, type TestApi } from './support.js';

describe('rate limiting', () => {
  let t: TestApi;
  before(async () => (t = await startApi({ rateLimit: { windowMs: 60_000, max: 3 } })));
  after(() => t.close());

  test('the request past the limit is 429 rate_limited with Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(t.url('/widget/v1/communities/demo'))).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const res = await fetch(t.url('/widget/v1/communities/demo'), { headers: { 'X-Request-Id': 'rl-1' } });
    assert.equal(res.status, 429);
    const retryAfter = Number(res.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    const body = await res.json();
    assert.equal(body.error.code, 'rate_limited');
    assert.equal(body.error.requestId, 'rl-1');
  });

  test('token subjects have their own budget', async () => {
    const headers = { Authorization: `Bearer ${await t.token({ userId: 'u_0005' })}` };
    for (let i = 0; i < 3; i++) assert.equal((await fetch(t.url('/widget/v1/communities/demo/me'), { headers })).status, 200);
    assert.equal((await fetch(t.url('/widget/v1/communities/demo/me'), { headers })).status, 429);
    const other = { Authorization: `Bearer ${await t.token({ userId: 'u_0006' })}` };
    assert.equal((await fetch(t.url('/widget/v1/communities/demo/me'), { headers: other })).status, 200);
  });
});

describe('rate limiting window', () => {
  let t: TestApi;
  before(async () => (t = await startApi({ rateLimit: { windowMs: 300, max: 1 } })));
  after(() => t.close());

  test('a new window restores the budget', async () => {
    assert.equal((await fetch(t.url('/widget/v1/communities/demo'))).status, 200);
    assert.equal((await fetch(t.url('/widget/v1/communities/demo'))).status, 429);
    await new Promise((resolve) => setTimeout(resolve, 320));
    assert.equal((await fetch(t.url('/widget/v1/communities/demo'))).status, 200);
  });
});
