/** What the store bench page (store-page.ts) offers the Node harness (store.ts), shared by both sides. */
import type { FirstRowsResult, FirstRowsTarget } from './protocol.js';

/** What to type and what each prefix should show. */
export interface SearchPlan {
  /** Words typed letter by letter, one after the other (the field is cleared in between). */
  queries: string[];
  /** Product ids of the first page for every prefix of every query, and for `''` (no search). */
  expected: Record<string, string[]>;
  /**
   * `null`: paced, each key once the previous key's results are painted (every keystroke
   * measured). A number: a burst, keys this many ms apart (only the last one measured).
   */
  keyIntervalMs: number | null;
}

/** One measured keystroke: times in ms from the input event. */
export interface KeystrokeSample {
  query: string;
  /** What the field held after the key. */
  typed: string;
  /** → the first product request after the key left the page (the debounce, for the widget); `null` if none did. */
  requestMs: number | null;
  /** → the grid shows this text's results, not busy, and the frame after has run (double rAF). */
  paintedMs: number;
}

export interface SearchResult {
  samples: KeystrokeSample[];
  /** Product requests per query while typing it (keys and the clearing after excluded). */
  requestsPerQuery: number[];
}

export interface RaiStoreBench {
  /** Mounts `target` (the element stays for the calls below) and times its first products. */
  firstRows(target: FirstRowsTarget): Promise<FirstRowsResult>;
  /** Mounts the floor's search field (fetch + innerHTML per keystroke, no debounce) over `productsUrl`. */
  mountFloorSearch(productsUrl: string, pageSize: number): Promise<void>;
  /** Types `plan` into the mounted element's (or floor's) search field and times it. */
  search(plan: SearchPlan): Promise<SearchResult>;
}

declare global {
  interface Window {
    raiStoreBench: RaiStoreBench;
  }
}
