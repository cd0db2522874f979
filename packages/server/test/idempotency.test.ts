import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IdempotencyConflictError, createIdempotencyStore } from '../src/idempotency.js';

const request = { key: 'k1', scope: 'user-a', fingerprint: 'POST /x {}' };

test('the same key replays the first response and creates once', async () => {
  const store = createIdempotencyStore();
  let created = 0;
  const create = async () => ({ status: 201, body: { n: ++created } });
  const first = await store.run(request, create);
  const second = await store.run(request, create);
  assert.deepEqual(first, { response: { status: 201, body: { n: 1 } }, replayed: false });
  assert.deepEqual(second, { response: { status: 201, body: { n: 1 } }, replayed: true });
  assert.equal(created, 1);
});

test('concurrent requests with one key share a single creation', async () => {
  const store = createIdempotencyStore();
  let created = 0;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const create = async () => {
    created++;
    await gate;
    return { status: 200, body: 'done' };
  };
  const all = Promise.all([store.run(request, create), store.run(request, create), store.run(request, create)]);
  release();
  const results = await all;
  assert.equal(created, 1);
  assert.deepEqual(
    results.map((r) => r.replayed),
    [false, true, true],
  );
});

test('keys are scoped per principal', async () => {
  const store = createIdempotencyStore();
  let created = 0;
  const create = async () => ({ status: 200, body: ++created });
  await store.run(request, create);
  const other = await store.run({ ...request, scope: 'user-b' }, create);
  assert.equal(other.replayed, false);
  assert.equal(created, 2);
});

test('a key reused for a different request is a conflict', async () => {
  const store = createIdempotencyStore();
  await store.run(request, async () => ({ status: 200, body: 1 }));
  await assert.rejects(store.run({ ...request, fingerprint: 'POST /x {"a":1}' }, async () => ({ status: 200, body: 2 })), IdempotencyConflictError);
});

test('a failed creation is not stored, so a retry runs again', async () => {
  const store = createIdempotencyStore();
  await assert.rejects(store.run(request, async () => Promise.reject(new Error('boom'))), /boom/);
  assert.equal(store.size, 0);
  const retry = await store.run(request, async () => ({ status: 200, body: 'ok' }));
  assert.equal(retry.replayed, false);
});

test('entries expire after the TTL', async () => {
  let now = 1_000;
  const store = createIdempotencyStore({ ttlMs: 100, now: () => now });
  let created = 0;
  const create = async () => ({ status: 200, body: ++created });
  await store.run(request, create);
  now += 99;
  assert.equal((await store.run(request, create)).replayed, true);
  now += 1;
  assert.equal((await store.run(request, create)).replayed, false);
  assert.equal(created, 2);
  assert.equal(store.size, 1);
});
