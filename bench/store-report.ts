/** The table store.ts prints, from what its two measurements collected. */
import type { SearchResult } from './browser/store-protocol.js';
import type { FirstRowsSummary } from './first-rows-runs.js';
import { markdownTable, median, ms, percentile } from './report.js';

/** One page's typing: the widget's or the floor's, paced or in bursts. */
export interface SearchRun extends SearchResult {
  target: string;
  floor: boolean;
  /** `null`: paced (each key after the previous results painted); else ms between keys. */
  keyIntervalMs: number | null;
}

export interface StoreFigures {
  firstProducts: FirstRowsSummary[];
  searches: SearchRun[];
  settings: { queries: string[]; pageSize: number };
}

export function storeTable({ firstProducts, searches, settings }: StoreFigures): string {
  const rows: string[][] = [];
  let named = '';
  const add = (measurement: string, what: string, p50: string, p95: string, note: string) => {
    rows.push([measurement === named ? '' : measurement, what, p50, p95, note]);
    named = measurement;
  };
  const p = (values: number[]) => [ms(median(values)), ms(percentile(values, 95))] as const;

  const floor = firstProducts.find((r) => r.floor);
  for (const r of firstProducts) {
    const ratio = floor && !r.floor ? `${(median(r.paintMs) / median(floor.paintMs)).toFixed(2)}× floor; ` : '';
    const note = `${ratio}in DOM ${ms(median(r.domMs))}; ${r.rows} products, ${r.requests.length} req`;
    add(`first products painted, ms (${r.paintMs.length} cold pages)`, r.name, ...p(r.paintMs), note);
  }

  for (const burst of [false, true]) {
    const runs = searches.filter((r) => (r.keyIntervalMs !== null) === burst);
    if (runs.length === 0) continue;
    const perTarget = new Map<string, SearchRun[]>();
    for (const run of runs) perTarget.set(run.target, [...(perTarget.get(run.target) ?? []), run]);
    const pages = runs.length / perTarget.size;
    const label = burst
      ? `search in bursts (keys ${runs[0]!.keyIntervalMs} ms apart): last key → its results painted, ms (${settings.queries.length} words × ${pages} pages)`
      : `search keystroke → results painted, ms (paced: every key of ${settings.queries.length} words, × ${pages} pages, pooled)`;
    const floorPainted = median([...perTarget.values()].find((r) => r[0]!.floor)?.flatMap((r) => r.samples.map((s) => s.paintedMs)) ?? []);
    for (const [target, own] of perTarget) {
      const samples = own.flatMap((r) => r.samples);
      const painted = samples.map((s) => s.paintedMs);
      const requested = samples.flatMap((s) => (s.requestMs === null ? [] : [s.requestMs]));
      const afterRequest = samples.flatMap((s) => (s.requestMs === null ? [] : [s.paintedMs - s.requestMs]));
      const requests = own.flatMap((r) => r.requestsPerQuery);
      const ratio = own[0]!.floor || !Number.isFinite(floorPainted) ? '' : `${(median(painted) / floorPainted).toFixed(2)}× floor; `;
      const note =
        `${ratio}key → request sent ${ms(median(requested))} (p95 ${ms(percentile(requested, 95))}), request → painted ` +
        `${ms(median(afterRequest))} (p95 ${ms(percentile(afterRequest, 95))}); ${samples.length} samples; requests per word: ` +
        `median ${median(requests)}, max ${Math.max(...requests)}`;
      add(label, target, ...p(painted), note);
    }
  }
  return markdownTable(['measurement', 'what', 'p50', 'p95', 'note'], rows, [0, 1, 4]);
}
