/**
 * Embedding 2, the logged-in portal: its own backend logs a member in and serves the auth-url;
 * the four widgets run for the member on short-lived tokens they renew, and after logout
 * they fall back to their public views and ask for no more tokens.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { expectAccessible, layoutShift, waitFor, waitForNone, withPage } from './support/browser.js';
import { e2e, PORTAL_TOKEN_TTL_SECONDS } from './support/e2e.js';

const TTL_MS = PORTAL_TOKEN_TTL_SECONDS * 1000;

test('portal: a member gets all four widgets on renewed tokens; logout falls back to public', { timeout: 90_000 }, async (t) => {
  await withPage(e2e.browser, async (page) => {
    await page.evaluateOnNewDocument(RECORD_SHIFTS);
    const portal = e2e.stack.portal;
    const tokenRequests: number[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url() === `${portal}/rai/token`) tokenRequests.push(Date.now());
    });

    // Signed out, the page is public: no token asked for.
    await page.goto(`${portal}/`);
    await waitFor(page, 'rai-chat-channel >>> [part~="sign-in-button"]');
    assert.equal(tokenRequests.length, 0);

    const member = await page.$eval('#user option[value="u_0003"]', (option) => option.textContent!.replace(/ \(.*\)$/, ''));
    await page.select('#user', 'u_0003');
    await Promise.all([page.waitForNavigation(), page.click('#login button[type="submit"]')]);
    assert.equal(await page.$eval('#signed-in', (el) => el.textContent), `Signed in as ${member}.`);

    // All four widgets run for the member.
    const pinned = await waitFor(page, 'rai-leaderboard >>> [part~="me"]');
    assert.match(await pinned.evaluate((el) => el.textContent ?? ''), /#?\d/, 'the member’s own rank is pinned');
    await waitFor(page, 'rai-xp-tier >>> [part~="summary"] [part~="progress"]');
    await waitFor(page, 'rai-chat-channel >>> [part~="composer"]');
    const balance = await waitFor(page, 'rai-store >>> [part~="balance"]');
    assert.match(await balance.evaluate((el) => el.textContent ?? ''), /\d/, 'the store shows the member’s balance');
    // One token for the whole page: every widget shares the auth-url's source.
    const firstToken = tokenRequests[0]!;
    assert.equal(tokenRequests.filter((at) => at < firstToken + TTL_MS / 2 - 500).length, 1, 'one token request served all four widgets');
    await expectAccessible(page);

    // Past the first token's lifetime: renewed ahead of expiry, and the member can still post.
    await sleep(Math.max(0, firstToken + TTL_MS + 500 - Date.now()));
    assert.ok(tokenRequests.length >= 2, `tokens requested: ${tokenRequests.length}`);

    // Nothing moved from the widgets' first paint as a member through their data, the live
    // markers and a token renewal: each skeleton holds the member's view (the leaderboard's
    // pinned position, the XP summary, the chat's composer, the store's tabs). Only the
    // loader's reserve, which is the public views' height (a member variant does not fit in its
    // 2 kB), may move the page once, when a widget's code arrives after the first paint: the
    // leaderboard's pinned position pushes the store down (0.0027 measured; 0 when the code is
    // in before the first paint).
    const { total, afterDefined } = await shifts(page);
    t.diagnostic(`member layout shift at ${page.viewport()?.width} px: ${total.toFixed(4)} (${afterDefined.toFixed(4)} after the widgets were defined)`);
    assert.equal(afterDefined, 0, `layout shift after the widgets were defined: ${afterDefined.toFixed(4)}`);
    assert.ok(total < 0.005, `layout shift ${total.toFixed(4)}`);
    const text = `Hello from the portal e2e test ${Date.now()}`;
    const sent = page.evaluate(
      () => new Promise<string>((resolve) => document.addEventListener('rai-message-sent', (event) => resolve((event as CustomEvent<{ message: { text: string } }>).detail.message.text), { once: true })),
    );
    await page.type('rai-chat-channel >>> textarea', text);
    await page.keyboard.press('Enter');
    assert.equal(await sent, text, 'the server accepted the message');
    await waitFor(page, `rai-chat-channel >>> [part~="message"] [part~="text"]::-p-text(${JSON.stringify(text)})`);

    // Logout in place: public views, and no more token requests.
    await page.click('#logout');
    await waitFor(page, 'rai-chat-channel >>> [part~="sign-in-button"]');
    await waitForNone(page, 'rai-chat-channel >>> [part~="composer"]');
    await waitForNone(page, 'rai-store >>> [part~="balance"]');
    await waitForNone(page, 'rai-leaderboard >>> [part~="me"]');
    await waitForNone(page, 'rai-xp-tier >>> [part~="summary"]');
    await waitFor(page, 'rai-xp-tier >>> [part~="ladder"]');
    await waitFor(page, 'rai-leaderboard >>> [part~="row"] [part~="name"]');
    assert.equal(await page.$eval('#login', (form) => (form as HTMLFormElement).hidden), false, 'the login form is back');
    const afterLogout = tokenRequests.length;
    await sleep(TTL_MS + 500);
    assert.equal(tokenRequests.length, afterLogout, 'no token requests after logout');
    await expectAccessible(page);
  });
});

test('portal at a phone’s width: a member’s widgets stack, and nothing moves when their data arrives', { timeout: 60_000 }, async (t) => {
  await withPage(e2e.browser, async (page) => {
    // 900 px tall: the tier ladder's top is in view below the leaderboard, whose pinned position would push it.
    await page.setViewport({ width: 375, height: 900, deviceScaleFactor: 1 });
    await page.evaluateOnNewDocument(RECORD_SHIFTS);
    await page.goto(`${e2e.stack.portal}/`);
    await page.select('#user', 'u_0003');
    await Promise.all([page.waitForNavigation(), page.click('#login button[type="submit"]')]);
    for (const content of [
      'rai-leaderboard >>> [part~="me"]',
      'rai-leaderboard >>> [part~="live"]:not([hidden])',
      'rai-xp-tier >>> [part~="live"]:not([hidden])',
      'rai-chat-channel >>> [part~="composer"]',
      'rai-store >>> [part~="balance"]',
    ]) {
      await waitFor(page, content);
    }
    const { total, afterDefined } = await shifts(page);
    t.diagnostic(`member layout shift at 375 px: ${total.toFixed(4)} (${afterDefined.toFixed(4)} after the widgets were defined)`);
    assert.equal(afterDefined, 0, `layout shift after the widgets were defined: ${afterDefined.toFixed(4)}`);
    // The loader's public reserve, when the leaderboard's code arrives after the first paint: 0.0059 measured.
    assert.ok(total < 0.01, `layout shift ${total.toFixed(4)}`);
  });
});

/**
 * Runs in each document before its scripts: every layout shift's time, and the start of the
 * frame after the one that first drew all four widgets (their skeletons: a widget renders as it
 * is defined), so the upgrade's shift (reported as that first frame is laid out, after its
 * animation callbacks) tells from the later ones. A string: tsx would wrap a function's nested
 * helpers in `__name()`, which the page lacks.
 */
const RECORD_SHIFTS = `
  window.__portalShifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__portalShifts.push({ at: entry.startTime, value: entry.value });
  }).observe({ type: 'layout-shift', buffered: true });
  Promise.all(['rai-leaderboard', 'rai-xp-tier', 'rai-chat-channel', 'rai-store'].map((tag) => customElements.whenDefined(tag)))
    .then(() => requestAnimationFrame(() => requestAnimationFrame(() => (window.__portalDefinedAt = performance.now()))));
`;

/** The page's layout shift (the probes' sum) and the part of it after all four widgets were defined. */
async function shifts(page: Page): Promise<{ total: number; afterDefined: number }> {
  const { definedAt, afterDefined } = await page.evaluate(() => {
    const probed = window as unknown as { __portalShifts: Array<{ at: number; value: number }>; __portalDefinedAt?: number };
    const definedAt = probed.__portalDefinedAt ?? null;
    return { definedAt, afterDefined: probed.__portalShifts.filter((shift) => definedAt !== null && shift.at > definedAt).reduce((sum, shift) => sum + shift.value, 0) };
  });
  assert.notEqual(definedAt, null, 'all four widgets were defined');
  return { total: await layoutShift(page), afterDefined };
}
