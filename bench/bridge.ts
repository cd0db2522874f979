/**
 * Our postMessage bridge beside penpal in headless Chromium: `echo` calls from a host page to a
 * cross-site guest iframe (round-trip latency, calls per second one at a time and with 32 in
 * flight, a tiny and a ~10 kB payload), then the minified, gzip and brotli size of each side of
 * ours, penpal, post-robot, zoid and @iframe-resizer/child. See README.md. Run with
 * `npm run bench:bridge -w bench`.
 */
import { withFreshPage } from './browser/chromium.js';
import { LIBRARIES, type GuestQuery, type RoundPlan, type RoundResult } from './browser/bridge-protocol.js';
import { startGuestServer } from './browser/bridge-guest-server.js';
import { measureSizes } from './browser/bridge-sizes.js';
import { bundle } from './browser/page-server.js';
import { bridgeTable, summarize } from './bridge-report.js';
import { runBrowserBench } from './browser-bench.js';
import { envInt, log } from './cli.js';

const settings = {
  rounds: envInt('BENCH_RUNS', 5),
  warmup: envInt('BENCH_WARMUP', 500),
  sequential: envInt('BENCH_CALLS', 2_000),
  concurrent: envInt('BENCH_CONCURRENT_CALLS', 4_000),
  inFlight: envInt('BENCH_IN_FLIGHT', 32),
};

await runBrowserBench({ name: 'bridge', page: 'bridge-host.ts', settings }, async ({ browser, pageUrl }) => {
  const guest = await startGuestServer(await bundle('./bridge-guest.ts'));
  try {
    const rounds: RoundResult[] = [];
    for (let round = 0; round < settings.rounds; round++) {
      // Alternate which library goes first, so neither always runs on the warmer machine.
      for (const library of round % 2 ? [...LIBRARIES].reverse() : LIBRARIES) {
        const query: GuestQuery = { lib: library, host: new URL(pageUrl).origin };
        const plan: RoundPlan = { library, guestUrl: `${guest.url}?${new URLSearchParams({ ...query })}`, ...settings };
        const result = await withFreshPage(browser, pageUrl, (page) => page.evaluate((p) => window.raiBridgeBench.round(p), plan));
        rounds.push(result);
        const rates = result.payloads.map((p) => `${p.payload} ${Math.round(p.sequentialPerSecond)}/s`);
        log(`round ${round + 1}/${settings.rounds}, ${library}: ${rates.join(', ')} one at a time`);
      }
    }
    const sizes = await measureSizes();
    const summary = summarize(rounds);
    return { table: bridgeTable(summary, sizes, settings), results: { ...summary, sizes } };
  } finally {
    await guest.close();
  }
});
