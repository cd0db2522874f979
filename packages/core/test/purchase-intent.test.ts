import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../src/api/errors.js';
import type { PurchaseBody, PurchaseResult } from '../src/api/store-types.js';
import { PurchaseIntent } from '../src/store/purchase-intent.js';
import type { StoreApi } from '../src/store/store-api.js';

/** A purchase endpoint scripted per attempt; records the keys it was called with. */
function fakeApi(script: Array<'ok' | ApiError>) {
  const keys: string[] = [];
  const api = {
    purchase: async (body: PurchaseBody, key: string): Promise<PurchaseResult> => {
      keys.push(key);
      await new Promise((r) => setTimeout(r, 1));
      const step = script.shift() ?? 'ok';
      if (step !== 'ok') throw step;
      return { order: { id: `o-${key}` } as PurchaseResult['order'], balance: 100 - body.expectedPrice };
    },
  } as unknown as StoreApi;
  let n = 0;
  return { intent: new PurchaseIntent(api, () => `k${++n}`), keys };
}

const body = { productId: 'p1', expectedPrice: 50 };
const error = (code: ApiError['code'], status: number) => new ApiError({ code, status, message: code });

describe('PurchaseIntent', () => {
  it('joins a second buy while the first is in flight: one request, one order', async () => {
    const { intent, keys } = fakeApi(['ok']);
    const [a, b] = await Promise.all([intent.buy(body), intent.buy(body)]);
    assert.equal(a, b);
    assert.deepEqual(keys, ['k1']);
  });

  it('replays the same key after an unknown outcome, and a new one after an order', async () => {
    const { intent, keys } = fakeApi([error('network_error', 0), error('unavailable', 503), 'ok', 'ok']);
    await assert.rejects(intent.buy(body), { code: 'network_error' });
    await assert.rejects(intent.buy(body), { code: 'unavailable' });
    assert.equal(intent.pending, false);
    await intent.buy(body);
    await intent.buy(body);
    assert.deepEqual(keys, ['k1', 'k1', 'k1', 'k2'], 'retries reuse the key; buying again is a new purchase');
  });

  it('starts over after a definite refusal, or for another product or price', async () => {
    const { intent, keys } = fakeApi([error('insufficient_balance', 409), error('network_error', 0), 'ok']);
    await assert.rejects(intent.buy(body), { code: 'insufficient_balance' });
    await assert.rejects(intent.buy(body), { code: 'network_error' });
    // The price changed meanwhile: the old key must not be replayed with another body.
    await intent.buy({ ...body, expectedPrice: 40 });
    assert.deepEqual(keys, ['k1', 'k2', 'k3']);
  });
});
