/**
 * "Time to first rows painted", side by side: each widget and a floor that reads the same
 * page with one fetch and writes plain elements, over cold pages, interleaved. Shared by the
 * leaderboard and chat benches.
 */
import type { Browser, Page } from 'puppeteer-core';
import { withFreshPage } from './browser/chromium.js';
import type { FirstRowsResult, FirstRowsTarget, FloorRows } from './browser/protocol.js';
import { log } from './cli.js';

export interface FirstRowsCandidate {
  name: string;
  /** The collection it shows (a board, a channel); its ratio is to the floor of the same. */
  shows: string | null;
  spec: FirstRowsTarget;
}

/** One first-rows target over all its runs. */
export interface FirstRowsSummary {
  name: string;
  shows: string | null;
  floor: boolean;
  paintMs: number[];
  domMs: number[];
  rows: number;
  /** API requests before the first rows (path and query). */
  requests: string[];
}

export interface FirstRowsPlan {
  browser: Browser;
  pageUrl: string;
  /** Runs the page's `firstRows(spec)` (each bench page has its own global). */
  open: (page: Page, spec: FirstRowsTarget) => Promise<FirstRowsResult>;
  widgets: FirstRowsCandidate[];
  /** Of the requests a widget made before its first rows, the one its floor repeats. */
  floorUrl: (shows: string, requests: string[]) => string | undefined;
  floorRows: FloorRows;
  runs: number;
}

export async function measureFirstRows({ browser, pageUrl, open, widgets, floorUrl, floorRows, runs }: FirstRowsPlan): Promise<FirstRowsSummary[]> {
  // Mounts `spec` in a fresh page (cold: new context, new realm) and times its first rows.
  const cold = (spec: FirstRowsTarget) => withFreshPage(browser, pageUrl, (page) => open(page, spec));
  // Warm-up: server JIT and lazily built data; it also tells which URL each widget reads
  // for its first rows, so its floor reads exactly that.
  const floors: FirstRowsCandidate[] = [];
  for (const widget of widgets) {
    const { requests } = await cold(widget.spec);
    log(`warm-up ${widget.name}: ${requests.length} requests before first rows`);
    const { shows } = widget;
    const url = shows && !floors.some((f) => f.shows === shows) && floorUrl(shows, requests);
    if (url) floors.push({ name: `floor: fetch + innerHTML, ${shows}`, shows, spec: { kind: 'floor', url, rows: floorRows } });
  }
  const targets = [...floors, ...widgets];
  for (const floor of floors) await cold(floor.spec); // their own warm-up

  const results = new Map<FirstRowsCandidate, FirstRowsResult[]>(targets.map((t) => [t, []]));
  for (let run = 0; run < runs; run++) {
    // Interleaved, rotating who goes first, so drift hits every target alike.
    for (let i = 0; i < targets.length; i++) {
      const target = targets[(run + i) % targets.length]!;
      results.get(target)!.push(await cold(target.spec));
    }
    log(`first rows: run ${run + 1}/${runs}`);
  }
  return targets.map((target) => {
    const all = results.get(target)!;
    return {
      name: target.name,
      shows: target.shows,
      floor: target.spec.kind === 'floor',
      paintMs: all.map((r) => r.paintMs),
      domMs: all.map((r) => r.domMs),
      rows: all[0]!.rows,
      requests: all[0]!.requests.map((url) => new URL(url).pathname + new URL(url).search),
    };
  });
}
