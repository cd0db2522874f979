import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  paths,
  type ErrorBody,
  type Me,
  type MeEventData,
  type Order,
  type OrderEventData,
  type Product,
  type PurchaseResult,
  type StoreCategory,
  type StoreConfig,
} from '@rai-kit/core/api';
import { SCOPES } from '@rai-kit/core/auth';
import { HOSTILE_PRODUCTS } from '../src/upstream/memory/store-hostile.js';
import { storeFixtureOf } from '../src/upstream/memory/store-seed.js';
import { openMeStream, startApi, type TestApi } from './support.js';

type Paged<T> = { data: T[]; meta: { nextCursor: string | null } };
type ProductWithStock = Product & { stock: number | null; showRemaining: boolean };

/** The calls every test below makes, against one running API. */
function storeClient(t: TestApi, community = 'demo') {
  const auth = (token?: string | null): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {});
  const get = (path: string, token?: string | null) => fetch(t.url(`/widget/v1${path}`), { headers: auth(token) });
  async function ok<T>(path: string, token?: string | null): Promise<T> {
    const res = await get(path, token);
    assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
    return ((await res.json()) as { data: T }).data;
  }
  /** Every item from `from` (a cursor) or the start to the end, `limit` per page. */
  async function all<T>(path: string, limit: number, token?: string | null, from: string | null = null): Promise<T[]> {
    const items: T[] = [];
    let cursor = from;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res = await get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, token);
      assert.equal(res.status, 200, await res.clone().text());
      const page = (await res.json()) as Paged<T>;
      assert.ok(page.data.length <= limit);
      items.push(...page.data);
      cursor = page.meta.nextCursor;
    } while (cursor);
    return items;
  }
  let keys = 0;
  const buy = (token: string | null, body: unknown, key: string | null = `buy-${++keys}`) =>
    fetch(t.url(`/widget/v1${paths.storePurchases(community)}`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth(token), ...(key ? { 'Idempotency-Key': key } : {}) },
      body: JSON.stringify(body),
    });
  const bought = async (token: string, product: Product, key?: string): Promise<PurchaseResult> => {
    const res = await buy(token, { productId: product.id, expectedPrice: product.currentPrice }, key);
    assert.equal(res.status, 201, await res.clone().text());
    return ((await res.json()) as { data: PurchaseResult }).data;
  };
  const admin = async <T>(method: string, path: string, body: unknown, status = 200): Promise<T> => {
    const res = await fetch(t.url(`/sandbox/v1/communities/${community}${path}`), {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, status, await res.clone().text());
    return ((await res.json()) as { data: T }).data;
  };
  const setProduct = (id: string, change: Record<string, unknown>) => admin<ProductWithStock>('PATCH', `/store/products/${id}`, change);
  const setStatus = (orderId: string, change: Record<string, unknown>, status = 200) =>
    admin<Order>('POST', `/orders/${orderId}/status`, change, status);
  /** Sets a member's balance to exactly `coins`. */
  const setCoins = async (userId: string, coins: number): Promise<Me> => {
    await admin('POST', `/users/${userId}/awards`, { coins: -1_000_000, reason: 'test_reset' });
    return admin<Me>('POST', `/users/${userId}/awards`, { coins, reason: 'test_grant' });
  };
  const me = async (token: string) => ok<Me>(paths.me(community), token);
  const product = (id: string) => ok<Product>(paths.storeProduct(community, id));
  const orders = (token: string) => all<Order>(paths.myOrders(community), 100, token);
  const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;
  return { get, ok, all, buy, bought, setProduct, setStatus, setCoins, me, product, orders, errorOf };
}

const byDisplayOrderThenId = (a: Product, b: Product) => a.displayOrder - b.displayOrder || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('store', () => {
  let t: TestApi;
  let s: ReturnType<typeof storeClient>;
  let catalogue: Product[];
  before(async () => {
    // Automatic fulfilment far away: orders stay pending unless a test moves them.
    t = await startApi({ rateLimit: false, orderFulfilMs: 600_000 });
    s = storeClient(t);
    catalogue = await s.all<Product>(paths.storeProducts('demo'), 100);
  });
  after(() => t.close());

  /** A product of the catalogue that is in stock and costs at least `min`, set to `stock` units shown. */
  const stocked = async (index: number, stock: number | null = null, min = 50): Promise<Product> => {
    const candidates = catalogue.filter((p) => p.currentPrice >= min && p.discount === null && !p.categoryId.includes('lab'));
    const product = candidates[index % candidates.length]!;
    await s.setProduct(product.id, { stock, showRemaining: stock !== null });
    return s.product(product.id);
  };

  test('configuration: demo open in the community currency, night-owls closed, fresh-start empty, unknown 404', async () => {
    const demo = await s.ok<StoreConfig>(paths.store('demo'));
    const community = await s.ok<{ currency: StoreConfig['currency'] }>(paths.community('demo'));
    assert.equal(demo.title, 'Demo Rewards');
    assert.equal(demo.enabled, true);
    assert.deepEqual(demo.currency, community.currency);
    assert.match(demo.description, /<strong>/);
    assert.match(demo.coverUrl!, /^data:image\/svg\+xml,/);
    assert.equal((await s.ok<StoreConfig>(paths.store('night-owls'))).enabled, false);
    assert.equal((await s.ok<StoreConfig>(paths.store('fresh-start'))).enabled, true);
    assert.deepEqual(await s.all(paths.storeCategories('fresh-start'), 10), []);
    assert.deepEqual(await s.all(paths.storeProducts('fresh-start'), 10), []);
    for (const path of [paths.store('atlantis'), paths.storeCategories('atlantis'), paths.storeProducts('atlantis'), paths.storeProduct('atlantis', 'prd_0001')]) {
      assert.equal((await s.get(path)).status, 404, path);
    }
  });

  test('categories by display order, archived ones never listed, paged', async () => {
    const categories = await s.all<StoreCategory>(paths.storeCategories('demo'), 2);
    assert.deepEqual(
      categories.map((c) => c.id),
      ['cat-gift-cards', 'cat-merch', 'cat-digital', 'cat-experiences', 'cat-gear', 'cat-lab'],
    );
    assert.deepEqual(categories.map((c) => c.displayOrder), [...categories.map((c) => c.displayOrder)].sort((a, b) => a - b));
    assert.ok(!categories.some((c) => c.id === 'cat-retired'));
  });

  test('products: every page together is the catalogue exactly once, by display order then id; archived products are gone', async () => {
    assert.equal(catalogue.length, 200);
    assert.equal(new Set(catalogue.map((p) => p.id)).size, 200);
    assert.deepEqual(catalogue, [...catalogue].sort(byDisplayOrderThenId));
    // Smaller pages give the same sequence.
    assert.deepEqual((await s.all<Product>(paths.storeProducts('demo'), 7)).map((p) => p.id), catalogue.map((p) => p.id));
    const categories = new Set((await s.all<StoreCategory>(paths.storeCategories('demo'), 100)).map((c) => c.id));
    assert.ok(catalogue.every((p) => categories.has(p.categoryId)));
    assert.deepEqual(await s.all(`${paths.storeProducts('demo')}?category=cat-retired`, 100), []);

    const prices = catalogue.map((p) => p.price);
    assert.ok(Math.min(...prices) >= 20 && Math.max(...prices) <= 5000);
    assert.ok(catalogue.filter((p) => !p.inStock).length >= 10, 'some sold out');
    assert.ok(catalogue.some((p) => p.remaining !== null && p.remaining > 0 && p.remaining < 10), 'some scarce with the count shown');
    assert.ok(catalogue.some((p) => p.inStock && p.remaining === null), 'some unlimited or hidden');
    assert.deepEqual(new Set(catalogue.map((p) => p.type)), new Set(['voucher', 'physical', 'digital']));

    assert.equal((await s.get(paths.storeProduct('demo', 'prd_nope'))).status, 404);
    assert.equal((await s.get(`${paths.storeProducts('demo')}?cursor=garbage`)).status, 400);
    assert.equal((await s.get(`${paths.storeProducts('demo')}?limit=101`)).status, 400);
    assert.equal((await s.get(`${paths.storeProducts('demo')}?type=spaceship`)).status, 400);
    assert.deepEqual(await s.product(catalogue[3]!.id), catalogue[3]);
  });

  test('filters: category, type and search words combine; search ignores case, accents and markup', async () => {
    const query = (q: string) => s.all<Product>(`${paths.storeProducts('demo')}?${q}`, 100);
    const merch = await query('category=cat-merch');
    assert.deepEqual(merch.map((p) => p.id), catalogue.filter((p) => p.categoryId === 'cat-merch').map((p) => p.id));
    assert.ok(merch.length > 30);
    const digital = await query('type=digital');
    assert.deepEqual(digital.map((p) => p.id), catalogue.filter((p) => p.type === 'digital').map((p) => p.id));
    assert.deepEqual(await query('category=cat-merch&type=digital'), []);

    const cafe = await query(`q=${encodeURIComponent('  CAFE   Voucher ')}`);
    assert.ok(cafe.length >= 2);
    assert.ok(cafe.every((p) => p.name.includes('Café voucher')));
    // Every word must match: one of the Café vouchers, by its adjective.
    const adjective = cafe[0]!.name.split(' ')[0]!;
    assert.deepEqual((await query(`q=cafe+${adjective.toLowerCase()}`)).map((p) => p.id), [cafe[0]!.id]);
    // Description text matches; tag names, attributes and script code do not.
    const recycled = await query('q=recycled');
    assert.ok(recycled.length > 0 && recycled.every((p) => p.description.includes('Recycled materials')));
    assert.deepEqual(await query('q=strong'), []);
    assert.deepEqual(await query('q=raixss'), []);
    assert.deepEqual((await query('q=suspicious+frame')).map((p) => p.name), ['Suspicious Frame']);
    assert.deepEqual(await query('q=cafe&category=cat-gear'), []);
  });

  test('discounts apply only while their window is open; the others show the regular price', async () => {
    const discounted = catalogue.filter((p) => p.discount);
    assert.ok(discounted.length >= 20, `${discounted.length} discounted`);
    const now = Date.now();
    for (const p of discounted) {
      const { price, startsAt, endsAt } = p.discount!;
      assert.ok(startsAt === null || Date.parse(startsAt) <= now, p.id);
      assert.ok(endsAt === null || Date.parse(endsAt) > now, p.id);
      assert.ok(price < p.price);
      assert.equal(p.currentPrice, price);
    }
    // The seed also configures windows that have not started or have ended: the API hides them.
    const community = await s.ok<Parameters<typeof storeFixtureOf>[0]>(paths.community('demo'));
    const seeded = new Map(storeFixtureOf(community, now)!.products.map((p) => [p.id, p]));
    const closed = catalogue.filter((p) => seeded.get(p.id)!.discount && !p.discount);
    assert.ok(closed.some((p) => seeded.get(p.id)!.discount!.startsAt! > now), 'a future discount');
    assert.ok(closed.some((p) => seeded.get(p.id)!.discount!.endsAt! < now), 'an expired discount');
    assert.ok(closed.every((p) => p.currentPrice === p.price));
    assert.ok(catalogue.filter((p) => !seeded.get(p.id)!.discount).every((p) => p.discount === null && p.currentPrice === p.price));
  });

  test('hostile descriptions come back exactly as stored (sanitising is the widget’s job)', async () => {
    const lab = await s.all<Product>(`${paths.storeProducts('demo')}?category=cat-lab`, 100);
    assert.equal(lab.length, HOSTILE_PRODUCTS.length);
    assert.ok(lab.length >= 6);
    const byName = new Map(lab.map((p) => [p.name, p.description]));
    for (const hostile of HOSTILE_PRODUCTS) assert.equal(byName.get(hostile.name), hostile.description);
    const all = lab.map((p) => p.description).join('\n');
    for (const vector of ['<script>', 'onerror=', 'href="javascript:', '<iframe srcdoc=', '<svg onload=', '<style>', '<form action=', 'href="data:text/html']) {
      assert.ok(all.includes(vector), vector);
    }
  });

  test('a purchase debits once, takes one unit, creates a pending order and announces both on the me stream', async () => {
    const user = 'u_0101';
    const token = await t.token({ userId: user });
    const item = await stocked(0, 5);
    await s.setCoins(user, item.currentPrice + 1000);
    const { stream } = await openMeStream(t, token);
    try {
      const result = await s.bought(token, item);
      assert.equal(result.balance, 1000);
      const { order } = result;
      assert.match(order.id, /^ord_/);
      assert.deepEqual(order.product, { id: item.id, name: item.name, imageUrl: item.imageUrl, type: item.type });
      assert.equal(order.price, item.currentPrice);
      assert.equal(order.status, 'pending');
      assert.deepEqual(order.history.map((h) => [h.status, h.note]), [['pending', 'Order placed']]);
      assert.equal(order.redemption, null);

      assert.equal((await s.me(token)).coins, 1000);
      assert.equal((await s.product(item.id)).remaining, 4);
      assert.deepEqual(await s.orders(token), [order]);
      assert.deepEqual(await s.ok<Order>(paths.myOrder('demo', order.id), token), order);

      const [coins, placed] = await stream.events(2);
      assert.equal(coins!.event, 'coins.changed');
      const coinsData = coins!.data as MeEventData;
      assert.deepEqual([coinsData.delta, coinsData.reason, coinsData.me.coins], [-item.currentPrice, 'purchase', 1000]);
      assert.equal(placed!.event, 'order.changed');
      assert.deepEqual((placed!.data as OrderEventData).order, order);
    } finally {
      await stream.close();
    }
  });

  test('refusals change nothing and say why: meta for balance, stock and price; closed store 403; unknown product 404', async () => {
    const user = 'u_0102';
    const token = await t.token({ userId: user });
    const item = await stocked(1, 3);
    await s.setCoins(user, item.currentPrice - 7);

    const poor = await s.buy(token, { productId: item.id, expectedPrice: item.currentPrice });
    assert.equal(poor.status, 409);
    const poorError = await s.errorOf(poor);
    assert.equal(poorError.code, 'insufficient_balance');
    assert.deepEqual(poorError.meta, { balance: item.currentPrice - 7, price: item.currentPrice, shortfall: 7 });

    await s.setCoins(user, 100_000);
    const stale = await s.buy(token, { productId: item.id, expectedPrice: item.currentPrice + 5 });
    assert.equal(stale.status, 409);
    const staleError = await s.errorOf(stale);
    assert.deepEqual([staleError.code, staleError.meta], ['conflict', { price: item.currentPrice }]);

    // A discount that ends while the member looks: the old price is refused, the new one named.
    const onSale = catalogue.find((p) => p.discount && p.inStock && p.categoryId !== 'cat-lab')!;
    await s.setProduct(onSale.id, { discount: null });
    const ended = await s.buy(token, { productId: onSale.id, expectedPrice: onSale.currentPrice });
    assert.deepEqual(await s.errorOf(ended).then((e) => [e.code, e.meta]), ['conflict', { price: onSale.price }]);

    await s.setProduct(item.id, { stock: 0 });
    const gone = await s.buy(token, { productId: item.id, expectedPrice: item.currentPrice });
    assert.equal(gone.status, 409);
    assert.deepEqual(await s.errorOf(gone).then((e) => [e.code, e.meta]), ['out_of_stock', { remaining: 0 }]);
    assert.deepEqual([(await s.product(item.id)).inStock, (await s.product(item.id)).remaining], [false, 0]);

    const unknown = await s.buy(token, { productId: 'prd_nope', expectedPrice: 10 });
    assert.deepEqual([unknown.status, (await s.errorOf(unknown)).code], [404, 'not_found']);

    const owls = storeClient(t, 'night-owls');
    const owlToken = await t.token({ userId: 'u_0001', communityId: 'night-owls' });
    const owlItem = (await owls.all<Product>(paths.storeProducts('night-owls'), 100)).find((p) => p.inStock)!;
    const closed = await owls.buy(owlToken, { productId: owlItem.id, expectedPrice: owlItem.currentPrice });
    assert.deepEqual([closed.status, (await s.errorOf(closed)).code], [403, 'forbidden']);

    assert.equal((await s.me(token)).coins, 100_000);
    assert.deepEqual(await s.orders(token), []);
  });

  test('purchases need a member token with store:purchase and an Idempotency-Key', async () => {
    const item = await stocked(2);
    const body = { productId: item.id, expectedPrice: item.currentPrice };
    assert.equal((await s.buy(null, body)).status, 401);
    assert.equal((await s.buy(await t.token({ userId: 'u_0103', scopes: [SCOPES.meRead] }), body)).status, 403);
    assert.equal((await s.buy(await t.token({ userId: 'u_0103', communityId: 'acme-traders' }), body)).status, 403);
    assert.equal((await s.buy(await t.token({ userId: 'u_9999' }), body)).status, 404);
    const token = await t.token({ userId: 'u_0103' });
    const noKey = await s.buy(token, body, null);
    assert.deepEqual([noKey.status, (await s.errorOf(noKey)).details?.[0]?.path], [400, 'idempotency-key']);
    assert.equal((await s.buy(token, { productId: item.id, expectedPrice: -1 })).status, 400);
    assert.equal((await s.buy(token, { productId: item.id })).status, 400);
    assert.equal((await s.get(paths.myOrders('demo'))).status, 401);
    assert.equal((await s.get(paths.myOrders('demo'), await t.token({ userId: 'u_9999' }))).status, 404);
  });

  test('the same key replays the same order with one debit; another body with it is a conflict; a refusal is not remembered', async () => {
    const user = 'u_0104';
    const token = await t.token({ userId: user });
    const item = await stocked(3, 10);
    await s.setCoins(user, item.currentPrice * 2);

    const first = await s.buy(token, { productId: item.id, expectedPrice: item.currentPrice }, 'same-key');
    const again = await s.buy(token, { productId: item.id, expectedPrice: item.currentPrice }, 'same-key');
    assert.deepEqual([first.status, again.status, again.headers.get('Idempotent-Replayed')], [201, 201, 'true']);
    const [a, b] = (await Promise.all([first.json(), again.json()])) as { data: PurchaseResult }[];
    assert.deepEqual(b, a);
    assert.equal((await s.me(token)).coins, item.currentPrice);
    assert.equal((await s.orders(token)).length, 1);
    assert.equal((await s.product(item.id)).remaining, 9);

    const other = await s.buy(token, { productId: catalogue[0]!.id, expectedPrice: catalogue[0]!.currentPrice }, 'same-key');
    assert.deepEqual([other.status, (await s.errorOf(other)).code], [409, 'conflict']);

    // Keys are per member: someone else's "same-key" is their own purchase.
    const bob = await t.token({ userId: 'u_0105' });
    await s.setCoins('u_0105', item.currentPrice);
    assert.equal((await s.buy(bob, { productId: item.id, expectedPrice: item.currentPrice }, 'same-key')).status, 201);

    // Broke, then topped up: the same key now buys.
    await s.setCoins(user, 0);
    const refused = await s.buy(token, { productId: item.id, expectedPrice: item.currentPrice }, 'retry-key');
    assert.equal(refused.status, 409);
    await s.setCoins(user, item.currentPrice);
    const retried = await s.buy(token, { productId: item.id, expectedPrice: item.currentPrice }, 'retry-key');
    assert.deepEqual([retried.status, retried.headers.get('Idempotent-Replayed')], [201, null]);
    assert.equal((await s.orders(token)).length, 2);
  });

  test('a lost answer retried with the same key is one order and one debit', async () => {
    const user = 'u_0106';
    const token = await t.token({ userId: user });
    const item = await stocked(4, 10);
    await s.setCoins(user, item.currentPrice * 3);
    const fault = await fetch(t.url('/sandbox/v1/faults'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: `/widget/v1${paths.storePurchases('demo')}`, method: 'POST', status: 503, times: 1, phase: 'response' }),
    });
    assert.equal(fault.status, 201, await fault.text());
    const body = { productId: item.id, expectedPrice: item.currentPrice };
    assert.equal((await s.buy(token, body, 'lost-answer')).status, 503);
    const retry = await s.buy(token, body, 'lost-answer');
    assert.deepEqual([retry.status, retry.headers.get('Idempotent-Replayed')], [201, 'true']);
    const { data } = (await retry.json()) as { data: PurchaseResult };
    assert.equal(data.balance, item.currentPrice * 2);
    assert.deepEqual((await s.orders(token)).map((o) => o.id), [data.order.id]);
    assert.equal((await s.me(token)).coins, item.currentPrice * 2);
    assert.equal((await s.product(item.id)).remaining, 9);
  });

  test('admin: fulfil a physical order with a tracking code, cancel another with a refund and restock; only pending orders move', async () => {
    const user = 'u_0107';
    const token = await t.token({ userId: user });
    const item = await stocked(5, 4);
    await s.setCoins(user, item.currentPrice * 2);
    const first = (await s.bought(token, item)).order;
    const second = (await s.bought(token, item)).order;
    assert.equal((await s.product(item.id)).remaining, 2);
    const { stream } = await openMeStream(t, token);
    try {
      const fulfilled = await s.setStatus(first.id, { status: 'fulfilled', code: 'TRACK-123', note: 'Shipped by courier' });
      assert.equal(fulfilled.status, 'fulfilled');
      assert.deepEqual(fulfilled.redemption?.code, 'TRACK-123');
      assert.deepEqual(fulfilled.history.map((h) => [h.status, h.note]), [['pending', 'Order placed'], ['fulfilled', 'Shipped by courier']]);

      const cancelled = await s.setStatus(second.id, { status: 'cancelled' });
      assert.deepEqual([cancelled.status, cancelled.redemption], ['cancelled', null]);
      assert.equal(cancelled.history.at(-1)!.status, 'cancelled');
      assert.equal((await s.me(token)).coins, item.currentPrice);
      assert.equal((await s.product(item.id)).remaining, 3);

      const events = await stream.events(3);
      assert.deepEqual(events.map((e) => e.event), ['order.changed', 'coins.changed', 'order.changed']);
      assert.deepEqual((events[0]!.data as OrderEventData).order, fulfilled);
      assert.deepEqual([(events[1]!.data as MeEventData).delta, (events[1]!.data as MeEventData).reason], [item.currentPrice, 'refund']);
      assert.deepEqual((events[2]!.data as OrderEventData).order, cancelled);
    } finally {
      await stream.close();
    }
    await s.setStatus(second.id, { status: 'fulfilled' }, 409);
    await s.setStatus(first.id, { status: 'cancelled' }, 409);
    assert.equal((await s.me(token)).coins, item.currentPrice, 'no second refund');
    await s.setStatus('ord_nope', { status: 'cancelled' }, 404);
    await s.setStatus(first.id, { status: 'cancelled', code: 'X' }, 400);
    assert.deepEqual((await s.orders(token)).map((o) => o.status), ['cancelled', 'fulfilled']);
  });

  test('my orders: newest first, paged without gaps or repeats while new orders arrive, and private', async () => {
    const user = 'u_0108';
    const token = await t.token({ userId: user });
    const item = await stocked(6);
    await s.setCoins(user, item.currentPrice * 6);
    const placed: string[] = [];
    for (let i = 0; i < 5; i++) placed.push((await s.bought(token, item)).order.id);

    const first = await s.ok<Order[]>(`${paths.myOrders('demo')}?limit=2`, token);
    const page = (await (await s.get(`${paths.myOrders('demo')}?limit=2`, token)).json()) as Paged<Order>;
    assert.deepEqual(first.map((o) => o.id), [placed[4], placed[3]]);
    // A new order lands before the next page: it does not shift what follows.
    const newest = (await s.bought(token, item)).order.id;
    const rest = await s.all<Order>(paths.myOrders('demo'), 2, token, page.meta.nextCursor);
    assert.deepEqual(rest.map((o) => o.id), [placed[2], placed[1], placed[0]]);
    assert.deepEqual((await s.orders(token)).map((o) => o.id), [newest, ...[...placed].reverse()]);

    const stranger = await t.token({ userId: 'u_0109' });
    assert.equal((await s.get(paths.myOrder('demo', placed[0]!), stranger)).status, 404);
    assert.deepEqual(await s.orders(stranger), []);
    assert.equal((await s.get(paths.myOrder('demo', 'ord_nope'), token)).status, 404);
  });

  test('50 members buying the last 10 units at once: exactly 10 orders, 40 sold out, each buyer debited once, stock 0', async () => {
    const users = Array.from({ length: 50 }, (_, i) => `u_${String(i + 1).padStart(4, '0')}`);
    const item = await stocked(7, 10, 100);
    const balances = await Promise.all(users.map((u, i) => s.setCoins(u, item.currentPrice + i)));
    const tokens = await Promise.all(users.map((userId) => t.token({ userId })));

    const responses = await Promise.all(tokens.map((token, i) => s.buy(token, { productId: item.id, expectedPrice: item.currentPrice }, `rush-${i}`)));
    const statuses = responses.map((r) => r.status);
    assert.equal(statuses.filter((st) => st === 201).length, 10);
    assert.equal(statuses.filter((st) => st === 409).length, 40);
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ data?: PurchaseResult } & Partial<ErrorBody>>));
    assert.ok(bodies.every((b) => b.data || (b.error?.code === 'out_of_stock' && b.error.meta?.remaining === 0)));
    assert.equal(new Set(bodies.filter((b) => b.data).map((b) => b.data!.order.id)).size, 10);

    const after = await Promise.all(tokens.map((token) => s.me(token)));
    const orders = await Promise.all(tokens.map((token) => s.orders(token)));
    users.forEach((_, i) => {
      const won = statuses[i] === 201;
      assert.equal(after[i]!.coins, balances[i]!.coins - (won ? item.currentPrice : 0), users[i]);
      assert.ok(after[i]!.coins >= 0);
      assert.equal(orders[i]!.filter((o) => o.product.id === item.id).length, won ? 1 : 0, users[i]);
      if (won) assert.equal(bodies[i]!.data!.balance, after[i]!.coins);
    });
    const sold = await s.product(item.id);
    assert.deepEqual([sold.remaining, sold.inStock], [0, false]);
  });

  test('20 concurrent requests of one member with one key: one order, one debit', async () => {
    const user = 'u_0110';
    const token = await t.token({ userId: user });
    const item = await stocked(8, 50);
    await s.setCoins(user, item.currentPrice * 20);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => s.buy(token, { productId: item.id, expectedPrice: item.currentPrice }, 'double-click')),
    );
    assert.ok(responses.every((r) => r.status === 201));
    assert.equal(responses.filter((r) => r.headers.get('Idempotent-Replayed') === 'true').length, 19);
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as { data: PurchaseResult }).data.order.id));
    assert.equal(new Set(ids).size, 1);
    assert.equal((await s.me(token)).coins, item.currentPrice * 19);
    assert.equal((await s.orders(token)).length, 1);
    assert.equal((await s.product(item.id)).remaining, 49);
  });

  test('the store is in the OpenAPI document, error meta included', async () => {
    const doc = (await (await fetch(t.url('/widget/v1/openapi.json'))).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, { properties?: Record<string, unknown> }> }> };
    };
    for (const path of ['store', 'store/categories', 'store/products', 'store/products/{productId}', 'store/purchases', 'me/orders', 'me/orders/{orderId}']) {
      assert.ok(doc.paths[`/communities/{communityId}/${path}`], path);
    }
    assert.ok(doc.components.schemas['Error']!.properties!['error']!.properties!['meta']);
    assert.ok(doc.components.schemas['Product'] && doc.components.schemas['Order']);
  });
});

describe('store fulfilment', () => {
  let t: TestApi;
  before(async () => {
    t = await startApi({ rateLimit: false, orderFulfilMs: 30 });
  });
  after(() => t.close());

  test('vouchers get a code and digital goods instructions by themselves; physical goods wait for the team', async () => {
    const s = storeClient(t);
    const user = 'u_0120';
    const token = await t.token({ userId: user });
    const catalogue = await s.all<Product>(`${paths.storeProducts('demo')}?category=cat-gift-cards`, 100);
    const pick = async (type: Product['type'], category: string) => {
      const found = (await s.all<Product>(`${paths.storeProducts('demo')}?category=${category}`, 100)).find((p) => p.type === type && p.inStock)!;
      assert.ok(found, type);
      return found;
    };
    const voucher = catalogue.find((p) => p.inStock)!;
    const digital = await pick('digital', 'cat-digital');
    const physical = await pick('physical', 'cat-merch');
    await s.setCoins(user, voucher.currentPrice + digital.currentPrice + physical.currentPrice);
    const { stream } = await openMeStream(t, token);
    try {
      const orders = [];
      for (const item of [voucher, digital, physical]) orders.push((await s.bought(token, item)).order);
      const events = await stream.events(8);
      const fulfilled = events
        .filter((e) => e.event === 'order.changed')
        .map((e) => (e.data as OrderEventData).order)
        .filter((o) => o.status === 'fulfilled');
      assert.deepEqual(fulfilled.map((o) => o.id).sort(), [orders[0]!.id, orders[1]!.id].sort());
      const byId = new Map(fulfilled.map((o) => [o.id, o]));
      const code = byId.get(orders[0]!.id)!;
      assert.match(code.redemption!.code!, /^RAI-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      assert.deepEqual(code.history.map((h) => [h.status, h.note]), [['pending', 'Order placed'], ['fulfilled', 'Voucher issued']]);
      const download = byId.get(orders[1]!.id)!;
      assert.equal(download.redemption!.code, null);
      assert.ok(download.redemption!.instructions);

      await new Promise((resolve) => setTimeout(resolve, 100));
      const mine = await s.orders(token);
      assert.deepEqual(mine.map((o) => [o.id, o.status]), [[orders[2]!.id, 'pending'], [orders[1]!.id, 'fulfilled'], [orders[0]!.id, 'fulfilled']]);
      assert.deepEqual(mine[2], code);
    } finally {
      await stream.close();
    }
  });

});

describe('store fulfilment after a cancellation', () => {
  let t: TestApi;
  // Long enough for the cancellation to arrive first even on a loaded machine.
  const FULFIL_MS = 1_000;
  before(async () => {
    t = await startApi({ rateLimit: false, orderFulfilMs: FULFIL_MS });
  });
  after(() => t.close());

  test('an order cancelled before its fulfilment stays cancelled', async () => {
    const s = storeClient(t);
    const user = 'u_0121';
    const token = await t.token({ userId: user });
    const voucher = (await s.all<Product>(`${paths.storeProducts('demo')}?category=cat-gift-cards`, 100)).find((p) => p.inStock)!;
    await s.setCoins(user, voucher.currentPrice);
    const { order } = await s.bought(token, voucher);
    await s.setStatus(order.id, { status: 'cancelled', note: 'Changed my mind' });
    await new Promise((resolve) => setTimeout(resolve, FULFIL_MS + 100));
    const [after] = await s.orders(token);
    assert.deepEqual(after!.history.map((h) => [h.status, h.note]), [['pending', 'Order placed'], ['cancelled', 'Changed my mind']]);
    assert.equal((await s.me(token)).coins, voucher.currentPrice);
  });
});
