/**
 * Reports the guest's content height to the host: rounded up to whole CSS pixels (a fraction
 * left off would show a scrollbar), only when it changed, and — when observing — measured at
 * most once per animation frame, so a burst of layout changes costs one message and the host's
 * resize of the iframe cannot feed back into a stream of reports.
 */
export class SizeReporter {
  #last = -1;
  readonly #send: (height: number) => void;

  constructor(send: (height: number) => void) {
    this.#send = send;
  }

  /** Sends `height` (rounded up) unless it is what was sent last. */
  report(height: number): void {
    if (!Number.isFinite(height) || height < 0) throw new RangeError(`height must be a finite number ≥ 0; got ${height}.`);
    const rounded = Math.ceil(height);
    if (rounded === this.#last) return;
    this.#last = rounded;
    this.#send(rounded);
  }

  /** Observes `element`'s border-box height; returns the function that stops observing. */
  observe(element: Element): () => void {
    let frame = 0;
    const measure = () => {
      frame = 0;
      this.report(element.getBoundingClientRect().height);
    };
    const observer = new ResizeObserver(() => {
      frame ||= requestAnimationFrame(measure);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }
}
