/**
 * Page side of "receive 1,000 messages at 100/s". A message is shown once its
 * `article[data-id]` is in the DOM or, scrolled up, once the widget counts it in its
 * "N new messages" (`rai-unread-change`); from there the frames that paint it are timed
 * (`nextFrameSpan`: next rAF, double rAF, rAF + setTimeout).
 */
import { MESSAGE, fromBottom, logOf } from './chat-dom.js';
import type { ReceiveResult } from './chat-protocol.js';
import { listenForArrivals, streamOpen } from './chat-fetch-tap.js';
import type { Widget } from './first-rows.js';
import { nextFrame, nextFrameSpan } from './frames.js';

interface Timing {
  arrivedAt: number;
  /** Its article appeared; the next frame started, the one after started, a task queued from the first ran. */
  domAt?: number;
  frameAt?: number;
  nextFrameAt?: number;
  paintedAt?: number;
  /** The unread count first included it, and the frame after. */
  countedAt?: number;
  countPaintedAt?: number;
}

interface Watch {
  timings: Map<string, Timing>;
  frameMs: number[];
  stop: () => void;
  startFromBottom: number;
  /** Called whenever a message is painted either way. */
  progress: () => void;
}

let watching: Watch | null = null;

/** Starts timing every message that arrives from now on, once the widget's stream is open. */
export async function watch(el: Widget): Promise<void> {
  if (watching) throw new Error('already watching');
  await streamOpen();
  const root = el.shadowRoot!;
  const timings = new Map<string, Timing>();
  /** Arrivals in order: the unread count covers the first N of them (nothing was unread at the start). */
  const arrivals: Timing[] = [];
  const painted = (timing: Timing, key: 'paintedAt' | 'countPaintedAt') =>
    void nextFrameSpan().then(({ start, next, done }) => {
      if (key === 'paintedAt') Object.assign(timing, { frameAt: start, nextFrameAt: next });
      timing[key] = done;
      state.progress();
    });

  listenForArrivals((id, at) => {
    if (timings.has(id)) return;
    const timing = { arrivedAt: at };
    timings.set(id, timing);
    arrivals.push(timing);
  });

  // Mutation observers run as microtasks right after the render that changed the DOM. A
  // message shows up as an added article, or as an article that now has its id (a list that
  // reuses its elements by position once it is full and prunes at the far end).
  const observer = new MutationObserver((records) => {
    const at = performance.now();
    for (const record of records) {
      for (const node of record.type === 'attributes' ? [record.target] : record.addedNodes) {
        if (!(node instanceof Element)) continue;
        for (const article of node.matches(MESSAGE) ? [node] : node.querySelectorAll(MESSAGE)) {
          const timing = timings.get((article as HTMLElement).dataset.id!);
          if (!timing || timing.domAt !== undefined) continue;
          timing.domAt = at;
          painted(timing, 'paintedAt');
        }
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-id'] });

  const onUnread = (event: Event) => {
    const at = performance.now();
    const { count } = (event as CustomEvent<{ count: number }>).detail;
    for (const timing of arrivals.slice(0, count)) {
      if (timing.countedAt !== undefined) continue;
      timing.countedAt = at;
      painted(timing, 'countPaintedAt');
    }
  };
  el.addEventListener('rai-unread-change', onUnread);

  // Frame intervals while receiving: how busy the main thread is, beside the per-message figures.
  const frameMs: number[] = [];
  let frames = true;
  void (async () => {
    for (let last = await nextFrame(); frames; ) {
      const now = await nextFrame();
      frameMs.push(now - last);
      last = now;
    }
  })();

  const state: Watch = {
    timings,
    frameMs,
    startFromBottom: fromBottom(logOf(el)),
    progress: () => {},
    stop: () => {
      frames = false;
      observer.disconnect();
      el.removeEventListener('rai-unread-change', onUnread);
      listenForArrivals(null);
    },
  };
  watching = state;
}

export async function received(el: Widget, count: number, idleMs: number): Promise<ReceiveResult> {
  const state = watching;
  if (!state) throw new Error('call watch() first');
  const shown = () => [...state.timings.values()].filter((t) => t.paintedAt !== undefined || t.countPaintedAt !== undefined).length;
  await new Promise<void>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    state.progress = () => {
      clearTimeout(timer);
      timer = setTimeout(resolve, shown() >= count ? 0 : idleMs);
    };
    state.progress();
  });
  state.stop();
  watching = null;
  const timings = [...state.timings.values()];
  const rendered = timings.filter((t) => t.paintedAt !== undefined);
  const counted = timings.filter((t) => t.countPaintedAt !== undefined);
  return {
    arrived: timings.length,
    rendered: rendered.length,
    domMs: rendered.map((t) => t.domAt! - t.arrivedAt),
    frameMs: rendered.map((t) => t.frameAt! - t.arrivedAt),
    nextFrameMs: rendered.map((t) => t.nextFrameAt! - t.arrivedAt),
    paintMs: rendered.map((t) => t.paintedAt! - t.arrivedAt),
    counted: counted.length,
    countMs: counted.map((t) => t.countPaintedAt! - t.arrivedAt),
    fromBottom: [state.startFromBottom, fromBottom(logOf(el))],
    frameIntervalMs: state.frameMs,
  };
}
