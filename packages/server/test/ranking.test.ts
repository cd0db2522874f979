import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareStanding } from '@rai-kit/core/leaderboard';
import { mulberry32 } from '../src/upstream/memory/prng.js';
import { compareKeys, Ranking } from '../src/upstream/memory/ranking.js';

const random = mulberry32(99);
const int = (n: number) => Math.floor(random() * n);

test("compareKeys orders exactly like core's compareStanding", () => {
  const ids = ['u_0001', 'u_0002', 'u_00010', 'U_0001', 'p_000001', 'a', 'ab', 'é', 'z', 'u_0001 '];
  for (let i = 0; i < 2000; i++) {
    const a = { score: int(4), user: { id: ids[int(ids.length)]! } };
    const b = { score: int(4), user: { id: ids[int(ids.length)]! } };
    assert.equal(Math.sign(compareKeys(a.score, a.user.id, b.score, b.user.id)), Math.sign(compareStanding(a, b)), JSON.stringify([a, b]));
  }
});

test('Ranking agrees with a brute-force sort through random score changes', () => {
  const count = 300;
  const ids = Array.from({ length: count }, (_, i) => `m_${String(i).padStart(3, '0')}`).sort(() => random() - 0.5);
  // Few distinct scores, many zeros: ties and unranked members everywhere.
  const scores = Float64Array.from({ length: count }, () => (random() < 0.2 ? 0 : int(40)));
  const ranking = new Ranking(ids, Float64Array.from(scores));

  const check = () => {
    const expected = [...ids.keys()].filter((slot) => scores[slot]! > 0).sort((a, b) => compareKeys(scores[a]!, ids[a]!, scores[b]!, ids[b]!));
    assert.equal(ranking.size, expected.length);
    assert.deepEqual(Array.from({ length: ranking.size }, (_, i) => ranking.slotAt(i)), expected);
    for (let slot = 0; slot < count; slot++) {
      const index = expected.indexOf(slot);
      assert.equal(ranking.indexOf(slot), index);
      assert.equal(ranking.score(slot), scores[slot]);
      if (index >= 0) assert.equal(ranking.rankAt(index), 1 + expected.filter((s) => scores[s]! > scores[slot]!).length);
    }
    for (let i = 0; i < 20; i++) {
      const key = { score: int(41), id: `m_${String(int(count)).padStart(3, '0')}${random() < 0.5 ? '' : '5'}` };
      const after = expected.filter((s) => compareKeys(scores[s]!, ids[s]!, key.score, key.id) <= 0).length;
      const before = expected.filter((s) => compareKeys(scores[s]!, ids[s]!, key.score, key.id) < 0).length;
      assert.equal(ranking.upperBound(key.score, key.id), after);
      assert.equal(ranking.lowerBound(key.score, key.id), before);
    }
    for (const limit of [1, 5, 10, 1000]) {
      const within = expected.filter((s) => 1 + expected.filter((o) => scores[o]! > scores[s]!).length <= limit).length;
      assert.equal(ranking.countWithin(limit), within, `limit ${limit}`);
    }
    assert.equal(ranking.countWithin(null), expected.length);
  };

  check();
  for (let round = 0; round < 30; round++) {
    for (let i = 0; i < 10; i++) {
      const slot = int(count);
      scores[slot] = random() < 0.2 ? 0 : int(40);
      ranking.set(slot, scores[slot]!);
    }
    check();
  }
});
