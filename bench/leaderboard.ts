/**
 * <rai-leaderboard> in headless Chromium against the real sandbox API: time to first rows
 * (side by side with a plain fetch + innerHTML floor and <rai-xp-tier>), a 5,000-row
 * scroll of the 100,000-member board, and 1,000 live rank updates. See README.md.
 * Run from the repo root with `npm run bench:leaderboard -w bench`.
 */
import { mintWidgetToken } from '@rai-kit/server';
import { runBrowserBench, type BrowserBench } from './browser-bench.js';
import { envInt, log } from './cli.js';
import { heapAfterGc, withFreshPage } from './browser/chromium.js';
import type { FirstRowsTarget, UpdatesResult } from './browser/protocol.js';
import { measureFirstRows, type FirstRowsSummary } from './first-rows-runs.js';
import { leaderboardTable, type ScrollRun, type ScrollSummary, type UpdatesRun } from './leaderboard-report.js';

const settings = {
  runs: envInt('BENCH_RUNS', 15),
  // ~40 s each on a 2-core machine (see README): one by default keeps the bench near 2.5 minutes.
  scrollRuns: envInt('BENCH_SCROLL_RUNS', 1),
  scrollRows: envInt('BENCH_SCROLL_ROWS', 5_000),
  updates: envInt('BENCH_UPDATES', 1_000),
  /** On the ~5,000-row slice after the scroll: each costs a frame, so fewer. */
  deepUpdates: envInt('BENCH_DEEP_UPDATES', 300),
};

const COMMUNITY = 'demo';
/** Data rows of <rai-leaderboard> (the header row lives in another rowgroup). */
const ROW = '[part~=table] .body > [role=row]';

/** What every measurement runs against. */
type Bench = BrowserBench;

await runBrowserBench({ name: 'leaderboard', page: 'page.ts', settings }, async (bench) => {
  const firstRows = await measureLeaderboardFirstRows(bench);
  const scrolls = await measureScroll(bench);
  const updates = await measureUpdates(bench);
  return { table: leaderboardTable(firstRows, scrolls, updates, settings.scrollRows), results: { firstRows, scrolls, updates } };
});

function leaderboard(bench: Bench, id: string, attributes: Record<string, string> = {}): FirstRowsTarget {
  return {
    kind: 'element',
    tag: 'rai-leaderboard',
    attributes: { 'community-id': COMMUNITY, 'leaderboard-id': id, 'api-url': bench.apiUrl, ...attributes },
    readySelector: ROW,
  };
}

async function measureLeaderboardFirstRows(bench: Bench): Promise<FirstRowsSummary[]> {
  const { token } = await mintWidgetToken({ secret: bench.tokenSecret, communityId: COMMUNITY, user: { id: 'u_0001' }, ttlSeconds: 900 });
  return measureFirstRows({
    browser: bench.browser,
    pageUrl: bench.pageUrl,
    open: (page, spec) => page.evaluate((s) => window.raiBench.firstRows(s), spec),
    widgets: [
      { name: '<rai-leaderboard> lb-xp', shows: 'lb-xp', spec: leaderboard(bench, 'lb-xp') },
      { name: '<rai-leaderboard> lb-arena', shows: 'lb-arena', spec: leaderboard(bench, 'lb-arena') },
      { name: '<rai-leaderboard> lb-arena, member', shows: 'lb-arena', spec: leaderboard(bench, 'lb-arena', { token }) },
      {
        name: '<rai-xp-tier> (public ladder)',
        shows: null,
        spec: { kind: 'element', tag: 'rai-xp-tier', attributes: { 'community-id': COMMUNITY, 'api-url': bench.apiUrl }, readySelector: '[part~=tier]' },
      },
    ],
    floorUrl: (board, requests) => requests.find((url) => url.includes(`/leaderboards/${board}/entries?`)),
    floorRows: 'entries',
    runs: settings.runs,
  });
}

/**
 * Scrolls lb-arena in fresh pages: `settings.scrollRuns` times as served, interleaved with
 * one diagnostic run where every row shares one avatar URL. The last run as served then
 * parks mid-slice and takes rank updates on its ~5,000 loaded rows.
 */
async function measureScroll(bench: Bench): Promise<ScrollSummary> {
  const plan = Array.from({ length: settings.scrollRuns }, (_, i) => [{ oneAvatar: false }, ...(i === 0 ? [{ oneAvatar: true }] : [])]).flat();
  const served: ScrollRun[] = [];
  const oneAvatar: ScrollRun[] = [];
  let deepUpdates: UpdatesResult | undefined;
  for (const [i, step] of plan.entries()) {
    const deep = !step.oneAvatar && served.length === settings.scrollRuns - 1;
    const { run, updates } = await withFreshPage(bench.browser, bench.pageUrl, async (page) => {
      // No live events during the scroll; the stream is the bench's so the last run can send some after.
      await page.evaluate(() => window.raiBench.fakeStream());
      if (step.oneAvatar) await page.evaluate(() => window.raiBench.shareOneAvatar());
      await page.evaluate((spec) => window.raiBench.firstRows(spec), leaderboard(bench, 'lb-arena'));
      const before = await heapAfterGc(page);
      const result = await page.evaluate((row, rows) => window.raiBench.scroll(row, rows), ROW, settings.scrollRows);
      const after = await heapAfterGc(page);
      if (deep) await page.evaluate((row) => window.raiBench.park(row), ROW);
      return {
        run: { ...result, heapBefore: before.heapBytes, heapAfter: after.heapBytes, domNodesBefore: before.domNodes, domNodesAfter: after.domNodes },
        updates: deep ? await page.evaluate((count) => window.raiBench.updates(count), settings.deepUpdates) : undefined,
      };
    });
    (step.oneAvatar ? oneAvatar : served).push(run);
    deepUpdates ??= updates;
    log(
      `scroll ${i + 1}/${plan.length}${step.oneAvatar ? ' (one shared avatar)' : ''}: row ${run.rowsPassed} in ${(run.wallMs / 1000).toFixed(1)} s, ` +
        `≤ ${run.maxDomRows} rows in the DOM`,
    );
  }
  if (!deepUpdates) throw new Error('the last scroll run took no updates');
  return { served, oneAvatar, deepUpdates };
}

/**
 * Rank updates on the top page of lb-arena as first loaded, with the rows sliding into
 * place (the default) and under `prefers-reduced-motion: reduce`, where the widget skips
 * the slide: the difference is what the FLIP animation costs.
 */
async function measureUpdates(bench: Bench): Promise<UpdatesRun[]> {
  const runs: UpdatesRun[] = [];
  for (const reducedMotion of [false, true]) {
    const result = await withFreshPage(bench.browser, bench.pageUrl, async (page) => {
      if (reducedMotion) await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      await page.evaluate(() => window.raiBench.fakeStream());
      await page.evaluate((spec) => window.raiBench.firstRows(spec), leaderboard(bench, 'lb-arena'));
      return page.evaluate((count) => window.raiBench.updates(count), settings.updates);
    });
    runs.push({ name: reducedMotion ? 'reduced motion: no slide' : 'rows slide into place', result });
    log(`updates: ${settings.updates} on ${result.sliceRows} loaded rows${reducedMotion ? ', reduced motion' : ''}`);
  }
  return runs;
}
