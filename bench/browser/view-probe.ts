/**
 * Instrumentation of the one `StandingsView` class in the bundle (the widget's, since the
 * bench page and the widget import the same module): remembers the last view that loaded a
 * snapshot, and tells the bench when an event has gone through `apply`.
 */
import type { StandingsEventData } from '@rai-kit/core/api';
import { StandingsView } from '@rai-kit/core/leaderboard';
import type { StreamEvent } from '@rai-kit/core/realtime';

type Apply = (this: StandingsView, event: StreamEvent<StandingsEventData>) => void;

/** The class's own methods, for views of the bench's own (not remembered, not timed as the widget's). */
export const unprobed: { apply: Apply; reset: StandingsView['reset'] } = {
  apply: StandingsView.prototype.apply,
  reset: StandingsView.prototype.reset,
};

let lastView: StandingsView | null = null;
let applied: ((at: number) => void) | null = null;

StandingsView.prototype.reset = function (this: StandingsView, snapshot) {
  lastView = this;
  unprobed.reset.call(this, snapshot);
};
StandingsView.prototype.apply = function (this: StandingsView, event) {
  unprobed.apply.call(this, event);
  applied?.(performance.now());
};

export function widgetView(): StandingsView {
  if (!lastView) throw new Error('no StandingsView has loaded a snapshot: does the widget use one?');
  return lastView;
}

/** Resolves with the time the next `apply` returned (the view and the widget's onChange are done). */
export function nextApply(): Promise<number> {
  return new Promise((resolve) => {
    applied = (at) => {
      applied = null;
      resolve(at);
    };
  });
}
