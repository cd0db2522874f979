/** Page side of "scroll back through 5,000 messages": one viewport up per frame, waiting for older pages as they load. */
import { MESSAGE, logOf } from './chat-dom.js';
import type { ScrollBackResult } from './chat-protocol.js';
import type { Widget } from './first-rows.js';
import { nextFrame } from './frames.js';
import { countNodes } from './scroll.js';

export async function scrollBack(el: Widget, messages: number, stallMs = 15_000): Promise<ScrollBackResult> {
  const root = el.shadowRoot!;
  const log = logOf(el);
  // Ids, not positions: counts right whether the widget keeps, prunes or virtualises what it passed.
  const seen = new Set<string>();
  const look = (): number => {
    const articles = root.querySelectorAll<HTMLElement>(MESSAGE);
    for (const article of articles) seen.add(article.dataset.id!);
    return articles.length;
  };
  const shown = look();
  const passed = () => seen.size - shown;

  const nodesBefore = countNodes(root);
  const frameMs: number[] = [];
  let maxArticles = shown;
  let maxElements = 0;
  let steps = 0;
  let stalledSince: number | null = null;
  const start = performance.now();
  let last = await nextFrame();
  while (passed() < messages) {
    const before = log.scrollTop;
    log.scrollTop = before - log.clientHeight;
    steps++;
    const now = await nextFrame();
    frameMs.push(now - last);
    last = now;
    maxArticles = Math.max(maxArticles, look());
    maxElements = Math.max(maxElements, root.querySelectorAll('*').length);
    // At the top the older page is on its way: wait for it, but not forever.
    if (log.scrollTop < before) stalledSince = null;
    else if (now - (stalledSince ??= now) > stallMs) throw new Error(`scrolling back stalled after ${passed()} messages (${steps} steps)`);
  }
  return {
    wallMs: performance.now() - start,
    messagesPassed: passed(),
    maxArticles,
    maxElements,
    shadowNodes: [nodesBefore, countNodes(root)],
    steps,
    frameMs,
  };
}
