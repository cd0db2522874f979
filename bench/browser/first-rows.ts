/** Page side of "time to first ranked rows painted". */
import { afterPaint, whenInDom } from './frames.js';
import type { FirstRowsResult, FirstRowsTarget } from './protocol.js';

/** The element the last `firstRows` mounted, kept for the scenarios that continue with it. */
export type Widget = HTMLElement & { updateComplete: Promise<boolean> };
let mounted: Widget | null = null;

export function lastMounted(): Widget {
  if (!mounted) throw new Error('mount an element with firstRows first');
  return mounted;
}

/**
 * Marks `rai-bench:connected`, `:in-dom` and `:painted` and measures from the first to the
 * others, so a DevTools trace of the page shows the same intervals the bench reports.
 */
export async function firstRows(target: FirstRowsTarget): Promise<FirstRowsResult> {
  performance.clearMarks();
  performance.clearMeasures();
  const rows = target.kind === 'floor' ? await floor(target.url) : await element(target);
  performance.mark('rai-bench:in-dom');
  await afterPaint();
  performance.mark('rai-bench:painted');
  return {
    domMs: performance.measure('rai-bench:first-rows-in-dom', 'rai-bench:connected', 'rai-bench:in-dom').duration,
    paintMs: performance.measure('rai-bench:first-rows-painted', 'rai-bench:connected', 'rai-bench:painted').duration,
    rows,
    requests: performance
      .getEntriesByType('resource')
      .filter((entry) => !entry.name.startsWith(location.origin))
      .map((entry) => entry.name),
  };
}

/** Resolves with the number of content rows as soon as there are any. */
async function element(target: Extract<FirstRowsTarget, { kind: 'element' }>): Promise<number> {
  const el = document.createElement(target.tag) as Widget;
  mounted = el;
  for (const [name, value] of Object.entries(target.attributes)) el.setAttribute(name, value);
  performance.mark('rai-bench:connected');
  document.body.append(el);
  // Lit attaches the shadow root when connected and renders in a later microtask: nothing is missed.
  const root = el.shadowRoot!;
  return whenInDom(root, () => root.querySelectorAll(target.readySelector).length, target.readySelector);
}

/** The floor: one fetch of the same entries page, rows written with innerHTML. */
async function floor(url: string): Promise<number> {
  performance.mark('rai-bench:connected');
  const box = document.createElement('div');
  box.setAttribute('role', 'table');
  document.body.append(box);
  const { data } = (await (await fetch(url, { headers: { Accept: 'application/json' } })).json()) as { data: FloorEntry[] };
  box.innerHTML = data
    .map(
      (e) =>
        `<div role="row"><span role="cell">${e.rank}</span><span role="cell"><img src="${escape(e.user.avatarUrl)}" alt="" width="32" height="32">` +
        `${escape(e.user.displayName)}</span><span role="cell">${e.score.toLocaleString()}</span></div>`,
    )
    .join('');
  return data.length;
}

interface FloorEntry {
  rank: number;
  score: number;
  user: { displayName: string; avatarUrl: string };
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
