/**
 * Embedding 1, the partner site: a static page on its own origin with the one script tag and
 * three public widgets, under a strict CSP with Trusted Types enforced.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { Page } from 'puppeteer-core';
import { expectAccessible, layoutShift, waitFor, withPage } from './support/browser.js';
import { e2e } from './support/e2e.js';

const texts = (elements: Element[]) => elements.map((el) => el.textContent?.trim() ?? '');

test('partner site: one script tag shows a public leaderboard, store and tier ladder under a strict CSP', { timeout: 60_000 }, async (t) => {
  await withPage(e2e.browser, async (page) => {
    const cdnEntries: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (/^\/cdn\/[^/]+\.js$/.test(path)) cdnEntries.push(path.slice('/cdn/'.length));
    });
    const response = await page.goto(`${e2e.stack.partnerSite}/`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self' http:\/\/127\.0\.0\.1:\d+;/, 'served with a script-src of its own origin and the kit’s');
    assert.match(csp, /require-trusted-types-for 'script'/);

    // The loader's discovery event: every tag on the page got its widget.
    const ready = await page.evaluate(
      () => new Promise<{ defined: string[]; failed: string[] }>((resolve) => (window as unknown as { raiKit: (...args: unknown[]) => void }).raiKit('on', 'ready', resolve)),
    );
    assert.deepEqual([...ready.defined].sort(), ['rai-leaderboard', 'rai-store', 'rai-xp-tier']);
    assert.deepEqual(ready.failed, []);
    // Only the widgets on the page were fetched: no chat, no frame.
    assert.deepEqual([...cdnEntries].sort(), ['rai-kit.js', 'rai-leaderboard.js', 'rai-store.js', 'rai-xp-tier.js']);

    await waitFor(page, 'rai-leaderboard >>> [part~="row"] [part~="name"]');
    const names = await page.$$eval('rai-leaderboard >>> [part~="row"] [part~="name"]', texts);
    assert.ok(names.length >= 10, `leaderboard rows shown: ${names.length}`);
    assert.ok(names.every((name) => /\p{L}/u.test(name)), `every row names a member: ${names.join(', ')}`);

    await waitFor(page, 'rai-store >>> [part~="product"]');
    const products = await page.$$eval('rai-store >>> [part~="product"]', texts);
    assert.ok(products.length >= 6, `store products shown: ${products.length}`);
    assert.ok(products.every((text) => /\p{L}/u.test(text)), 'every product card has a name');

    await waitFor(page, 'rai-xp-tier >>> [part~="ladder"] [part~="tier"]');
    const tiers = await page.$$eval('rai-xp-tier >>> [part~="ladder"] [part~="tier"]', texts);
    assert.ok(tiers.length >= 3, `tier ladder: ${tiers.join(' | ')}`);

    // Public: nothing member-only.
    assert.equal(await page.$('rai-store >>> [part~="balance"]'), null, 'no balance without a member');

    await expectNoLayoutShift(t, page);
    await expectAccessible(page);
  });
});

test('partner site at a phone’s width: the widgets stack and still nothing moves', { timeout: 60_000 }, async (t) => {
  await withPage(e2e.browser, async (page) => {
    await page.setViewport({ width: 375, height: 800, deviceScaleFactor: 1 });
    await page.goto(`${e2e.stack.partnerSite}/`);
    for (const content of ['rai-leaderboard >>> [part~="row"]', 'rai-xp-tier >>> [part~="tier"]', 'rai-store >>> [part~="product"]']) await waitFor(page, content);
    const [leaderboard, tiers] = await Promise.all(
      ['rai-leaderboard', 'rai-xp-tier'].map((tag) => page.$eval(tag, (el) => ({ top: el.getBoundingClientRect().top, bottom: el.getBoundingClientRect().bottom }))),
    );
    assert.ok(tiers!.top >= leaderboard!.bottom, 'one column: the tier ladder under the leaderboard');
    await expectNoLayoutShift(t, page);
    await expectAccessible(page);
  });
});

/**
 * Records, at every frame from the first paint on, where the footer (what follows the widgets)
 * is on the page. A string, not a function: tsx would wrap a named function in a helper the
 * page does not have.
 */
const RECORD_FOOTER = `window.__e2eFooterTops = [];
requestAnimationFrame(function frame() {
  const footer = document.getElementById('footer');
  if (footer) window.__e2eFooterTops.push(footer.getBoundingClientRect().top + scrollY);
  requestAnimationFrame(frame);
});`;

// A visitor who follows a link to the page's end sees the store's last cards and the footer:
// the store and the tier ladder are as tall loaded as the loader and their skeletons held
// them, at a phone's width too (cards and tiers do not depend on names, badges or perks).
for (const width of [375, 1280]) {
  test(`partner site at ${width} px, opened at its footer: nothing above it grows when the data arrives`, { timeout: 60_000 }, async (t) => {
    await withPage(e2e.browser, async (page) => {
      await page.setViewport({ width, height: 800, deviceScaleFactor: 1 });
      await page.evaluateOnNewDocument(RECORD_FOOTER);
      await page.goto(`${e2e.stack.partnerSite}/#footer`);
      for (const content of ['rai-leaderboard >>> [part~="row"]', 'rai-xp-tier >>> [part~="tier"]', 'rai-store >>> [part~="product"]']) await waitFor(page, content);
      await expectNoLayoutShift(t, page);
      const tops = await page.evaluate(() => (window as unknown as { __e2eFooterTops: number[] }).__e2eFooterTops);
      const moved = Math.max(...tops) - Math.min(...tops);
      t.diagnostic(`footer moved by ${moved.toFixed(1)} px over ${tops.length} frames`);
      assert.ok(tops.length > 0, 'the footer was seen');
      assert.ok(moved <= 1, `the footer moved by ${moved.toFixed(1)} px (from ${Math.min(...tops).toFixed(1)} to ${Math.max(...tops).toFixed(1)})`);
      assert.ok(await page.$eval('#footer', (footer) => footer.getBoundingClientRect().top < innerHeight), 'the footer is in view');
    });
  });
}

/**
 * The loader reserves each widget's space before first paint (its script tag is
 * render-blocking), and each widget's skeleton is as tall as its content in this page's
 * configuration (the leaderboard's full table and "Load more", the tier ladder's
 * `--rai-xp-tier-reserve`), so nothing moves, neither when the widgets arrive nor when their
 * data or the "Live" marker does. Measured after the content and the event streams are in.
 * Without the reserve the page shifted by 0.2; with skeletons shorter than their content, 0.03.
 */
async function expectNoLayoutShift(t: TestContext, page: Page): Promise<void> {
  await waitFor(page, 'rai-leaderboard >>> [part~="live"]:not([hidden])');
  const shift = await layoutShift(page);
  t.diagnostic(`layout shift at ${page.viewport()?.width} px: ${shift.toFixed(4)}`);
  assert.equal(shift, 0, `layout shift ${shift.toFixed(4)}`);
}
