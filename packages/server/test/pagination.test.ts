import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidCursorError, decodeCursor, encodeCursor, pageOf } from '../src/pagination.js';

const items = Array.from({ length: 45 }, (_, i) => i);

test('cursors round-trip and are opaque base64url', () => {
  const cursor = encodeCursor(40);
  assert.match(cursor, /^[A-Za-z0-9_-]+$/);
  assert.equal(decodeCursor(cursor), 40);
});

test('pages walk the whole list once, then nextCursor is null', () => {
  const seen: number[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = pageOf(items, { limit: 20, ...(cursor ? { cursor } : {}) });
    seen.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor);
  assert.equal(pages, 3);
  assert.deepEqual(seen, items);
});

test('an exact fit ends with nextCursor null', () => {
  assert.equal(pageOf(items.slice(0, 20), { limit: 20 }).nextCursor, null);
});

test('garbage, tampered or out-of-range cursors are refused', () => {
  for (const bad of ['%%%', 'bm90IGpzb24', encodeCursor(-1), Buffer.from('{"p":1.5}').toString('base64url')]) {
    assert.throws(() => decodeCursor(bad), InvalidCursorError, bad);
  }
  assert.throws(() => pageOf(items, { cursor: encodeCursor(46), limit: 10 }), InvalidCursorError);
});
