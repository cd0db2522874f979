/**
 * What every e2e test file shares: one demo stack and one Chromium for the whole run (each
 * test opens its own browser context). Importing this module registers the start and the
 * teardown around all tests of the process, once however many files import it.
 */
import { after, before } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../../../scripts/chromium.js';
import { startDemoStack, type DemoStack } from './stack.js';

/** Short, so a refresh happens within a test: the source renews at half the lifetime. */
export const PORTAL_TOKEN_TTL_SECONDS = 6;

let stack: DemoStack | undefined;
let browser: Browser | undefined;

before(
  async () => {
    // Settled, not all: when one fails, the other is still kept for `after` to close.
    const [started, launched] = await Promise.allSettled([startDemoStack({ PORTAL_TOKEN_TTL: String(PORTAL_TOKEN_TTL_SECONDS) }), launchChromium()]);
    if (started.status === 'fulfilled') stack = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    for (const outcome of [started, launched]) if (outcome.status === 'rejected') throw outcome.reason;
  },
  { timeout: 90_000 },
);

after(async () => {
  await browser?.close();
  await stack?.stop();
});

export const e2e = {
  get stack(): DemoStack {
    if (!stack) throw new Error('the demo stack is not running (its start failed, see above)');
    return stack;
  },
  get browser(): Browser {
    if (!browser) throw new Error('Chromium is not running (its launch failed, see above)');
    return browser;
  },
};
