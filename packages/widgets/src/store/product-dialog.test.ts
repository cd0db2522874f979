import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { nothing } from 'lit';
import { paths, sharedClient, type Product, type ProductQuery } from '@rai-kit/core/api';
import { noToken, staticToken } from '@rai-kit/core/auth';
import { StoreApi } from '@rai-kit/core/store';
import { sendKeys } from '@web/test-runner-commands';
import { inertProblems } from '../../../../test/support/inert-html.js';
import { apiUrl, award, community, injectFault, mintToken, setProduct, until } from '../../../../test/support/sandbox.js';
import { memberIds, resetSandboxAfterEach, shadowText as text } from '../../../../test/support/widgets.js';
import type { PurchaseDetail, PurchaseFailedDetail } from '../base/events.js';
import { RaiStoreProductDialog } from './product-dialog.js';

RaiStoreProductDialog.define('rai-store-product-dialog');

// Members u_0270 upwards: one per test, so balances and orders never leak between tests.
const freshMember = memberIds(270);
const currency = { name: 'Coins', symbol: '🪙' };
const PURCHASES = `/widget/v1${paths.storePurchases(community)}`;

const part = <T extends HTMLElement = HTMLButtonElement>(el: RaiStoreProductDialog, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~=${name}]`);
const dialogOf = (el: RaiStoreProductDialog) => part<HTMLDialogElement>(el, 'dialog')!;
const focused = (el: RaiStoreProductDialog) => el.shadowRoot!.activeElement;

/** A member with `coins` more than the sandbox gave them, and the store as they see it. */
async function member(coins = 0) {
  const user = freshMember();
  const me = await award(user, { coins: coins + 1, reason: 'product dialog test' });
  const api = new StoreApi(sharedClient(apiUrl, staticToken(await mintToken(user))), community);
  return { user, api, balance: me.coins };
}

/** The first product matching `match`, following pages. */
async function findProduct(api: StoreApi, match: (p: Product) => boolean, query: ProductQuery = {}): Promise<Product> {
  let cursor: string | undefined;
  do {
    const page = await api.products({ ...query, cursor, limit: 100 });
    const hit = page.items.find(match);
    if (hit) return hit;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  throw new Error('no seeded product matches');
}

/** In stock without a shown limit, so other tests buying it never sell it out. */
const buyable = (max: number) => (p: Product) => p.inStock && p.remaining === null && p.currentPrice <= max && !p.name.startsWith('Suspicious');

/** The dialog in a fixture next to a trigger button; `lang` goes on their parent. */
async function mountDialog(setup: { api?: StoreApi; balance: number | null; lang?: string; theme?: 'light' | 'dark' }) {
  const parent = await fixture<HTMLElement>(html`<div lang=${setup.lang ?? nothing}>
    <button id="trigger">Open product</button>
    <rai-store-product-dialog
      .api=${setup.api}
      .currency=${currency}
      .balance=${setup.balance}
      theme=${setup.theme ?? 'light'}
    ></rai-store-product-dialog>
  </div>`);
  const el = parent.querySelector<RaiStoreProductDialog>('rai-store-product-dialog')!;
  return { el, trigger: parent.querySelector<HTMLButtonElement>('#trigger')! };
}

/** Opens `product` from the trigger and waits for its sanitised description. */
async function open(el: RaiStoreProductDialog, trigger: HTMLButtonElement, product: Product) {
  trigger.focus();
  el.show(product, trigger);
  await until(() => dialogOf(el).open && !part(el, 'description')!.querySelector('.skeleton'), 'dialog open with its description');
}

/** Buy, then Confirm. */
async function buyAndConfirm(el: RaiStoreProductDialog) {
  part(el, 'buy-button')!.click();
  await el.updateComplete;
  part(el, 'confirm-button')!.click();
}

/** Every `rai-purchase` and `rai-purchase-failed` the dialog fires. */
function record(el: RaiStoreProductDialog) {
  const purchases: PurchaseDetail[] = [];
  const failures: PurchaseFailedDetail[] = [];
  el.addEventListener('rai-purchase', (e) => purchases.push(e.detail));
  el.addEventListener('rai-purchase-failed', (e) => failures.push(e.detail));
  return { purchases, failures };
}

async function allOrders(api: StoreApi) {
  return (await api.orders(null, 100)).items;
}

describe('rai-store-product-dialog', () => {
  resetSandboxAfterEach();

  it('shows the product: name as the dialog label, type, price and the description', async () => {
    const { api, balance } = await member(1000);
    const product = await findProduct(api, buyable(1000));
    const { el, trigger } = await mountDialog({ api, balance });
    await open(el, trigger, product);
    const dialog = dialogOf(el);
    expect(el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).to.equal(product.name);
    expect(text(el, '[part~=price]')).to.contain(`🪙 ${product.currentPrice.toLocaleString('en')}`);
    expect(text(el, '[part~=buy-button]')).to.equal(`Buy for 🪙 ${product.currentPrice.toLocaleString('en')}`);
    expect(part(el, 'description')!.textContent!.trim()).not.to.equal('');
    await expect(el).to.be.accessible();
  });

  it('strikes through the regular price during a discount and says when the offer ends', async () => {
    const api = new StoreApi(sharedClient(apiUrl, noToken), community);
    const product = await findProduct(api, (p) => p.discount !== null && p.discount.endsAt !== null && p.currentPrice < p.price);
    const { el, trigger } = await mountDialog({ api, balance: null });
    await open(el, trigger, product);
    const price = part(el, 'price')!;
    expect(price.querySelector('s')!.textContent).to.equal(`🪙 ${product.price.toLocaleString('en')}`);
    expect(text(el, '[part~=price] .visually-hidden')).to.contain(`was 🪙 ${product.price.toLocaleString('en')}`);
    const ends = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(product.discount!.endsAt!));
    expect(text(el, '.ends')).to.equal(`Offer ends ${ends}`);
  });

  it('buys: confirmation with the balance after, one order, the new balance and rai-purchase', async () => {
    const { api, balance } = await member(1000);
    const product = await findProduct(api, buyable(1000));
    const { el, trigger } = await mountDialog({ api, balance });
    const events = record(el);
    await open(el, trigger, product);

    part(el, 'buy-button')!.click();
    await el.updateComplete;
    expect(text(el, '.question')).to.equal(
      `Buy ${product.name} for ${product.currentPrice.toLocaleString('en')} Coins? Balance after: ${(balance - product.currentPrice).toLocaleString('en')} Coins`,
    );
    expect(focused(el)).to.equal(part(el, 'confirm-button'));
    await expect(el).to.be.accessible();

    const purchased = oneEvent(el, 'rai-purchase');
    part(el, 'confirm-button')!.click();
    await el.updateComplete;
    expect(part(el, 'confirm-button')!.getAttribute('aria-busy')).to.equal('true');
    const { detail } = await purchased;
    await el.updateComplete;

    expect(detail.balance).to.equal(balance - product.currentPrice);
    expect(detail.order.product.id).to.equal(product.id);
    expect(detail.order.price).to.equal(product.currentPrice);
    expect(text(el, '[part~=result] .result-title')).to.equal('Order placed');
    expect(text(el, '[part~=result]')).to.contain(`Your balance: ${detail.balance.toLocaleString('en')} Coins`);
    expect(part(el, 'result')!.getAttribute('role')).to.equal('status');
    expect(focused(el)).to.equal(part(el, 'result'));
    const orders = await allOrders(api);
    expect(orders.map((o) => o.id)).to.deep.equal([detail.order.id]);
    expect(events.purchases).to.have.length(1);
    expect(events.failures).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('says what happens next for a voucher', async () => {
    const { api, balance } = await member(1000);
    const product = await findProduct(api, (p) => buyable(1000)(p) && p.type === 'voucher');
    const { el, trigger } = await mountDialog({ api, balance });
    await open(el, trigger, product);
    const purchased = oneEvent(el, 'rai-purchase');
    await buyAndConfirm(el);
    await purchased;
    await el.updateComplete;
    expect(text(el, '[part~=result]')).to.contain('Your code will appear in My orders in a moment.');
  });

  it('places one order when Confirm is clicked twice', async () => {
    const { api, balance } = await member(1000);
    const product = await findProduct(api, buyable(400));
    const { el, trigger } = await mountDialog({ api, balance });
    const events = record(el);
    await open(el, trigger, product);
    part(el, 'buy-button')!.click();
    await el.updateComplete;
    const confirm = part(el, 'confirm-button')!;
    confirm.click();
    confirm.click();
    await until(() => events.purchases.length > 0, 'the purchase');
    // Long enough for a second request, had there been one, to be answered.
    await new Promise((r) => setTimeout(r, 300));
    expect(events.purchases).to.have.length(1);
    const orders = await allOrders(api);
    expect(orders).to.have.length(1);
    expect(events.purchases[0]!.balance).to.equal(balance - product.currentPrice);
  });

  it('says how many more coins are needed when the balance is short', async () => {
    const { api, balance } = await member(0);
    const product = await findProduct(api, (p) => buyable(Number.POSITIVE_INFINITY)(p) && p.currentPrice > balance);
    const { el, trigger } = await mountDialog({ api, balance });
    const events = record(el);
    await open(el, trigger, product);
    await buyAndConfirm(el);
    await until(() => events.failures.length > 0, 'the refusal');
    await el.updateComplete;

    const shortfall = product.currentPrice - balance;
    expect(events.failures[0]!.error.code).to.equal('insufficient_balance');
    expect(events.failures[0]!.error.meta['shortfall']).to.equal(shortfall);
    expect(text(el, '[part~=error]')).to.equal(`You need ${shortfall.toLocaleString('en')} more Coins to buy this.`);
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(focused(el)).to.equal(part(el, 'error'));
    expect(await allOrders(api)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('says how many are left when the store shows it', async () => {
    const api = new StoreApi(sharedClient(apiUrl, noToken), community);
    const product = await findProduct(api, (p) => p.inStock && p.remaining !== null);
    const { el, trigger } = await mountDialog({ api, balance: null });
    await open(el, trigger, product);
    expect(text(el, '.stock')).to.equal(product.remaining === 1 ? 'Only 1 left' : `Only ${product.remaining!.toLocaleString('en')} left`);
  });

  it('shows a sold-out product without a buy button', async () => {
    const { api, balance } = await member(1000);
    const product = await findProduct(api, (p) => !p.inStock);
    const { el, trigger } = await mountDialog({ api, balance });
    await open(el, trigger, product);
    expect(part(el, 'buy-button')).to.equal(null);
    expect(text(el, '.stock')).to.equal('Sold out');
    await expect(el).to.be.accessible();
  });

  it('says sold out when the last one went while the dialog was open', async () => {
    const { api, balance } = await member(1000);
    // Affordable, so the only reason left to refuse it is the stock.
    const soldOut = await findProduct(api, (p) => !p.inStock && p.currentPrice <= balance);
    // The dialog still believes it is in stock, as it would had someone bought the last one meanwhile.
    const stale: Product = { ...soldOut, inStock: true, remaining: soldOut.remaining === null ? null : 1 };
    const { el, trigger } = await mountDialog({ api, balance });
    const events = record(el);
    await open(el, trigger, stale);
    await buyAndConfirm(el);
    await until(() => events.failures.length > 0, 'the refusal');
    await el.updateComplete;
    expect(events.failures[0]!.error.code).to.equal('out_of_stock');
    expect(text(el, '[part~=error]')).to.equal('Sorry, this has just sold out.');
    expect(text(el, '.stock')).to.equal('Sold out');
    expect(part(el, 'buy-button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the new price when it changed meanwhile, and buys at it once confirmed again', async () => {
    const { api, balance } = await member(1000);
    const candidates = (await api.products({ category: 'cat-gear', limit: 100 })).items.filter((p) => buyable(500)(p) && p.discount === null);
    const product = candidates.at(-1)!;
    const { el, trigger } = await mountDialog({ api, balance });
    const events = record(el);
    await open(el, trigger, product);
    const newPrice = product.price + 15;
    await setProduct(product.id, { price: newPrice });
    try {
      await buyAndConfirm(el);
      await until(() => events.failures.length > 0, 'the refusal');
      await el.updateComplete;
      expect(events.failures[0]!.error).to.deep.include({ code: 'conflict', meta: { price: newPrice } });
      expect(text(el, '.question')).to.contain(`The price has changed to ${newPrice.toLocaleString('en')} Coins. Buy it at the new price?`);
      expect(text(el, '[part~=price]')).to.equal(`🪙 ${newPrice.toLocaleString('en')}`);
      expect(focused(el)).to.equal(part(el, 'confirm-button'));
      await expect(el).to.be.accessible();

      const purchased = oneEvent(el, 'rai-purchase');
      part(el, 'confirm-button')!.click();
      const { detail } = await purchased;
      expect(detail.order.price).to.equal(newPrice);
      expect(detail.balance).to.equal(balance - newPrice);
    } finally {
      await setProduct(product.id, { price: product.price });
    }
  });

  it('goes back from the confirmation with Cancel, focus on Buy', async () => {
    const { api, balance } = await member(1000);
    const product = await findProduct(api, buyable(1000));
    const { el, trigger } = await mountDialog({ api, balance });
    await open(el, trigger, product);
    part(el, 'buy-button')!.click();
    await el.updateComplete;
    part(el, 'cancel-button')!.click();
    await el.updateComplete;
    expect(part(el, 'confirm-button')).to.equal(null);
    expect(focused(el)).to.equal(part(el, 'buy-button'));
    expect(await allOrders(api)).to.have.length(0);
  });

  it('retries a purchase whose answers were lost with the same key: one order, one debit', async () => {
    const { api, balance } = await member(1000);
    const product = await findProduct(api, buyable(400));
    const { el, trigger } = await mountDialog({ api, balance });
    const events = record(el);
    await open(el, trigger, product);
    // The first request and the client's 3 automatic retries all take effect, and all their answers are lost.
    await injectFault({ path: PURCHASES, method: 'POST', status: 503, phase: 'response', times: 4 });
    await buyAndConfirm(el);
    await el.updateComplete;
    expect(part(el, 'confirm-button')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    // Escape while the answer is on its way keeps the dialog, and with it the outcome.
    await sendKeys({ press: 'Escape' });
    expect(dialogOf(el).open).to.equal(true);
    await until(() => events.failures.length > 0, 'the lost answers', 15_000);
    await el.updateComplete;
    expect(events.failures[0]!.error.code).to.equal('unavailable');

    expect(text(el, '[part~=error] p')).to.equal("Couldn't reach the store. Nothing was charged twice — try again.");
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('.retry')!;
    expect(focused(el)).to.equal(retry);
    await expect(el).to.be.accessible();

    const purchased = oneEvent(el, 'rai-purchase');
    retry.click();
    const { detail } = await purchased;
    expect(detail.balance).to.equal(balance - product.currentPrice);
    const orders = await allOrders(api);
    expect(orders.map((o) => o.id)).to.deep.equal([detail.order.id]);
  });

  it('offers to sign in again when the session expired mid-purchase', async () => {
    const { user, api, balance } = await member(1000);
    const product = await findProduct(api, buyable(1000));
    const { el, trigger } = await mountDialog({ api, balance });
    const events = record(el);
    await open(el, trigger, product);
    // Refused, and refused again after the client renewed the token once.
    await injectFault({ path: PURCHASES, method: 'POST', status: 401, times: 2 });
    await buyAndConfirm(el);
    await until(() => events.failures.length > 0, 'the refusal');
    await el.updateComplete;
    expect(events.failures[0]!.error.code).to.equal('session_expired');
    expect(text(el, '[part~=error] p')).to.equal('Your session has expired. Sign in again to buy.');
    await expect(el).to.be.accessible();
    const request = oneEvent(el, 'rai-sign-in-request');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=error] button')!.click();
    await request;
    // The dialog's token source gave up; the member signed in again has no order.
    const signedInAgain = new StoreApi(sharedClient(apiUrl, staticToken(await mintToken(user))), community);
    expect(await allOrders(signedInAgain)).to.have.length(0);
  });

  it('says the store is closed when purchases are refused as forbidden', async () => {
    const { api, balance } = await member(1000);
    const product = await findProduct(api, buyable(1000));
    const { el, trigger } = await mountDialog({ api, balance });
    const events = record(el);
    await open(el, trigger, product);
    await injectFault({ path: PURCHASES, method: 'POST', status: 403, times: 1 });
    await buyAndConfirm(el);
    await until(() => events.failures.length > 0, 'the refusal');
    await el.updateComplete;
    expect(events.failures[0]!.error.code).to.equal('forbidden');
    expect(text(el, '[part~=error]')).to.equal('The store is closed for now: you can browse, but not buy.');
    await expect(el).to.be.accessible();
  });

  it('renders hostile descriptions inert', async () => {
    const api = new StoreApi(sharedClient(apiUrl, noToken), community);
    const hostile = (await api.products({ q: 'Suspicious', limit: 100 })).items.filter((p) => p.name.startsWith('Suspicious'));
    expect(hostile.length).to.be.greaterThan(5);
    const { el, trigger } = await mountDialog({ api, balance: null });
    for (const product of hostile) {
      await open(el, trigger, product);
      const description = part(el, 'description')!;
      expect(inertProblems(description), product.name).to.deep.equal([]);
      expect(description.querySelectorAll('script, iframe, style, form, input, svg, meta, base')).to.have.length(0);
      el.close();
    }
    // Handlers that slipped through would have run by now (image errors are quick on loopback).
    await new Promise((r) => setTimeout(r, 300));
    expect((window as { __raiXss?: string }).__raiXss).to.equal(undefined);
  });

  it('traps focus while open and returns it to the trigger on Escape and on close', async () => {
    const { api, balance } = await member(1000);
    const product = await findProduct(api, buyable(1000));
    const { el, trigger } = await mountDialog({ api, balance });
    await open(el, trigger, product);
    expect(dialogOf(el).matches(':modal')).to.equal(true);
    // The page behind is inert: nothing there takes focus, by script or by Tab.
    trigger.focus();
    expect(document.activeElement).to.equal(el);
    expect(focused(el)).to.equal(part(el, 'close-button'));
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(el);
    expect(dialogOf(el).contains(focused(el))).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => !dialogOf(el).open, 'closed by Escape');
    expect(document.activeElement).to.equal(trigger);

    await open(el, trigger, product);
    part(el, 'close-button')!.click();
    await until(() => !dialogOf(el).open, 'closed by its button');
    expect(document.activeElement).to.equal(trigger);
  });

  it('asks the host to sign the user in when signed out', async () => {
    const api = new StoreApi(sharedClient(apiUrl, noToken), community);
    const product = await findProduct(api, buyable(Number.POSITIVE_INFINITY));
    const { el, trigger } = await mountDialog({ api, balance: null });
    await open(el, trigger, product);
    expect(text(el, '[part~=buy-button]')).to.equal('Sign in to buy');
    const request = oneEvent(el, 'rai-sign-in-request');
    part(el, 'buy-button')!.click();
    const event = await request;
    expect(event.cancelable).to.equal(true);
    expect(part(el, 'confirm-button')).to.equal(null);
  });

  it('passes axe in dark and right-to-left, confirming and refused', async () => {
    const { api, balance } = await member(0);
    const product = await findProduct(api, (p) => buyable(Number.POSITIVE_INFINITY)(p) && p.currentPrice > balance);
    const { el, trigger } = await mountDialog({ api, balance, lang: 'ar', theme: 'dark' });
    const events = record(el);
    await open(el, trigger, product);
    expect(dialogOf(el).getAttribute('dir')).to.equal('rtl');
    await expect(el).to.be.accessible();
    part(el, 'buy-button')!.click();
    await el.updateComplete;
    expect(text(el, '[part~=confirm-button]')).to.equal('تأكيد');
    await expect(el).to.be.accessible();
    part(el, 'confirm-button')!.click();
    await until(() => events.failures.length > 0, 'the refusal');
    await el.updateComplete;
    expect(text(el, '[part~=error]')).to.contain('ينقصك');
    await expect(el).to.be.accessible();
  });

});
