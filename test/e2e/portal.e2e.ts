/**
 * Embedding 2, the logged-in portal: its own backend logs a member in and serves the auth-url;
 * the four widgets run for the member on short-lived tokens they renew, and after logout
 * they fall back to their public views and ask for no more tokens.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { expectAccessible, waitFor, waitForNone, withPage } from './support/browser.js';
import { e2e, PORTAL_TOKEN_TTL_SECONDS } from './support/e2e.js';

const TTL_MS = PORTAL_TOKEN_TTL_SECONDS * 1000;

test('portal: a member gets all four widgets on renewed tokens; logout falls back to public', { timeout: 90_000 }, async () => {
  await withPage(e2e.browser, async (page) => {
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
