/**
 * <rai-store> in headless Chromium against the real sandbox API, each beside a floor: time to
 * first products painted on the 200-product demo store (public and signed in), and search
 * keystroke to results painted, typing letter by letter (paced, and in bursts faster than the
 * widget's debounce). See README.md. Run with `npm run bench:store -w bench`.
 */
import { API_PREFIX, paths, type Product } from '@rai-kit/core/api';
import { mintWidgetToken } from '@rai-kit/server';
import { withFreshPage } from './browser/chromium.js';
import type { FirstRowsTarget } from './browser/protocol.js';
import type { SearchPlan } from './browser/store-protocol.js';
import { runBrowserBench, type BrowserBench } from './browser-bench.js';
import { envInt, log } from './cli.js';
import { measureFirstRows } from './first-rows-runs.js';
import { storeTable, type SearchRun } from './store-report.js';

const settings = {
  runs: envInt('BENCH_RUNS', 10),
  searchRuns: envInt('BENCH_SEARCH_RUNS', 3),
  burstKeyMs: envInt('BENCH_BURST_KEY_MS', 80),
  /** The widget's default page size; the floor asks for as many. */
  pageSize: 24,
  /** Every prefix of each must find something (checked first), so each key has results to paint. */
  queries: ['hoodie', 'voucher', 'midnight', 'keyboard', 'suspicious', 'recycled', 'ticket', 'emoji'],
};

const COMMUNITY = 'demo';
/** A product card in the widget's grid (its documented part). */
const PRODUCT = '[part~=product][data-id]';

/** What every measurement runs against. */
interface Bench extends BrowserBench {
  productsUrl: string;
  token: string;
}

await runBrowserBench({ name: 'store', page: 'store-page.ts', settings }, async (base) => {
  const { token } = await mintWidgetToken({ secret: base.tokenSecret, communityId: COMMUNITY, user: { id: 'u_0001' }, ttlSeconds: 900 });
  const productsUrl = `${base.apiUrl}${API_PREFIX}${paths.storeProducts(COMMUNITY)}`;
  const bench: Bench = { ...base, productsUrl, token };
  const firstProducts = await measureFirstProducts(bench);
  const searches = await measureSearch(bench, await searchPlan(bench));
  return { table: storeTable({ firstProducts, searches, settings }), results: { firstProducts, searches } };
});

function store(bench: Bench, attributes: Record<string, string> = {}): FirstRowsTarget {
  return { kind: 'element', tag: 'rai-store', attributes: { 'community-id': COMMUNITY, 'api-url': bench.apiUrl, ...attributes }, readySelector: PRODUCT };
}

/** a. Cold pages: the store in public mode and signed in (balance and event stream too), beside the floor. */
function measureFirstProducts(bench: Bench) {
  return measureFirstRows({
    browser: bench.browser,
    pageUrl: bench.pageUrl,
    open: (page, spec) => page.evaluate((s) => window.raiStoreBench.firstRows(s), spec),
    widgets: [
      { name: '<rai-store> demo, public', shows: COMMUNITY, spec: store(bench) },
      { name: '<rai-store> demo, signed in', shows: COMMUNITY, spec: store(bench, { token: bench.token }) },
    ],
    floorUrl: (_, requests) => requests.find((url) => new URL(url).pathname.endsWith('/store/products')),
    floorRows: 'products',
    runs: settings.runs,
  });
}

/** The first page of every prefix of every query (and of no query), read from the API as the widget would. */
async function searchPlan(bench: Bench): Promise<Record<string, string[]>> {
  const texts = new Set(['', ...settings.queries.flatMap((q) => Array.from(q, (_, i) => q.slice(0, i + 1)))]);
  const expected: Record<string, string[]> = {};
  for (const text of texts) {
    const response = await fetch(`${bench.productsUrl}?limit=${settings.pageSize}${text ? `&q=${encodeURIComponent(text)}` : ''}`);
    const { data } = (await response.json()) as { data: Product[] };
    if (data.length === 0) throw new Error(`"${text}" finds no product: choose queries whose every prefix finds one`);
    expected[text] = data.map((p) => p.id);
  }
  return expected;
}

/**
 * b. Per cold page: the widget (after its first products) or the floor types every query,
 * paced, then every query again in bursts. Widget and floor alternate which goes first.
 */
async function measureSearch(bench: Bench, expected: Record<string, string[]>): Promise<SearchRun[]> {
  const runs: SearchRun[] = [];
  const targets = [
    { target: '<rai-store> (debounce included)', floor: false },
    { target: 'floor: fetch + innerHTML per key', floor: true },
  ];
  for (let run = 0; run < settings.searchRuns; run++) {
    for (const { target, floor } of run % 2 ? [...targets].reverse() : targets) {
      const typed = await withFreshPage(bench.browser, bench.pageUrl, async (page) => {
        if (floor) await page.evaluate((url, size) => window.raiStoreBench.mountFloorSearch(url, size), bench.productsUrl, settings.pageSize);
        else await page.evaluate((spec) => window.raiStoreBench.firstRows(spec), store(bench));
        const results: SearchRun[] = [];
        for (const keyIntervalMs of [null, settings.burstKeyMs]) {
          const plan: SearchPlan = { queries: settings.queries, expected, keyIntervalMs };
          results.push({ target, floor, keyIntervalMs, ...(await page.evaluate((p) => window.raiStoreBench.search(p), plan)) });
        }
        return results;
      });
      runs.push(...typed);
      log(`search ${run + 1}/${settings.searchRuns}, ${target}: ${typed.map((r) => r.samples.length).join(' + ')} samples`);
    }
  }
  return runs;
}
