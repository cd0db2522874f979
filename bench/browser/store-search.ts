/**
 * Page side of the store bench's search: types into the search field of the mounted
 * `<rai-store>`, or of the floor (a bare field that fetches and writes plain cards on every
 * keystroke), and times each key to its results painted. Both are driven and observed the
 * same way: the field is `[part~=search]`, the results `[data-id]` in `[part~=grid]`, and the
 * grid's `aria-busy` says a search is in flight.
 */
import type { Product } from '@rai-kit/core/api';
import { floorProduct } from './first-rows.js';
import { afterPaint, whenInDom } from './frames.js';
import type { KeystrokeSample, SearchPlan, SearchResult } from './store-protocol.js';

/** When each product-list request left the page (the tap is installed before anything mounts). */
const productRequests: number[] = [];

export function tapProductRequests(): void {
  const realFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (new URL(url, location.href).pathname.endsWith('/store/products')) productRequests.push(performance.now());
    return realFetch(input, init);
  };
}

/**
 * The floor: what a page without the widget would do at the least, a search field whose every
 * keystroke fetches the first page and writes it with innerHTML. Only the latest keystroke's
 * answer is written (an older one arriving late would show the wrong results).
 */
export function floorSearch(productsUrl: string, pageSize: number): HTMLElement {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = '<input type="search" part="search" aria-label="Search"><div part="grid" role="list" aria-busy="false"></div>';
  const input = root.querySelector('input')!;
  const grid = root.querySelector<HTMLElement>('[part=grid]')!;
  let latest = 0;
  input.addEventListener('input', async () => {
    const mine = ++latest;
    const q = input.value.trim();
    grid.setAttribute('aria-busy', 'true');
    const url = `${productsUrl}?limit=${pageSize}${q ? `&q=${encodeURIComponent(q)}` : ''}`;
    const { data } = (await (await fetch(url, { headers: { Accept: 'application/json' } })).json()) as { data: Product[] };
    if (mine !== latest) return;
    grid.innerHTML = data.map(floorProduct).join('');
    grid.setAttribute('aria-busy', 'false');
  });
  return host;
}

const ids = (grid: Element): string[] => [...grid.querySelectorAll('[data-id]')].map((el) => el.getAttribute('data-id')!);

/** Sets the field to `text` as typing would, and answers when (`performance.now()`). */
function type(input: HTMLInputElement, text: string): number {
  input.value = text;
  const at = performance.now();
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text.at(-1) ?? null }));
  return at;
}

/**
 * Resolves once the grid shows `expected` and is not busy, having been busy since the call
 * (or at it): so a prefix whose results equal the previous prefix's still waits for its own
 * answer rather than counting the old one.
 */
function shown(root: ShadowRoot, expected: readonly string[], what: string): Promise<boolean> {
  let busySeen = false;
  return whenInDom(
    root,
    () => {
      const grid = root.querySelector('[part~=grid]');
      if (!grid) return false;
      if (grid.getAttribute('aria-busy') === 'true') busySeen = true;
      const list = ids(grid);
      return busySeen && grid.getAttribute('aria-busy') === 'false' && list.length === expected.length && list.every((id, i) => id === expected[i]);
    },
    what,
    20_000,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Delays before paced keys, spread over a 60 Hz frame (and repeating, so runs compare). */
const FRAME_PHASES = [0, 9, 3, 14, 6, 11, 1, 16, 8, 4, 13, 2, 10, 15, 5, 12, 7];

/** Types every query of `plan` into the search field under `root` and times it. */
export async function search(root: ShadowRoot, { queries, expected, keyIntervalMs }: SearchPlan): Promise<SearchResult> {
  const input = root.querySelector<HTMLInputElement>('[part~=search]');
  if (!input) throw new Error('no [part~=search] field');
  const samples: KeystrokeSample[] = [];
  const requestsPerQuery: number[] = [];
  const expect = (text: string) => {
    const list = expected[text];
    if (!list) throw new Error(`no expected results for "${text}"`);
    return list;
  };
  const sample = async (query: string, typed: string, at: number) => {
    await shown(root, expect(typed), `results for "${typed}"`);
    await afterPaint();
    const request = productRequests.find((t) => t >= at);
    samples.push({ query, typed, requestMs: request === undefined ? null : request - at, paintedMs: performance.now() - at });
  };

  for (const query of queries) {
    const before = productRequests.length;
    if (keyIntervalMs === null) {
      for (let n = 1; n <= query.length; n++) {
        // A paced key would otherwise always land in the rAF that ended the previous sample, at
        // the very start of a frame; people type at any point of one.
        await sleep(FRAME_PHASES[samples.length % FRAME_PHASES.length]!);
        await sample(query, query.slice(0, n), type(input, query.slice(0, n)));
      }
    } else {
      let last = 0;
      for (let n = 1; n <= query.length; n++) {
        if (n > 1) await sleep(keyIntervalMs);
        last = type(input, query.slice(0, n));
      }
      await sample(query, query, last);
    }
    requestsPerQuery.push(productRequests.length - before);
    // Back to the whole catalogue before the next word (not measured).
    type(input, '');
    await shown(root, expect(''), 'the catalogue again');
  }
  return { samples, requestsPerQuery };
}
