/** Page side of "scroll through 5,000 rows": one viewport per frame, waiting for pages as they load. */
import { nextFrame } from './frames.js';
import type { Widget } from './first-rows.js';
import type { ScrollResult } from './protocol.js';
import { widgetView } from './view-probe.js';

export async function scroll(el: Widget, rowSelector: string, minRows: number, stallMs = 10_000): Promise<ScrollResult> {
  const root = el.shadowRoot!;
  const rows = () => root.querySelectorAll(rowSelector);
  const firstRow = rows()[0];
  if (!firstRow) throw new Error(`no row matches ${rowSelector}`);
  const scroller = scrollingAncestor(firstRow);
  // aria-rowindex counts the header row as 1.
  const passed = () => Number(rows()[rows().length - 1]?.getAttribute('aria-rowindex') ?? 1) - 1;

  const nodesBefore = countNodes(root);
  const frameMs: number[] = [];
  let maxDomRows = 0;
  let steps = 0;
  let stalledSince: number | null = null;
  const start = performance.now();
  let last = await nextFrame();
  while (passed() < minRows) {
    maxDomRows = Math.max(maxDomRows, rows().length);
    const before = scroller.scrollTop;
    scroller.scrollTop = before + scroller.clientHeight;
    steps++;
    const now = await nextFrame();
    frameMs.push(now - last);
    last = now;
    // At the bottom the next page is on its way: wait for it, but not forever.
    if (scroller.scrollTop > before) stalledSince = null;
    else if (now - (stalledSince ??= now) > stallMs) throw new Error(`scrolling stalled at row ${passed()} (${steps} steps)`);
  }
  return {
    wallMs: performance.now() - start,
    rowsPassed: passed(),
    rowsLoaded: widgetView().slice.entries.length,
    maxDomRows: Math.max(maxDomRows, rows().length),
    shadowNodes: [nodesBefore, countNodes(root)],
    steps,
    frameMs,
    scroller: describe(scroller),
  };
}

/** Every node in the shadow root, and how many of them are comments (Lit's part markers). */
export function countNodes(root: ShadowRoot): { all: number; comments: number } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  const count = { all: 0, comments: 0 };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    count.all++;
    if (node.nodeType === Node.COMMENT_NODE) count.comments++;
  }
  return count;
}

/** The nearest ancestor (across the shadow boundary) that scrolls vertically. */
function scrollingAncestor(from: Element): Element {
  for (let node: Element | null = from; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) return node;
  }
  throw new Error('no scrolling ancestor: the widget grows with its rows instead of scrolling');
}

function describe(el: Element): string {
  const part = el.getAttribute('part');
  return `${el.localName}${part ? `[part="${part}"]` : ''}`;
}

/**
 * Scrolls to the middle of the loaded rows, away from the edges that load pages, and
 * waits until no page has arrived for half a second: the slice then only changes by events.
 */
export async function park(el: Widget, rowSelector: string): Promise<void> {
  const firstRow = el.shadowRoot!.querySelector(rowSelector);
  if (!firstRow) throw new Error(`no row matches ${rowSelector}`);
  const scroller = scrollingAncestor(firstRow);
  scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) / 2;
  let loaded = widgetView().slice.entries.length;
  for (let still = 0; still < 30; ) {
    await nextFrame();
    const now = widgetView().slice.entries.length;
    still = now === loaded ? still + 1 : 0;
    loaded = now;
  }
}
