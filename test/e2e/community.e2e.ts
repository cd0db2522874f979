/**
 * Embedding 3, the community with an iframe channel: a member opens the Arcade channel, the
 * partner app in its cross-origin frame shares a score through the host, and the channel's
 * chat on the community page shows the post.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectAccessible, until, waitFor, withPage } from './support/browser.js';
import { e2e } from './support/e2e.js';

test('community: the partner app in an iframe channel posts into it, and the chat on the page shows it', { timeout: 90_000 }, async () => {
  await withPage(e2e.browser, async (page) => {
    const { main, partnerApp } = e2e.stack;
    // The first visit compiles the page's modules (Vite, in development): give it time.
    await page.goto(`${main}/community.html`, { timeout: 60_000 });
    await page.waitForSelector('#user option[value="u_0005"]', { timeout: 30_000 });
    const member = await page.$eval('#user option[value="u_0005"]', (option) => option.textContent!.replace(/ \(.*\)$/, ''));
    await page.select('#user', 'u_0005');
    await page.click('#login button[type="submit"]');
    await page.waitForFunction((name) => document.getElementById('signed-in')?.textContent === `Signed in as ${name}.`, {}, member);

    // The channel list reloads for the member (set in the same task as the greeting): click in the new one.
    await page.waitForFunction(() => document.getElementById('channels-status')?.textContent === '');
    await page.click('button[data-channel="ch-arcade"]');
    const arcade = await until(() => page.frames().find((frame) => frame.url().startsWith(`${partnerApp}/`)), `a frame from ${partnerApp}`);
    await arcade.waitForFunction((name) => document.getElementById('greeting')?.textContent === `Hi ${name}!`, { timeout: 30_000 }, member);

    // Play a round (the game lasts 5 s), then share the score.
    await arcade.click('#start');
    for (let i = 0; i < 3; i++) await arcade.click('#coin');
    await arcade.waitForFunction(() => !(document.getElementById('share') as HTMLButtonElement).disabled, { timeout: 10_000 });
    const post = 'I grabbed 3 coins in 5 seconds in the Arcade!';
    await arcade.click('#share');
    await arcade.waitForFunction(() => document.getElementById('share-status')?.textContent === 'Shared in the channel.');

    // The channel's chat on the community page shows the app's post, live.
    await waitFor(page, `rai-chat-channel >>> [part~="message"] [part~="text"]::-p-text(${JSON.stringify(post)})`);
    assert.equal(await page.$eval('#frame-events', (el) => el.textContent), 'The arcade shared a score into the channel (rai-message-sent).');

    await expectAccessible(page);
  });
});
