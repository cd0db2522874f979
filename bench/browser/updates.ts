/** Page side of "apply 1,000 live rank updates". */
import type { LeaderboardPeriod } from '@rai-kit/core/api';
import { StandingsView, type StandingsSnapshot } from '@rai-kit/core/leaderboard';
import type { FakeStream } from './fake-stream.js';
import type { Widget } from './first-rows.js';
import type { UpdatesResult } from './protocol.js';
import { rankEvents } from './rank-events.js';
import { nextApply, unprobed, widgetView } from './view-probe.js';

/** After the frame that follows: rAF callbacks run before that frame's style, layout and paint; a task queued from one runs after them. */
const frameDone = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))));

export async function updates(el: Widget, stream: FakeStream, count: number): Promise<UpdatesResult> {
  const view = widgetView();
  const snapshot: StandingsSnapshot = { ...view.slice, total: view.total, lastEventId: view.position! };
  const period = el.getAttribute('period') as LeaderboardPeriod; // reflected: the period shown
  const events = rankEvents(snapshot, period, count);

  // The same events on a bare view: what the arithmetic costs without any rendering.
  const alone = new StandingsView();
  unprobed.reset.call(alone, snapshot);
  const viewMs = events.map((event) => {
    const start = performance.now();
    unprobed.apply.call(alone, event);
    return performance.now() - start;
  });

  const result: UpdatesResult = { sliceRows: snapshot.entries.length, viewMs, appliedMs: [], renderedMs: [], layoutMs: [], frameMs: [] };
  stream.send();
  await frameDone();
  for (const event of events) {
    const applied = nextApply();
    const start = performance.now();
    stream.send(event);
    result.appliedMs.push((await applied) - start);
    await el.updateComplete;
    result.renderedMs.push(performance.now() - start);
    // Reading a layout value makes the browser bring style and layout up to date now.
    void el.offsetHeight;
    result.layoutMs.push(performance.now() - start);
    result.frameMs.push((await frameDone()) - start);
  }

  // The widget's view must have taken every event exactly like the bare one.
  const rows = (v: StandingsView) => v.slice.entries.map((e) => `${e.rank} ${e.user.id} ${e.score}`);
  const [got, want] = [rows(view), rows(alone)];
  const diff = want.findIndex((row, i) => got[i] !== row);
  if (view.position !== events.at(-1)?.id || diff !== -1 || got.length !== want.length) {
    throw new Error(`the widget's view is at ${view.position} with row ${diff}: ${got[diff]}, a bare view: ${want[diff]}`);
  }
  return result;
}
