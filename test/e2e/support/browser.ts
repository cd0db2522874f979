/**
 * Headless Chromium for the e2e tests (scripts/chromium.ts: Debian's build and the flags this
 * machine needs), a fresh browser context per test (its own cookies, cache and JS realms), and
 * what every test checks besides its own assertions: no console error, no uncaught exception,
 * no CSP or Trusted Types violation, and no axe violation on the whole page, frames included.
 *
 * Page functions here are written without nested named functions: tsx compiles this file, and
 * it would wrap those in a `__name()` helper that does not exist in the page.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type * as Axe from 'axe-core';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';


/** What the probes below keep on the page's window. */
interface ProbedWindow {
  __e2eLayoutShift: number;
}

/**
 * Runs in every document of the page (frames too) before its own scripts: reports CSP and
 * Trusted Types violations as console errors (so they fail the test like any other), and sums
 * the layout shifts the user did not cause (CLS without session windows: every shift counts).
 */
function installProbes(): void {
  document.addEventListener(
    'securitypolicyviolation',
    (event) => console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`),
    true,
  );
  const probed = window as unknown as ProbedWindow;
  probed.__e2eLayoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>) {
      if (!entry.hadRecentInput) probed.__e2eLayoutShift += entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/**
 * Opens a page in a fresh browser context, runs `use`, and fails when the page (or any of
 * its frames) logged an error, threw, or hit a CSP violation meanwhile.
 */
export async function withPage(browser: Browser, use: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.createBrowserContext();
  const problems: string[] = [];
  try {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url ?? 'unknown source'})`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error instanceof Error ? error.message : String(error)}`));
    await page.evaluateOnNewDocument(installProbes);
    try {
      await use(page);
    } catch (error) {
      if (problems.length && error instanceof Error) error.message += `\nThe page also reported:\n${problems.join('\n')}`;
      throw error;
    }
    assert.deepEqual(problems, [], 'the page reported errors');
  } finally {
    await context.close();
  }
}

/** Calls `probe` every 100 ms until it answers something (not null, undefined or false). */
export async function until<T>(probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, what: string, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const answer = await probe();
    if (answer !== null && answer !== undefined && answer !== false) return answer;
    if (Date.now() > deadline) throw new Error(`waited ${timeout} ms for ${what}`);
    await sleep(100);
  }
}

/**
 * Waits until `selector` matches (`>>>` pierces shadow roots) and returns the match. Polls:
 * puppeteer's `waitForSelector` watches the document's mutations, so it misses an element a
 * widget renders into its shadow root later.
 */
export function waitFor(page: Page, selector: string): Promise<ElementHandle<Element>> {
  return until(() => page.$(selector), selector);
}

/** Waits until `selector` (`>>>` pierces shadow roots) matches nothing. */
export async function waitForNone(page: Page, selector: string): Promise<void> {
  await until(async () => (await page.$(selector)) === null, `nothing to match ${selector}`);
}

/** The layout shift the page has had so far (0 = nothing moved). */
export function layoutShift(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as ProbedWindow).__e2eLayoutShift);
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page and in each of its frames (each on its own document, so a
 * cross-origin frame is checked too) and fails on any violation. axe is evaluated through
 * DevTools (`frame.evaluate` of its source), which a page's CSP does not govern, so the pages
 * keep their strict policy; no `<script>` is added to them.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const source = await axeSource;
  const violations: string[] = [];
  for (const frame of page.frames()) {
    if (!frame.url().startsWith('http')) continue;
    await frame.evaluate(source);
    const found = await frame.evaluate(async () => {
      const { axe } = window as unknown as { axe: typeof Axe };
      const results = await axe.run(document, { iframes: false, resultTypes: ['violations'] });
      return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    violations.push(...found.map((line) => `${frame.url()}: ${line}`));
  }
  assert.deepEqual(violations, [], 'axe found accessibility violations');
}
