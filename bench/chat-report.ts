/** The table chat.ts prints, from what its four measurements collected. */
import type { ReceiveResult, ScrollBackResult } from './browser/chat-protocol.js';
import type { FirstRowsSummary } from './first-rows-runs.js';
import { markdownTable, mb, median, ms, percentile } from './report.js';

export interface ScrollBackRun extends ScrollBackResult {
  heapBefore: number;
  heapAfter: number;
  domNodesBefore: number;
  domNodesAfter: number;
}

export interface ReceiveRun extends ReceiveResult {
  scrolledUp: boolean;
}

export interface SendRun {
  failPercent: number;
  sends: number;
  /** `rai-message-sent` events, and the details of any `rai-message-failed`. */
  sentEvents: number;
  failures: string[];
  /** First `send()` → last `rai-message-sent`. */
  wallMs: number;
  /** Send requests the page made, and how many got no 2xx answer. */
  requests: number;
  failedRequests: number;
  /** From the channel's history afterwards: distinct sequence numbers, extra copies, messages after a higher number. */
  delivered: number;
  duplicates: number;
  orderViolations: number;
}

export interface ChatFigures {
  firstMessages: FirstRowsSummary[];
  scrolls: ScrollBackRun[];
  receives: ReceiveRun[];
  sends: SendRun[];
  settings: { scrollMessages: number; receive: number; receiveRate: number; sends: number };
}

export function chatTable({ firstMessages, scrolls, receives, sends, settings }: ChatFigures): string {
  const rows: string[][] = [];
  // The measurement is named on the first of its rows only.
  let named = '';
  const add = (measurement: string, what: string, p50: string, p95: string, note: string) => {
    rows.push([measurement === named ? '' : measurement, what, p50, p95, note]);
    named = measurement;
  };

  const floors = new Map(firstMessages.filter((r) => r.floor).map((r) => [r.shows, median(r.paintMs)]));
  for (const r of firstMessages) {
    const floor = floors.get(r.shows);
    const ratio = floor === undefined || r.floor ? '' : `${(median(r.paintMs) / floor).toFixed(2)}× floor; `;
    const note = `${ratio}in DOM ${ms(median(r.domMs))}; ${r.rows} messages, ${r.requests.length} req`;
    add(`first messages painted, ms (${r.paintMs.length} cold pages)`, r.name, ms(median(r.paintMs)), ms(percentile(r.paintMs, 95)), note);
  }

  const scroll = `scroll ch-history back ${settings.scrollMessages.toLocaleString('en')} messages (median of ${scrolls.length})`;
  const m = (pick: (run: ScrollBackRun) => number) => median(scrolls.map(pick));
  add(scroll, 'message articles in the DOM, max', String(m((r) => r.maxArticles)), '', `${m((r) => r.messagesPassed)} messages passed`);
  add(scroll, 'elements in the shadow root, max', String(m((r) => r.maxElements)), '', '');
  add(
    scroll,
    'nodes in the shadow root: before → after',
    `${m((r) => r.shadowNodes[0].all)} → ${m((r) => r.shadowNodes[1].all)}`,
    '',
    `comments ${m((r) => r.shadowNodes[0].comments)} → ${m((r) => r.shadowNodes[1].comments)}`,
  );
  add(scroll, 'JS heap after GC, MB: before → after', `${mb(m((r) => r.heapBefore))} → ${mb(m((r) => r.heapAfter))}`, '', `+${mb(m((r) => r.heapAfter - r.heapBefore))} MB`);
  add(scroll, 'live DOM nodes (page, after GC): before → after', `${m((r) => r.domNodesBefore)} → ${m((r) => r.domNodesAfter)}`, '', '');
  add(scroll, 'wall time, s', (m((r) => r.wallMs) / 1000).toFixed(1), '', `${m((r) => r.steps)} frames of one viewport`);
  const frames = scrolls.flatMap((r) => r.frameMs);
  add(scroll, 'frame time (rAF to rAF), ms', ms(median(frames)), ms(percentile(frames, 95)), `${frames.filter((f) => f > 50).length} of ${frames.length} frames > 50 ms`);

  for (const scrolledUp of [false, true]) {
    const runs = receives.filter((r) => r.scrolledUp === scrolledUp);
    if (runs.length === 0) continue;
    const label = `receive ${settings.receive.toLocaleString('en')} at ${settings.receiveRate}/s, ms (${runs.length} runs pooled, ${scrolledUp ? 'scrolled up' : 'pinned to the bottom'})`;
    const painted = runs.reduce((n, r) => n + r.rendered, 0);
    const arrived = runs.reduce((n, r) => n + r.arrived, 0);
    const moved = runs.map((r) => `${r.fromBottom[0]} → ${r.fromBottom[1]}`).join(', ');
    const counted = runs.reduce((n, r) => n + r.counted, 0);
    const dom = runs.flatMap((r) => r.domMs);
    const paint = runs.flatMap((r) => r.paintMs);
    const count = runs.flatMap((r) => r.countMs);
    add(label, 'stream arrival → article in the DOM', ms(median(dom)), ms(percentile(dom, 95)), `${painted} of ${arrived} arrived rendered`);
    const frameStart = runs.flatMap((r) => r.frameMs);
    const nextFrame = runs.flatMap((r) => r.nextFrameMs);
    add(label, 'stream arrival → next frame starts (rAF)', ms(median(frameStart)), ms(percentile(frameStart, 95)), 'lower bound of the paint');
    add(label, 'stream arrival → the frame after starts (double rAF)', ms(median(nextFrame)), ms(percentile(nextFrame, 95)), 'the paint is done');
    add(label, 'stream arrival → article painted (rAF + setTimeout)', ms(median(paint)), ms(percentile(paint, 95)), `px from the bottom, before → after: ${moved}`);
    const frames = runs.flatMap((r) => r.frameIntervalMs);
    add(label, 'frame time while receiving (rAF to rAF)', ms(median(frames)), ms(percentile(frames, 95)), `${frames.filter((f) => f > 50).length} of ${frames.length} frames > 50 ms`);
    if (counted) add(label, 'stream arrival → "N new messages" painted', ms(median(count)), ms(percentile(count, 95)), `${counted} of ${arrived} counted`);
  }

  for (const r of sends) {
    const label = `send ${r.sends} through send(), ${r.failPercent} % of send requests failing`;
    const failed = r.requests ? `, ${r.failedRequests} failed (${((100 * r.failedRequests) / r.requests).toFixed(1)} %)` : '';
    add(label, 'delivered / duplicates / order violations', `${r.delivered} / ${r.duplicates} / ${r.orderViolations}`, '', `${r.sentEvents} rai-message-sent, ${r.failures.length} rai-message-failed`);
    add(label, 'time to all delivered, s', (r.wallMs / 1000).toFixed(1), '', `${r.requests} send requests${failed}`);
  }

  return markdownTable(['measurement', 'what', 'p50', 'p95', 'note'], rows, [0, 1, 4]);
}
