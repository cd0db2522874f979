import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Tier } from '@rai-kit/core/api';
import { standingFor } from '../src/upstream/memory/tier-math.js';

const tier = (level: number, minXp: number): Tier => ({ id: `t${level}`, name: `T${level}`, level, minXp, color: '#000', perks: [] });
const ladder = [tier(1, 0), tier(2, 100), tier(3, 300)];

test('xp 0 is the first tier with no progress', () => {
  const s = standingFor(ladder, 0);
  assert.equal(s.tier.level, 1);
  assert.equal(s.nextTier?.level, 2);
  assert.deepEqual(s.progress, { current: 0, required: 100, ratio: 0 });
});

test('one below a boundary stays in the lower tier; the boundary itself promotes', () => {
  assert.equal(standingFor(ladder, 99).tier.level, 1);
  assert.deepEqual(standingFor(ladder, 99).progress, { current: 99, required: 100, ratio: 0.99 });
  const atBoundary = standingFor(ladder, 100);
  assert.equal(atBoundary.tier.level, 2);
  assert.deepEqual(atBoundary.progress, { current: 0, required: 200, ratio: 0 });
});

test('progress is measured within the current tier span', () => {
  assert.deepEqual(standingFor(ladder, 250).progress, { current: 150, required: 200, ratio: 0.75 });
});

test('top tier: nextTier null, required 0, ratio 1', () => {
  for (const xp of [300, 10_000]) {
    const s = standingFor(ladder, xp);
    assert.equal(s.tier.level, 3);
    assert.equal(s.nextTier, null);
    assert.deepEqual(s.progress, { current: xp - 300, required: 0, ratio: 1 });
  }
});

test('a one-tier ladder is always the top', () => {
  assert.deepEqual(standingFor([tier(1, 0)], 42).progress, { current: 42, required: 0, ratio: 1 });
});

test('an empty ladder is refused', () => {
  assert.throws(() => standingFor([], 0), RangeError);
});
