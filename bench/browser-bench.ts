/**
 * What every Chromium bench shares: the sandbox API on loopback, a page server with the
 * bench's bundled page script, one headless Chromium, the machine line, the table, and the
 * results JSON under bench/results/ — and, whatever happens, everything closed again.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createMemoryUpstream, createWidgetApi, startServer, type WidgetApiOptions } from '@rai-kit/server';
import type { Browser } from 'puppeteer-core';
import { launchBenchChromium, machineInfo } from './browser/chromium.js';
import { bundle, startPageServer } from './browser/page-server.js';

/** What a bench's scenarios run against. */
export interface BrowserBench {
  browser: Browser;
  /** The page that loads the bundled script. */
  pageUrl: string;
  apiUrl: string;
  tokenSecret: string;
}

/** What a bench reports: its table, and the figures written to `results/<name>.json`. */
export interface BenchReport {
  table: string;
  results: Record<string, unknown>;
  /** Runs after the results are written (so a failed run's figures can still be read); throw to fail the bench. */
  check?: () => void;
}

export async function runBrowserBench(
  options: {
    /** `results/<name>.json`. */
    name: string;
    /** The page script, relative to bench/browser/. */
    page: string;
    settings: Record<string, unknown>;
    /** Extra options of the API under test (the rate limiter is always off). */
    api?: Partial<WidgetApiOptions>;
  },
  run: (bench: BrowserBench) => Promise<BenchReport>,
): Promise<void> {
  const tokenSecret = randomBytes(32).toString('hex');
  const upstream = createMemoryUpstream({ seed: 42 });
  const api = await startServer({
    api: createWidgetApi({ upstream, tokenSecret, sandboxAdmin: true, rateLimit: false, ...options.api }),
    port: 0,
    hostname: '127.0.0.1',
  });
  const closers: Array<() => unknown> = [() => upstream.close(), () => api.close()];
  try {
    const pages = await startPageServer(await bundle(`./${options.page}`));
    closers.unshift(() => pages.close());
    const browser = await launchBenchChromium();
    closers.unshift(() => browser.close());
    const machine = await machineInfo(browser);
    const report = await run({ browser, pageUrl: pages.url, apiUrl: api.url, tokenSecret });
    console.log(`\n${machine.cpu} × ${machine.cpuCount}, ${machine.platform}, ${machine.chromium} (headless), Node ${machine.node}\n`);
    console.log(report.table);

    const out = new URL(`./results/${options.name}.json`, import.meta.url);
    await mkdir(new URL('.', out), { recursive: true });
    const json = { date: new Date().toISOString(), machine, settings: options.settings, ...report.results };
    await writeFile(out, JSON.stringify(json, null, 2) + '\n');
    console.log(`Wrote ${out.pathname}`);
    report.check?.();
  } catch (error) {
    console.error('\nBENCH FAILED:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    for (const close of closers) await close();
  }
}
