/** Headless Chromium for the browser benches, and the CDP probes they read. */
import os from 'node:os';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from '../../scripts/chromium.js';

/** The benches' viewport. */
export const launchBenchChromium = (): Promise<Browser> => launchChromium({ width: 1280, height: 800 });

/**
 * Runs `use` on `url` opened in a fresh browser context: its own HTTP cache, connection
 * pool and CORS preflight cache, and a new JS realm (so the kit's shared API client is new):
 * a first visit. Fails when the page throws or logs an error, other than those matching
 * `expected` (the console lines a bench provokes on purpose, such as injected 503s).
 */
export async function withFreshPage<T>(browser: Browser, url: string, use: (page: Page) => Promise<T>, expected?: RegExp): Promise<T> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
    page.on('console', (message) => {
      if ((message.type() === 'error' || message.type() === 'warn') && !expected?.test(message.text())) errors.push(message.text());
    });
    await page.goto(url);
    const result = await use(page);
    if (errors.length) throw new Error(`the page reported: ${errors.join(' | ')}`);
    return result;
  } finally {
    await context.close();
  }
}

/** JS heap in use after a full GC, and the page's DOM node count. */
export async function heapAfterGc(page: Page): Promise<{ heapBytes: number; domNodes: number }> {
  const cdp = await page.createCDPSession();
  try {
    // Twice: objects freed by the first pass's finalizers are collected by the second.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { nodes } = await cdp.send('Memory.getDOMCounters');
    return { heapBytes: usedSize, domNodes: nodes };
  } finally {
    await cdp.detach();
  }
}

export async function machineInfo(browser: Browser): Promise<{ cpu: string; cpuCount: number; chromium: string; node: string; platform: string }> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cpuCount: cpus.length,
    chromium: await browser.version(),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}
