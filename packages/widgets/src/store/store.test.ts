import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Order, Product, PurchaseResult, StoreCategory, StoreConfig } from '@rai-kit/core/api';
import { sendKeys } from '@web/test-runner-commands';
import '../define/store.js';
import { ordersCode } from './orders-code.js';
import type { RaiStore } from './store.js';
import { apiUrl, authUrl, award, community, injectFault, mintToken, until } from '../../../../test/support/sandbox.js';
import { memberIds, mount, resetSandboxAfterEach, shadowText as text } from '../../../../test/support/widgets.js';

const shadow = (el: RaiStore) => el.shadowRoot!;
const cards = (el: RaiStore) => [...shadow(el).querySelectorAll<HTMLElement>('[part=product]')];
const ids = (el: RaiStore) => cards(el).map((c) => c.dataset['id']!);
const part = (el: RaiStore, name: string) => shadow(el).querySelector<HTMLElement>(`[part~=${name}]`);
const search = (el: RaiStore) => part(el, 'search') as HTMLInputElement;
const orders = (el: RaiStore) => [...shadow(el).querySelectorAll<HTMLElement>('[part=order]')];
const storePath = (cid: string) => `/widget/v1/communities/${cid}/store`;
/** The tests' own requests bypass the request watcher below. */
const realFetch = globalThis.fetch.bind(globalThis);
/** Whitespace-collapsed text of `selector` within a card or order row. */
const within = (node: Element, selector: string) => node.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function settled(el: RaiStore): Promise<void> {
  for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
  await el.updateComplete;
}

async function api<T>(path: string, query: Record<string, string | number> = {}, cid = community): Promise<{ data: T; meta?: { nextCursor: string | null } }> {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const response = await realFetch(`${apiUrl}${storePath(cid)}${path}?${params}`);
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return response.json();
}

/** Every product matching `query`, as the server pages them. */
async function allProducts(query: Record<string, string> = {}): Promise<Product[]> {
  const all: Product[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: Product[]; meta?: { nextCursor: string | null } } = await api<Product[]>('/products', { ...query, limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...page.data);
    cursor = page.meta?.nextCursor ?? null;
  } while (cursor);
  return all;
}

/** Buys `product` as `user` through the API, as another tab of the member would. */
async function buy(user: string, product: Product): Promise<PurchaseResult> {
  const token = await mintToken(user);
  const response = await fetch(`${apiUrl}${storePath(community)}/purchases`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ productId: product.id, expectedPrice: product.currentPrice }),
  });
  if (!response.ok) throw new Error(`purchase: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: PurchaseResult }).data;
}

/** The first product of `category` a member can buy. */
async function buyable(category: string): Promise<Product> {
  return (await allProducts({ category })).find((p) => p.inStock && (p.remaining === null || p.remaining > 2))!;
}

function asMember(user: string) {
  return (el: RaiStore) => (el.authUrl = authUrl({ user }));
}

function inCommunity(cid: string) {
  return (el: RaiStore) => el.setAttribute('community-id', cid);
}

/** Records the product requests the widget makes (and whether they were aborted), holding back answers to `slowQuery`. */
function watchProductRequests(slowQuery: string, delayMs: number) {
  const requests: { q: string; at: number; signal: AbortSignal | null | undefined }[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname.endsWith('/store/products')) {
      const q = url.searchParams.get('q') ?? '';
      requests.push({ q, at: performance.now(), signal: init?.signal });
      if (q === slowQuery) await new Promise((r) => setTimeout(r, delayMs));
    }
    return original(input, init);
  };
  return { requests, restore: () => (globalThis.fetch = original) };
}

const columns = (el: RaiStore) => getComputedStyle(part(el, 'grid')!).gridTemplateColumns.split(' ').length;

// Members u_0250 … u_0269.
const freshUser = memberIds(250);
resetSandboxAfterEach();

describe('<rai-store> browsing', () => {
  it('shows a loading skeleton shaped like the grid first, accessibly', async () => {
    const el = await fixture<RaiStore>(html`<rai-store community-id=${community} api-url=${apiUrl}></rai-store>`);
    expect(shadow(el).querySelectorAll('.grid .skeleton').length).to.be.greaterThan(0);
    expect(text(el, '[role=status]')).to.contain('Loading');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('loads the catalogue in public mode: categories in order, prices, badges, no balance or orders', async () => {
    const { el, event } = await mount('rai-store', 'rai-ready');
    expect(event.detail.mode).to.equal('public');
    const config = (await api<StoreConfig>('')).data;
    const categories = (await api<StoreCategory[]>('/categories')).data;
    const first = (await api<Product[]>('/products', { limit: 24 })).data;
    expect(text(el, '[part=title]')).to.equal(config.title);
    expect(ids(el)).to.deep.equal(first.map((p) => p.id));
    const names = [...shadow(el).querySelectorAll('[part~=category]')].map((b) => b.textContent!.trim());
    expect(names).to.deep.equal(['All', ...[...categories].sort((a, b) => a.displayOrder - b.displayOrder).map((c) => c.name)]);
    expect(names).not.to.include('Retired');
    expect(part(el, 'balance')).to.be.null;
    expect(part(el, 'tabs')).to.be.null;
    // The name is the card's button; the price carries the currency symbol.
    const card = cards(el)[0]!;
    expect(card.querySelector('button')!.textContent!.trim()).to.equal(first[0]!.name);
    expect(within(card, '[part=price]')).to.contain(`${config.currency.symbol} ${first[0]!.currentPrice.toLocaleString('en')}`);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('shows discounts struck through with a spoken regular price, and stock badges', async () => {
    const { el } = await mount('rai-store', 'rai-ready', (w) => (w.pageSize = 100));
    while (part(el, 'load-more')) {
      const before = cards(el).length;
      part(el, 'load-more')!.click();
      await until(() => cards(el).length > before, 'next page');
      await settled(el);
    }
    const products = await allProducts();
    const discounted = products.find((p) => p.discount && p.currentPrice < p.price)!;
    const soldOut = products.find((p) => !p.inStock)!;
    const low = products.find((p) => p.inStock && p.remaining !== null && p.remaining <= 10)!;
    const card = (p: Product) => shadow(el).querySelector<HTMLElement>(`[part=product][data-id="${p.id}"]`)!;
    const was = card(discounted).querySelector('s')!;
    expect(was.textContent).to.contain(discounted.price.toLocaleString('en'));
    expect(was.getAttribute('aria-hidden')).to.equal('true');
    expect(within(card(discounted), '.visually-hidden')).to.contain(`was`);
    expect(within(card(discounted), '[part=badge]')).to.contain('Sale');
    expect(within(card(soldOut), '.badges')).to.contain('Sold out');
    expect(within(card(low), '.badges')).to.contain(`Only ${low.remaining} left`);
    // Sold-out products still open (to read their details).
    expect(card(soldOut).querySelector('button')!.disabled).to.be.false;
    el.remove();
  });

  it('pages with "Load more" to the end without duplicates, moving focus to the first new product', async () => {
    const { el } = await mount('rai-store', 'rai-ready', (w) => (w.pageSize = 50));
    const all = await allProducts();
    expect(cards(el)).to.have.length(50);
    part(el, 'load-more')!.focus();
    part(el, 'load-more')!.click();
    await until(() => cards(el).length === 100, 'second page');
    await settled(el);
    expect(shadow(el).activeElement).to.equal(cards(el)[50]!.querySelector('button'));
    while (part(el, 'load-more')) {
      const before = cards(el).length;
      part(el, 'load-more')!.click();
      await until(() => cards(el).length > before, 'next page');
      await settled(el);
    }
    expect(ids(el)).to.deep.equal(all.map((p) => p.id));
    expect(new Set(ids(el)).size).to.equal(ids(el).length);
    el.remove();
  });

  it('filters by category with toggle buttons, reflecting `category`, and back to all', async () => {
    const { el } = await mount('rai-store', 'rai-ready');
    const merch = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part~=category]')].find((b) => b.textContent!.trim() === 'Merch')!;
    merch.click();
    const expected = (await api<Product[]>('/products', { category: 'cat-merch', limit: 24 })).data.map((p) => p.id);
    await until(() => ids(el).join() === expected.join(), 'merch products');
    expect(el.getAttribute('category')).to.equal('cat-merch');
    expect(merch.getAttribute('aria-pressed')).to.equal('true');
    // Set by the page: the grid follows.
    el.setAttribute('category', 'cat-digital');
    const digital = (await api<Product[]>('/products', { category: 'cat-digital', limit: 24 })).data.map((p) => p.id);
    await until(() => ids(el).join() === digital.join(), 'digital products');
    [...shadow(el).querySelectorAll<HTMLButtonElement>('[part~=category]')][0]!.click();
    const firstPage = (await api<Product[]>('/products', { limit: 24 })).data.map((p) => p.id);
    await until(() => ids(el).join() === firstPage.join(), 'all products');
    expect(el.getAttribute('category')).to.equal('');
    el.remove();
  });

  it('shows an error with a retry that recovers', async () => {
    await injectFault({ path: `${storePath(community)}/products`, status: 500, times: 1 });
    const el = document.createElement('rai-store');
    Object.assign(el, { apiUrl });
    el.setAttribute('community-id', community);
    const failed = oneEvent(el, 'rai-error');
    document.body.append(el);
    expect((await failed).detail.code).to.equal('internal');
    await settled(el);
    expect(part(el, 'error')).to.exist;
    await expect(el).to.be.accessible();
    const ready = oneEvent(el, 'rai-ready');
    part(el, 'retry-button')!.click();
    await ready;
    expect(cards(el).length).to.equal(24);
    el.remove();
  });

  it('shows an empty store', async () => {
    const { el } = await mount('rai-store', 'rai-ready', inCommunity('fresh-start'));
    expect(cards(el)).to.have.length(0);
    expect(text(el, '[part~=empty]')).to.contain('This store has no products yet.');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('browses a closed store with a notice that purchases are paused', async () => {
    const { el } = await mount('rai-store', 'rai-ready', inCommunity('night-owls'));
    expect(text(el, '[part=notice]')).to.contain('closed');
    expect(cards(el).length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    // Its products open, in stock or not, without a way to buy.
    const inStock = cards(el).find((card) => !card.textContent!.includes('Sold out'))!;
    inStock.querySelector('button')!.click();
    // The dialog's code loads on the first open: no shadow root until then.
    const dialog = () => shadow(el).querySelector('rai-store-product-dialog')!.shadowRoot;
    await until(() => dialog()?.querySelector<HTMLDialogElement>('dialog')?.open === true, 'dialog open');
    expect(dialog()!.querySelector('[part~=buy-button]')).to.not.exist;
    expect(dialog()!.querySelector('.notice')?.textContent).to.contain('closed');
    el.remove();
  });

  it('lays the grid out by the element’s width: one column at 320px, four at 900px', async () => {
    const { el } = await mount('rai-store', 'rai-ready', (w) => (w.style.width = '320px'));
    await settled(el);
    expect(columns(el)).to.equal(1);
    el.style.width = '900px';
    await settled(el);
    expect(columns(el)).to.equal(4);
    el.remove();
  });
});

/** A store `width` px wide: its skeleton's height (its first render, before any answer), then loaded. */
async function skeletonThenLoaded(width: number) {
  const el = document.createElement('rai-store');
  el.setAttribute('community-id', community);
  el.apiUrl = apiUrl;
  el.style.width = `${width}px`;
  const ready = oneEvent(el, 'rai-ready');
  document.body.append(el);
  await el.updateComplete;
  expect(shadow(el).querySelector('.header .skeleton')).to.exist;
  expect(cards(el)).to.have.length(0);
  const skeleton = el.getBoundingClientRect().height;
  await ready;
  await settled(el);
  return { el, skeleton };
}

describe('<rai-store> layout', () => {
  // One column at 320 and 375px (a phone), two, three and four columns wider. The skeleton cannot
  // know the names, badges or categories: cards and the category row are as tall whatever they
  // hold, so what follows the store does not move when its data arrives.
  for (const width of [320, 375, 420, 700, 1000]) {
    it(`is as tall loaded as its skeleton at ${width}px`, async () => {
      const { el, skeleton } = await skeletonThenLoaded(width);
      expect(cards(el)).to.have.length(24);
      expect(el.getBoundingClientRect().height).to.be.closeTo(skeleton, 1);
      el.remove();
    });
  }

  it('gives every card the same height: badges take no row, a long name two lines at most (whole in its accessible name)', async () => {
    const { el } = await skeletonThenLoaded(375);
    const heights = () => cards(el).map((card) => card.getBoundingClientRect().height);
    const [first] = heights();
    expect(cards(el).some((card) => card.querySelector('[part=badge]'))).to.be.true;
    for (const height of heights()) expect(height).to.be.closeTo(first!, 0.5);
    const button = cards(el)[0]!.querySelector<HTMLElement>('[part~=product-button]')!;
    const long = 'A very long product name that goes on and on, much longer than two lines of a card allow';
    button.querySelector('.product-name')!.textContent = long;
    expect(heights()[0]).to.be.closeTo(first!, 0.5);
    expect(button.getBoundingClientRect().height).to.be.closeTo(2 * parseFloat(getComputedStyle(button).lineHeight), 0.5);
    expect(button.textContent!.trim()).to.equal(long);
    el.remove();
  });
});

describe('<rai-store> search', () => {
  it('debounces typing into one request, and Escape clears', async () => {
    const user = freshUser();
    const token = await mintToken(user);
    // A fresh provider: a fresh client, created after the watcher wraps fetch.
    const watch = watchProductRequests('', 0);
    try {
      const { el } = await mount('rai-store', 'rai-ready', (w) => (w.tokenProvider = async () => ({ token, expiresAt: Date.now() + 300_000 })));
      const unfiltered = ids(el);
      const before = watch.requests.length;
      search(el).focus();
      // A fast typist: a key every 80 ms, well inside the pause that triggers a search.
      for (const key of 'hoodie') {
        await sendKeys({ type: key });
        await new Promise((r) => setTimeout(r, 80));
      }
      const expected = (await api<Product[]>('/products', { q: 'hoodie', limit: 24 })).data.map((p) => p.id);
      expect(expected.length).to.be.greaterThan(0);
      await until(() => ids(el).join() === expected.join(), 'hoodie results');
      expect(watch.requests.slice(before).map((r) => r.q)).to.deep.equal(['hoodie'], 'one request for the whole word');
      await sendKeys({ press: 'Escape' });
      await until(() => ids(el).join() === unfiltered.join(), 'unfiltered again');
      expect(search(el).value).to.equal('');
      el.remove();
    } finally {
      watch.restore();
    }
  });

  it('never shows a stale query’s results over a newer one, and aborts the stale request', async () => {
    const token = await mintToken(freshUser());
    // Answers to "mug" are held back 1.5 s: without cancelling, they would land after "cap".
    const watch = watchProductRequests('mug', 1_500);
    try {
      const { el } = await mount('rai-store', 'rai-ready', (w) => (w.tokenProvider = async () => ({ token, expiresAt: Date.now() + 300_000 })));
      search(el).focus();
      await sendKeys({ type: 'mug' });
      await until(() => watch.requests.some((r) => r.q === 'mug'), 'mug requested');
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: 'cap' });
      await sendKeys({ press: 'Enter' });
      const cap = (await api<Product[]>('/products', { q: 'cap', limit: 24 })).data.map((p) => p.id);
      await until(() => ids(el).join() === cap.join(), 'cap results');
      expect(watch.requests.find((r) => r.q === 'mug')!.signal!.aborted, 'the mug request was aborted').to.be.true;
      // Long after the held-back answer would have come: still "cap".
      await new Promise((r) => setTimeout(r, 1_700));
      await settled(el);
      expect(ids(el)).to.deep.equal(cap);
      el.remove();
    } finally {
      watch.restore();
    }
  });

  it('searches at once on Enter', async () => {
    const token = await mintToken(freshUser());
    const watch = watchProductRequests('', 0);
    try {
      const { el } = await mount('rai-store', 'rai-ready', (w) => (w.tokenProvider = async () => ({ token, expiresAt: Date.now() + 300_000 })));
      let lastKeyAt = 0;
      search(el).addEventListener('keydown', (e) => (lastKeyAt = e.timeStamp));
      search(el).focus();
      await sendKeys({ type: 'scarf' });
      await sendKeys({ press: 'Enter' });
      await until(() => watch.requests.some((r) => r.q === 'scarf'), 'scarf requested');
      const request = watch.requests.find((r) => r.q === 'scarf')!;
      // Within the debounce pause after the last key (Enter): not the timer's doing.
      expect(request.at - lastKeyAt).to.be.below(200);
      el.remove();
    } finally {
      watch.restore();
    }
  });

  it('says when nothing matches, with a button that clears the search', async () => {
    const { el } = await mount('rai-store', 'rai-ready');
    const unfiltered = ids(el);
    search(el).focus();
    await sendKeys({ type: 'zzqqxx' });
    await sendKeys({ press: 'Enter' });
    await until(() => text(el, '[part~=empty]').includes('No products match “zzqqxx”.'), 'no results');
    await expect(el).to.be.accessible();
    part(el, 'clear-search')!.click();
    await until(() => ids(el).join() === unfiltered.join(), 'unfiltered again');
    expect(shadow(el).activeElement).to.equal(search(el));
    el.remove();
  });
});

describe('<rai-store> with its product dialog', () => {
  // The dialog's code loads on the first open: no shadow root until then.
  const dialogPart = (el: RaiStore, name: string) =>
    shadow(el).querySelector('rai-store-product-dialog')!.shadowRoot?.querySelector<HTMLElement>(`[part~=${name}]`) ?? null;

  it('opens a product in the dialog; in public mode Buy asks the page to sign in; focus returns to the card', async () => {
    const { el } = await mount('rai-store', 'rai-ready');
    const trigger = cards(el)[1]!.querySelector('button')!;
    trigger.focus();
    trigger.click();
    await until(() => (dialogPart(el, 'dialog') as HTMLDialogElement | null)?.open === true, 'dialog open');
    expect(trigger.hasAttribute('aria-busy'), 'busy only while the dialog loads').to.be.false;
    expect(dialogPart(el, 'dialog')!.textContent).to.contain(trigger.textContent!.trim());
    setTimeout(() => dialogPart(el, 'buy-button')!.click());
    const request = await oneEvent(el, 'rai-sign-in-request');
    request.preventDefault();
    await sendKeys({ press: 'Escape' });
    await until(() => !(dialogPart(el, 'dialog') as HTMLDialogElement).open, 'dialog closed');
    expect(shadow(el).activeElement).to.equal(trigger);
    el.remove();
  });

  it('buys through the dialog: the page hears rai-purchase, balance and orders follow at once', async () => {
    const user = freshUser();
    const product = await buyable('cat-digital');
    const me = await award(user, { coins: product.currentPrice + 50 });
    const { el } = await mount('rai-store', 'rai-ready', (w) => {
      asMember(user)(w);
      w.category = 'cat-digital';
    });
    await until(() => ids(el).includes(product.id), 'product listed');
    shadow(el).querySelector<HTMLElement>(`[part=product][data-id="${product.id}"] button`)!.click();
    await until(() => !!dialogPart(el, 'buy-button'), 'dialog open');
    dialogPart(el, 'buy-button')!.click();
    await until(() => !!dialogPart(el, 'confirm-button'), 'confirmation');
    const purchased = oneEvent(el, 'rai-purchase');
    dialogPart(el, 'confirm-button')!.click();
    const { detail } = await purchased;
    expect(detail.balance).to.equal(me.coins - product.currentPrice);
    await el.updateComplete;
    expect(text(el, '[part=balance]')).to.contain(detail.balance.toLocaleString('en'));
    (dialogPart(el, 'dialog') as HTMLDialogElement).close();
    [...shadow(el).querySelectorAll<HTMLElement>('[role=tab]')][1]!.click();
    await until(() => orders(el)[0]?.dataset['id'] === detail.order.id, 'order listed');
    el.remove();
  });
});

describe('<rai-store> member', () => {
  it('shows the balance and updates it live', async () => {
    const user = freshUser();
    const start = await award(user, { coins: 1 });
    const { el, event } = await mount('rai-store', 'rai-ready', asMember(user));
    expect(event.detail.mode).to.equal('member');
    const { currency } = (await api<StoreConfig>('')).data;
    expect(text(el, '[part=balance]')).to.contain(`${currency.symbol} ${start.coins.toLocaleString('en')} ${currency.name}`);
    // No wait for the stream: it resumes from the snapshot's event id, so nothing is missed.
    const after = await award(user, { coins: 750 });
    await until(() => text(el, '[part=balance]').includes(after.coins.toLocaleString('en')), 'balance updated');
    expect(text(el, '[role=status][aria-live=polite]')).to.contain(`Your balance is now ${currency.symbol} ${after.coins.toLocaleString('en')}`);
    el.remove();
  });

  it('lists orders in a tab, newest first, with live status changes and the voucher code', async () => {
    const user = freshUser();
    const voucher = await buyable('cat-gift-cards');
    const merch = await buyable('cat-merch');
    await award(user, { coins: voucher.currentPrice + merch.currentPrice + 100 });
    const physical = (await buy(user, merch)).order;
    const { el } = await mount('rai-store', 'rai-ready', asMember(user));
    const tabs = [...shadow(el).querySelectorAll<HTMLElement>('[role=tab]')];
    expect(tabs.map((t) => t.textContent!.trim())).to.deep.equal(['Shop', 'My orders']);
    tabs[1]!.click();
    await until(() => orders(el).length === 1, 'one order');
    expect(orders(el)[0]!.dataset['status']).to.equal('pending');
    await expect(el).to.be.accessible();
    // Bought elsewhere (another tab): arrives through the stream, on top.
    const bought = (await buy(user, voucher)).order;
    await until(() => orders(el)[0]?.dataset['id'] === bought.id, 'voucher order on top');
    // Vouchers fulfil by themselves: the code appears with a Copy button.
    await until(() => orders(el)[0]!.dataset['status'] === 'fulfilled', 'voucher fulfilled', 6_000);
    expect(orders(el)[0]!.querySelector('code')!.textContent).to.match(/\S+/);
    expect(orders(el)[0]!.querySelector('[part~=copy-button]')).to.exist;
    // A physical order moved by the store's staff (the sandbox admin route).
    const moved = await fetch(`${apiUrl}/sandbox/v1/communities/${community}/orders/${physical.id}/status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'cancelled', note: 'Out of stock at the warehouse — refunded' }),
    });
    expect(moved.ok).to.be.true;
    const row = () => shadow(el).querySelector<HTMLElement>(`[part=order][data-id="${physical.id}"]`)!;
    await until(() => row().dataset['status'] === 'cancelled', 'cancelled live');
    expect(text(el, '[role=status][aria-live=polite]')).to.contain('Cancelled');
    expect(row().querySelector('details')!.textContent).to.contain('Out of stock at the warehouse');
    el.remove();
  });

  it('takes a purchase from the dialog at once: balance and orders', async () => {
    const { el } = await mount('rai-store', 'rai-ready', asMember(freshUser()));
    [...shadow(el).querySelectorAll<HTMLElement>('[role=tab]')][1]!.click();
    await until(() => !!part(el, 'empty'), 'no orders yet');
    // As the dialog reports a purchase (the server and the stream know nothing of this one).
    const now = new Date().toISOString();
    const order: Order = {
      id: 'ord_from_dialog',
      product: { id: 'prd_0001', name: 'Dialog test product', imageUrl: null, type: 'digital' },
      price: 10,
      status: 'pending',
      history: [{ status: 'pending', at: now, note: null }],
      redemption: null,
      createdAt: now,
      updatedAt: now,
    };
    const dialog = shadow(el).querySelector('rai-store-product-dialog')!;
    const reachesPage = oneEvent(el, 'rai-purchase');
    dialog.dispatchEvent(new CustomEvent('rai-purchase', { detail: { order, balance: 4242 }, bubbles: true, composed: true }));
    await reachesPage;
    await el.updateComplete;
    expect(text(el, '[part=balance]')).to.contain('4,242');
    expect(orders(el).map((o) => o.dataset['id'])).to.deep.equal([order.id]);
    el.remove();
  });

  it('moves between Shop and My orders with the arrow keys', async () => {
    const { el } = await mount('rai-store', 'rai-ready', asMember(freshUser()));
    const tabs = () => [...shadow(el).querySelectorAll<HTMLElement>('[role=tab]')];
    tabs()[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(tabs()[1]!.getAttribute('aria-selected')).to.equal('true');
    expect(shadow(el).activeElement).to.equal(tabs()[1]);
    expect(shadow(el).querySelector<HTMLElement>('#panel-shop')!.hidden).to.be.true;
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(tabs()[0]!.getAttribute('aria-selected')).to.equal('true');
    el.remove();
  });

  it('loads "My orders" code on intent or on opening, showing the list skeleton until it arrives', async () => {
    const { el } = await mount('rai-store', 'rai-ready', asMember(freshUser()));
    // As on a page that has not loaded the chunk yet: it arrives when the test lets it.
    const real = ordersCode.load;
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    let loads = 0;
    ordersCode.load = async () => {
      loads++;
      await arrived;
      return real();
    };
    try {
      expect(loads, 'not with the store').to.equal(0);
      part(el, 'tabs')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
      expect(loads, 'pointer over the tabs').to.equal(1);
      shadow(el).querySelectorAll<HTMLElement>('[role=tab]')[1]!.click();
      await settled(el);
      const panel = shadow(el).querySelector<HTMLElement>('#panel-orders')!;
      expect(panel.hidden).to.be.false;
      expect(within(panel, '[role=status]')).to.equal('Loading…');
      arrive();
      await until(() => !!panel.querySelector('[part~=empty]'), 'orders shown');
      expect(within(panel, '[part~=empty]')).to.equal('You have not bought anything yet.');
    } finally {
      ordersCode.load = real;
    }
    el.remove();
  });

  it('shows the error state with a working retry when "My orders" code cannot be loaded', async () => {
    const { el } = await mount('rai-store', 'rai-ready', asMember(freshUser()));
    const real = ordersCode.load;
    ordersCode.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const failed = oneEvent(el, 'rai-error');
      shadow(el).querySelectorAll<HTMLElement>('[role=tab]')[1]!.click();
      expect((await failed).detail.message).to.contain('dynamically imported module');
      await el.updateComplete;
      const panel = shadow(el).querySelector<HTMLElement>('#panel-orders')!;
      expect(within(panel, '[role=alert]')).to.contain('Something went wrong');
      await expect(el).to.be.accessible();
      ordersCode.load = real;
      panel.querySelector<HTMLElement>('[part~=retry-button]')!.click();
      await until(() => !!panel.querySelector('[part~=empty]'), 'orders shown after retry');
    } finally {
      ordersCode.load = real;
    }
    el.remove();
  });

  it('passes axe in dark theme and right-to-left Arabic, and themes the dialog too', async () => {
    const user = freshUser();
    const voucher = await buyable('cat-gift-cards');
    await award(user, { coins: voucher.currentPrice });
    const { order } = await buy(user, voucher);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar"></div>`);
    const { el } = await mount('rai-store', 'rai-ready', asMember(user));
    wrapper.append(el);
    el.theme = 'dark';
    await settled(el);
    expect(shadow(el).querySelector('[part=frame]')!.getAttribute('dir')).to.equal('rtl');
    expect(text(el, '[role=tab]')).to.equal('المتجر');
    const dialog = shadow(el).querySelector('rai-store-product-dialog')!;
    expect(dialog.getAttribute('theme')).to.equal('dark');
    await expect(el).to.be.accessible();
    [...shadow(el).querySelectorAll<HTMLElement>('[role=tab]')][1]!.click();
    // Fulfilled (the voucher's code, the Copy button, the history) is the richest order to check.
    await until(() => shadow(el).querySelector<HTMLElement>(`[part=order][data-id="${order.id}"]`)?.dataset['status'] === 'fulfilled', 'voucher fulfilled', 6_000);
    await expect(el).to.be.accessible();
    wrapper.remove();
  });
  it('shows the session-expired state when the token cannot be renewed', async () => {
    const token = await mintToken(freshUser(), 1);
    await new Promise((r) => setTimeout(r, 1_100));
    const el = document.createElement('rai-store');
    Object.assign(el, { apiUrl, token });
    el.setAttribute('community-id', community);
    const expired = oneEvent(el, 'rai-session-expired');
    document.body.append(el);
    await expired;
    await el.updateComplete;
    expect(part(el, 'expired')).to.exist;
    await expect(el).to.be.accessible();
    el.remove();
  });
});
