/** The table leaderboard.ts prints, from what its three measurements collected. */
import type { ScrollResult, UpdatesResult } from './browser/protocol.js';
import type { FirstRowsSummary } from './first-rows-runs.js';
import { markdownTable, mb, mean, median, ms, percentile } from './report.js';

export interface ScrollRun extends ScrollResult {
  heapBefore: number;
  heapAfter: number;
  domNodesBefore: number;
  domNodesAfter: number;
}

export interface ScrollSummary {
  /** Runs on the standings as served. */
  served: ScrollRun[];
  /** Diagnostic runs where every row shares one avatar URL. */
  oneAvatar: ScrollRun[];
  /** Updates on the last served run's slice after its scroll. */
  deepUpdates: UpdatesResult;
}

export interface UpdatesRun {
  name: string;
  result: UpdatesResult;
}

export function leaderboardTable(firstRows: FirstRowsSummary[], scrolls: ScrollSummary, updates: UpdatesRun[], scrollRows: number): string {
  const rows: string[][] = [];
  // The measurement is named on the first of its rows only.
  let named = '';
  const add = (measurement: string, what: string, p50: string, p95: string, note: string) => {
    rows.push([measurement === named ? '' : measurement, what, p50, p95, note]);
    named = measurement;
  };

  const floors = new Map(firstRows.filter((r) => r.floor).map((r) => [r.shows, median(r.paintMs)]));
  for (const r of firstRows) {
    const floor = floors.get(r.shows);
    const ratio = floor === undefined ? '' : `${(median(r.paintMs) / floor).toFixed(2)}× floor; `;
    const note = `${ratio}in DOM ${ms(median(r.domMs))}; ${r.rows} rows, ${r.requests.length} req`;
    add(`first rows painted, ms (${r.paintMs.length} cold pages)`, r.name, ms(median(r.paintMs)), ms(percentile(r.paintMs, 95)), note);
  }

  const scroll = `scroll lb-arena to row ${scrollRows.toLocaleString('en')}`;
  const { served, oneAvatar, deepUpdates } = scrolls;
  const m = (pick: (run: ScrollRun) => number) => median(served.map(pick));
  const servedLabel = `${scroll} (median of ${served.length})`;
  const oneAvatarLabel = `${scroll}, one shared avatar (diagnostic)`;
  add(servedLabel, 'data rows in the DOM, max', String(m((r) => r.maxDomRows)), '', `${m((r) => r.rowsLoaded)} rows loaded`);
  add(servedLabel, 'JS heap after GC, MB: before → after', `${mb(m((r) => r.heapBefore))} → ${mb(m((r) => r.heapAfter))}`, '', `+${mb(m((r) => r.heapAfter - r.heapBefore))} MB`);
  add(servedLabel, 'live DOM nodes (page, after GC): before → after', `${m((r) => r.domNodesBefore)} → ${m((r) => r.domNodesAfter)}`, '', '');
  add(
    servedLabel,
    'nodes in the shadow root: before → after',
    `${m((r) => r.shadowNodes[0].all)} → ${m((r) => r.shadowNodes[1].all)}`,
    '',
    `comments ${m((r) => r.shadowNodes[0].comments)} → ${m((r) => r.shadowNodes[1].comments)}`,
  );
  for (const [label, runs] of [[servedLabel, served], [oneAvatarLabel, oneAvatar]] as const) {
    add(label, 'wall time, s', (median(runs.map((r) => r.wallMs)) / 1000).toFixed(1), '', `${median(runs.map((r) => r.steps))} frames of one viewport`);
    const all = runs.flatMap((run) => run.frameMs);
    const long = all.filter((f) => f > 50).length;
    add(label, 'frame time (rAF to rAF), ms', ms(median(all)), ms(percentile(all, 95)), `${long} of ${all.length} frames > 50 ms`);
    // Does it get slower the further it goes? Mean frame time of each quarter of the scroll.
    const quarters = runs.map((run) => [0, 1, 2, 3].map((q) => mean(run.frameMs.slice((q * run.frameMs.length) / 4, ((q + 1) * run.frameMs.length) / 4))));
    add(label, 'mean frame time by quarter of the scroll, ms', [0, 1, 2, 3].map((q) => ms(median(quarters.map((run) => run[q]!)), 0)).join(' → '), '', '');
  }

  for (const { name, result: u } of [...updates, { name: 'scrolled down, rows slide', result: deepUpdates }]) {
    const label = `${u.viewMs.length.toLocaleString('en')} rank updates, ms each (${u.sliceRows.toLocaleString('en')} rows loaded, ${name})`;
    const line = (what: string, values: number[], digits = 2) => add(label, what, ms(median(values), digits), ms(percentile(values, 95), digits), '');
    line('StandingsView.apply alone (no widget)', u.viewMs, 3);
    line('widget: stream write → view applied', u.appliedMs);
    line('widget: → render done (updateComplete)', u.renderedMs);
    line('widget: → style + layout done', u.layoutMs);
    line('widget: → next frame done', u.frameMs, 1);
  }

  return markdownTable(['measurement', 'what', 'p50', 'p95', 'note'], rows, [0, 1, 4]);
}
