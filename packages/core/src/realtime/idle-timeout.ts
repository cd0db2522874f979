/** A request's abort controller with an inactivity deadline. See {@link withIdleTimeout}. */
export interface IdleTimeout {
  readonly signal: AbortSignal;
  /** True once the deadline, not the parent, aborted the request. */
  readonly timedOut: boolean;
  /** Activity seen: restart the deadline. */
  kick(): void;
  /** Stops the timer, unlinks from the parent and aborts whatever is still open. */
  dispose(): void;
}

/**
 * Aborts when `parent` aborts, or when `kick()` has not been called for `timeoutMs`:
 * a dead connection often never errors, only goes silent.
 */
export function withIdleTimeout(parent: AbortSignal, timeoutMs: number): IdleTimeout {
  const controller = new AbortController();
  const abort = () => controller.abort();
  parent.addEventListener('abort', abort, { once: true });
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const kick = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
  };
  kick();
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    kick,
    dispose() {
      clearTimeout(timer);
      parent.removeEventListener('abort', abort);
      controller.abort();
    },
  };
}
