import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorBody, Me } from '@rai-kit/core/api';
import { startApi, type TestApi } from './support.js';

describe('widget API reads', () => {
  let t: TestApi;
  before(async () => (t = await startApi()));
  after(() => t.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(t.url(`/widget/v1${path}`), { headers });

  test('GET community returns the public profile', async () => {
    const res = await get('/communities/demo');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /application\/json/);
    const { data } = await res.json();
    assert.equal(data.id, 'demo');
    assert.deepEqual(Object.keys(data).sort(), ['currency', 'description', 'id', 'logoUrl', 'name', 'theme']);
    assert.deepEqual(Object.keys(data.currency).sort(), ['name', 'symbol']);
  });

  test('unknown community is 404 not_found', async () => {
    const res = await get('/communities/atlantis');
    assert.equal(res.status, 404);
    const body: ErrorBody = await res.json();
    assert.equal(body.error.code, 'not_found');
    assert.match(body.error.message, /atlantis/);
  });

  test('tiers page with limit and nextCursor until the end', async () => {
    const first = await (await get('/communities/demo/tiers?limit=2')).json();
    assert.equal(first.data.length, 2);
    assert.equal(first.data[0].minXp, 0);
    assert.equal(typeof first.meta.nextCursor, 'string');
    const ids = first.data.map((tier: { id: string }) => tier.id);
    let cursor: string | null = first.meta.nextCursor;
    while (cursor) {
      const page = await (await get(`/communities/demo/tiers?limit=2&cursor=${encodeURIComponent(cursor)}`)).json();
      ids.push(...page.data.map((tier: { id: string }) => tier.id));
      cursor = page.meta.nextCursor;
    }
    const all = await (await get('/communities/demo/tiers')).json();
    assert.equal(all.meta.nextCursor, null);
    assert.deepEqual(ids, all.data.map((tier: { id: string }) => tier.id));
    assert.equal(new Set(ids).size, ids.length);
  });

  test('xp-rules default page holds every rule', async () => {
    const res = await get('/communities/demo/xp-rules');
    assert.equal(res.status, 200);
    const { data, meta } = await res.json();
    assert.ok(data.length >= 5);
    assert.deepEqual(Object.keys(data[0]).sort(), ['action', 'cooldownSeconds', 'id', 'label', 'xp']);
    assert.equal(meta.nextCursor, null);
  });

  test('invalid cursor is 400 naming cursor', async () => {
    const res = await get('/communities/demo/tiers?cursor=definitely-not-ours');
    assert.equal(res.status, 400);
    const body: ErrorBody = await res.json();
    assert.equal(body.error.code, 'invalid_request');
    assert.equal(body.error.details?.[0]?.path, 'cursor');
  });

  test('invalid limit is 400 naming the field, with details', async () => {
    for (const limit of ['0', '101', 'abc']) {
      const res = await get(`/communities/demo/xp-rules?limit=${limit}`);
      assert.equal(res.status, 400, limit);
      const body: ErrorBody = await res.json();
      assert.equal(body.error.code, 'invalid_request');
      assert.match(body.error.message, /query parameter "limit"/);
      assert.equal(body.error.details?.[0]?.path, 'limit');
      assert.equal(body.error.requestId, res.headers.get('x-request-id'));
    }
  });

  test('GET me returns the member standing', async () => {
    const res = await get('/communities/demo/me', { Authorization: `Bearer ${await t.token({ userId: 'u_0002' })}` });
    assert.equal(res.status, 200);
    const { data } = (await res.json()) as { data: Me };
    assert.deepEqual(data, await t.upstream.getMe('demo', 'u_0002'));
    assert.deepEqual(Object.keys(data).sort(), ['coins', 'coinsToday', 'nextTier', 'progress', 'tier', 'user', 'xp', 'xpToday']);
    assert.ok(data.progress.ratio >= 0 && data.progress.ratio <= 1);
  });

  test('me for a token whose user is not a member is 404', async () => {
    const res = await get('/communities/demo/me', { Authorization: `Bearer ${await t.token({ userId: 'ghost' })}` });
    assert.equal(res.status, 404);
    assert.match((await res.json()).error.message, /ghost/);
  });

  test('unknown route is 404 in the contract shape', async () => {
    for (const path of ['/widget/v1/nope', '/elsewhere', '/sandbox/v1/nope']) {
      const res = await fetch(t.url(path));
      assert.equal(res.status, 404, path);
      const body: ErrorBody = await res.json();
      assert.equal(body.error.code, 'not_found');
      assert.ok(body.error.requestId);
    }
  });

  test('X-Request-Id is echoed, or generated when absent or unsafe', async () => {
    const echoed = await get('/communities/demo', { 'X-Request-Id': 'trace-123' });
    assert.equal(echoed.headers.get('x-request-id'), 'trace-123');
    const failed = await get('/communities/nope', { 'X-Request-Id': 'trace-456' });
    assert.equal((await failed.json()).error.requestId, 'trace-456');
    const generated = await get('/communities/demo');
    assert.match(generated.headers.get('x-request-id')!, /^[0-9a-f-]{36}$/);
    const unsafe = await get('/communities/demo', { 'X-Request-Id': 'a b<script>' });
    assert.notEqual(unsafe.headers.get('x-request-id'), 'a b<script>');
  });

  test('OpenAPI 3.1 document lists the contract paths', async () => {
    const res = await get('/openapi.json');
    assert.equal(res.status, 200);
    const doc = await res.json();
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(doc.servers, [{ url: '/widget/v1' }]);
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      '/communities/{communityId}',
      '/communities/{communityId}/channels',
      '/communities/{communityId}/channels/{channelId}',
      '/communities/{communityId}/channels/{channelId}/events',
      '/communities/{communityId}/channels/{channelId}/messages',
      '/communities/{communityId}/channels/{channelId}/messages/{messageId}',
      '/communities/{communityId}/channels/{channelId}/messages/{messageId}/reactions/{shortcode}',
      '/communities/{communityId}/channels/{channelId}/uploads',
      '/communities/{communityId}/channels/{channelId}/uploads/{uploadId}',
      '/communities/{communityId}/embed',
      '/communities/{communityId}/leaderboards',
      '/communities/{communityId}/leaderboards/{leaderboardId}',
      '/communities/{communityId}/leaderboards/{leaderboardId}/entries',
      '/communities/{communityId}/leaderboards/{leaderboardId}/entries/around-me',
      '/communities/{communityId}/leaderboards/{leaderboardId}/events',
      '/communities/{communityId}/me',
      '/communities/{communityId}/me/events',
      '/communities/{communityId}/me/orders',
      '/communities/{communityId}/me/orders/{orderId}',
      '/communities/{communityId}/store',
      '/communities/{communityId}/store/categories',
      '/communities/{communityId}/store/products',
      '/communities/{communityId}/store/products/{productId}',
      '/communities/{communityId}/store/purchases',
      '/communities/{communityId}/tiers',
      '/communities/{communityId}/tokens/scoped',
      '/communities/{communityId}/xp-rules',
    ]);
    const limit = doc.paths['/communities/{communityId}/tiers'].get.parameters.find((p: { name: string }) => p.name === 'limit');
    assert.deepEqual([limit.schema.minimum, limit.schema.maximum], [1, 100]);
    assert.deepEqual(doc.paths['/communities/{communityId}/me'].get.security, [{ widgetToken: [] }]);
    for (const name of ['Community', 'Tier', 'XpRule', 'Me', 'Error']) assert.ok(doc.components.schemas[name], name);
  });

  test('a thrown error is a 500 internal without a stack', async () => {
    const original = t.upstream.getCommunity;
    t.upstream.getCommunity = async () => {
      throw new Error('secret database detail');
    };
    const logged = console.error;
    console.error = () => {};
    try {
      const res = await get('/communities/demo');
      assert.equal(res.status, 500);
      const text = await res.text();
      assert.doesNotMatch(text, /secret database detail|at /);
      assert.equal(JSON.parse(text).error.code, 'internal');
    } finally {
      t.upstream.getCommunity = original;
      console.error = logged;
    }
  });
});
